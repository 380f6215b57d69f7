// A failed read is shown as a failure, never as an empty page: every command the views read with
// is made to fail as SQLite does when it is busy, and every view and tab must say what it could not
// read and offer to try again; once the store answers again, "try again" brings the data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, createHome, invoke, quit, screenshot } from "./harness.mjs";

/** What the shell needs to stand up at all; everything else the page asks for fails. */
const ALWAYS_ANSWERED = ["app_info", "prefs_get", "workspace_status", "workspace_open_mine", "ui_error_report", "mark_first_data"];
const BUSY = { code: "storage", params: { detail: "database is locked" }, field: null };

/** Makes the page's commands fail (or answer again) exactly as a refused core call reaches it. */
function setFailing(browser, failing) {
  return browser.execute(
    (on, allowed, error) => {
      const ipc = window.__TAURI_INTERNALS__;
      ipc.realInvoke ??= ipc.invoke;
      ipc.invoke = on ? (cmd, args, options) => (allowed.includes(cmd) ? ipc.realInvoke(cmd, args, options) : Promise.reject(error)) : ipc.realInvoke;
    },
    failing,
    ALWAYS_ANSWERED,
    BUSY,
  );
}

/** What the visible view shows once nothing is loading: its error alerts and any empty states. */
async function settled(browser, where) {
  let state;
  await browser.waitUntil(
    async () => {
      state = await browser.execute(() => {
        const visible = (e) => e.offsetParent !== null;
        const all = (sel) => [...document.querySelectorAll(`.view ${sel}`)].filter(visible);
        return {
          pending: all('[data-testid="load-pending"], .ant-spin-spinning, .ant-card-loading').length,
          errors: all('[data-testid="load-error"]').map((e) => e.innerText),
          empty: all(".ant-empty, .ant-list-empty-text, .ant-table-placeholder").map((e) => e.innerText),
        };
      });
      return state.pending === 0;
    },
    { timeout: 20_000, interval: 200, timeoutMsg: `${where}: still loading` },
  );
  return state;
}

const SECTIONS = ["today", "stakeholders", "projects", "incidents", "problems", "proposals"];

test("every view shows a failed read as an error with a retry, never as empty", async () => {
  const home = await createHome("read-errors");
  // The page reports each failed read to the app's log: expected here, and only here.
  home.expectLogged(/ERROR ui\.query: .*database is locked/);
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today");
    // The director's own data: something for each view to list once reads work again.
    const dept = await invoke(browser, "departments_create", { input: { name: "产品部", head: "陈立", kpis: "" } });
    await invoke(browser, "people_create", {
      input: { name: "陈立", title: "产品副总裁", departmentId: dept.id, reportsToId: null, stance: "neutral", trust: 3, power: 8, interest: 6, contactEveryDays: 14 },
    });

    await setFailing(browser, true);
    // Reopening the workspace drops every cached read, as switching workspaces does.
    await (await byTestId(browser, "workspace-menu")).click();
    await click(browser, await browser.$("span=打开我的工作区"));

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
        const state = await settled(browser, where);
        seen.push(where);
        assert.ok(state.errors.length > 0, `${where}: the failed read is not shown`);
        assert.deepEqual(state.empty, [], `${where}: a failed read is drawn as empty`);
        assert.match(state.errors[0], /没有读出来/);
        assert.match(state.errors[0], /database is locked/);
      }
      if (section === "today") await screenshot(browser, "today-read-failed.png");
    }
    console.log(`# checked ${seen.length} views and tabs: ${seen.join("; ")}`);

    // The store answers again: "try again" on Today brings its data, and nothing says it failed.
    await setFailing(browser, false);
    await click(browser, await byTestId(browser, "nav-today"));
    await byTestId(browser, "view-today");
    for (const retry of await browser.$$('.view [data-testid="load-retry"]')) await click(browser, retry);
    const today = await settled(browser, "today after retry");
    assert.deepEqual(today.errors, [], "Today reads again after retry");
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
