// The walking skeleton in the real window: welcome → my workspace → a department and a person
// through the UI, bad input refused next to the field, English chosen, quit, relaunch, all there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { byTestId, click, createHome, pageText, quit, screenshot, switchLanguage, text } from "./harness.mjs";

const DEPT = "渠道合作部 E2E";
const PERSON = "欧阳明月";

/** The app opens on Today; the departments and people are one click away. */
async function openStakeholders(browser) {
  await byTestId(browser, "view-today");
  await (await byTestId(browser, "nav-stakeholders")).click();
  await byTestId(browser, "view-stakeholders");
}

async function fillAndSave(browser, form, fields) {
  for (const [testId, value] of Object.entries(fields)) {
    const input = await byTestId(browser, testId);
    await input.click();
    await input.clearValue();
    if (value) await input.setValue(value);
  }
  await (await byTestId(browser, `${form}-save`)).click();
}

async function fieldErrors(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll(".ant-form-item-explain-error")].map((e) => e.textContent),
  );
}

async function departmentRowCount(browser) {
  return browser.execute(
    () => document.querySelectorAll('[data-testid="departments-table"] tbody tr.ant-table-row').length,
  );
}

test("create a department and a person, quit, relaunch: still there", async () => {
  const home = await createHome("foundation");
  try {
    let browser = await home.launch();
    await (await byTestId(browser, "welcome")).waitForDisplayed();
    assert.match(await pageText(browser), /欢迎使用跨部门推动台/);
    await screenshot(browser, "welcome.png");
    await (await byTestId(browser, "welcome-create")).click();
    await openStakeholders(browser);
    assert.equal(await departmentRowCount(browser), 0);

    await (await byTestId(browser, "department-add")).click();
    await fillAndSave(browser, "department-form", { "department-name": DEPT, "department-head": "李主任" });
    await browser.waitUntil(async () => (await departmentRowCount(browser)) === 1, { timeout: 30_000 });

    // Bad input: empty name, then a duplicate; each shown next to the field, nothing written.
    await (await byTestId(browser, "department-add")).click();
    await fillAndSave(browser, "department-form", { "department-name": "" });
    await browser.waitUntil(async () => (await fieldErrors(browser)).includes("此项必填。"), { timeout: 30_000 });
    await fillAndSave(browser, "department-form", { "department-name": ` ${DEPT} ` });
    await browser.waitUntil(
      async () => (await fieldErrors(browser)).includes(`已经有名为“${DEPT}”的部门了。`),
      { timeout: 30_000, timeoutMsg: "duplicate-name error next to the field" },
    );
    await screenshot(browser, "department-duplicate-error.png");
    await browser.keys("Escape");
    await browser.waitUntil(async () => !(await browser.$('[data-testid="department-form"]').isExisting()), { timeout: 30_000 });
    assert.equal(await departmentRowCount(browser), 1, "the refused names wrote nothing");

    // A person in that department.
    await (await browser.$("div.ant-tabs-tab=人员")).click();
    await (await byTestId(browser, "person-add")).click();
    const nameInput = await byTestId(browser, "person-name");
    await nameInput.setValue(PERSON);
    await (await byTestId(browser, "person-title")).setValue("渠道总监");
    await (await byTestId(browser, "person-department")).click();
    const option = await browser.$(`.ant-select-item-option[title="${DEPT}"]`);
    await option.waitForDisplayed({ timeout: 30_000 });
    await option.click();
    await (await byTestId(browser, "person-form-save")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes(PERSON), { timeout: 30_000 });
    await browser.waitUntil(async () => !(await browser.$('[data-testid="person-form"]').isExisting()), { timeout: 30_000 });
    await screenshot(browser, "main-window.png");

    // Switch to English; the choice must survive the restart.
    await switchLanguage(browser, "English", "Stakeholders");
    await quit(browser);

    assert.ok(existsSync(join(home.dataDir, "workspace.liaison")), "my workspace lives in the app-data folder");

    browser = await home.launch();
    await openStakeholders(browser);
    await browser.waitUntil(async () => (await departmentRowCount(browser)) === 1, { timeout: 30_000 });
    const text = await pageText(browser);
    assert.match(text, new RegExp(DEPT));
    assert.match(text, /Stakeholders/, "English was remembered");
    await (await browser.$("div.ant-tabs-tab=People")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes(PERSON), { timeout: 30_000 });
    assert.match(await pageText(browser), new RegExp(`${PERSON}[\\s\\S]*渠道总监[\\s\\S]*${DEPT}`));
    await screenshot(browser, "after-relaunch.png");
    await quit(browser);
  } finally {
    await home.dispose();
  }
});

