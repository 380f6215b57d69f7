import { Alert, Card, Flex, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Project } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { ApplyCadenceForm } from "./ApplyCadenceForm";
import { todayInZone } from "../../lib/days";
import { IcsExportButton } from "../../components/IcsExportButton";
import { useToday } from "../../lib/queries";
import { useTouchpoints } from "./projectQueries";
import { ProposalList } from "../../components/ProposalList";
import { TouchpointTable } from "./TouchpointTable";
import { nextOpen, STATUS_COLOR, touchpointStatus } from "../../lib/touchpointState";

/** 跟进节奏 of one project: plan, the next thing to do, escalations to take up, every follow-up. */
export function CadencePanel({ project, language }: { project: Project; language: Language }) {
  const { t } = useTranslation();
  const today = todayInZone();
  const touchpoints = useTouchpoints(project.id);
  const todayQuery = useToday(today);
  const next = touchpoints.data && nextOpen(touchpoints.data);
  const what = t("reads.touchpoints");
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("cadence.plan")} extra={<IcsExportButton projectId={project.id} />}>
        <QueryState query={touchpoints} what={what}>
          {(list) => <ApplyCadenceForm project={project} touchpoints={list} language={language} />}
        </QueryState>
      </Card>
      {next && (
        <Alert
          type={touchpointStatus(next, today) === "overdue" ? "warning" : "info"}
          showIcon
          data-testid="next-touchpoint"
          title={
            <>
              {t("cadence.next", { action: next.action, day: next.dueOn, person: next.counterpartName ?? t("common.none") })}{" "}
              <Tag color={STATUS_COLOR[touchpointStatus(next, today)]}>{t(`cadence.states.${touchpointStatus(next, today)}`)}</Tag>
            </>
          }
          description={next.purpose}
        />
      )}
      <QueryState query={todayQuery} what={t("reads.todayProposals")}>
        {(data) => {
          const proposals = data.proposals.filter((p) => p.touchpoint.projectId === project.id);
          return (
            proposals.length > 0 && (
              <Card size="small" title={t("cadence.proposals")}>
                <ProposalList proposals={proposals} today={today} />
              </Card>
            )
          );
        }}
      </QueryState>
      <Card size="small" title={t("cadence.touchpoints")}>
        <QueryState query={touchpoints} what={what}>
          {(list) => <TouchpointTable touchpoints={list} today={today} language={language} />}
        </QueryState>
      </Card>
    </Flex>
  );
}
