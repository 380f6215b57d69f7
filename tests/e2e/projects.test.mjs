// The project tracker in the real window: a project created from the UI gets two co-owners from
// different departments and a milestone; the default (S6) cadence is applied from a meeting day;
// the first follow-up is done and the next one becomes the next due item; the open follow-ups
// export as an .ics calendar; Today lists the follow-up due.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { byTestId, click, createHome, openTab, pageText, quit, screenshot, text } from "./harness.mjs";

const PROJECT = "智能派单 E2E";

/** Calendar days in Shanghai, as the app counts them (UTC+8, no daylight saving). */
const shanghaiDay = (offsetDays) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A Monday five to six weeks back: a working day, with the week-2 follow-up long overdue. */
function meetingDay() {
  for (let back = 35; ; back++) {
    const day = shanghaiDay(-back);
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day;
  }
}

async function waitText(browser, needle, timeoutMsg) {
  await browser.waitUntil(async () => (await pageText(browser)).includes(needle), { timeout: 30_000, timeoutMsg: timeoutMsg ?? needle });
}

/**
 * Types a day into an Ant Design date picker (the n-th input of a range picker). Tab leaves the
 * input, which keeps the typed day; Enter would also submit the form around it.
 */
async function typeDay(browser, testId, day, index = 0) {
  await byTestId(browser, testId);
  const input = await browser.execute(
    (id, n) => {
      const host = document.querySelector(`[data-testid="${id}"]`);
      // The test id may sit on the picker or on its first input; the inputs are the picker's.
      if (host?.tagName === "INPUT" && n === 0) return host;
      const picker = host?.closest(".ant-picker-range") ?? host;
      return picker?.querySelectorAll("input")[n];
    },
    testId,
    index,
  );
  const el = await browser.$(input);
  await el.click();
  await browser.keys(["Control", "a"]);
  await browser.keys(day);
  await browser.keys("Tab");
}

/**
 * Picks a person in a pinyin-searchable select by typing their pinyin: the search leaves one
 * option, which Enter takes (a closing dropdown of the previous select may still overlap it).
 */
