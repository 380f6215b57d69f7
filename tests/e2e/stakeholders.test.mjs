// The stakeholder map in the real window: S1's sponsor ranking, a drag on the power/interest grid
// that survives a restart, the profile, and frame times with 500 people on the grid and the graph.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, byTestId, createHome, invoke, openTab, pageText, quit, screenshot } from "./harness.mjs";

const FRAME_BUDGET_MS = 33;

/** The escalations panel sits above the map: bring the tabs to the top before a screenshot. */
async function shot(browser, file) {
  await browser.execute(() => document.querySelector('[data-testid="view-stakeholders"] .ant-tabs')?.scrollIntoView());
  await screenshot(browser, file);
}

/** The app starts on Today; the map lives under 利益相关方. */
async function openStakeholders(browser) {
  await (await byTestId(browser, "nav-stakeholders")).click();
  await byTestId(browser, "view-stakeholders");
}

/** The quadrant 陈立's circle is drawn in, or null while the grid is not on screen. */
async function quadrantOf(browser, name) {
  return browser.execute((n) => document.querySelector(`[data-testid="power-grid"] [data-name="${n}"]`)?.getAttribute("data-quadrant") ?? null, name);
}

async function centreOf(browser, selector) {
  return browser.execute((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }, selector);
}

async function pickOption(browser, selectTestId, title) {
  await (await byTestId(browser, selectTestId)).click();
  const option = await browser.$(`.ant-select-item-option[title="${title}"]`);
  await option.waitForDisplayed({ timeout: 30_000 });
  await option.click();
}

/** Rows of an Ant Design table as their visible text. */
async function rowTexts(browser, testId) {
  return browser.execute(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"] tbody tr.ant-table-row`)].map((tr) => tr.innerText),
    testId,
  );
}

