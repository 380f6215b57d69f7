// Drives the real Liaison window: Xvfb + tauri-driver + WebKitWebDriver, one isolated home per test.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir, homedir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

export const ROOT = resolve(import.meta.dirname, "../..");
export const APP = join(ROOT, "target/debug/liaison");
export const ARTIFACTS = join(ROOT, "tests/artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function waitForPort(port, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolvePort, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => {
        socket.end();
        resolvePort();
      });
      socket.on("error", () => {
        if (Date.now() > deadline) reject(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

let display;
/** One Xvfb for the whole run (unless the caller already has a display). */
export async function ensureDisplay() {
  if (display) return display;
  if (process.env.DISPLAY && !process.env.LIAISON_E2E_OWN_XVFB) {
    display = process.env.DISPLAY;
    return display;
  }
  const number = 90 + Math.floor(Math.random() * 100);
  const xvfb = spawn("Xvfb", [`:${number}`, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], { stdio: "ignore" });
  xvfb.unref();
  process.on("exit", () => xvfb.kill());
  display = `:${number}`;
  await sleep(500);
  return display;
}

function tauriDriverPath() {
  const local = join(homedir(), ".cargo/bin/tauri-driver");
  return existsSync(local) ? local : "tauri-driver";
}

/**
 * An isolated home (XDG data/config/cache dirs) with its own tauri-driver. `launch()` starts the
 * app and returns a WebdriverIO browser; `close()` quits it. The home survives relaunches.
 * The save dialog cannot be driven over WebDriver: the shell writes every export to `savedFile`,
 * inside the home, so `dispose()` removes it with the rest.
 */
export async function createHome(name, extraEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), `liaison-e2e-${name}-`));
  const logFile = join(dir, "data", "app.liaison.desk", "logs", "liaison.log");
  // Errors a test provokes on purpose (a command made to fail): matched lines do not fail it.
  const expected = [];
  const savedFile = join(dir, "saved-export");
  const env = {
    ...process.env,
    DISPLAY: await ensureDisplay(),
    XDG_DATA_HOME: join(dir, "data"),
    XDG_CONFIG_HOME: join(dir, "config"),
    XDG_CACHE_HOME: join(dir, "cache"),
    LIAISON_TEST_SAVE_FILE: savedFile,
    ...extraEnv,
  };
  const port = 4444 + Math.floor(Math.random() * 2000) * 2;
  const driver = spawn(
    tauriDriverPath(),
    ["--port", String(port), "--native-port", String(port + 1), "--native-driver", "/usr/bin/WebKitWebDriver"],
    { env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let driverLog = "";
  driver.stderr.on("data", (d) => (driverLog += d));
  await waitForPort(port);

  const home = {
    dir,
    savedFile,
    dataDir: join(dir, "data", "app.liaison.desk"),
    /** Lines of the app's log that this test provokes on purpose. */
    expectLogged(pattern) {
      expected.push(pattern);
    },
    /** ERROR lines the app (or the page, through it) logged that no `expectLogged` pattern covers. */
    loggedErrors() {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
      return log.split("\n").filter((line) => / ERROR /.test(line) && !expected.some((p) => p.test(line)));
    },
    async launch({ application = APP, args = [] } = {}) {
      const browser = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "error",
        connectionRetryTimeout: 60_000,
        // Classic WebDriver: WebKitWebDriver has no BiDi, and rejects sessions that ask for it.
        capabilities: { "wdio:enforceWebDriverClassic": true, "tauri:options": { application, args } },
      });
      // A toast or a dialog's opening animation briefly covers what the test clicks next; a person
      // would wait a moment and click again, and so does the test (for up to 6 s).
      browser.overwriteCommand(
        "click",
        async function (click, options) {
          for (let attempt = 0; ; attempt++) {
            try {
              return await click(options);
            } catch (error) {
              if (!/click intercepted/.test(String(error)) || attempt >= 20) throw error;
              await new Promise((resolve) => setTimeout(resolve, 300));
            }
          }
        },
        true,
      );
      browser.liaisonHome = home;
      return browser;
    },
    /** Stops everything and removes the home; fails when the app logged an error nobody expected. */
    async dispose() {
      const errors = home.loggedErrors();
      driver.kill();
      // WebKitWebDriver and the app outlive tauri-driver by a moment.
      for (let i = 0; i < 20; i++) {
        try {
          rmSync(dir, { recursive: true, force: true });
          break;
        } catch {
          await sleep(250);
        }
      }
      if (errors.length) throw new Error(`the app logged ${errors.length} error(s):\n${errors.join("\n")}`);
    },
    driverLog: () => driverLog,
  };
  return home;
}

