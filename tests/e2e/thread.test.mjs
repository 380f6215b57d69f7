// The thread in the real window, on a blank workspace: a problem → its sponsor chosen on the
// problem page → a solution proposal written for it → refused approval without a recommended
// option, then approved → the project pre-filled from the recommended option, edited, created →
// the project, the proposal and the problem each link to the others.
import { test } from "node:test";
import assert from "node:assert/strict";
import { byTestId, click, createHome, invoke, openTab, pageText, quit, screenshot, text } from "./harness.mjs";

const person = (name, title, departmentId, power, trust) => ({
  name, title, departmentId, reportsToId: null, stance: "neutral", trust, power, interest: 8, contactEveryDays: 30,
});

const option = (title, departmentId, personWeeks, phases, to) => ({
  title,
  description: `${title}的做法`,
  cost: "600000",
  resources: [{ departmentId, personWeeks, cost: null, note: "" }],
  phases: phases.map(([name, weeks]) => ({ name, weeks })),
  effects: [{ metric: "屏幕故障", unit: "次/周", from: 7.5, to }],
  pros: "根治",
  cons: "需要招标",
  risks: [{ risk: "交期延误", counterMeasure: "保留原供应商" }],
});

async function pickPerson(browser, selectTestId, name) {
  await (await byTestId(browser, selectTestId)).click();
  const item = await browser.$(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${name}"]`);
  await item.waitForDisplayed({ timeout: 10_000 });
  await item.click();
}

test("problem → sponsor → proposal → approval → project, each page linking the others", async () => {
  const home = await createHome("thread");
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await byTestId(browser, "view-today", 30_000);
    const afterSales = await invoke(browser, "departments_create", { input: { name: "售后部", head: "林晓", kpis: "" } });
    const supply = await invoke(browser, "departments_create", { input: { name: "供应链部", head: "周敏", kpis: "" } });
    const head = await invoke(browser, "people_create", { input: person("周敏", "供应链总监", supply.id, 8, 4) });
    const vp = await invoke(browser, "people_create", { input: person("高远", "运营副总裁", afterSales.id, 9, 5) });
    const backlog = await invoke(browser, "kpi_create", { input: { name: "库存积压", unit: "元", departmentId: supply.id, ownerPersonId: head.id, metric: null } });
    const problem = await invoke(browser, "problem_create", { input: { title: "门店屏幕故障", projectionWeeks: 12 }, link: null });
    await invoke(browser, "problem_effect_add", { problemId: problem.id, input: { kpiId: backlog.id, effect: -30, unit: "%", money: "8000000", note: "", computed: false } });
    await browser.refresh();
    await byTestId(browser, "view-today", 30_000);

    // The sponsor, chosen where the ranking says why.
    await click(browser, await byTestId(browser, "nav-problems"));
    const row = await browser.$('[data-testid="problems-table"] tbody tr.ant-table-row');
    await row.waitForDisplayed({ timeout: 30_000 });
    await click(browser, row);
    await byTestId(browser, "problem-page", 30_000);
    await openTab(browser, "部门影响");
    await browser.waitUntil(async () => (await text(browser, "sponsor-ranking")).includes("库存积压"), { timeout: 30_000, timeoutMsg: "the ranking names the KPI" });
    await click(browser, await byTestId(browser, "sponsor-choose"));
    await browser.waitUntil(async () => (await invoke(browser, "problems_list"))[0].sponsorPersonId === head.id, { timeout: 20_000, timeoutMsg: "the sponsor is stored" });

    // The complete solution for this problem.
    await click(browser, await byTestId(browser, "nav-proposals"));
    await click(browser, await byTestId(browser, "proposal-new"));
    await byTestId(browser, "proposal-new-modal");
    await browser.waitUntil(async () => (await text(browser, "proposal-problem")).includes("门店屏幕故障"), { timeout: 20_000, timeoutMsg: "the problem is offered" });
    await click(browser, await browser.$(".ant-modal-footer .ant-btn-primary"));
    await byTestId(browser, "proposal-approval", 30_000);

    // Approving with no recommended option is refused, and nothing is recorded.
    const by = await browser.$('[data-testid="approval-by"]');
    await by.setValue("HQ 运营副总裁");
    await click(browser, await byTestId(browser, "approval-submit"));
    await browser.waitUntil(async () => (await pageText(browser)).includes("批准前请先在方案中标出推荐的一个"), { timeout: 20_000, timeoutMsg: "the refusal says why" });
    const [draft] = await invoke(browser, "proposal_drafts");
    assert.equal(await invoke(browser, "proposal_approval", { draftId: draft.id }), null);

    // The director's two options, B recommended.
    await invoke(browser, "proposal_option_create", { draftId: draft.id, input: option("门店自助排查手册", afterSales.id, 3, [["编写", 2]], 5) });
    const b = await invoke(browser, "proposal_option_create", { draftId: draft.id, input: option("更换屏幕供应商", supply.id, 12, [["招标", 2], ["试点", 2]], 1.5) });
    await invoke(browser, "proposal_option_recommend", { draftId: draft.id, optionId: b.id });
    await click(browser, await byTestId(browser, "approval-submit"));
    await browser.waitUntil(async () => (await text(browser, "approval-done")).includes("HQ 运营副总裁"), { timeout: 20_000, timeoutMsg: "the approval is recorded" });

    // The project, pre-filled from option B; the director adds their own sponsor.
    await click(browser, await byTestId(browser, "approval-create-project"));
    await byTestId(browser, "project-plan-form", 30_000);
    assert.equal(await (await byTestId(browser, "plan-title")).getValue(), "更换屏幕供应商");
    // What the form shows: its text and the values in its inputs.
    const plan = await browser.execute(() => {
      const form = document.querySelector('[data-testid="project-plan-form"]');
      return [form.innerText, ...[...form.querySelectorAll("input, textarea")].map((i) => i.value)].join("\n");
    });
    for (const shown of ["周敏", "招标", "试点", "屏幕故障", "供应链部"]) assert.ok(plan.includes(shown), `the plan shows ${shown}: ${plan}`);
    await screenshot(browser, "thread-plan.png");
    await pickPerson(browser, "plan-co-owner-ours", "高远");
    await click(browser, await byTestId(browser, "plan-create"));
    await byTestId(browser, "project-page", 30_000).catch(async (e) => {
      await screenshot(browser, "thread-plan-not-created.png");
      throw e;
    });
    await browser.waitUntil(async () => (await text(browser, "project-thread")).includes("门店屏幕故障"), { timeout: 20_000, timeoutMsg: "the project names its problem" });
    assert.ok((await text(browser, "project-thread")).includes(draft.document.title), "and its proposal");
    const [project] = await invoke(browser, "projects_list");
    const { milestones } = await invoke(browser, "timeline");
    assert.deepEqual(milestones.filter((m) => m.projectId === project.id).map((m) => m.name), ["招标", "试点"], "milestones from B's timeline");
    await screenshot(browser, "thread-project.png");

    // From the project back to the problem, which names its project.
    await click(browser, await byTestId(browser, `thread-problem-${problem.id}`));
    await byTestId(browser, "problem-page", 30_000);
    await browser.waitUntil(async () => (await text(browser, "thread-links")).includes("更换屏幕供应商"), { timeout: 20_000, timeoutMsg: "the problem names its project" });
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
