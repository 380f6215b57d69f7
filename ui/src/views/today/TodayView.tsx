import { Button, Card, Col, Flex, List, Row, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { QueriesState, QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { useFirstDataMark } from "../../lib/firstDataMark";
import { Escalations } from "../../components/Escalations";
import { FirstRunChecklist } from "./FirstRunChecklist";
import { todayInZone } from "../../lib/days";
import { IcsExportButton } from "../../components/IcsExportButton";
import type { ProjectFocus } from "../../lib/navigation";
import { usePeopleById, useToday } from "../../lib/queries";
import { ProposalList } from "../../components/ProposalList";
import { STATUS_COLOR, touchpointStatus } from "../../lib/touchpointState";
import { ViewHeader } from "../../components/ViewHeader";

/** Where an item on the start page leads. */
export type TodayLink = { section: "projects"; focus: ProjectFocus } | { section: "stakeholders" } | { section: "incidents" } | { section: "settings"; tab: string };

/**
 * 今天: what the director acts on before anything else — follow-ups due or overdue, escalations to
 * take up, people not contacted for too long, incidents past their SLA, milestones at risk. Each
 * item leads to the place where it is dealt with. A new workspace of the director's own also shows
 * its first-run checklist.
 */
export function TodayView({ language, isDemo, onNavigate }: { language: Language; isDemo: boolean; onNavigate: (link: TodayLink) => void }) {
  const { t } = useTranslation();
  const today = todayInZone();
  const query = useToday(today);
  const people = usePeopleById();
  useFirstDataMark(query.isSuccess);
  const data = query.data;
  // A count is only given once it is known: "(0)" over a failed read would say there is nothing.
  const count = (list: unknown[] | undefined) => list?.length ?? t("common.none");
  const openCadence = (projectId: number) => () => onNavigate({ section: "projects", focus: { tab: "list", projectId, projectTab: "cadence" } });
  const openTimeline = () => onNavigate({ section: "projects", focus: { tab: "timeline" } });
  const go = (label: string, onClick: () => void, testId?: string) => (
    <Button key="go" type="link" size="small" onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );

  return (
    <div className="view" data-testid="view-today">
      <ViewHeader title={t("today.title", { day: today })} subtitle={t("today.subtitle")}>
        <IcsExportButton projectId={null} />
      </ViewHeader>
      {!isDemo && <FirstRunChecklist language={language} onNavigate={onNavigate} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("today.touchpoints", { count: count(data?.touchpoints) })} loading={query.isLoading}>
            <QueryState query={query} what={t("reads.todayTouchpoints")}>
              {({ touchpoints }) => (
                <List
                  size="small"
                  dataSource={touchpoints}
                  locale={{ emptyText: t("today.noTouchpoints") }}
                  data-testid="today-touchpoints"
                  renderItem={(tp) => {
                    const status = touchpointStatus(tp, today);
                    return (
                      <List.Item actions={[go(t("today.openProject"), openCadence(tp.projectId), `today-open-${tp.id}`)]}>
                        <List.Item.Meta
                          title={
                            <>
                              {tp.action} <Tag color={STATUS_COLOR[status]}>{t(`cadence.states.${status}`)}</Tag>
                            </>
                          }
                          description={t("today.touchpointLine", { project: tp.projectTitle, day: tp.dueOn, person: tp.counterpartName ?? t("common.none") })}
                        />
                      </List.Item>
                    );
                  }}
                />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("today.proposals", { count: count(data?.proposals) })} loading={query.isLoading}>
            <QueryState query={query} what={t("reads.todayProposals")}>
              {({ proposals }) => (
                <ProposalList proposals={proposals} today={today} link={(p) => go(t("today.openProject"), openCadence(p.touchpoint.projectId))} />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t("today.notContacted", { count: count(data?.notContacted) })}
            loading={query.isLoading || people.isLoading}
            extra={go(t("today.openStakeholders"), () => onNavigate({ section: "stakeholders" }))}
          >
            <QueriesState queries={[query, people]} what={t("reads.notContacted")}>
              {({ notContacted }, byId) => (
                <List
                  size="small"
                  dataSource={notContacted}
                  locale={{ emptyText: t("today.noneNotContacted") }}
                  data-testid="today-not-contacted"
                  renderItem={(h) => {
                    const person = byId.get(h.personId);
                    return (
                      <List.Item>
                        <List.Item.Meta
                          title={person ? `${person.name}（${person.departmentName ?? t("common.none")}）` : t("common.none")}
                          description={
                            h.daysSince === null ? t("today.neverContacted", { every: h.everyDays }) : t("today.daysSince", { days: h.daysSince, every: h.everyDays })
                          }
                        />
                      </List.Item>
                    );
                  }}
                />
              )}
            </QueriesState>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t("today.milestonesAtRisk", { count: count(data?.milestonesAtRisk) })}
            loading={query.isLoading}
            extra={go(t("today.openTimeline"), openTimeline)}
          >
            <QueryState query={query} what={t("reads.milestonesAtRisk")}>
              {({ milestonesAtRisk }) => (
                <List
                  size="small"
                  dataSource={milestonesAtRisk}
                  locale={{ emptyText: t("today.noneAtRisk") }}
                  data-testid="today-milestones"
                  renderItem={(r) => (
                    <List.Item actions={[go(t("today.openTimeline"), openTimeline)]}>
                      <List.Item.Meta
                        title={r.milestone.name}
                        description={t("today.milestoneLine", { project: r.projectTitle, day: r.milestone.endsOn })}
                      />
                    </List.Item>
                  )}
                />
              )}
            </QueryState>
          </Card>
        </Col>
        <Col span={24}>
          {/* The board's own escalation list (drafted reminders to copy), not a second copy of it. */}
          <Flex justify="end">{go(t("today.openIncidents"), () => onNavigate({ section: "incidents" }))}</Flex>
          <Escalations language={language} expanded />
        </Col>
      </Row>
    </div>
  );
}
