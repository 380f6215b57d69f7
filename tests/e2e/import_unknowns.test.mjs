// An import that meets stores and suppliers the workspace lacks says what it will create; one new
// store is mapped to an existing one instead, and the incident shows the mapped store.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, click, createHome, openTab, pageText, quit, screenshot, text } from "./harness.mjs";

const STORES = ["门店编码,门店,问题类型,登记时间", "BJ01,北京朝阳门店,屏幕故障,2026-11-02 10:00", "SH02,上海徐汇店,屏幕故障,2026-11-02 11:00", ""].join("\r\n");
// 朝阳店 and two more are new; SH02 is 上海徐汇店's code.
const INCIDENTS = [
  "工单号,标题,门店,供应商,问题类型,登记时间",
  "T-1,屏幕闪烁（朝阳）,朝阳店,富士康,屏幕故障,2026-11-03 09:00",
  "T-2,屏幕闪烁（西湖）,杭州西湖店,比亚迪电子,屏幕故障,2026-11-03 10:00",
  "T-3,屏幕闪烁（徐汇）,SH02,富士康,屏幕故障,2026-11-03 11:00",
  "T-4,屏幕闪烁（春熙）,成都春熙店,富士康,屏幕故障,2026-11-03 12:00",
  "",
].join("\r\n");

/** Opens the import dialog on the picked file, checks every row and imports when asked. */
async function importFile(browser, expected, { run }) {
  await (await byTestId(browser, "import-open")).click();
  await browser.waitUntil(async () => (await pageText(browser)).includes(expected), { timeout: 30_000 });
  await (await byTestId(browser, "import-check")).click();
  await byTestId(browser, "import-report");
  if (run) await finish(browser);
}

/** The preview's line of what will be created. */
const created = async (browser) => (await text(browser, "import-new-entries")).trim();

async function finish(browser) {
  await (await byTestId(browser, "import-run")).click();
  await browser.waitUntil(async () => (await pageText(browser)).includes("导入完成"), { timeout: 30_000 });
}

test("new stores are named in the preview, one is mapped to an existing store", async () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-import-unknowns-"));
  const file = join(dir, "工单导出.csv");
  writeFileSync(file, STORES);
  const home = await createHome("import-unknowns", { LIAISON_TEST_PICK_FILE: file });
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await (await byTestId(browser, "nav-incidents")).click();

    // A blank workspace gets its two stores (with codes) from a first file.
    await importFile(browser, "BJ01", { run: false });
    assert.equal(await created(browser), "将新建 2 个门店、1 个问题类型。");
    await finish(browser);
    await (await byTestId(browser, "import-close")).click();

    // The picker reads the same path: the next file is the month's ticket export.
    writeFileSync(file, INCIDENTS);
    await importFile(browser, "屏幕闪烁（朝阳）", { run: false });
    assert.equal(await created(browser), "将新建 3 个门店、2 个供应商。");
    assert.match(await text(browser, "import-value-mappings"), /朝阳店[\s\S]*杭州西湖店[\s\S]*成都春熙店[\s\S]*富士康[\s\S]*比亚迪电子/);

    // Map 朝阳店 to 北京朝阳门店, found by its pinyin.
    await (await byTestId(browser, "import-map-朝阳店")).click();
    await browser.keys("chaoyang");
    const option = await browser.$('.ant-select-item-option[title="北京朝阳门店"]');
    await option.waitForDisplayed({ timeout: 10_000 });
    await option.click();
    await browser.waitUntil(async () => (await created(browser)) === "将新建 2 个门店、2 个供应商。", {
      timeout: 30_000,
      timeoutMsg: "the preview re-runs with the mapping",
    });
    await screenshot(browser, "import-unknowns-preview.png");

    await finish(browser);
    assert.equal(await created(browser), "已新建 2 个门店、2 个供应商。");
    await (await byTestId(browser, "import-close")).click();

    await openTab(browser, "明细");
    const row = await browser.$('//*[@data-testid="incidents-table"]//tr[contains(., "屏幕闪烁（朝阳）")]');
    await row.waitForDisplayed({ timeout: 30_000 });
    // Ellipsis cells are left out of WebDriver's visible text: read the row's text itself.
    const rowText = (el) => browser.execute((e) => e.textContent, el);
    assert.match(await rowText(row), /北京朝阳门店/, "the incident got the mapped store");
    const xuhui = await browser.$('//*[@data-testid="incidents-table"]//tr[contains(., "屏幕闪烁（徐汇）")]');
    assert.match(await rowText(xuhui), /上海徐汇店/, "a store code finds its store");
    await click(browser, row);
    await browser.waitUntil(async () => /门店\s*北京朝阳门店/.test(await text(browser, "incident-drawer")), {
      timeout: 30_000,
      timeoutMsg: "the incident's drawer shows the mapped store",
    });
    await screenshot(browser, "import-unknowns-incident.png");
    await quit(browser);
  } finally {
    await home.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
