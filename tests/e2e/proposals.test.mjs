// Proposal export in the real window: in the demo workspace a complete solution is made from the
// built-in template, a paragraph is typed (fast, with markup in it) and a Chinese string composed as
// an input method sends it, an option is written and recommended, the preview shows it all as text,
// and the document is exported as PDF through the save path, then read back with pdftotext.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { byTestId, click, createHome, quit, screenshot, text } from "./harness.mjs";

// Keys go to the focused field; a WebDriver click may land on a tooltip or a sticky header instead.
const focus = (browser, el) => browser.execute((e) => e.focus(), el);

test("a complete solution from the demo: typed edits, an option, preview, export as PDF", async () => {
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

    // The first section's first paragraph, rewritten by the director with markup in it: typed, key
    // by key as fast as WebDriver sends them.
    const typed = "门店反馈 <img src=x onerror=window.__pwned=1> *不是粗体*";
    const para = await byTestId(browser, "section-0-block-0");
    await focus(browser, para);
    await browser.keys(["Control", "a"]);
    await browser.keys([...typed]);
    // Then a Chinese phrase through an input method: pinyin composes, each step an input event
    // marked isComposing, then the committed characters and compositionend, as WebKit sends them.
    const composed = "预约超载";
    const steps = ["y", "yu", "yuy", "yuyue", "yuyue'c", "yuyue'chao", "yuyue'chaoz", "yuyue'chaozai"];
    await browser.execute((el) => el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" })), para);
    for (const step of [...steps, composed]) {
      await browser.execute((el, base, value, final) => {
        el.dispatchEvent(new CompositionEvent("compositionupdate", { bubbles: true, data: value }));
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(el, base + value);
        el.setSelectionRange(el.value.length, el.value.length);
        el.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, inputType: "insertCompositionText", data: value }));
        if (final) el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: value }));
      }, para, typed, step, step === composed);
    }
    // Saved, and typing on while the save goes to the store and the drafts come back: the round
    // trip must not put the saved text back over what was typed since.
    await click(browser, await byTestId(browser, "proposal-save"));
    const more = "，第二天再跟进";
    await browser.keys([...more]);
    const edited = typed + composed + more;
    await browser.pause(1_000);
    assert.equal(await para.getValue(), edited, "typed text arrives intact, in order");
    await click(browser, await byTestId(browser, "proposal-save"));
    await browser.waitUntil(async () => !(await (await byTestId(browser, "proposal-save")).isEnabled()), { timeout: 20_000, timeoutMsg: "saved" });

    assert.equal(await para.getValue(), edited, "the save's round trip leaves the typed text as it is");

    // An option written in the window: title, cost and a risk with its counter-measure, recommended.
    await click(browser, await browser.$("label=方案"));
    await byTestId(browser, "proposal-options");
    const before = await browser.execute(() => document.querySelectorAll('[data-testid^="option-"][data-testid$="-title"]').length);
    await click(browser, await byTestId(browser, "option-add"));
    const id = `option-${before}`;
    const title = await byTestId(browser, `${id}-title`);
    await focus(browser, title);
    await browser.keys(["Control", "a"]);
    await browser.keys([..."预约系统显示工位负载"]);
    const cost = await byTestId(browser, `${id}-cost`);
    await focus(browser, cost);
    await browser.keys([..."20万", "Enter"]);
    await click(browser, await byTestId(browser, `${id}-risks-add`));
    await focus(browser, await byTestId(browser, `${id}-risks-0-risk`));
    await browser.keys([..."iOS团队排期冲突"]);
    await focus(browser, await byTestId(browser, `${id}-risks-0-measure`));
    await browser.keys([..."提前两周沟通"]);
    await click(browser, await byTestId(browser, `${id}-save`));
    await browser.waitUntil(async () => !(await (await byTestId(browser, `${id}-save`)).isEnabled()), { timeout: 20_000, timeoutMsg: "option saved" });
    await click(browser, await byTestId(browser, `${id}-recommend`));
    await byTestId(browser, `${id}-recommended`);

    await click(browser, await browser.$("label=预览"));
    await byTestId(browser, "proposal-preview");
    const preview = await text(browser, "proposal-preview");
    assert.ok(preview.includes(edited), "the edit is shown as typed");
    assert.ok(preview.includes("方案对比与建议") && preview.includes("POC"), "sections filled from the workspace");
    const flat = preview.replace(/\s/g, "");
    assert.ok(flat.includes("预约系统显示工位负载★推荐方案"), `the written option, recommended: ${preview}`);
    assert.equal(flat.match(/★/g)?.length, 1, "one recommendation");
    assert.ok(flat.includes("投入：20万元") && flat.includes("iOS团队排期冲突") && flat.includes("提前两周沟通"), "its cost and risk");
    assert.ok(preview.includes("建议采用方案"), "the recommendation follows the marked option");
    assert.equal(await browser.execute(() => window.__pwned ?? null), null, "markup in user text never runs");
    await screenshot(browser, "proposal-preview.png");

    await click(browser, await byTestId(browser, "proposal-export-pdf"));
    await browser.waitUntil(() => existsSync(pdfFile), { timeout: 60_000, timeoutMsg: "PDF written" });
    assert.equal(readFileSync(pdfFile).subarray(0, 4).toString(), "%PDF");
    const pdfText = execFileSync("pdftotext", [pdfFile, "-"]).toString().replace(/\s/g, "");
    assert.ok(pdfText.includes(problem) && pdfText.includes(edited.replace(/\s/g, "")), "the PDF carries the title and the edit as text");
    assert.ok(pdfText.includes("预约系统显示工位负载★推荐方案") && pdfText.includes("提前两周沟通"), "and the option written in the window");
    await quit(browser);
  } catch (error) {
    if (browser) await screenshot(browser, "proposals-failure.png").catch(() => {});
    throw error;
  } finally {
    await home.dispose();
  }
});