test("the demo workspace is a separate file with the scenarios' data", async () => {
  const home = await createHome("demo");
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-demo")).click();
    await byTestId(browser, "demo-tag");
    await openStakeholders(browser);
    await browser.waitUntil(async () => (await pageText(browser)).includes("产品副总裁") || (await pageText(browser)).includes("产品部"), {
      timeout: 30_000,
    });
    assert.match(await pageText(browser), /用户增长；日活（DAU）/);
    await (await byTestId(browser, "nav-incidents")).click();
    await byTestId(browser, "view-incidents");
    await byTestId(browser, "totals-by-department");
    await browser.waitUntil(async () => (await pageText(browser)).includes("供应链部"), { timeout: 30_000 });
    await screenshot(browser, "demo-board.png");
    await (await browser.$("div.ant-tabs-tab=明细")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("共 240 条"), { timeout: 30_000 });
    await screenshot(browser, "demo-incidents.png");
    await (await byTestId(browser, "nav-projects")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("智能派单"), { timeout: 30_000 });
    // Backups: the daily one was made when the demo opened; one more on request.
    await click(browser, await byTestId(browser, "workspace-menu"));
    await click(browser, await byTestId(browser, "menu-backups"));
    await byTestId(browser, "backups-modal");
    await browser.waitUntil(async () => (await text(browser, "backups-modal")).includes("每日"), { timeout: 30_000, timeoutMsg: "the daily backup is listed" });
    await click(browser, await byTestId(browser, "backup-now"));
    await browser.waitUntil(async () => (await text(browser, "backups-modal")).includes("手动"), { timeout: 30_000, timeoutMsg: "the manual backup is listed" });
    await screenshot(browser, "backups.png");
    await quit(browser);
    assert.ok(existsSync(join(home.dataDir, "demo", "demo.liaison")), "the demo has its own file");
    assert.ok(!existsSync(join(home.dataDir, "workspace.liaison")), "opening the demo created no real workspace");
  } finally {
    await home.dispose();
  }
});

test("--workspace opens another file; a file that is not a workspace is refused with a clear message", async () => {
  const home = await createHome("argument");
  try {
    const other = join(home.dir, "团队 工作区.liaison");
    let browser = await home.launch({ args: ["--workspace", other] });
    await openStakeholders(browser);
    assert.match(await (await byTestId(browser, "workspace-menu")).getText(), /团队 工作区\.liaison/);
    await browser.setWindowSize(1100, 700);
    await quit(browser);
    assert.ok(existsSync(other), "the workspace was created where --workspace pointed");

    const notes = join(home.dir, "notes.liaison");
    writeFileSync(notes, "这不是数据库 — just text, long enough to look like a file".repeat(20));
    browser = await home.launch({ args: ["--workspace", notes] });
    await byTestId(browser, "welcome");
    await browser.waitUntil(async () => (await pageText(browser)).includes("不是跨部门推动台的工作区文件"), { timeout: 30_000 });
    assert.equal(readFileSync(notes, "utf8"), "这不是数据库 — just text, long enough to look like a file".repeat(20), "the file was not touched");
    await screenshot(browser, "not-a-workspace.png");
    await quit(browser);

    // Without the argument, the last good workspace and the window size come back.
    browser = await home.launch();
    await openStakeholders(browser);
    assert.match(await (await byTestId(browser, "workspace-menu")).getText(), /团队 工作区\.liaison/);
    const { width, height } = await browser.getWindowSize();
    assert.ok(Math.abs(width - 1100) <= 40 && Math.abs(height - 700) <= 60, `window size remembered: ${width}×${height}`);
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