async function pickPerson(browser, testId, pinyin, name) {
  // A real click: Ant Design opens a select on mousedown, which a scripted click() does not send.
  await (await byTestId(browser, testId)).click();
  await browser.keys(pinyin);
  await browser.waitUntil(
    () => browser.execute((n) => [...document.querySelectorAll(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")].some((o) => o.title === n), name),
    { timeout: 20_000, timeoutMsg: `${name} offered for “${pinyin}”` },
  );
  await browser.keys("Enter");
  await browser.waitUntil(async () => (await text(browser, testId)).includes(name), { timeout: 20_000, timeoutMsg: `${name} picked` });
}

test("a co-owned project with a milestone and the S6 cadence; Today shows what is due", async () => {
  const home = await createHome("projects");
  const icsFile = home.savedFile;
  let browser;
  try {
    browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today");

    // The two departments and their people come through the app's own commands; the project,
    // its co-owners, milestone and cadence go through the UI.
    const seeded = await browser.executeAsync((done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const person = (name, departmentId) => ({ name, title: "", departmentId, reportsToId: null, stance: "neutral", trust: 3, power: 5, interest: 5, contactEveryDays: 30 });
      (async () => {
        const ours = await invoke("departments_create", { input: { name: "售后运营部", head: "陈立", kpis: "" } });
        const theirs = await invoke("departments_create", { input: { name: "产品部", head: "王志远", kpis: "" } });
        await invoke("people_create", { input: person("陈立", ours.id) });
        await invoke("people_create", { input: person("王志远", theirs.id) });
        return "ok";
      })().then(done, (e) => done(JSON.stringify(e)));
    });
    assert.equal(seeded, "ok");
    await browser.execute(() => location.reload());
    await byTestId(browser, "view-today");

    // A project from the UI.
    await click(browser, await byTestId(browser, "nav-projects"));
    await click(browser, await byTestId(browser, "project-new"));
    await (await byTestId(browser, "project-title")).setValue(PROJECT);
    await (await byTestId(browser, "project-goal")).setValue("3 个月内上线智能派单，平均等待从 2 小时降到 30 分钟。");
    await click(browser, await byTestId(browser, "project-form-save"));
    await byTestId(browser, "project-page");
    await waitText(browser, PROJECT);

    // Co-owners: two people of the same department are refused next to the field, two
    // departments are saved.
    await pickPerson(browser, "co-owner-a", "cl", "陈立");
    await pickPerson(browser, "co-owner-b", "chenli", "陈立");
    await click(browser, await byTestId(browser, "co-owners-save"));
    await browser.waitUntil(
      async () => (await text(browser, "co-owners-form")).includes("共同负责人需要来自两个不同的部门"),
      { timeout: 30_000, timeoutMsg: "same-department co-owners refused next to the field" },
    );
    await pickPerson(browser, "co-owner-b", "wzy", "王志远");
    await click(browser, await byTestId(browser, "co-owners-save"));
    await waitText(browser, "共同负责人已保存。");
    await browser.waitUntil(async () => (await text(browser, "project-page")).includes("执行发起人"), { timeout: 30_000, timeoutMsg: "the co-owners are the sponsors" });
    await screenshot(browser, "project-page.png");

    // A milestone on the timeline, starting in a month (its build-time follow-ups come later).
    await click(browser, await byTestId(browser, "project-back"));
    await openTab(browser, "时间线");
    await click(browser, await byTestId(browser, "milestone-new"));
    await (await byTestId(browser, "milestone-name")).setValue("MVP");
    await typeDay(browser, "milestone-span", shanghaiDay(30), 0);
    await typeDay(browser, "milestone-span", shanghaiDay(72), 1);
    await click(browser, await byTestId(browser, "milestone-form-save"));
    await browser.waitUntil(async () => (await browser.$$('[data-testid^="gantt-bar-"]')).length === 1, { timeout: 30_000, timeoutMsg: "the milestone is on the timeline" });
    await screenshot(browser, "timeline.png");

    // The default cadence from a meeting five weeks ago, with the product VP.
    await openTab(browser, "项目列表");
    await click(browser, await browser.$(`button*=${PROJECT}`));
    await byTestId(browser, "project-page");
    await openTab(browser, "跟进节奏");
    const meeting = meetingDay();
    await typeDay(browser, "cadence-anchor", meeting);
    await pickPerson(browser, "cadence-counterpart", "wzy", "王志远");
    await click(browser, await byTestId(browser, "cadence-apply"));
    await browser.waitUntil(async () => (await browser.$$('[data-testid^="touchpoint-complete-"]')).length >= 4, { timeout: 30_000, timeoutMsg: "the follow-ups are planned" });
    const first = await text(browser, "next-touchpoint");
    assert.match(first, /发会议纪要/, `the recap comes first: ${first}`);
    assert.match(first, new RegExp(meeting), "due on the meeting day");

    // The recap is done on the meeting day; the week-2 check is next, and overdue by now.
    await click(browser, await browser.$('[data-testid^="touchpoint-complete-"]'));
    await typeDay(browser, "touchpoint-done-on", meeting);
    await (await byTestId(browser, "touchpoint-result")).setValue("纪要已发，对方同意两周内答复");
    await click(browser, await byTestId(browser, "touchpoint-form-save"));
    await browser.waitUntil(async () => (await text(browser, "next-touchpoint")).includes("确认是否立项"), { timeout: 30_000, timeoutMsg: "the week-2 check is the next due item" });
    const next = await text(browser, "next-touchpoint");
    assert.match(next, /已逾期/, `the week-2 check is overdue: ${next}`);
    assert.match(await text(browser, "touchpoints"), /已完成[\s\S]*纪要已发/, "the recap shows as done with its result");
    await screenshot(browser, "cadence.png");

    // The open follow-ups as a calendar file.
    await click(browser, await byTestId(browser, "export-ics"));
    await waitText(browser, "已导出到");
    assert.ok(existsSync(icsFile), "the .ics file was written");
    const ics = readFileSync(icsFile, "utf8");
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.ok((ics.match(/BEGIN:VEVENT/g) ?? []).length >= 3, "one event per open follow-up");
    assert.match(ics, /确认是否立项/);

    // Today: the overdue week-2 check, with the way to its project.
    await click(browser, await byTestId(browser, "nav-today"));
    await byTestId(browser, "view-today");
    await browser.waitUntil(async () => (await text(browser, "today-touchpoints")).includes("确认是否立项"), { timeout: 30_000, timeoutMsg: "Today lists the due follow-up" });
    assert.match(await text(browser, "today-touchpoints"), new RegExp(PROJECT));
    await screenshot(browser, "today.png");
    await click(browser, await browser.$('[data-testid^="today-open-"]'));
    await byTestId(browser, "next-touchpoint");
    await quit(browser);
  } catch (error) {
    // What the window showed when a step failed is the quickest way to see why.
    if (browser) await screenshot(browser, "projects-failure.png").catch(() => {});
    throw error;
  } finally {
    await home.dispose();
  }
});
