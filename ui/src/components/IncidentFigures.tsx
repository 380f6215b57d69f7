import { Descriptions, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands } from "../bindings";
import { QueryState } from "./QueryState";
import { unwrap } from "../lib/api";
import { WS } from "../lib/queries";

const HOUR = 3_600_000;

/** How dispatch went for one incident: transfers, time to claim and to resolve, SLA breaches. */
export function IncidentFigures({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: [WS, "incident-figures", incidentId], queryFn: () => unwrap(commands.dispatchIncident(incidentId)) });
  const hours = (ms: number | null) => (ms === null ? t("common.none") : t("incident.limitHours", { hours: Math.round((ms / HOUR) * 10) / 10 }));
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t("incident.figures.title")}</Typography.Title>
      <QueryState query={query} what={t("reads.incidentFigures")}>
        {(f) => (
          <Descriptions column={2} size="small" bordered data-testid="incident-figures">
            <Descriptions.Item label={t("incident.figures.transfers")}>{f.transfers}</Descriptions.Item>
            <Descriptions.Item label={t("incident.figures.claimBreaches")}>{f.claimBreaches}</Descriptions.Item>
            <Descriptions.Item label={t("incident.figures.timeToClaim")}>{hours(f.timeToClaimMs)}</Descriptions.Item>
            <Descriptions.Item label={t("incident.figures.timeToResolve")}>{hours(f.timeToResolveMs)}</Descriptions.Item>
            <Descriptions.Item label={t("incident.figures.resolveBreached")} span={2}>{t(f.resolveBreached ? "incident.yes" : "incident.no")}</Descriptions.Item>
          </Descriptions>
        )}
      </QueryState>
    </div>
  );
}
