// The .deb that `tauri build` made installs and its app starts to the welcome dialog.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, byTestId, createHome, pageText, quit } from "./harness.mjs";

const DEB_DIR = join(ROOT, "target/debug/bundle/deb");

function canInstallSystemWide() {
  if (process.getuid?.() === 0) return [];
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore" });
    return ["sudo", "-n"];
  } catch {
    return null;
  }
}

function asRoot(sudo, [command, ...args]) {
  const [file, argv] = sudo.length ? [sudo[0], [...sudo.slice(1), command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: "inherit" });
}

test("the .deb installs and launches", async () => {
  const debs = existsSync(DEB_DIR) ? readdirSync(DEB_DIR).filter((f) => f.endsWith(".deb")) : [];
  assert.equal(debs.length, 1, `one .deb in ${DEB_DIR} (run \`npx tauri build --debug --bundles deb\` first)`);
  const deb = join(DEB_DIR, debs[0]);
  const fields = execFileSync("dpkg-deb", ["--field", deb, "Package", "Depends"], { encoding: "utf8" });
  assert.match(fields, /Package: liaison/);
  assert.match(fields, /libwebkit2gtk-4\.1-0/);

  const sudo = canInstallSystemWide();
  let application;
  let extracted;
  if (sudo) {
    asRoot(sudo, ["apt-get", "install", "-y", "-qq", "--no-install-recommends", deb]);
    application = "/usr/bin/liaison";
  } else {
    // No root: unpack the package as dpkg would and run it from there.
    extracted = mkdtempSync(join(tmpdir(), "liaison-deb-"));
    execFileSync("dpkg-deb", ["-x", deb, extracted]);
    application = join(extracted, "usr/bin/liaison");
  }
  assert.ok(existsSync(application), `${application} installed`);

  const home = await createHome("deb");
  try {
    const browser = await home.launch({ application });
    await byTestId(browser, "welcome");
    assert.match(await pageText(browser), /创建我的工作区/);
    await quit(browser);
  } finally {
    await home.dispose();
    if (sudo) {
      asRoot(sudo, ["dpkg", "-r", "liaison"]);
    }
    if (extracted) rmSync(extracted, { recursive: true, force: true });
  }
});
