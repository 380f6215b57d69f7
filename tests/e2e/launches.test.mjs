// Launch after launch, as a director does: the app on a 100,000-incident workspace and on the demo's
// data, N times each (5 here, `LIAISON_E2E_LAUNCHES=20` by hand), alternately on a fresh copy of
// the file and on the same file right after the run before was killed with SIGKILL. Every launch
// must show Today's real items, never "nothing due" because a read failed (the bug: 12 of 26
// launches did), and the web process must settle: checked 3 s after Today shows on every launch
// and after 20 s idle on the first and the last (`LIAISON_E2E_IDLE_ALL=1`: on every launch).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appProcesses, byTestId, createHome, ROOT, screenshot } from "./harness.mjs";

const LAUNCHES = Number(process.env.LIAISON_E2E_LAUNCHES ?? 5);
const IDLE_ALL = Boolean(process.env.LIAISON_E2E_IDLE_ALL);
const WEB_PROCESS_BUDGET_MB = 500;
const APP = process.env.LIAISON_E2E_APP ?? join(ROOT, "target/debug/liaison");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The generator the start-up benchmark uses: the demo's people and projects plus N incidents. */
function generate(path, incidents) {
  const release = join(ROOT, "target/release/examples/gen_workspace");
  const debug = join(ROOT, "target/debug/examples/gen_workspace");
  execFileSync(existsSync(release) ? release : debug, [path, String(incidents)], { stdio: "ignore" });
}

/** What Today shows: each card's item count, or why it cannot be read yet. */
async function todayState(browser) {
  return browser.execute(() => {
    const view = document.querySelector('[data-testid="view-today"]');
    if (!view) return { ready: false };
    const errors = [...view.querySelectorAll('[data-testid="load-error"]')].map((e) => e.innerText);
    const pending = view.querySelectorAll('[data-testid="load-pending"], .ant-card-loading, .ant-skeleton').length;
    const items = (id) => document.querySelectorAll(`[data-testid="${id}"] .ant-list-item`).length;
    const escalations = document.querySelectorAll('[data-testid="escalations"] .escalation-list .ant-list-item').length;
    return {
      ready: pending === 0,
      errors,
      counts: { touchpoints: items("today-touchpoints"), notContacted: items("today-not-contacted"), milestones: items("today-milestones"), escalations },
    };
  });
}

function webProcessRssMb(home) {
  return appProcesses(home)
    .filter((p) => /WebKitWebProces/.test(p.comm))
    .map((p) => p.rssMb)
    .reduce((a, b) => Math.max(a, b), 0);
}

function killApp(home) {
  for (const p of appProcesses(home)) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // Gone already.
    }
  }
}

async function launches(name, incidents) {
  const work = mkdtempSync(join(tmpdir(), `liaison-launch-${name}-`));
  const master = join(work, "master.liaison");
  generate(master, incidents);
  const file = join(work, "workspace.liaison");
  const home = await createHome(`launch-${name}`);
  let reference;
  try {
    for (let i = 0; i < LAUNCHES; i++) {
      // Even runs start from a fresh copy; odd runs reopen the file the killed run left behind.
      const fresh = i % 2 === 0;
      if (fresh) {
        for (const side of ["", "-wal", "-shm"]) rmSync(file + side, { force: true });
        copyFileSync(master, file);
      }
      const started = Date.now();
      const browser = await home.launch({ application: APP, args: ["--workspace", file] });
      try {
        await byTestId(browser, "view-today", 60_000);
        let state;
        await browser.waitUntil(
          async () => {
            state = await todayState(browser);
            return state.ready || state.errors?.length > 0;
          },
          { timeout: 60_000, interval: 100, timeoutMsg: `launch ${i + 1}: Today did not finish loading` },
        );
        const shownMs = Date.now() - started;
        if (state.errors.length) await screenshot(browser, `launch-${name}-${i + 1}-failed.png`);
        assert.deepEqual(state.errors, [], `launch ${i + 1} (${fresh ? "fresh copy" : "after SIGKILL"}): Today could not read its data`);
        reference ??= state.counts;
        assert.deepEqual(state.counts, reference, `launch ${i + 1} shows the same items as the first`);
        const idle = IDLE_ALL || i === 0 || i === LAUNCHES - 1 ? 20_000 : 3_000;
        await sleep(idle);
        const rss = webProcessRssMb(home);
        console.log(`# ${name} launch ${i + 1}/${LAUNCHES} (${fresh ? "fresh copy" : "after SIGKILL"}): Today in ${shownMs} ms ${JSON.stringify(state.counts)}; web process ${rss.toFixed(0)} MB after ${idle / 1000} s`);
        assert.ok(rss > 0, "the web process was found");
        assert.ok(rss < WEB_PROCESS_BUDGET_MB, `launch ${i + 1}: web process at ${rss.toFixed(0)} MB after ${idle / 1000} s idle`);
        if (i === 0) await screenshot(browser, `launch-${name}.png`);
      } finally {
        killApp(home);
        await browser.deleteSession().catch(() => {
          // The app was killed on purpose: the session has nothing left to end.
        });
      }
    }
    // Something to see on every launch, not a lucky empty page.
    assert.ok(reference.touchpoints > 0 && reference.notContacted > 0 && reference.escalations > 0, JSON.stringify(reference));
  } finally {
    await home.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

test("Today shows its items on every launch of a 100,000-incident workspace", { timeout: 30 * 60_000 }, () => launches("100k", 100_000));

test("Today shows its items on every launch of the demo's data", { timeout: 30 * 60_000 }, () => launches("demo", 0));
