// A director's own workspace, never the demo: follow the first-run checklist (departments, a
// store list, the suggested severity classes, a ticket export, a routing rule), then watch a P1
// incident past its time to claim escalate to level 1 and level 2 as the clock moves forward
// between launches, a waiting incident's clock stand still, and prevalence count the imported
// stores.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, click, createHome, openTab, pageText, quit, screenshot, text } from "./harness.mjs";

const HOUR = 3_600_000;

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, the workspace's zone, as a ticket system exports it. */
function shanghai(ms) {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");
}

const STORES = [
  "门店编码,门店名称,区域,城市,城市级别,开业日期",
  "BJ01,北京朝阳门店,华北,北京,1,2019-05-01",
  "BJ02,北京海淀门店,华北,北京,1,2020-03-15",
  "SH01,上海徐汇门店,华东,上海,1,2018-09-01",
  "SH02,上海浦东门店,华东,上海,1,2021-01-10",
  "GZ01,广州天河门店,华南,广州,1,2019-11-20",
  "CD01,成都春熙门店,西南,成都,2,2022-06-18",
  "",
].join("\r\n");

/** Two P1 outages half an hour old, unclaimed, and one screen fault (claimed) at four of the six stores. */
function incidents(now) {
  const claimed = (hoursAgo) => shanghai(now - hoursAgo * HOUR);
  const rows = [
    ["A-1", "收银系统宕机（朝阳）", "系统故障", "POS 机", "新大陆", "BJ01", "IT部", "P1 紧急", shanghai(now - 0.5 * HOUR), ""],
    ["A-2", "收银系统宕机（徐汇）", "系统故障", "POS 机", "新大陆", "SH01", "IT部", "P1 紧急", shanghai(now - 0.5 * HOUR), ""],
    ["A-3", "屏幕闪烁（海淀）", "屏幕故障", "X1 平板", "富士康", "BJ02", "IT部", "P3 一般", shanghai(now - 50 * HOUR), claimed(49)],
    ["A-4", "屏幕闪烁（浦东）", "屏幕故障", "X1 平板", "富士康", "SH02", "IT部", "P3 一般", shanghai(now - 40 * HOUR), claimed(39)],
    ["A-5", "屏幕闪烁（天河）", "屏幕故障", "X1 平板", "富士康", "GZ01", "IT部", "P3 一般", shanghai(now - 30 * HOUR), claimed(29)],
    ["A-6", "屏幕闪烁（春熙）", "屏幕故障", "X1 平板", "富士康", "CD01", "IT部", "P3 一般", shanghai(now - 20 * HOUR), claimed(19)],
  ];
  return ["工单号,标题,问题类型,产品,供应商,门店编码,归属部门,严重等级,登记时间,认领时间", ...rows.map((r) => r.join(",")), ""].join("\r\n");
}

/** Workspace settings → Departments → new, with the head and the escalation contact. */
async function addDepartment(browser, { name, head, contact }) {
  await byTestId(browser, "settings-departments");
  await (await byTestId(browser, "new-departments")).click();
  await byTestId(browser, "edit-departments");
  await (await byTestId(browser, "field-name")).setValue(name);
  await (await byTestId(browser, "field-head")).setValue(head);
  await (await byTestId(browser, "field-escalation")).setValue(contact);
  await (await byTestId(browser, "edit-departments-save")).click();
  await browser.waitUntil(async () => (await text(browser, "settings-table")).includes(contact), { timeout: 30_000, timeoutMsg: "the department is listed" });
}

/** Workspace settings → Stores → import the picked file: preview, then import all of it. */
async function importStores(browser, count) {
  await byTestId(browser, "settings-stores");
  await (await byTestId(browser, "import-stores")).click();
  await byTestId(browser, "reference-import-report");
  await (await byTestId(browser, "reference-import-run")).click();
  await byTestId(browser, "reference-import-close");
  await screenshot(browser, "own-store-import.png");
  await (await byTestId(browser, "reference-import-close")).click();
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelectorAll('[data-testid="settings-stores"] tbody tr.ant-table-row').length)) === count,
    { timeout: 30_000, timeoutMsg: `${count} stores listed` },
  );
}

/** Today's checklist item `key` is ticked. */
async function ticked(browser, key) {
  await browser.waitUntil(
    async () => (await browser.execute((k) => document.querySelector(`[data-testid="checklist-${k}"]`)?.dataset.done, key)) === "yes",
    { timeout: 30_000, timeoutMsg: `checklist item ${key} ticked` },
  );
}

