// Who should sponsor a problem, in the real window on a blank workspace: a KPI named on the
// stakeholder map, the problem's effect on it entered on the problem page, the ranking's reason
// naming the KPI and its figures, and the sponsor chosen with what is in it for them; the
// stakeholder map's finder ranks the same from the problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, createHome, invoke, openTab, quit, screenshot, text } from "./harness.mjs";

async function pickOption(browser, selectTestId, title) {
  // A real click: Ant Design opens a select on the mouse going down.
  await (await byTestId(browser, selectTestId)).click();
  const option = await browser.$(`.ant-select-item-option[title="${title}"]`);
  await option.waitForDisplayed({ timeout: 10_000 }).catch(async (e) => {
    await screenshot(browser, `sponsor-pick-${selectTestId}.png`);
    const shown = await browser.execute(() => [...document.querySelectorAll(".ant-select-item-option")].map((o) => o.getAttribute("title")));
    throw new Error(`${title} not among ${JSON.stringify(shown)}: ${e.message}`);
  });
  await option.click();
}

/** The input of a form control: the element itself, or the input antd draws inside it. */
async function inputOf(browser, testId) {
  await byTestId(browser, testId);
  const inner = await browser.$(`[data-testid="${testId}"] input`);
  return (await inner.isExisting()) ? inner : browser.$(`[data-testid="${testId}"]`);
}

async function typeInto(browser, testId, value) {
  const input = await inputOf(browser, testId);
  await input.click();
  await input.setValue(value);
}

const person = (name, title, departmentId, power, trust, interest) => ({
  name, title, departmentId, reportsToId: null, stance: "neutral", trust, power, interest, contactEveryDays: 30,
});

