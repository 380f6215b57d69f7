// A failed read is shown as a failure, never as an empty page. While the test's fault file exists,
// every command that needs the workspace fails in the shell as a locked database does (the app's
// `LIAISON_TEST_FAULT_FILE`), and every view and tab must say what it could not read and offer to
// try again; once the file is gone, "try again" brings the data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, click, createHome, invoke, quit, screenshot } from "./harness.mjs";

/** What the visible view shows: its error alerts, any empty states, and what is still loading. */
const viewState = (browser) =>
  browser.execute(() => {
    const visible = (e) => e.offsetParent !== null;
    const all = (sel) => [...document.querySelectorAll(`.view ${sel}`)].filter(visible);
    return {
      pending: all('[data-testid="load-pending"], .ant-spin-spinning, .ant-card-loading').length,
      errors: all('[data-testid="load-error"]').map((e) => e.innerText),
      empty: all(".ant-empty, .ant-list-empty-text, .ant-table-placeholder").map((e) => e.innerText),
    };
  });

/** Waits until nothing is loading and `done` holds (or 20 s pass), then returns what the view shows. */
async function settled(browser, done = () => true) {
  let state;
  await browser
    .waitUntil(async () => {
      state = await viewState(browser);
      return state.pending === 0 && done(state);
    }, { timeout: 20_000, interval: 200 })
    .catch(() => {
      // The caller's assertions say what is wrong with the last state seen.
    });
  return state;
}

const SECTIONS = ["today", "stakeholders", "projects", "incidents", "problems", "proposals"];

const FAULT = join(tmpdir(), `liaison-e2e-fault-${process.pid}`);

test("every view shows a failed read as an error with a retry, never as empty", async () => {
  const home = await createHome("read-errors", { LIAISON_TEST_FAULT_FILE: FAULT });
  // The page reports each failed read to the app's log: expected here, and only here.
  home.expectLogged(/ERROR ui\.query: .*database is locked/);
  try {
    let browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today");
    // The director's own data: something for each view to list once reads work again.
    const dept = await invoke(browser, "departments_create", { input: { name: "产品部", head: "陈立", kpis: "" } });
    await invoke(browser, "people_create", {
      input: { name: "陈立", title: "产品副总裁", departmentId: dept.id, reportsToId: null, stance: "neutral", trust: 3, power: 8, interest: 6, contactEveryDays: 14 },
    });

    await quit(browser);

    // The next launch opens the workspace, and every read it makes fails.
    writeFileSync(FAULT, "");
    browser = await home.launch();
    const seen = [];
    for (const section of SECTIONS) {
      await click(browser, await byTestId(browser, `nav-${section}`));
      await byTestId(browser, `view-${section}`);
      const tabs = await browser.$$(".view .ant-tabs-nav .ant-tabs-tab");
      const tabCount = Math.max(1, tabs.length);
      for (let i = 0; i < tabCount; i++) {
        let where = section;
        if (tabs.length) {
          const current = (await browser.$$(".view .ant-tabs-nav .ant-tabs-tab"))[i];
          where = `${section} › ${await current.getText()}`;
          await click(browser, current);
        }
        const state = await settled(browser, (st) => st.errors.length > 0);
        seen.push(where);
        if (!state.errors.length) await screenshot(browser, `read-failed-${section}-${i}.png`);
        assert.equal(state.pending, 0, `${where}: still loading after 20 s`);
        assert.ok(state.errors.length > 0, `${where}: the failed read is not shown`);
        assert.deepEqual(state.empty, [], `${where}: a failed read is drawn as empty`);
        assert.match(state.errors[0], /没有读出来/);
        assert.match(state.errors[0], /database is locked/);
      }
      if (section === "today") await screenshot(browser, "today-read-failed.png");
    }
    console.log(`# checked ${seen.length} views and tabs: ${seen.join("; ")}`);

    // The fault is gone: "try again" on Today brings its data, and nothing says it failed.
    rmSync(FAULT, { force: true });
    await click(browser, await byTestId(browser, "nav-today"));
    await byTestId(browser, "view-today");
    for (const retry of await browser.$$('.view [data-testid="load-retry"]')) await click(browser, retry);
    const today = await settled(browser, (st) => st.errors.length === 0);
    assert.deepEqual(today.errors, [], "Today reads again after retry");
    await quit(browser);
  } finally {
    rmSync(FAULT, { force: true });
    await home.dispose();
  }
});
