import { Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { IncidentFilter, Severity } from "../../bindings";
import type { Language } from "../../i18n";
import { formatMoney } from "../../lib/format";
import { Computed, num } from "./Figures";
import { useIncidentLinks } from "./IncidentLinks";
import { LevelCard } from "./LevelCard";

/** Level 2, 严重性: how long customers waited, what it cost, how much of the complaints it is. */
export function SeverityCard({ severity: s, all, language }: { severity: Severity; all: IncidentFilter; language: Language }) {
  const { t } = useTranslation();
  const { showIncident } = useIncidentLinks();
  const minutes = (m: number | null) => (m === null ? null : t("evidence.minutes", { value: num(m, language) }));
  const worst = minutes(s.worstWaitMinutes);
  return (
    <LevelCard
      level={2}
      title={t("evidence.severity.title")}
      hint={t("evidence.severity.hint")}
      sentence={s.sentence}
      testId="evidence-severity"
      figures={
        <>
          <Computed label={t("evidence.severity.meanWait")} value={minutes(s.meanWaitMinutes)} link={all} testId="figure-mean-wait" />
          <Computed label={t("evidence.severity.p90Wait")} value={minutes(s.p90WaitMinutes)} link={all} testId="figure-p90-wait" />
          <div className="figure">
            <div className="figure-label">{t("evidence.severity.worstWait")}</div>
            <div className="figure-value">
              {/* The worst case is one incident: it opens that incident itself. */}
              {worst !== null && s.worstIncidentId !== null ? (
                <Tooltip title={t("evidence.openIncident")}>
                  <Typography.Link onClick={() => showIncident(s.worstIncidentId as number)} data-testid="figure-worst-wait">
                    {worst}
                  </Typography.Link>
                </Tooltip>
              ) : (
                <span data-testid="figure-worst-wait">{worst ?? t("common.none")}</span>
              )}
            </div>
          </div>
          <Computed label={t("evidence.severity.cost")} value={formatMoney(s.cost, language)} link={all} testId="figure-cost" />
          <Computed label={t("evidence.severity.complaints")} value={num(s.complaints, language)} link={s.linkComplaints} testId="figure-complaints" />
          <Computed
            label={t("evidence.severity.complaintShare")}
            value={s.complaintSharePct === null ? null : t("evidence.severity.shareValue", { pct: num(s.complaintSharePct, language, 0), all: s.allComplaints })}
            testId="figure-complaint-share"
          />
        </>
      }
    />
  );
}
