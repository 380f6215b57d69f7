import type { Milestone } from "../../bindings";
import { addDays, daysBetween } from "../../lib/days";

export const LABEL_W = 240;
export const ROW_H = 30;
// Two lines of header: the today label above, the month labels below it.
export const HEADER_H = 44;
const BAR_H = 16;
/** Days shown before the earliest and after the latest date, so bars do not touch the edges. */
const MARGIN_DAYS = 7;

/**
 * How a milestone stands: done on time, done late, past its end and not done (slipping), or still
 * open. Late and slipping are what the director must see at a glance: they are drawn red.
 */
export type MilestoneState = "done" | "done_late" | "slipping" | "open";

export function milestoneState(m: Pick<Milestone, "endsOn" | "doneOn">, today: string): MilestoneState {
  if (m.doneOn) return m.doneOn > m.endsOn ? "done_late" : "done";
  return m.endsOn < today ? "slipping" : "open";
}

export type GanttRow =
  | { kind: "project"; key: string; y: number; title: string }
  | {
      kind: "milestone";
      key: string;
      y: number;
      milestone: Milestone;
      x1: number;
      x2: number;
      /** Where the red slip ends: the late done day, or today for a slipping milestone. */
      slipTo: number | null;
      state: MilestoneState;
      atRisk: boolean;
    };

export type Arrow = { key: string; path: string; late: boolean };

export type Gantt = {
  rows: GanttRow[];
  arrows: Arrow[];
  months: { x: number; label: string }[];
  todayX: number;
  width: number;
  height: number;
};

/**
 * Lays out every project's milestones, one row each under a project header, on one day scale,
 * so dependencies across projects can be drawn as arrows: from the end of the milestone waited
 * for to the start of the one waiting.
 */
export function layoutGantt(input: {
  projects: { id: number; title: string }[];
  milestones: Milestone[];
  dependencies: [number, number][];
  atRisk: Set<number>;
  today: string;
  /** Width available for the chart, labels included. */
  width: number;
  monthLabel: (year: number, month: number) => string;
}): Gantt {
  const { milestones, today } = input;
  const days = [today, ...milestones.flatMap((m) => [m.startsOn, m.endsOn, ...(m.doneOn ? [m.doneOn] : [])])].sort();
  const first = addDays(days[0], -MARGIN_DAYS);
  const last = addDays(days[days.length - 1], MARGIN_DAYS);
  const span = daysBetween(first, last) + 1;
  // Fit the window; below 3 px a day the bars become unreadable, so the chart scrolls instead.
  const dayPx = Math.max(3, (input.width - LABEL_W - 16) / span);
  const x = (day: string) => LABEL_W + daysBetween(first, day) * dayPx;

  const rows: GanttRow[] = [];
  let y = HEADER_H;
  for (const p of input.projects) {
    const own = milestones.filter((m) => m.projectId === p.id).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.position - b.position);
    if (!own.length) continue;
    rows.push({ kind: "project", key: `p${p.id}`, y, title: p.title });
    y += ROW_H;
    for (const m of own) {
      const state = milestoneState(m, today);
      const slipEnd = state === "done_late" ? m.doneOn : state === "slipping" ? today : null;
      rows.push({
        kind: "milestone",
        key: `m${m.id}`,
        y,
        milestone: m,
        x1: x(m.startsOn),
        x2: x(addDays(m.endsOn, 1)),
        slipTo: slipEnd ? x(addDays(slipEnd, 1)) : null,
        state,
        atRisk: input.atRisk.has(m.id),
      });
      y += ROW_H;
    }
  }

  const bars = new Map(rows.flatMap((r) => (r.kind === "milestone" ? [[r.milestone.id, r] as const] : [])));
  const mid = (r: { y: number }) => r.y + ROW_H / 2;
  const arrows = input.dependencies.flatMap(([id, dependsOn]) => {
    const to = bars.get(id);
    const from = bars.get(dependsOn);
    if (!to || !from) return [];
    const startX = Math.max(from.x2, from.slipTo ?? 0);
    // Out to the right, down (or up) to the waiting row, then into its bar's start.
    const bend = startX + 8;
    const path = `M${startX},${mid(from)} H${bend} V${mid(to)} H${to.x1 - 2}`;
    return [{ key: `${dependsOn}-${id}`, path, late: bend > to.x1 }];
  });

  const months: { x: number; label: string }[] = [];
  const [fy, fm] = first.split("-").map(Number);
  for (let year = fy, month = fm + 1; ; month++) {
    if (month > 12) {
      year++;
      month = 1;
    }
    const day = `${year}-${String(month).padStart(2, "0")}-01`;
    if (day > last) break;
    months.push({ x: x(day), label: input.monthLabel(year, month) });
  }

  return { rows, arrows, months, todayX: x(today) + dayPx / 2, width: LABEL_W + span * dayPx + 16, height: y + 8 };
}

export const BAR = { height: BAR_H, offset: (ROW_H - BAR_H) / 2 };
