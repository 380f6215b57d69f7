import { describe, expect, it } from "vitest";
import type { DepartmentFigures, TrendWeek } from "../../bindings";
import { hours, percent, trendSeries } from "./dispatchFigures";

const figures = (department: string, received: number, withinSlaPct: number | null): DepartmentFigures => ({
  departmentId: 1,
  department,
  received,
  withDue: received,
  withinSla: 0,
  withinSlaPct,
  claimMedianMs: null,
  claimP90Ms: null,
  resolved: 0,
  resolveMedianMs: null,
  resolveP90Ms: null,
  transfersOut: 0,
  pingPong: 0,
});

describe("dispatch figures", () => {
  it("shows hours with one decimal and nothing measured as a dash", () => {
    expect(hours(5_400_000)).toBe("1.5");
    expect(hours(null)).toBe("–");
    expect(percent(63.636)).toBe("63.6%");
  });

  it("puts each department's weeks on one axis, with a gap for a week it had nothing", () => {
    const weeks: TrendWeek[] = [
      { week: "2024-03-11", figures: figures("产品部", 2, 50) },
      { week: "2024-03-04", figures: figures("产品部", 4, 75) },
      { week: "2024-03-11", figures: figures("IT部", 1, null) },
    ];
    const { labels, series } = trendSeries(weeks, "received");
    expect(labels).toEqual(["2024-03-04", "2024-03-11"]);
    expect(series.find((s) => s.name === "产品部")?.data).toEqual([4, 2]);
    expect(series.find((s) => s.name === "IT部")?.data).toEqual([null, 1]);
    expect(trendSeries(weeks, "withinSlaPct").series.find((s) => s.name === "IT部")?.data).toEqual([null, null]);
  });
});
