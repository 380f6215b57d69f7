import type { ProjectMetric, Reading } from "../../bindings";
import { CHART_FONT } from "../../lib/chartFont";

/** The latest reading that has a value: a blank reading records "not measured", not zero. */
export function latestReading(metricId: number, readings: Reading[]): Reading | undefined {
  return readings
    .filter((r) => r.metricId === metricId && r.value !== null)
    .reduce<Reading | undefined>((best, r) => (!best || r.takenOn >= best.takenOn ? r : best), undefined);
}

/**
 * How far the latest reading has come from the baseline towards the target, in percent. Works for
 * metrics that must go down (complaints −40%) as well: both differences are negative there.
 * Null when there is nothing to measure against.
 */
export function progressToTarget(metric: ProjectMetric, latest: number | null | undefined): number | null {
  if (metric.baseline === null || metric.target === null || latest === null || latest === undefined) return null;
  const span = metric.target - metric.baseline;
  if (span === 0) return null;
  return Math.round(((latest - metric.baseline) / span) * 100);
}

export type ProgressRow = { name: string; side: string; progress: number };

/** Each side's metrics as horizontal bars of progress, with the target line at 100 %. */
export function progressOption(rows: ProgressRow[], labels: { progress: string; target: string }) {
  const sides = [...new Set(rows.map((r) => r.side))];
  const palette = ["#3c5a99", "#d46b08", "#389e0d", "#722ed1"];
  return {
    textStyle: { fontFamily: CHART_FONT },
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: number) => `${v}%` },
    xAxis: { type: "value", name: labels.progress, nameLocation: "middle", nameGap: 22, axisLabel: { formatter: "{value}%" }, max: (v: { max: number }) => Math.max(120, v.max) },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => `${r.side} · ${r.name}`) },
    series: [
      {
        type: "bar",
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.progress, itemStyle: { color: palette[sides.indexOf(r.side) % palette.length] } })),
        label: { show: true, position: "right", formatter: "{c}%" },
        markLine: { symbol: "none", lineStyle: { color: "#cf1322", type: "dashed" }, label: { formatter: labels.target }, data: [{ xAxis: 100 }] },
      },
    ],
  };
}
