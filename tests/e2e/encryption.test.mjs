// Encryption at rest in the real window: the director sets a passphrase (the screen warns that a
// forgotten one cannot be recovered and waits for the tick), the file on disk shows no plaintext,
// the next start asks for the passphrase, a wrong one is refused, the right one opens the data.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { byTestId, click, createHome, invoke, quit, screenshot, text } from "./harness.mjs";

const PASSPHRASE = "青山-绿水-2026";
const CANARY = "加密测试人甲乙丙";

async function typeInto(browser, testId, value) {
  const input = await byTestId(browser, testId);
  await input.click();
  await input.setValue(value);
}

test("a passphrase encrypts the workspace; the next start asks for it and refuses a wrong one", async () => {
  const home = await createHome("encryption");
  const file = join(home.dataDir, "workspace.liaison");
  try {
    let browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today", 30_000);
    const person = { name: CANARY, title: "", departmentId: null, reportsToId: null, stance: "neutral", trust: 3, power: 5, interest: 5, contactEveryDays: 30 };
    assert.equal((await invoke(browser, "people_create", { input: person })).name, CANARY);

    await click(browser, await byTestId(browser, "workspace-menu"));
    await click(browser, await byTestId(browser, "menu-passphrase"));
    await byTestId(browser, "passphrase-modal");
    assert.match(await text(browser, "passphrase-modal"), /无法找回/);
    await typeInto(browser, "passphrase-new", PASSPHRASE);
    await typeInto(browser, "passphrase-repeat", PASSPHRASE);
    const save = await byTestId(browser, "passphrase-save");
    assert.equal(await save.isEnabled(), false, "nothing happens before the warning is acknowledged");
    await screenshot(browser, "passphrase-set.png");
    // Ant Design hides the checkbox's own input under its drawn box: click the input in the page.
    await click(browser, await browser.$('[data-testid="passphrase-understood"]'));
    await click(browser, save);
    await byTestId(browser, "workspace-encrypted", 60_000);
    await quit(browser);

    const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    assert.ok(bytes.length > 0);
    assert.equal(bytes.indexOf(Buffer.from(CANARY)), -1, "the name is not readable in the file");
    assert.equal(bytes.indexOf(Buffer.from("SQLite format 3")), -1, "not a plain SQLite file");

    browser = await home.launch();
    await byTestId(browser, "unlock-modal", 30_000);
    await typeInto(browser, "unlock-passphrase", "wrong-passphrase");
    await click(browser, await byTestId(browser, "unlock-ok"));
    await browser.waitUntil(async () => (await text(browser, "unlock-error")).includes("口令不正确"), { timeout: 30_000, timeoutMsg: "a wrong passphrase is refused" });
    await screenshot(browser, "passphrase-wrong.png");
    assert.equal(await (await byTestId(browser, "unlock-passphrase")).getValue(), "", "the field is emptied for the next try");
    await typeInto(browser, "unlock-passphrase", PASSPHRASE);
    await click(browser, await byTestId(browser, "unlock-ok"));
    await byTestId(browser, "workspace-encrypted", 60_000).catch(async (e) => {
      await screenshot(browser, "passphrase-unlock-failure.png");
      throw e;
    });
    assert.ok((await invoke(browser, "people_list")).some((p) => p.name === CANARY), "the data is there");
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