test("S1 on the map: sponsors for smart dispatch, 陈立 dragged to another quadrant stays there after a restart", async () => {
  const home = await createHome("stakeholders");
  const saved = home.savedFile;
  try {
    let browser = await home.launch();
    await (await byTestId(browser, "welcome-demo")).click();
    await byTestId(browser, "demo-tag");
    await openStakeholders(browser);

    // (c) The sponsor finder for 智能派单: the CEO first (40), the product VP at 36 for NPS and retention.
    await openTab(browser, "赞助人", 30_000);
    await pickOption(browser, "sponsor-project", "智能派单");
    await browser.waitUntil(async () => (await rowTexts(browser, "sponsor-table")).length >= 2, { timeout: 30_000 });
    const rows = await rowTexts(browser, "sponsor-table");
    assert.match(rows[0], /周志远/);
    assert.match(rows[0], /= 40\b/);
    const vp = rows.find((r) => r.includes("陈立"));
    assert.ok(vp, `陈立 is ranked: ${rows.join(" | ")}`);
    assert.match(vp, /决策权 9\/10 × 相关度 100%（NPS、留存）× 信任 2\/5 = 36/);
    assert.match(vp, /售后投诉拖累 NPS/);
    const benefits = await (await byTestId(browser, "sponsor-benefits")).getText();
    assert.match(benefits, /陈立[\s\S]*投诉用户的留存明显偏低/, "what is in it for the product VP: retention");
    await shot(browser, "stakeholders-sponsor.png");

    // The graph: departments as groups, S1's relationships drawn.
    await openTab(browser, "关系图", 30_000);
    await byTestId(browser, "relationship-graph");
    await browser.waitUntil(async () => (await pageText(browser)).includes("技术负责人"), { timeout: 30_000 });
    // React Flow draws edges once it has measured their nodes, a frame or more after the cards.
    await browser.waitUntil(() => browser.execute(() => document.querySelectorAll(".react-flow__edge").length >= 5), {
      timeout: 30_000,
      timeoutMsg: "relationship edges drawn",
    });
    await shot(browser, "stakeholders-graph.png");

    // (a) The grid: 陈立 (power 9, interest 6) is to be managed closely.
    await openTab(browser, "权力/利益矩阵", 30_000);
    await byTestId(browser, "power-grid");
    await browser.waitUntil(async () => (await quadrantOf(browser, "陈立")) === "manage", { timeout: 30_000 });
    await shot(browser, "stakeholders-grid.png");

    // A click (no movement) opens the profile.
    const dot = `[data-testid="power-grid"] [data-name="陈立"] circle`;
    await (await browser.$(dot)).click();
    const drawer = await byTestId(browser, "profile-drawer");
    await browser.waitUntil(async () => (await drawer.getText()).includes("日活增长停滞"), { timeout: 30_000 });
    assert.match(await drawer.getText(), /产品部[\s\S]*周志远/, "department and manager in the header");
    await screenshot(browser, "stakeholders-profile.png");
    await browser.keys("Escape");
    await browser.waitUntil(async () => !(await (await browser.$('[data-testid="profile-drawer"]')).isDisplayed()), { timeout: 30_000 });

    // Drag him left, at the same height, into "keep satisfied".
    const from = await centreOf(browser, dot);
    const area = await centreOf(browser, '[data-quadrant-area="satisfy"]');
    await browser
      .action("pointer", { parameters: { pointerType: "mouse" } })
      .move({ origin: "viewport", x: from.x, y: from.y })
      .down({ button: 0 })
      .move({ origin: "viewport", x: from.x - 20, y: from.y, duration: 200 })
      .move({ origin: "viewport", x: area.x, y: from.y, duration: 600 })
      .up({ button: 0 })
      .perform();
    await browser.waitUntil(async () => (await quadrantOf(browser, "陈立")) === "satisfy", {
      timeout: 30_000,
      timeoutMsg: "陈立 moved to keep satisfied",
    });
    await browser.waitUntil(
      async () => {
        const people = await invoke(browser, "people_list");
        const chen = people.find((p) => p.name === "陈立");
        return chen.interest < 5 && Math.abs(chen.power - 9) < 0.15;
      },
      { timeout: 30_000, timeoutMsg: "the drop was written" },
    );
    await shot(browser, "stakeholders-grid-dragged.png");

    // Export: the SVG, then the PNG, go where the save dialog says (here the test's path).
    await (await byTestId(browser, "grid-export-svg")).click();
    await browser.waitUntil(async () => existsSync(saved) && readFileSync(saved, "utf8").includes("</svg>"), {
      timeout: 15_000,
      timeoutMsg: `an SVG at ${saved}`,
    });
    const svgText = readFileSync(saved, "utf8");
    assert.match(svgText, /^<\?xml[\s\S]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svgText.includes(">陈立<") && svgText.includes(">令其满意<"), "names and quadrants in the SVG");
    await (await byTestId(browser, "grid-export-png")).click();
    const isPng = () => existsSync(saved) && readFileSync(saved).subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await browser.waitUntil(async () => isPng(), { timeout: 15_000, timeoutMsg: `a PNG at ${saved}` });
    assert.ok(readFileSync(saved).length > 10_000, "a full-size PNG");
    rmSync(saved, { force: true });
    await quit(browser);

    // Relaunch the same home: the demo opens again with 陈立 where he was dropped.
    browser = await home.launch();
    await byTestId(browser, "demo-tag");
    await openStakeholders(browser);
    await openTab(browser, "权力/利益矩阵", 30_000);
    await byTestId(browser, "power-grid");
    await browser.waitUntil(async () => (await quadrantOf(browser, "陈立")) !== null, { timeout: 30_000 });
    assert.equal(await quadrantOf(browser, "陈立"), "satisfy");
    await quit(browser);
  } finally {
    await home.dispose();
  }
});

/**
 * Runs in the page: drags a grid circle ("grid") or pans the graph ("graph") with one synthetic
 * pointer move per animation frame for `ms`, and reports the p95 gap between frames.
 */
