import type { Trend } from "../../bindings";
import { CHART_FONT } from "../../lib/chartFont";
import { WORKSPACE_TIME_ZONE } from "../../lib/format";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export type TrendLabels = {
  events: string;
  fit: string;
  perWeek: string;
  periodA: string;
  periodB: string;
  /** A shaded period's label with its weekly rate: "A 期 8 起/周" / "Period A 8 a week". */
  periodRate: (name: string, perWeek: number) => string;
  /** "预计 {{value}}/周" for the projected point. */
  projected: (value: number) => string;
  /** Axis and tooltip dates, e.g. "4月1日" / "Apr 1". */
  day: (ms: number) => string;
};

/** Day labels in the workspace zone: the weeks start on Monday 00:00 Shanghai time. */
export function dayFormatter(language: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat(language, { timeZone: WORKSPACE_TIME_ZONE, month: "short", day: "numeric" });
  return (ms) => format.format(new Date(ms));
}

/**
 * The least-squares line the core projected with, from the first counted week to the projected
 * one. The core gives the projected value and the slope; the line's start follows from them, so the
 * chart draws exactly the core's line instead of fitting its own.
 */
export function fitLine(trend: Trend): [number, number][] | null {
  const projection = trend.projection;
  if (!projection || projection.eventsPerWeek === null || projection.slopePerWeek === null || trend.weeks.length === 0) return null;
  const first = trend.weeks[0].weekStart;
  const weeksFromFirst = Math.round((projection.weekStart - first) / WEEK_MS);
  const start = Math.max(0, projection.eventsPerWeek - projection.slopePerWeek * weeksFromFirst);
  // Bars stand in the middle of their week; the line's points do too.
  return [
    [first + WEEK_MS / 2, round1(start)],
    [projection.weekStart + WEEK_MS / 2, projection.eventsPerWeek],
  ];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** ECharts option: weekly events as bars, the two compared periods shaded, the projection dashed. */
export function trendOption(trend: Trend, labels: TrendLabels) {
  const line = fitLine(trend);
  const periods = [
    { period: trend.periodA, name: labels.periodA, color: "rgba(22, 119, 255, 0.10)" },
    { period: trend.periodB, name: labels.periodB, color: "rgba(250, 140, 22, 0.14)" },
  ].flatMap(({ period, name, color }) =>
    period
      ? [
          [
            {
              name: period.perWeek === null ? name : labels.periodRate(name, round1(period.perWeek)),
              xAxis: period.from,
              itemStyle: { color },
            },
            { xAxis: period.to },
          ],
        ]
      : [],
  );
  const first = trend.weeks[0]?.weekStart ?? 0;
  const lastWeek = trend.weeks[trend.weeks.length - 1]?.weekStart ?? first;
  const end = Math.max(lastWeek, trend.projection?.weekStart ?? lastWeek) + WEEK_MS;
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, fontSize: 12 },
    grid: { left: 48, right: 32, top: 48, bottom: 36 },
    legend: { top: 8, data: [labels.events, ...(line ? [labels.fit] : [])] },
    tooltip: { trigger: "axis" as const, axisPointer: { type: "shadow" as const } },
    xAxis: {
      type: "time" as const,
      min: first,
      max: end,
      axisLabel: { formatter: (value: number) => labels.day(value), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { type: "value" as const, name: labels.perWeek, minInterval: 1, nameTextStyle: { align: "right" as const } },
    series: [
      {
        name: labels.events,
        type: "bar" as const,
        barMaxWidth: 28,
        itemStyle: { color: "#3c5a99" },
        data: trend.weeks.map((w) => [w.weekStart + WEEK_MS / 2, w.events]),
        tooltip: { valueFormatter: (v: unknown) => `${v}` },
        markArea: { silent: true, label: { position: "insideTop" as const, color: "#333" }, data: periods },
      },
      ...(line
        ? [
            {
              name: labels.fit,
              type: "line" as const,
              data: line,
              symbol: "circle",
              symbolSize: 7,
              itemStyle: { color: "#d4380d" },
              lineStyle: { type: "dashed" as const, width: 2, color: "#d4380d" },
              label: {
                show: true,
                position: "top" as const,
                color: "#d4380d",
                formatter: (p: { dataIndex: number; value: [number, number] }) => (p.dataIndex === 1 ? labels.projected(p.value[1]) : ""),
              },
            },
          ]
        : []),
    ],
  };
}
