import { DatePicker, Form, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import type { PeriodRate, Problem, Trend } from "../../bindings";
import type { Language } from "../../i18n";
import { rangeToSpan, spanToRange, type DayRange } from "../../lib/zone";
import { Computed, num } from "./Figures";
import { useIncidentLinks } from "./IncidentLinks";
import { LevelCard } from "./LevelCard";
import { PatchForm } from "./PatchForm";
import { TrendChart } from "./TrendChart";
import { dayFormatter } from "./trendChart";

/** Named after the `to` field: the core puts a period's error on `periodATo` / `periodBTo`. */
type Values = { periodATo: DayRange; periodBTo: DayRange; projectionWeeks: number };

function toPatch(v: Values) {
  const [periodAFrom, periodATo] = rangeToSpan(v.periodATo);
  const [periodBFrom, periodBTo] = rangeToSpan(v.periodBTo);
  return { periodAFrom, periodATo, periodBFrom, periodBTo, projectionWeeks: v.projectionWeeks };
}

/** Level 3, 趋势: two periods compared, the weekly counts, and where the line leads. */
export function TrendCard({ problem, trend, language }: { problem: Problem; trend: Trend; language: Language }) {
  const { t } = useTranslation();
  const { showIncidents } = useIncidentLinks();
  const day = dayFormatter(language);
  const perWeek = (p: PeriodRate | null) => (p?.perWeek == null ? null : t("evidence.trend.perWeekValue", { value: num(p.perWeek, language) }));
  const projection = trend.projection;

  return (
    <LevelCard
      level={3}
      title={t("evidence.trend.title")}
      hint={t("evidence.trend.hint")}
      sentence={trend.sentence}
      testId="evidence-trend"
      settings={
        <PatchForm<Values>
          key={problem.id}
          problem={problem}
          layout="inline"
          testId="trend-settings"
          initialValues={{
            periodATo: spanToRange(problem.periodAFrom, problem.periodATo),
            periodBTo: spanToRange(problem.periodBFrom, problem.periodBTo),
            projectionWeeks: problem.projectionWeeks ?? 12,
          }}
          toPatch={toPatch}
        >
          <Form.Item name="periodATo" label={t("evidence.periodA")}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} placeholder={[t("evidence.trend.auto"), t("evidence.trend.auto")]} />
          </Form.Item>
          <Form.Item name="periodBTo" label={t("evidence.periodB")}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} placeholder={[t("evidence.trend.auto"), t("evidence.trend.auto")]} />
          </Form.Item>
          <Form.Item name="projectionWeeks" label={t("evidence.trend.projectionWeeks")}>
            <InputNumber min={1} max={104} precision={0} style={{ width: 90 }} data-testid="projection-weeks" />
          </Form.Item>
        </PatchForm>
      }
      figures={
        <>
          <Computed label={t("evidence.trend.periodARate")} value={perWeek(trend.periodA)} link={trend.periodA?.link} testId="figure-period-a" />
          <Computed label={t("evidence.trend.periodBRate")} value={perWeek(trend.periodB)} link={trend.periodB?.link} testId="figure-period-b" />
          <Computed
            label={t("evidence.trend.change")}
            value={trend.changePct === null ? null : `${trend.changePct > 0 ? "+" : ""}${num(trend.changePct, language, 0)}%`}
            testId="figure-change"
          />
          <Computed
            label={projection ? t("evidence.trend.projectedAt", { weeks: projection.weeksAhead, date: day(projection.weekStart) }) : t("evidence.trend.projected")}
            value={projection?.eventsPerWeek == null ? null : t("evidence.trend.perWeekValue", { value: num(projection.eventsPerWeek, language) })}
            testId="figure-projection"
          />
        </>
      }
    >
      {trend.weeks.length > 0 && (
        <TrendChart
          trend={trend}
          language={language}
          fileName={`${problem.title ?? ""}-${t("evidence.trend.title")}`}
          onOpenWeek={(link, weekStart) => showIncidents(t("evidence.trend.weekOf", { date: day(weekStart) }), link)}
        />
      )}
    </LevelCard>
  );
}
