import type { DepartmentFigures, TrendWeek } from "../../bindings";
import { CHART_FONT } from "../../lib/chartFont";

const HOUR_MS = 3_600_000;

/** Hours with one decimal, or "–" when there is nothing to measure. */
export function hours(ms: number | null): string {
  return ms === null ? "–" : (Math.round((ms / HOUR_MS) * 10) / 10).toFixed(1);
}

export function percent(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(1)}%`;
}

/** The figure the trend draws per week. */
export type TrendMetric = "received" | "withinSlaPct" | "claimMedian";

export function metricValue(f: DepartmentFigures, metric: TrendMetric): number | null {
  switch (metric) {
    case "received":
      return f.received;
    case "withinSlaPct":
      return f.withinSlaPct === null ? null : Math.round(f.withinSlaPct * 10) / 10;
    case "claimMedian":
      return f.claimMedianMs === null ? null : Math.round((f.claimMedianMs / HOUR_MS) * 10) / 10;
  }
}

/** Every week of the trend (sorted) and one series per department, a gap where it had no figure. */
export function trendSeries(weeks: TrendWeek[], metric: TrendMetric) {
  const labels = [...new Set(weeks.map((w) => w.week))].sort();
  const byDepartment = new Map<string, Map<string, number | null>>();
  for (const w of weeks) {
    const series = byDepartment.get(w.figures.department) ?? new Map<string, number | null>();
    series.set(w.week, metricValue(w.figures, metric));
    byDepartment.set(w.figures.department, series);
  }
  const series = [...byDepartment.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "zh-CN"))
    .map(([name, values]) => ({ name, data: labels.map((week) => values.get(week) ?? null) }));
  return { labels, series };
}

/** ECharts option: a line per department over the weeks, in the board's chart style. */
export function trendOption(weeks: TrendWeek[], metric: TrendMetric, axisName: string) {
  const { labels, series } = trendSeries(weeks, metric);
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
    grid: { left: 48, right: 32, top: 48, bottom: 36 },
    legend: { top: 8, type: "scroll" as const },
    tooltip: { trigger: "axis" as const },
    xAxis: { type: "category" as const, data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: "value" as const, name: axisName, nameTextStyle: { align: "right" as const }, ...(metric === "withinSlaPct" ? { max: 100 } : {}) },
    series: series.map((s) => ({ name: s.name, type: "line" as const, connectNulls: false, symbolSize: 6, data: s.data })),
  };
}
