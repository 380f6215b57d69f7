// Systemic problems in the demo workspace: a suggestion becomes a problem, its evidence chain shows
// the prevalence sentence and the trend chart, a computed figure opens exactly its incidents, and
// S3's business case (2000 lost buyers × 35万, 80万 a month, 600万 invested) gives an ROI of ≈118×.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, createHome, openTab, pageText, quit, screenshot, switchLanguage, text } from "./harness.mjs";

async function type(browser, testId, value) {
  const input = await byTestId(browser, testId);
  await input.click();
  await input.clearValue();
  await input.setValue(value);
}

test("a suggestion becomes a problem with its evidence chain and business case", async () => {
  // Where the chart goes when the webview cannot copy images (the save dialog is not drivable).
  const home = await createHome("problems");
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-demo")).click();
    await byTestId(browser, "demo-tag");
    await (await byTestId(browser, "nav-problems")).click();
    await byTestId(browser, "view-problems");

    // The demo's incidents recur at many stores: the suggestions list them; accept the first.
    const accept = await byTestId(browser, "suggestion-accept", 30_000);
    await screenshot(browser, "problems-list.png");
    const pattern = await browser.execute(() => document.querySelector('[data-testid="suggestions-table"] tbody tr.ant-table-row td')?.innerText ?? "");
    assert.ok(pattern.length > 0, "a suggested pattern is shown");
    await click(browser, accept);
    await byTestId(browser, "problem-page", 30_000);
    const heading = await text(browser, "problem-heading");
    assert.equal(heading, pattern, "the problem is titled after the pattern");
    const linked = Number(/(\d+)/.exec(await text(browser, "problem-incidents"))[1]);
    assert.ok(linked > 0, `the pattern's incidents are linked (${linked})`);
    await screenshot(browser, "problem-overview.png");

    // Evidence chain: the prevalence sentence from the core and the trend chart.
    await openTab(browser, "证据链");
    await byTestId(browser, "evidence-chain", 30_000);
    const sentence = await text(browser, "evidence-prevalence-sentence");
    assert.match(sentence, /门店/, `prevalence sentence: ${sentence}`);
    const canvas = await browser.$('[data-testid="trend-chart"] canvas');
    await canvas.waitForExist({ timeout: 20_000 });
    const size = await browser.execute((c) => [c.width, c.height], canvas);
    assert.ok(size[0] > 300 && size[1] > 200, `the chart is drawn (${size})`);
    await screenshot(browser, "problem-evidence.png");
    await browser.execute(() => document.querySelector('[data-testid="evidence-trend"]')?.scrollIntoView());
    await screenshot(browser, "problem-evidence-trend.png");
    // Copy as image: onto the clipboard, or saved as a PNG where the webview cannot copy images.
    await click(browser, await byTestId(browser, "trend-copy-image"));
    await browser.waitUntil(
      async () => /图表已复制为图片|图表已保存到/.test(await browser.execute(() => document.querySelector(".ant-message")?.innerText ?? "")),
      { timeout: 20_000, timeoutMsg: "copying the chart reports what it did" },
    );
    await browser.execute(() => document.querySelector('[data-testid="evidence-root-cause"]')?.scrollIntoView());
    await screenshot(browser, "problem-evidence-root-cause.png");

    // A computed figure opens exactly the incidents it counts: all of the problem's, here.
    await browser.execute(() => document.querySelector('[data-testid="evidence-prevalence"]')?.scrollIntoView());
    await click(browser, await byTestId(browser, "figure-customers"));
    await byTestId(browser, "evidence-incidents");
    await browser.waitUntil(async () => (await text(browser, "incidents-totals")).includes(`共 ${linked} 条`), {
      timeout: 30_000,
      timeoutMsg: "the drawer lists the problem's incidents",
    });
    const rows = await browser.execute(() => document.querySelectorAll('[data-testid="evidence-incidents"] tbody tr.ant-table-row').length);
    assert.ok(rows > 0, "incident rows are shown");
    const firstTitle = await browser.execute(() => document.querySelector('[data-testid="evidence-incidents"] tbody tr.ant-table-row')?.innerText ?? "");
    assert.ok(firstTitle.includes(pattern.split(" · ")[0]), `the incidents are the pattern's: ${firstTitle}`);
    await screenshot(browser, "problem-evidence-incidents.png");
    await browser.keys("Escape");
    await browser.waitUntil(async () => !(await browser.$('[data-testid="evidence-incidents"]').isDisplayed()), { timeout: 20_000 });

    // Business case with S3's figures, typed the way directors write them.
    await openTab(browser, "商业论证");
    await type(browser, "business-lost-customers", "2000");
    await type(browser, "business-customer-value", "35万");
    await type(browser, "business-cost-per-month", "80万");
    await type(browser, "business-investment", "600万");
    // A real click: leaving the amount field is what commits it, as for a director with a mouse.
    await (await byTestId(browser, "business-form-save")).click();
    await browser
      .waitUntil(async () => (await text(browser, "business-roi")).includes("118"), { timeout: 30_000, timeoutMsg: "ROI ≈ 118×" })
      .catch(async (error) => {
        await screenshot(browser, "problem-business-case-failed.png");
        throw error;
      });
    assert.match(await text(browser, "business-revenue-loss-value"), /7亿元/);
    assert.match(await text(browser, "business-sentence"), /ROI ≈ 118 倍/);
    await browser.execute(() => document.querySelector('[data-testid="problem-page"]')?.scrollTo(0, 0));
    await screenshot(browser, "problem-business-case.png");

    // From the board: the current filter's incidents (all 240 here) filed under a new problem.
    await (await byTestId(browser, "nav-incidents")).click();
    await click(browser, await byTestId(browser, "file-to-problem"));
    await type(browser, "problem-form-title", "E2E 看板归入");
    await (await byTestId(browser, "problem-form-save")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("关联了 240 条问题单"), {
      timeout: 30_000,
      timeoutMsg: "the board's filtered incidents were linked",
    });
    await (await byTestId(browser, "nav-problems")).click();
    const boardRow = () =>
      browser.execute(() =>
        [...document.querySelectorAll('[data-testid="problems-table"] tr.ant-table-row')]
          .find((tr) => tr.innerText.includes("E2E 看板归入"))
          ?.innerText.split("\t")
          .map((cell) => cell.trim()) ?? [],
      );
    await browser.waitUntil(async () => (await boardRow()).includes("240"), {
      timeout: 30_000,
      timeoutMsg: "the new problem is listed with its 240 incidents",
    });

    // In English the same problem's evidence reads in English, chart labels included.
    await switchLanguage(browser, "English", "Systemic problems");
    await browser.execute(
      (title) => [...document.querySelectorAll('[data-testid="problems-table"] tr.ant-table-row')].find((tr) => tr.innerText.includes(title))?.click(),
      heading,
    );
    await byTestId(browser, "problem-page");
    await openTab(browser, "Evidence chain");
    await browser.waitUntil(async () => /stores/.test(await text(browser, "evidence-prevalence-sentence")), { timeout: 30_000 });
    await browser.execute(() => document.querySelector('[data-testid="evidence-trend"]')?.scrollIntoView());
    await screenshot(browser, "problem-evidence-trend-en.png");
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