/**
 * The processes of the app started in this home: the app and its WebKit helpers share its
 * environment (so do the drivers that started it, which are not counted).
 */
export function appProcesses(home) {
  const marker = `XDG_DATA_HOME=${join(home.dir, "data")}\0`;
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "latin1").includes(marker);
      } catch {
        return false;
      }
    })
    .flatMap((pid) => {
      try {
        const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
        const kb = (file, field) => Number(readFileSync(`/proc/${pid}/${file}`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
        if (/^(tauri-driver|WebKitWebDriver)$/.test(comm)) return [];
        return [{ pid: Number(pid), comm, pssMb: kb("smaps_rollup", "Pss") / 1024, rssMb: kb("status", "VmRSS") / 1024 }];
      } catch {
        return []; // It exited while we looked.
      }
    });
}

/**
 * Budget for the app and its WebKit processes together (PSS), checked when a test quits: the
 * runaway web process that once grew to 4 GB at start would fail every test. Generous, since the
 * biggest workloads (a 500-person graph, a 1 GB import) run here too.
 */
export const MEMORY_BUDGET_MB = Number(process.env.LIAISON_E2E_MEMORY_MB ?? 1200);

/** Waits for an element by test id and returns it. */
export async function byTestId(browser, id, timeout = 20_000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForDisplayed({ timeout });
  return el;
}

/** WebDriver screenshots can lag the DOM: let two frames pass, then save. */
export async function screenshot(browser, file) {
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await sleep(300);
  const path = join(ARTIFACTS, file);
  await browser.saveScreenshot(path);
  return path;
}

/** Ends the session (the app quits), after checking the app's memory against the budget. */
export async function quit(browser) {
  const processes = browser.liaisonHome ? appProcesses(browser.liaisonHome) : [];
  const total = processes.reduce((sum, p) => sum + p.pssMb, 0);
  await browser.deleteSession();
  await sleep(500);
  const detail = processes.map((p) => `${p.comm} ${p.pssMb.toFixed(0)} MB`).join(", ");
  console.log(`# memory at quit: ${total.toFixed(0)} MB PSS (${detail})`);
  if (total > MEMORY_BUDGET_MB) throw new Error(`the app used ${total.toFixed(0)} MB (PSS), over the ${MEMORY_BUDGET_MB} MB budget: ${detail}`);
}

/** Visible text of the whole page. */
export async function pageText(browser) {
  return browser.execute(() => document.body.innerText);
}

export function hasCommand(cmd) {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses a language in the header's switch and waits for `expectText`. Under load the dropdown can
 * open after the click on its option was sent; a person would simply open it again, and so does this.
 */
export async function switchLanguage(browser, title, expectText) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await (await byTestId(browser, "language-switch")).click();
    const option = await browser.$(`.ant-select-item-option[title="${title}"]`);
    const shown = await option.waitForDisplayed({ timeout: 10_000 }).then(() => true, () => false);
    if (shown) await option.click();
    const switched = await browser.waitUntil(async () => (await pageText(browser)).includes(expectText), { timeout: 10_000 }).then(() => true, () => false);
    if (switched) return;
    console.log(`# language switch to ${title}: attempt ${attempt + 1} missed (option shown: ${shown})`);
    await browser.keys("Escape");
  }
  throw new Error(`the language switch did not change to ${title}`);
}

/** Clicks from the page: tabs, drawers and modals slide in, and a WebDriver click can land mid-animation. */
export const click = (browser, el) => browser.execute((e) => e.click(), el);

/** The visible text of the element with this test id ("" while it is not there). */
export const text = (browser, testId) => browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.innerText ?? "", testId);

export async function openTab(browser, label, timeout = 20_000) {
  const tab = await browser.$(`div.ant-tabs-tab=${label}`);
  await tab.waitForDisplayed({ timeout });
  await click(browser, tab);
}

/** Calls one of the app's own commands from the page, as the UI does; a refusal fails with the core's error. */
export async function invoke(browser, command, args = {}) {
  const result = await browser.executeAsync(
    (c, a, done) => window.__TAURI_INTERNALS__.invoke(c, a).then((value) => done({ value }), (e) => done({ invokeError: e })),
    command,
    args,
  );
  if ("invokeError" in result) throw new Error(`${command} was refused: ${JSON.stringify(result.invokeError)}`);
  return result.value;
}