async function goToday(browser) {
  await (await byTestId(browser, "nav-today")).click();
  await byTestId(browser, "first-run-checklist");
}

/** The incident's drawer from the board's list, by title. */
async function openIncident(browser, title) {
  await (await byTestId(browser, "nav-incidents")).click();
  await openTab(browser, "明细");
  const row = await browser.$(`//*[@data-testid="incidents-table"]//tr[contains(., "${title}")]`);
  await row.waitForDisplayed({ timeout: 30_000 });
  await click(browser, row);
  await byTestId(browser, "incident-sla");
}

async function closeDrawer(browser) {
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await browser.$('[data-testid="incident-drawer"]').isDisplayed()), { timeout: 10_000 });
}

test("own workspace: checklist, store list, SLA escalation by level, a waiting clock, prevalence", async () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-own-"));
  const picked = join(dir, "picked.csv");
  const clock = join(dir, "clock-offset-hours");
  writeFileSync(clock, "0");
  const home = await createHome("own-workspace", { LIAISON_TEST_PICK_FILE: picked, LIAISON_TEST_CLOCK_FILE: clock });
  try {
    let browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "first-run-checklist");
    assert.match(await text(browser, "first-run-checklist"), /0\/5/);
    await screenshot(browser, "own-checklist-blank.png");

    // 1. Departments, with a head and an escalation contact.
    await (await byTestId(browser, "checklist-go-departments")).click();
    await addDepartment(browser, { name: "IT部", head: "王强", contact: "刘总" });
    await goToday(browser);
    await ticked(browser, "departments");

    // 2. The store master list.
    writeFileSync(picked, "\uFEFF" + STORES);
    await (await byTestId(browser, "checklist-go-stores")).click();
    await importStores(browser, 6);
    await goToday(browser);
    await ticked(browser, "stores");

    // 3. The suggested classes, confirmed as they are (P1: claim 1 h, resolve 4 h, clock hours).
    await (await byTestId(browser, "checklist-go-severityClasses")).click();
    await byTestId(browser, "suggested-classes");
    const names = await browser.execute(() => [...document.querySelectorAll('[data-testid="suggested-classes"] tbody input.ant-input')].map((i) => i.value));
    assert.deepEqual(names, ["P1 紧急", "P2 较重", "P3 一般"], "the suggestion is shown for editing");
    await screenshot(browser, "own-checklist-classes.png");
    await (await byTestId(browser, "classes-confirm")).click();
    await ticked(browser, "severityClasses");

    // 4. The ticket export: every store is known by its code, so no store is created.
    const now = Date.now();
    writeFileSync(picked, "\uFEFF" + incidents(now));
    await (await byTestId(browser, "checklist-go-incidents")).click();
    await (await byTestId(browser, "import-open")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("picked.csv"), { timeout: 30_000 });
    await (await byTestId(browser, "import-check")).click();
    await byTestId(browser, "import-report");
    assert.doesNotMatch(await text(browser, "import-report"), /门店/, "no store is created: codes match the list");
    await (await byTestId(browser, "import-run")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("导入完成：新增 6 条"), { timeout: 30_000 });
    await (await byTestId(browser, "import-close")).click();

    // 5. A first routing rule (once the import dialog has gone).
    await browser.waitUntil(async () => !(await browser.$(".ant-modal-wrap").isDisplayed()), { timeout: 20_000 });
    await (await byTestId(browser, "rules-open")).click();
    await click(browser, await browser.$("div.ant-tabs-tab=分派规则"));
    await browser.waitUntil(async () => (await browser.$('[data-testid="rule-add"]').isEnabled()), { timeout: 20_000 });
    // From the page: the rules drawer slides in, and a WebDriver click landed beside the button in CI.
    await click(browser, await byTestId(browser, "rule-add"));
    // The new rule is on screen (and the save button live) before it is saved.
    await browser.waitUntil(async () => (await browser.$$('[data-testid="rule-item"]')).length === 1, {
      timeout: 20_000,
      timeoutMsg: "the added rule shows",
    });
    await browser.waitUntil(async () => (await (await byTestId(browser, "rules-save")).isEnabled()), { timeout: 20_000 });
    await click(browser, await byTestId(browser, "rules-save"));
    await browser.waitUntil(async () => !(await (await byTestId(browser, "rules-save")).isEnabled()), {
      timeout: 20_000,
      timeoutMsg: "the rule is saved",
    });
    await browser.keys("Escape");
    await (await byTestId(browser, "nav-today")).click();
    await browser
      .waitUntil(async () => (await browser.$('[data-testid="first-run-checklist"]').isExisting()) === false, { timeout: 30_000 })
      .catch(async () => {
        await screenshot(browser, "own-checklist-left.png");
        assert.fail(`the checklist goes once every item is done; it still shows: ${await text(browser, "first-run-checklist")}`);
      });

    // The second outage waits on the customer: its clocks stop.
    await openIncident(browser, "收银系统宕机（徐汇）");
    await (await byTestId(browser, "incident-wait-customer")).click();
    await byTestId(browser, "sla-paused");
    const waitingClaim = await text(browser, "sla-claim");
    await closeDrawer(browser);
    // Half an hour in, nothing is past its time to claim yet.
    await (await byTestId(browser, "nav-today")).click();
    await browser.waitUntil(async () => /超出处理时限（0）/.test(await text(browser, "escalations")), { timeout: 30_000 });
    await quit(browser);

    // An hour later (1.5 h into a 1 h time to claim): level 1, to the department's head.
    writeFileSync(clock, "1");
    browser = await home.launch();
    await (await byTestId(browser, "nav-today")).click();
    await browser.waitUntil(async () => /超出处理时限（1）/.test(await text(browser, "escalations")), { timeout: 30_000 });
    await (await browser.$('[data-testid="escalations"] .ant-collapse-header')).click();
    await browser.waitUntil(async () => /收银系统宕机（朝阳）[\s\S]*第 1 级[\s\S]*通知 王强/.test(await text(browser, "escalations")), { timeout: 30_000 });
    assert.doesNotMatch(await text(browser, "escalations"), /徐汇/, "the waiting incident's clock stood still");
    await screenshot(browser, "own-escalation-level1.png");
    // The sweep writes the level into the incident's history once the first screen is up.
    await openIncident(browser, "收银系统宕机（朝阳）");
    await browser.waitUntil(
      async () => {
        if (/第 1 级升级，通知 王强/.test(await text(browser, "incident-history"))) return true;
        await closeDrawer(browser);
        await openIncident(browser, "收银系统宕机（朝阳）");
        return false;
      },
      { timeout: 40_000, interval: 2_000, timeoutMsg: "level 1 is written into the history" },
    );
    await closeDrawer(browser);
    await openIncident(browser, "收银系统宕机（徐汇）");
    assert.equal(await text(browser, "sla-claim"), waitingClaim, "the waiting incident's clock stood still for the hour");
    await quit(browser);

    // Another hour (2.5 h): level 2, to the escalation contact.
    writeFileSync(clock, "2");
    browser = await home.launch();
    await (await byTestId(browser, "nav-today")).click();
    await (await byTestId(browser, "escalations")).waitForDisplayed();
    await (await browser.$('[data-testid="escalations"] .ant-collapse-header')).click();
    await browser.waitUntil(async () => /收银系统宕机（朝阳）[\s\S]*第 2 级[\s\S]*通知 刘总/.test(await text(browser, "escalations")), { timeout: 30_000 });
    await screenshot(browser, "own-escalation-level2.png");
    await openIncident(browser, "收银系统宕机（朝阳）");
    await browser.waitUntil(
      async () => {
        if (/第 2 级升级，通知 刘总/.test(await text(browser, "incident-history"))) return true;
        await closeDrawer(browser);
        await openIncident(browser, "收银系统宕机（朝阳）");
        return false;
      },
      { timeout: 40_000, interval: 2_000, timeoutMsg: "level 2 is written into the history" },
    );
    assert.match(await text(browser, "incident-history"), /第 1 级升级，通知 王强[\s\S]*第 2 级升级，通知 刘总/);
    await screenshot(browser, "own-escalation-history.png");
    await closeDrawer(browser);

    // Prevalence: the screen fault at 4 of the 6 imported stores.
    await (await byTestId(browser, "nav-problems")).click();
    await click(browser, await byTestId(browser, "suggestion-accept", 30_000));
    await byTestId(browser, "problem-page", 30_000);
    await openTab(browser, "证据链");
    await byTestId(browser, "evidence-chain", 30_000);
    await browser.waitUntil(async () => /4 \/ 6 家门店/.test(await text(browser, "evidence-prevalence-sentence")), {
      timeout: 30_000,
      timeoutMsg: "prevalence counts the imported store list",
    });
    await screenshot(browser, "own-prevalence.png");
    await quit(browser);
  } finally {
    await home.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
