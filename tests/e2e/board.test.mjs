// The incident board on 10,000 imported incidents: the windowed kanban scrolls smoothly, a pivot
// number drills down to exactly its incidents, the filtered list exports, and the record form
// creates an incident that the list then finds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, byTestId, click, createHome, pageText, quit, screenshot, text } from "./harness.mjs";

const ROWS = 10_000;
const DEPARTMENTS = ["供应链部", "产品部", "IT部", "财务部", "总部运营", ""]; // "" goes to triage
const TYPES = ["包装破损", "快递丢件", "预约超载", "系统宕机"];
const MONTHS = ["01", "02", "03", "04", "05", "06"];

/**
 * Row i of the generated export. Department, type, month and stage each take their own digit of i
 * (mixed radix 6 · 4 · 6 · 3), so every combination occurs. The importer sets statuses from the
 * claimed and closed columns.
 */
function row(i) {
  const department = DEPARTMENTS[i % 6];
  const type = TYPES[Math.floor(i / 6) % 4];
  const month = MONTHS[Math.floor(i / 24) % 6];
  const day = String(1 + (i % 28)).padStart(2, "0");
  const opened = `2024-${month}-${day} 09:00`;
  // Triage incidents have no owner yet, so nobody has claimed or closed them.
  const stage = department === "" ? 0 : Math.floor(i / 144) % 3;
  return {
    department,
    type,
    month: `2024-${month}`,
    status: ["open", "claimed", "closed"][stage],
    csv: [
      `E2E-${i}`,
      `问题 ${i}：${type}，门店反馈`,
      type,
      department,
      `门店${i % 40}`,
      10 + (i % 50),
      i % 7 === 0 ? "是" : "否",
      (i % 13) * 100,
      opened,
      stage >= 1 ? `2024-${month}-${day} 10:00` : "",
      stage === 2 ? `2024-${month}-${day} 18:00` : "",
    ].join(","),
  };
}

const rows = Array.from({ length: ROWS }, (_, i) => row(i));
const HEADER = "工单号,标题,问题类型,归属部门,门店,等待时长（分钟）,是否投诉,成本,登记时间,认领时间,关闭时间";

