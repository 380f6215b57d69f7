// Workspace settings on a blank workspace (never the demo): a department created by hand, a store
// master list imported from a CSV the test writes, two stores merged after the count of incidents
// that move, one archived (gone from the pickers, still listed with its tag).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, click, createHome, invoke, openTab, pageText, quit, screenshot, text } from "./harness.mjs";

const STORES = [
  "门店编码,门店名称,区域,城市,城市级别,开业日期",
  "S001,北京朝阳店,华北,北京,1,2019-05-01",
  "S002,北京朝阳门店,华北,北京,1,2020-06-18",
  "S003,上海徐汇店,华东,上海,1,2021-01-09",
  "S004,深圳南山店,华南,深圳,1,2022-03-15",
  "",
].join("\r\n");

/** The link `action` in the settings table's row of `name`. */
const rowAction = (browser, list, name, action) =>
  browser.$(`//*[@data-testid="settings-${list}"]//tr[.//*[@data-testid="entry-name" and text()="${name}"]]//*[@data-testid="entry-${action}"]`);

test("settings: create a department, import stores, merge two after the count, archive one", async () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-settings-"));
  const file = join(dir, "门店主数据.csv");
  writeFileSync(file, "\uFEFF" + STORES);
  const home = await createHome("settings", { LIAISON_TEST_PICK_FILE: file });
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await click(browser, await byTestId(browser, "nav-settings"));
    await byTestId(browser, "view-settings");

    // A department with its head and escalation contact.
    await click(browser, await byTestId(browser, "new-departments"));
    await (await byTestId(browser, "field-name")).setValue("客服中心");
    await (await byTestId(browser, "field-head")).setValue("陈立");
    await (await byTestId(browser, "field-escalation")).setValue("王总");
    await click(browser, await byTestId(browser, "edit-departments-save"));
    await browser.waitUntil(async () => /客服中心\s+陈立\s+王总/.test(await text(browser, "settings-departments")), { timeout: 30_000, timeoutMsg: "the new department" });

    // The store master list: every row checked first, then imported.
    await openTab(browser, "门店");
    await click(browser, await byTestId(browser, "import-stores"));
    await browser.waitUntil(async () => (await text(browser, "reference-import-report")).includes("门店编码 → 编码"), { timeout: 30_000, timeoutMsg: "the preview" });
    assert.match(await text(browser, "reference-import-report"), /所有行都通过了检查。/);
    await click(browser, await byTestId(browser, "reference-import-run"));
    await browser.waitUntil(async () => (await pageText(browser)).includes("导入完成：新增 4 条，更新 0 条。"), { timeout: 30_000, timeoutMsg: "the import" });
    await click(browser, await byTestId(browser, "reference-import-close"));
    await browser.waitUntil(async () => (await text(browser, "settings-stores")).includes("深圳南山店"), { timeout: 30_000 });

    // Three incidents at 北京朝阳店, then merge it into 北京朝阳门店: the count comes first.
    const stores = await invoke(browser, "settings_stores", { search: "" });
    const from = stores.find((s) => s.name === "北京朝阳店");
    assert.equal(from.code, "S001");
    for (let i = 0; i < 3; i++) {
      await invoke(browser, "incident_create", {
        input: {
          externalId: null, title: `门店投诉${i}`, departmentId: null, problemType: "", productCategory: "", product: "", supplier: "",
          storeId: from.id, region: "", channel: "", customerRef: "", severityClassId: null, waitMinutes: null, complaint: false, cost: "0",
          openedAt: Date.now() - 3_600_000, closedAt: null, status: "open",
        },
      });
    }
    await click(browser, await rowAction(browser, "stores", "北京朝阳店", "merge"));
    await (await byTestId(browser, "merge-into")).click();
    const option = await browser.$('.ant-select-item-option[title="北京朝阳门店"]');
    await option.waitForDisplayed({ timeout: 20_000 });
    await option.click();
    await browser.waitUntil(async () => (await text(browser, "merge-incidents")) === "3", { timeout: 30_000, timeoutMsg: "the count of incidents that move" });
    await screenshot(browser, "settings-merge.png");
    await click(browser, await byTestId(browser, "merge-confirm"));
    await browser.waitUntil(async () => (await pageText(browser)).includes("已合并：转移了 3 个事件。"), { timeout: 30_000 });
    await browser.waitUntil(async () => !(await text(browser, "settings-stores")).includes("北京朝阳店\n"), { timeout: 30_000 });
    const into = (await invoke(browser, "settings_stores", { search: "chaoyang" })).map((s) => s.name);
    assert.deepEqual(into, ["北京朝阳门店"], "pinyin search finds the one left");

    // Archive one: tagged in the list, gone from the board's pickers.
    await click(browser, await rowAction(browser, "stores", "深圳南山店", "archive"));
    await browser.waitUntil(async () => /深圳南山店\s*已归档/.test(await text(browser, "settings-stores")), { timeout: 30_000, timeoutMsg: "the archived tag" });
    const pickers = (await invoke(browser, "board_lists")).stores.map((s) => s.name);
    assert.ok(!pickers.includes("深圳南山店") && pickers.includes("上海徐汇店"), `pickers: ${pickers}`);
    await screenshot(browser, "settings-stores.png");
    await quit(browser);
  } finally {
    await home.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