test("a problem's effect on a KPI ranks its owner as sponsor, with the figure in the reason; the sponsor is chosen", async () => {
  const home = await createHome("sponsor");
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today", 30_000);
    const supply = await invoke(browser, "departments_create", { input: { name: "供应链部", head: "周敏", kpis: "" } });
    const service = await invoke(browser, "departments_create", { input: { name: "客服部", head: "钱芳", kpis: "" } });
    const office = await invoke(browser, "departments_create", { input: { name: "总裁办", head: "孙总", kpis: "" } });
    const director = await invoke(browser, "people_create", { input: person("周敏", "供应链总监", supply.id, 8, 4, 7) });
    const manager = await invoke(browser, "people_create", { input: person("钱芳", "客服经理", service.id, 6, null, 5) });
    await invoke(browser, "people_create", { input: person("孙总", "CEO", office.id, 10, 5, 10) });
    assert.equal(manager.trust, null, "trust not recorded");
    const complaints = await invoke(browser, "kpi_create", { input: { name: "客诉量", unit: "次", departmentId: service.id, ownerPersonId: manager.id, metric: null } });
    const problem = await invoke(browser, "problem_create", { input: { title: "门店缺货", projectionWeeks: 12 }, link: null });
    await invoke(browser, "problem_effect_add", { problemId: problem.id, input: { kpiId: complaints.id, effect: -40, unit: "%", money: null, note: "", computed: false } });

    // What the page read before the calls above is cached for a while: start it afresh.
    await browser.refresh();
    await byTestId(browser, "view-today", 30_000);

    // The KPI in the director's words, on the stakeholder map.
    await click(browser, await byTestId(browser, "nav-stakeholders"));
    await openTab(browser, "KPI");
    await click(browser, await byTestId(browser, "kpi-add"));
    await byTestId(browser, "kpi-form");
    await typeInto(browser, "kpi-name", "库存积压");
    await typeInto(browser, "kpi-unit", "元");
    // Leaves the unit's suggestions, which would cover the next field.
    await (await inputOf(browser, "kpi-name")).click();
    await pickOption(browser, "kpi-department", "供应链部");
    await pickOption(browser, "kpi-owner", "周敏（供应链总监）");
    await screenshot(browser, "sponsor-kpi-form.png");
    await click(browser, await byTestId(browser, "kpi-form-save"));
    await browser.waitUntil(async () => (await text(browser, "kpis-table")).includes("库存积压"), { timeout: 30_000, timeoutMsg: "the KPI is listed" });
    assert.match(await text(browser, "kpis-table"), /库存积压\s+元\s+供应链部\s+周敏/);

    // The problem's effect on it: −30 %, freeing 800万.
    await click(browser, await byTestId(browser, "nav-problems"));
    const row = await browser.$('[data-testid="problems-table"] tbody tr.ant-table-row');
    await row.waitForDisplayed({ timeout: 30_000 });
    await click(browser, row);
    await byTestId(browser, "problem-page", 30_000);
    await openTab(browser, "部门影响");
    await click(browser, await byTestId(browser, "effect-add"));
    await byTestId(browser, "effect-form");
    await pickOption(browser, "effect-kpi", "供应链部 · 库存积压（元）");
    await typeInto(browser, "effect-value", "-30");
    await typeInto(browser, "effect-money", "800万");
    // The amount is committed when the field is left.
    await (await browser.$('[data-testid="effect-form"] textarea')).click();
    await click(browser, await byTestId(browser, "effect-form-save"));
    await browser.waitUntil(async () => (await text(browser, "effects-table")).includes("库存积压"), { timeout: 30_000, timeoutMsg: "the effect is listed" });
    const effects = await text(browser, "effects-table");
    assert.ok(effects.includes("−30 %，800万元"), effects);
    assert.ok(effects.includes("人工估计"), effects);

    // The ranking: the supply-chain director first, for the backlog and its figures.
    await browser.waitUntil(async () => (await text(browser, "sponsor-ranking")).includes("库存积压"), { timeout: 30_000, timeoutMsg: "the ranking names the KPI" });
    const reasons = await browser.execute(() => [...document.querySelectorAll('[data-testid="sponsor-reason"]')].map((e) => e.innerText));
    assert.deepEqual(reasons, [
      "供应链总监：库存积压 KPI 受影响最大（−30 %，800万元）；决策权 8；信任 4",
      "客服经理：客诉量 KPI 受影响最大（−40 %）；决策权 6；信任未记录（按 3 计）",
    ]);
    assert.match(await text(browser, "sponsor-panel"), /另有 1 人没有 KPI 受此问题影响/);
    await browser.execute(() => document.querySelector('[data-testid="sponsor-panel"]')?.scrollIntoView());
    await screenshot(browser, "sponsor-ranking.png");

    // Chosen: marked, and what is in it for them, from the same figures.
    await click(browser, await byTestId(browser, "sponsor-choose"));
    await byTestId(browser, "sponsor-benefit", 30_000);
    await browser.waitUntil(async () => (await text(browser, "sponsor-benefit")).includes("释放"), { timeout: 30_000 });
    assert.match(await text(browser, "sponsor-benefit"), /解决后，库存积压（供应链部）−30 %，释放 800万元（人工估计）/);
    assert.match(await text(browser, "sponsor-ranking"), /已选为发起人/);
    const stored = (await invoke(browser, "problems_list")).find((p) => p.id === problem.id);
    assert.equal(stored.sponsorPersonId, director.id);
    await screenshot(browser, "sponsor-chosen.png");

    // The stakeholder map's finder starts from the same problem and gives the same ranking.
    await click(browser, await byTestId(browser, "nav-stakeholders"));
    await openTab(browser, "赞助人");
    await pickOption(browser, "sponsor-problem", "门店缺货");
    await browser.waitUntil(async () => (await text(browser, "sponsor-ranking")).includes("库存积压"), { timeout: 30_000, timeoutMsg: "the map ranks for the problem" });
    const onMap = await browser.execute(() => [...document.querySelectorAll('[data-testid="sponsor-reason"]')].map((e) => e.innerText));
    assert.deepEqual(onMap, reasons);
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
