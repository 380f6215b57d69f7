// Import a small ticket export through the real UI: mapping guessed, the bad row listed with its
// line, valid rows imported on request, and the board totals show them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byTestId, createHome, pageText, quit, screenshot } from "./harness.mjs";

const CSV = [
  "工单号,问题类型,归属部门,门店,等待时长（分钟）,是否投诉,成本,登记时间",
  'T-1,包装破损,供应链部,上海一店,30,否,"¥1,234.50",2024/3/5',
  "T-2,快递丢件,供应链部,北京一店,1.5小时,是,1.2万,2024-03-05 14:00",
  "T-3,预约超载,产品部,上海一店,45,是,0,下周一",
  "T-4,预约超载,产品部,上海一店,45,是,200,2024/4/1",
  "",
].join("\r\n");

async function tableText(browser, testId) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.innerText ?? "", testId);
}

/** A new workspace, the board, and the import dialog open on the picked file once it shows `expected`. */
async function openImport(home, expected) {
  const browser = await home.launch();
  await (await byTestId(browser, "welcome-create")).click();
  await (await byTestId(browser, "nav-incidents")).click();
  await (await byTestId(browser, "import-open")).click();
  await browser.waitUntil(async () => (await pageText(browser)).includes(expected), { timeout: 30_000 });
  return browser;
}

test("import a CSV through the UI and see the board totals", async () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-import-"));
  const file = join(dir, "工单导出.csv");
  writeFileSync(file, "\uFEFF" + CSV);
  const home = await createHome("import", { LIAISON_TEST_PICK_FILE: file });
  try {
    const browser = await openImport(home, "工单导出.csv");
    await screenshot(browser, "import-mapping.png");

    await (await byTestId(browser, "import-check")).click();
    await byTestId(browser, "import-issues");
    const preview = await pageText(browser);
    assert.match(preview, /“下周一”不是有效日期/);
    assert.match(await tableText(browser, "import-issues"), /^\s*4\b/m, "the bad row is listed with its line number");
    await screenshot(browser, "import-preview.png");
    assert.equal(await (await byTestId(browser, "import-run")).isEnabled(), false, "all-or-nothing: import blocked");

    await (await browser.$("span=只导入有效行，跳过有问题的行")).click();
    await (await byTestId(browser, "import-run")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("导入完成：新增 3 条"), { timeout: 30_000 });
    await (await byTestId(browser, "import-close")).click();

    await browser.waitUntil(async () => /供应链部\s+2\b/.test(await tableText(browser, "totals-by-department")), {
      timeout: 30_000,
      timeoutMsg: "board totals by department",
    });
    assert.match(await tableText(browser, "totals-by-department"), /产品部\s+1\b/);
    assert.match(await tableText(browser, "totals-by-type"), /快递丢件\s+1\s+90\b/);
    await screenshot(browser, "import-board.png");

    // Open one incident: its history starts with the owner the file gave; transfer it with a reason.
    await (await browser.$("div.ant-tabs-tab=明细")).click();
    const row = await browser.$('//*[@data-testid="incidents-table"]//tr[contains(., "快递丢件")]');
    await row.waitForDisplayed({ timeout: 30_000 });
    // The tab slides in; a WebDriver click can land mid-animation, so click the row from the page.
    await browser.execute((el) => el.click(), row);
    await byTestId(browser, "incident-history");
    assert.match(await tableText(browser, "incident-history"), /分派（导入）[\s\S]*供应链部/);
    await (await byTestId(browser, "transfer-submit")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("此项必填。"), { timeout: 30_000 });
    await (await byTestId(browser, "transfer-to")).click();
    await (await browser.$('.ant-select-item-option[title="产品部"]')).click();
    await (await byTestId(browser, "transfer-reason")).setValue("丢件发生在预约改期后，请产品部确认通知逻辑");
    await (await byTestId(browser, "transfer-submit")).click();
    await browser.waitUntil(async () => /转派（手动）/.test(await tableText(browser, "incident-history")), { timeout: 30_000 });
    assert.match(await tableText(browser, "incident-history"), /供应链部 → 产品部[\s\S]*请产品部确认通知逻辑/);
    await screenshot(browser, "incident-drawer.png");
    await quit(browser);
  } finally {
    await home.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a damaged XLSX is refused with the row it breaks at, and nothing is imported", async () => {
  // Rows 1–9 are good; row 10 points at shared string 3 of a workbook that has no shared strings.
  const file = join(import.meta.dirname, "fixtures", "工单导出-损坏.xlsx");
  const home = await createHome("import-damaged", { LIAISON_TEST_PICK_FILE: file });
  try {
    // The sample of the first rows reads fine: the columns are guessed.
    const browser = await openImport(home, "外箱破损 2");
    await (await byTestId(browser, "import-check")).click();
    const error = await byTestId(browser, "import-error");
    // Row 9 is whole only once row 10 starts, so row 9 is the first not read whole.
    assert.equal(await error.getText(), "工单导出-损坏.xlsx 从第 9 行起已损坏，无法继续读取。没有导入任何数据。");
    await screenshot(browser, "import-damaged.png");
    assert.equal(await (await browser.$('[data-testid="import-run"]')).isExisting(), false, "no way on to importing");
    await (await browser.$(".ant-modal-close")).click();
    await browser.waitUntil(async () => /暂无数据/.test(await tableText(browser, "totals-by-department")), {
      timeout: 30_000,
      timeoutMsg: "the board stays empty",
    });
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
