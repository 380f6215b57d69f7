// Locked-down webview: markup and script payloads stored in the free-text fields of every kind of
// record are shown as text in every view; nothing in them runs (no global set, no alert).
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, createHome, openTab, pageText, quit, screenshot } from "./harness.mjs";

const IMG = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
const SCRIPT = "<script>window.__xss=(window.__xss||0)+1</script>";
const SVG = '<svg onload="window.__xss=(window.__xss||0)+1"></svg>';

test("payloads in every free-text field print as text and never run", async () => {
  const home = await createHome("xss");
  let browser;
  try {
    browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today");
    const stored = await browser.executeAsync(
      (img, script, svg, done) => {
        const invoke = window.__TAURI_INTERNALS__.invoke;
        const now = Date.now();
        (async () => {
          const dept = await invoke("departments_create", { input: { name: `部门${img}`, head: script, kpis: svg } });
          const person = await invoke("people_create", {
            input: { name: `张三${img}`, title: script, departmentId: dept.id, reportsToId: null, stance: "neutral", trust: 3, power: 5, interest: 5, contactEveryDays: 30 },
          });
          await invoke("person_note_add", { personId: person.id, note: { kind: "pressure", text: img, metric: null, source: script, notedOn: now } });
          await invoke("interaction_log", { personId: person.id, input: { kind: "coffee", happenedAt: now, summary: svg, sentiment: 1, nextStep: img, nextStepDue: null } });
          await invoke("project_create", { input: { title: `项目${img}`, goal: script, status: "active", impactMetrics: "", benefits: svg, anchorOn: null, launchOn: null } });
          await invoke("problem_create", { input: { title: `问题${img}`, symptoms: script, fix: svg, workaround: img, fiveWhys: [img, script], projectionWeeks: 12 }, link: null });
          await invoke("incident_create", {
            input: {
              externalId: null, title: `工单${img}`, departmentId: dept.id, problemType: script, productCategory: svg, product: img, supplier: script,
              storeId: null, region: svg, channel: img, customerRef: script, severityClassId: null, waitMinutes: 30, complaint: true, cost: "100", openedAt: now - 3_600_000, closedAt: null, status: "open",
            },
          });
          return "ok";
        })().then(done, (e) => done(JSON.stringify(e)));
      },
      IMG,
      SCRIPT,
      SVG,
    );
    assert.equal(stored, "ok");
    await browser.execute(() => location.reload());
    await byTestId(browser, "view-today");

    for (const view of ["stakeholders", "projects", "incidents", "problems", "today"]) {
      await click(browser, await byTestId(browser, `nav-${view}`));
      await byTestId(browser, `view-${view}`);
      await browser.pause(1500);
      assert.equal(await browser.execute(() => window.__xss ?? null), null, `nothing ran in ${view}`);
    }
    // The stakeholder table and the board show the payload as the text it is.
    await click(browser, await byTestId(browser, "nav-incidents"));
    await browser.waitUntil(async () => (await pageText(browser)).includes("部门<img src=x"), { timeout: 30_000, timeoutMsg: "the department name shows as text on the board" });
    await click(browser, await byTestId(browser, "nav-stakeholders"));
    // The grid and the graph draw names into SVG and React Flow nodes: nothing runs there either.
    for (const tab of ["权力/利益矩阵", "关系图", "人员"]) {
      await openTab(browser, tab);
      await browser.pause(1000);
      assert.equal(await browser.execute(() => window.__xss ?? null), null, `nothing ran in ${tab}`);
    }
    await browser.waitUntil(async () => (await pageText(browser)).includes("张三<img"), { timeout: 30_000, timeoutMsg: "the person's name shows as text" });
    assert.equal(await browser.execute(() => document.querySelectorAll('img[src="x"], script:not([src])').length), 0, "no element was made from user text");
    await screenshot(browser, "xss-stakeholders.png");
    assert.equal(await browser.execute(() => window.__xss ?? null), null);
    // No remote page is ever shown: a navigation away from the app is refused by the shell.
    const appPage = await browser.getUrl();
    await browser.execute(() => window.location.assign("https://example.com/"));
    await browser.pause(1500);
    assert.equal(await browser.getUrl(), appPage, "the window stayed on the app");
    await byTestId(browser, "workspace-menu");
    await quit(browser);
  } catch (error) {
    if (browser) await screenshot(browser, "xss-failure.png").catch(() => {});
    throw error;
  } finally {
    await home.dispose();
  }
});