function measureFrames(kind, ms, done) {
  const gaps = [];
  let calls = 0;
  const original = window.__TAURI_INTERNALS__.invoke;
  // Any command sent while dragging would be a refetch storm; count them.
  window.__TAURI_INTERNALS__.invoke = (...args) => {
    calls += 1;
    return original(...args);
  };
  let start;
  let last;
  let finish;
  let step;
  if (kind === "grid") {
    const dot = document.querySelector('[data-testid="power-grid"] [data-name] circle');
    const box = document.querySelector('[data-testid="power-grid"] svg').getBoundingClientRect();
    const r = dot.getBoundingClientRect();
    const x0 = r.left + r.width / 2;
    const y0 = r.top + r.height / 2;
    const opts = (x, y) => ({ bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, pointerId: 1, pointerType: "mouse", isPrimary: true });
    dot.dispatchEvent(new PointerEvent("pointerdown", opts(x0, y0)));
    step = (t) => {
      const x = box.left + box.width * (0.5 + 0.35 * Math.cos(t / 400));
      const y = box.top + box.height * (0.5 + 0.35 * Math.sin(t / 400));
      dot.dispatchEvent(new PointerEvent("pointermove", opts(x, y)));
    };
    finish = () => {
      const during = calls;
      dot.dispatchEvent(new PointerEvent("pointerup", opts(x0, y0)));
      return during;
    };
  } else {
    const pane = document.querySelector(".react-flow__pane");
    const box = pane.getBoundingClientRect();
    const x0 = box.left + box.width / 2;
    const y0 = box.top + box.height / 2;
    const opts = (x, y) => ({ bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, view: window });
    pane.dispatchEvent(new MouseEvent("mousedown", opts(x0, y0)));
    step = (t) => window.dispatchEvent(new MouseEvent("mousemove", opts(x0 + 250 * Math.sin(t / 500), y0 + 150 * Math.sin(t / 350))));
    finish = () => {
      const during = calls;
      window.dispatchEvent(new MouseEvent("mouseup", opts(x0, y0)));
      return during;
    };
  }
  const frame = (now) => {
    if (start === undefined) start = now;
    if (last !== undefined) gaps.push(now - last);
    last = now;
    if (now - start >= ms) {
      const invokes = finish();
      window.__TAURI_INTERNALS__.invoke = original;
      const sorted = [...gaps].sort((a, b) => a - b);
      done({ p95: sorted[Math.floor(sorted.length * 0.95)], frames: gaps.length, invokes });
      return;
    }
    step(now - start);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

test("500 people: dragging on the grid and panning the graph stay within a frame budget", async () => {
  // Painted as the board's frame test paints (board.test.mjs): Xvfb has no GPU, and WebKitGTK's GL
  // compositing on llvmpipe alone costs ~30 ms of CPU a frame, whatever the page draws.
  const home = await createHome("stakeholders-500", { WEBKIT_DISABLE_COMPOSITING_MODE: "1" });
  try {
    const browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    await openStakeholders(browser);

    // 500 people in 10 departments, through the app's own commands, with reporting lines and 30
    // ally/rival/influence lines.
    const created = await browser.executeAsync((done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const stances = ["champion", "supporter", "neutral", "sceptic", "blocker"];
      (async () => {
        const departments = [];
        for (let d = 0; d < 10; d++) departments.push((await invoke("departments_create", { input: { name: `部门${d + 1}`, head: "", kpis: "" } })).id);
        const ids = [];
        for (let i = 0; i < 500; i++) {
          const input = {
            name: `同事${i + 1}`,
            title: `岗位${i % 7}`,
            departmentId: departments[i % 10],
            reportsToId: i >= 10 ? ids[i % 10] : null,
            stance: stances[i % 5],
            trust: (i % 5) + 1,
            power: Math.round(((i * 37) % 101) / 10 * 10) / 10,
            interest: Math.round(((i * 53) % 101) / 10 * 10) / 10,
            contactEveryDays: 30,
          };
          ids.push((await invoke("people_create", { input })).id);
        }
        const kinds = ["ally", "rival", "influences"];
        for (let k = 0; k < 30; k++) await invoke("relationship_add", { from: ids[k * 7], to: ids[k * 7 + 250], kind: kinds[k % 3], note: "" });
        return ids.length;
      })().then(done, (e) => done(String(e)));
    });
    assert.equal(created, 500);
    // The page's cache predates the 500; a reload reads them fresh from the open workspace.
    await browser.execute(() => location.reload());
    await openStakeholders(browser);

    await openTab(browser, "权力/利益矩阵", 30_000);
    await byTestId(browser, "power-grid");
    await browser.waitUntil(
      async () => browser.execute(() => document.querySelectorAll('[data-testid="power-grid"] [data-name]').length === 500),
      { timeout: 30_000 },
    );
    const grid = await browser.executeAsync(measureFrames, "grid", 3000);
    console.log(`grid drag p95 frame ms: ${grid.p95.toFixed(1)} (${grid.frames} frames)`);
    assert.equal(grid.invokes, 0, "no command while dragging: the drop alone writes");
    await shot(browser, "stakeholders-grid-500.png");

    await openTab(browser, "关系图", 30_000);
    // All 500 drawn: as cards, or zoomed out as the rectangles their departments draw.
    await browser.waitUntil(
      async () => browser.execute(() => document.querySelectorAll(".react-flow__node-person, .graph-member").length === 500),
      { timeout: 30_000 },
    );
    const before = await browser.execute(() => document.querySelector(".react-flow__viewport").style.transform);
    const graph = await browser.executeAsync(measureFrames, "graph", 3000);
    const after = await browser.execute(() => document.querySelector(".react-flow__viewport").style.transform);
    console.log(`graph pan p95 frame ms: ${graph.p95.toFixed(1)} (${graph.frames} frames)`);
    assert.notEqual(after, before, "the graph panned");
    await shot(browser, "stakeholders-graph-500.png");

    // Zoomed out to fit, the 30 relationship lines stay (reporting lines do not), and a person the
    // department draws opens the profile when clicked.
    assert.equal(await browser.execute(() => document.querySelectorAll(".react-flow__edge").length), 30, "relationship lines drawn");
    await browser.execute(() => document.querySelector(".react-flow__controls-fitview").click());
    await browser.pause(500);
    const name = (await browser.execute(() => document.querySelector(".graph-member title").textContent)).split(" · ")[0];
    const at = await centreOf(browser, ".graph-member .graph-member-card");
    await browser.action("pointer", { parameters: { pointerType: "mouse" } }).move({ origin: "viewport", ...at }).down({ button: 0 }).up({ button: 0 }).perform();
    const drawer = await byTestId(browser, "profile-drawer");
    await browser.waitUntil(async () => (await drawer.getText()).includes(name), { timeout: 30_000, timeoutMsg: `the profile of ${name}` });

    writeFileSync(
      join(ARTIFACTS, "stakeholder-frames.json"),
      JSON.stringify({ people: 500, gridDragP95Ms: grid.p95, gridFrames: grid.frames, graphPanP95Ms: graph.p95, graphFrames: graph.frames }, null, 2),
    );
    // The frame budget is a benchmark goal (LIAISON_BENCH_FRAMES=1, idle machine), not a CI gate:
    // on two shared cores other builds move frame times by tens of ms.
    if (process.env.LIAISON_BENCH_FRAMES === "1") {
      assert.ok(grid.p95 <= FRAME_BUDGET_MS, `grid drag p95 ${grid.p95} ms ≤ ${FRAME_BUDGET_MS}`);
      assert.ok(graph.p95 <= FRAME_BUDGET_MS, `graph pan p95 ${graph.p95} ms ≤ ${FRAME_BUDGET_MS}`);
    }
    await quit(browser);
  } finally {
    await home.dispose();
  }
});