async function pickOption(browser, selectTestId, title) {
  await (await byTestId(browser, selectTestId)).click();
  const option = await browser.$(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
  await option.waitForDisplayed({ timeout: 10_000 });
  await option.click();
  await browser.keys("Escape");
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

test("incident board: kanban, drill-down, export and the record form on 10,000 incidents", async () => {
  const dir = mkdtempSync(join(tmpdir(), "liaison-board-"));
  const csv = join(dir, "工单导出-1万条.csv");
  const exported = join(dir, "导出.csv");
  writeFileSync(csv, "\uFEFF" + [HEADER, ...rows.map((r) => r.csv)].join("\r\n") + "\r\n");
  const home = await createHome("board", {
    LIAISON_TEST_PICK_FILE: csv,
    LIAISON_TEST_SAVE_FILE: exported,
    // Xvfb has no GPU: WebKitGTK's GL compositing then runs on llvmpipe and costs 130+ ms a frame
    // for any scroll, even of a static page. Painting without it is what a GPU-less display gets,
    // and leaves the frame time to what the page itself does.
    WEBKIT_DISABLE_COMPOSITING_MODE: "1",
  });
  let browser;
  try {
    browser = await home.launch();
    await (await byTestId(browser, "welcome-create")).click();
    // Clicks go through the page: a toast or an opening animation must not swallow them.
    await click(browser, await byTestId(browser, "nav-incidents"));
    await click(browser, await byTestId(browser, "import-open"));
    await browser.waitUntil(async () => (await pageText(browser)).includes("工单导出-1万条.csv"), { timeout: 30_000 });
    await click(browser, await byTestId(browser, "import-check"));
    const run = await byTestId(browser, "import-run", 120_000);
    await browser.waitUntil(() => run.isEnabled(), { timeout: 120_000, timeoutMsg: "the preview passes every row" });
    await run.click();
    await browser.waitUntil(async () => (await pageText(browser)).includes(`导入完成：新增 ${ROWS} 条`), { timeout: 180_000 });
    await (await byTestId(browser, "import-close")).click();

    // Kanban: all 10,000 cards, drawn a screenful at a time.
    await click(browser, await browser.$("div.ant-tabs-tab=看板"));
    await browser.waitUntil(async () => (await text(browser, "kanban-count")).includes(`共 ${ROWS} 张卡片`), { timeout: 60_000 });
    const drawn = await browser.execute(() => document.querySelectorAll(".kanban-card").length);
    assert.ok(drawn > 0 && drawn < 400, `only the visible cards are in the DOM (${drawn})`);
    await browser.execute(() => document.querySelector('[data-testid="kanban"]').scrollIntoView());
    await screenshot(browser, "board-kanban.png");

    // Bring a department's lane header to the top: its cards fill several status columns.
    const lane = await browser.executeAsync((done) => {
      const el = document.querySelector('[data-testid="kanban-scroller"]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      (async () => {
        for (let top = 0; top < el.scrollHeight; top += el.clientHeight) {
          el.scrollTop = top;
          await frame();
          const header = [...el.querySelectorAll(".kanban-lane")].find((h) => !h.innerText.includes("待分派"));
          if (header) {
            el.scrollTop = parseFloat(header.style.top);
            await frame();
            return done(header.innerText.split("\n")[0]);
          }
        }
        done(null);
      })();
    });
    assert.ok(DEPARTMENTS.includes(lane), `a department lane follows the triage lane (${lane})`);
    const columnsFilled = await browser.execute(() => {
      const row = [...document.querySelectorAll(".kanban-row:not(.kanban-lane)")].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .find((r) => r.getBoundingClientRect().top > document.querySelector(".kanban-columns").getBoundingClientRect().bottom);
      return [...row.children].filter((cell) => cell.querySelector(".kanban-card")).length;
    });
    assert.ok(columnsFilled >= 3, `a department's first row fills its open, claimed and closed columns (${columnsFilled})`);
    await screenshot(browser, "board-kanban-lane.png");

    // From that lane, scroll for ~3 s, one step per frame (3,600 px/s, a fast flick), and time
    // every frame inside the page. The lane search above has already warmed the scroller up.
    const frames = await browser.executeAsync((done) => {
      const el = document.querySelector('[data-testid="kanban-scroller"]');
      const times = [];
      let direction = 1;
      let start = 0;
      let last = 0;
      const step = (now) => {
        if (last) times.push(now - last);
        else start = now;
        last = now;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) direction = -1;
        el.scrollTop += 60 * direction;
        if (now - start < 3000) requestAnimationFrame(step);
        else done(times);
      };
      requestAnimationFrame(step);
    });
    const p95 = percentile(frames, 95);
    console.log(`kanban p95 frame ms: ${p95.toFixed(1)}`);
    writeFileSync(
      join(ARTIFACTS, "kanban-frames.json"),
      JSON.stringify({ cards: ROWS, frames: frames.length, p50: percentile(frames, 50), p95, max: Math.max(...frames) }, null, 2) + "\n",
    );
    assert.ok(frames.length > 30, `frames were measured (${frames.length})`);
    // The 33 ms budget is a benchmark goal (LIAISON_BENCH_FRAMES=1, idle machine), not a CI
    // gate: on two shared cores other builds move frame times by tens of ms.
    if (process.env.LIAISON_BENCH_FRAMES === "1") assert.ok(p95 <= 33, `kanban p95 frame time ${p95.toFixed(1)} ms is above 33 ms`);

    // Drill down from one pivot number to the detail list: same count as the cell and the file.
    const [department, type, month] = ["产品部", "快递丢件", "2024-03"];
    const expected = rows.filter((r) => r.department === department && r.type === type && r.month === month);
    assert.ok(expected.length > 0, "the generated file has incidents in the drilled cell");
    await click(browser, await browser.$("div.ant-tabs-tab=看板汇总"));
    await byTestId(browser, "board-pivot");
    const cellCount = await browser.execute(
      (d, t, m) => {
        const table = document.querySelector('[data-testid="board-pivot"]');
        const headers = [...table.querySelectorAll("thead th")].map((th) => th.innerText.trim());
        const column = headers.indexOf(m);
        const tr = [...table.querySelectorAll("tbody tr")].find((r) => r.cells[0]?.innerText === d && r.cells[1]?.innerText === t);
        const link = tr?.cells[column]?.querySelector('[data-testid="pivot-drill"]');
        link?.click();
        return link ? Number(link.dataset.count) : -1;
      },
      department,
      type,
      month,
    );
    assert.equal(cellCount, expected.length, "the pivot cell counts the file's incidents");
    await browser.waitUntil(async () => (await text(browser, "incidents-totals")).startsWith(`共 ${expected.length} 条`), {
      timeout: 30_000,
      timeoutMsg: `detail totals after the drill-down: ${await text(browser, "incidents-totals")}`,
    });
    const waitTotal = expected.reduce((sum, r) => sum + Number(r.csv.split(",")[5]), 0);
    assert.match(await text(browser, "incidents-totals"), new RegExp(`等待合计 ${waitTotal.toLocaleString("zh-CN")} 分钟`));

    // Narrow further to the closed ones and export them as CSV.
    const closed = expected.filter((r) => r.status === "closed");
    await pickOption(browser, "filter-statuses", "已关闭");
    await browser.waitUntil(async () => (await text(browser, "incidents-totals")).startsWith(`共 ${closed.length} 条`), { timeout: 30_000 });
    await screenshot(browser, "board-filter-bar.png");
    await (await byTestId(browser, "filter-more")).click();
    await byTestId(browser, "filter-more-fields");
    await screenshot(browser, "board-filter-bar-more.png");
    await (await byTestId(browser, "export-csv")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes(`已导出 ${closed.length} 条`), { timeout: 30_000 });
    const lines = readFileSync(exported, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
    assert.equal(lines.length, closed.length + 1, "the CSV holds a header and one line per filtered incident");

    // A new incident through the form; the list finds it by its title.
    await (await byTestId(browser, "incident-new")).click();
    await (await byTestId(browser, "incident-form-save")).waitForDisplayed();
    await (await byTestId(browser, "incident-form-save")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes("此项必填。"), { timeout: 10_000, timeoutMsg: "the title is required" });
    const title = "扫码枪批量失灵，门店无法核销";
    await (await byTestId(browser, "incident-form-title")).setValue(title);
    await (await browser.$('[data-testid="incident-form"] input#cost')).setValue("1.2万");
    await screenshot(browser, "board-incident-form.png");
    await (await byTestId(browser, "incident-form-save")).click();
    await browser.waitUntil(async () => (await pageText(browser)).includes(`已新建“${title}”`), { timeout: 30_000 });
    await (await byTestId(browser, "filter-clear")).click();
    const search = await byTestId(browser, "filter-text");
    await search.setValue("扫码枪");
    await browser.keys("Enter");
    await browser.waitUntil(async () => (await text(browser, "incidents-totals")).startsWith("共 1 条"), { timeout: 30_000 });
    assert.match(await text(browser, "incidents-table"), new RegExp(`${title}[\\s\\S]*1\\.2万元`));

    // Rules & classes: a rule sending 系统宕机 to IT部, tried on the newest 200 incidents.
    await (await byTestId(browser, "rules-open")).click();
    await click(browser, await browser.$("div.ant-tabs-tab=分派规则"));
    await click(browser, await byTestId(browser, "rule-add"));
    const condition = await browser.$('[data-testid="rule-item"] .rule-conditions input');
    await condition.setValue("系统宕机");
    await browser.keys("Escape");
    await click(browser, await byTestId(browser, "rules-trial"));
    await byTestId(browser, "rules-trial-result", 30_000);
    assert.match(await text(browser, "rules-trial-result"), /命中规则\s*\d+[\s\S]*进入待分派\s*\d+[\s\S]*归属会改变\s*\d+/);
    await screenshot(browser, "board-rules-editor.png");
  } finally {
    if (browser) await quit(browser);
    await home.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
