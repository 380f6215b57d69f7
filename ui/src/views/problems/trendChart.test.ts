import { describe, expect, it } from "vitest";
import type { IncidentFilter, Trend } from "../../bindings";
import { fitLine, trendOption } from "./trendChart";

const WEEK = 7 * 86_400_000;
const link: IncidentFilter = { problemId: 1 };
const start = Date.UTC(2024, 3, 7, 16); // Monday 8 April, 00:00 in Shanghai

function trend(counts: number[], projection: Trend["projection"]): Trend {
  return {
    weeks: counts.map((events, i) => ({ weekStart: start + i * WEEK, events, link })),
    periodA: { from: start, to: start + 4 * WEEK, events: 32, perWeek: 8, link },
    periodB: { from: start + 8 * WEEK, to: start + 12 * WEEK, events: 72, perWeek: 18, link },
    changePct: 125,
    projection,
    sentence: "",
  };
}

const labels = {
  events: "每周事件",
  fit: "趋势",
  perWeek: "起/周",
  periodA: "A 期",
  periodB: "B 期",
  periodRate: (name: string, v: number) => `${name} ${v} 起/周`,
  projected: (v: number) => `预计 ${v}`,
  day: (ms: number) => String(ms),
};

describe("trend chart", () => {
  it("draws the core's least-squares line from the first week to the projected one", () => {
    // 12 weeks rising by 1 a week from 7; projected 12 weeks after the last: 7 + 1 × 23 = 30.
    const t = trend(
      Array.from({ length: 12 }, (_, i) => 7 + i),
      { weeksAhead: 12, weekStart: start + 23 * WEEK, eventsPerWeek: 30, slopePerWeek: 1, method: "" },
    );
    expect(fitLine(t)).toEqual([
      [start + WEEK / 2, 7],
      [start + 23 * WEEK + WEEK / 2, 30],
    ]);
    const option = trendOption(t, labels);
    expect(option.xAxis.max).toBe(start + 24 * WEEK);
    expect(option.series).toHaveLength(2);
    expect(option.series[0].markArea?.data.map((area) => [area[0].xAxis, area[1].xAxis])).toEqual([
      [start, start + 4 * WEEK],
      [start + 8 * WEEK, start + 12 * WEEK],
    ]);
    expect(option.series[0].markArea?.data[1][0].name).toBe("B 期 18 起/周");
  });

  it("draws no line when there is nothing to project", () => {
    const t = trend([3], null);
    expect(fitLine(t)).toBeNull();
    expect(trendOption({ ...t, periodA: null, periodB: null }, labels).series).toHaveLength(1);
  });
});
