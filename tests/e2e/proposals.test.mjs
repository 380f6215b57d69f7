// Proposal export in the real window: in the demo workspace a complete solution is made from the
// built-in template, a paragraph is edited (with markup in it), the preview shows it as text, and
// the document is exported as PDF through the save path, then read back with pdftotext.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { byTestId, click, createHome, quit, screenshot, text } from "./harness.mjs";

test("a complete solution from the demo: edit, preview, export as PDF", async () => {
  const home = await createHome("proposals");
  const pdfFile = home.savedFile;
  let browser;
  try {
    browser = await home.launch();
    await (await byTestId(browser, "welcome-demo")).click();
    await byTestId(browser, "demo-tag");
    await click(browser, await byTestId(browser, "nav-proposals"));
    await byTestId(browser, "view-proposals");

    await click(browser, await byTestId(browser, "proposal-new"));
    await byTestId(browser, "proposal-new-modal");
    // The demo carries S3 and S4 as problems; the form offers one of them.
    await browser.waitUntil(async () => /充电桩故障|预约超载/.test(await text(browser, "proposal-problem")), { timeout: 20_000, timeoutMsg: "a demo problem is offered" });
    const problem = (await text(browser, "proposal-problem")).trim();
    await click(browser, await browser.$(".ant-modal-footer .ant-btn-primary"));
    await byTestId(browser, "proposal-draft");
    await browser.waitUntil(async () => (await browser.$('[data-testid="proposal-title"]').getValue()).includes(problem), { timeout: 20_000, timeoutMsg: "draft titled from the problem" });

    // The first section's first paragraph, rewritten by the director with markup in it.
    const edited = "门店反馈 <img src=x onerror=window.__pwned=1> *不是粗体*";
    // Pasted, as a director pastes from mail: the input event React listens to, with the new text.
    const para = await byTestId(browser, "section-0-block-0");
    await browser.execute((el, value) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(el, value);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, para, edited);
    await click(browser, await byTestId(browser, "proposal-save"));
    await browser.waitUntil(async () => !(await (await byTestId(browser, "proposal-save")).isEnabled()), { timeout: 20_000, timeoutMsg: "saved" });

    await click(browser, await browser.$("label=预览"));
    await byTestId(browser, "proposal-preview");
    const preview = await text(browser, "proposal-preview");
    assert.ok(preview.includes(edited), "the edit is shown as typed");
    assert.ok(preview.includes("方案对比与建议") && preview.includes("POC"), "sections filled from the workspace");
    assert.equal(await browser.execute(() => window.__pwned ?? null), null, "markup in user text never runs");
    await screenshot(browser, "proposal-preview.png");

    await click(browser, await byTestId(browser, "proposal-export-pdf"));
    await browser.waitUntil(() => existsSync(pdfFile), { timeout: 60_000, timeoutMsg: "PDF written" });
    assert.equal(readFileSync(pdfFile).subarray(0, 4).toString(), "%PDF");
    const pdfText = execFileSync("pdftotext", [pdfFile, "-"]).toString().replace(/\s/g, "");
    assert.ok(pdfText.includes(problem) && pdfText.includes(edited.replace(/\s/g, "")), "the PDF carries the title and the edit as text");
    await quit(browser);
  } catch (error) {
    if (browser) await screenshot(browser, "proposals-failure.png").catch(() => {});
    throw error;
  } finally {
    await home.dispose();
  }
});
