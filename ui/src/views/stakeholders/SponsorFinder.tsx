import { useState } from "react";
import { Button, Card, Empty, List, Progress, Select, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PersonNote, SponsorCandidate } from "../../bindings";
import { optionsState, QueryState, UnlessFailed } from "../../components/QueryState";
import { SponsorPanel } from "../../components/SponsorPanel";
import type { Language } from "../../i18n";
import { usePeopleById, useProblems, useProjects } from "../../lib/queries";
import { MetricSelect } from "../../components/MetricSelect";
import { parseMetrics } from "../../lib/metrics";
import { ProjectFilter } from "./ProjectFilter";
import { sponsorReason } from "./sponsorReason";
import { useProjectBenefits, useSponsors } from "./stakeholderQueries";

/** A candidate's KPIs and pains that the problem moves, each with where we learnt it. */
function MatchedNotes({ notes }: { notes: PersonNote[] }) {
  const { t } = useTranslation();
  return (
    <ul className="matched-notes">
      {notes.map((n) => (
        <li key={n.id}>
          <Tag color={n.kind === "kpi" ? "blue" : "volcano"}>{t(`profile.noteKinds.${n.kind}`)}</Tag>
          {n.text}
          <Typography.Text type="secondary"> — {t("profile.source", { source: n.source || t("common.none") })}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * Who could sponsor a problem or a project. A problem ranks people by how much it hurts the KPIs
 * they own (its effects); a project, or metrics picked by hand, by the metric tags of their KPI
 * and pain-point notes.
 */
export function SponsorFinder({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const [problemId, setProblemId] = useState<number | null>(null);
  const problem = problems.data?.find((p) => p.id === problemId);
  return (
    <div>
      <Space wrap className="tab-toolbar">
        <Select
          allowClear
          style={{ minWidth: 280 }}
          placeholder={t("sponsor.pickProblem")}
          value={problemId ?? undefined}
          onChange={(v?: number) => setProblemId(v ?? null)}
          options={(problems.data ?? []).map((p) => ({ value: p.id, label: p.title, title: p.title }))}
          {...optionsState(problems, t("reads.problems"))}
          data-testid="sponsor-problem"
        />
      </Space>
      {problem ? <SponsorPanel problem={problem} language={i18n.language as Language} /> : <ByMetrics onOpen={onOpen} />}
    </div>
  );
}

/** The ranking by metric tags, for a project or for metrics picked by hand. */
function ByMetrics({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const projectsQuery = useProjects();
  const projects = projectsQuery.data ?? [];
  const people = usePeopleById();
  const [projectId, setProjectId] = useState<number | null>(null);
  const [metrics, setMetrics] = useState<string[]>([]);
  // Hand-picked metrics win; with none, the core uses the project's own impact metrics.
  const sponsors = useSponsors(metrics, metrics.length > 0 ? null : projectId);
  const benefits = useProjectBenefits(metrics.length > 0 ? null : projectId);
  const project = projects.find((p) => p.id === projectId);
  const problemMetrics = metrics.length > 0 ? metrics : project ? parseMetrics(project.impactMetrics) : [];
  const ranked = (sponsors.data ?? []).filter((c) => (c.score ?? 0) > 0);

  return (
    <div data-testid="sponsor-finder">
      <Space wrap className="tab-toolbar">
        <ProjectFilter value={projectId} onChange={setProjectId} placeholder={t("sponsor.pickProject")} testId="sponsor-project" />
        <Typography.Text type="secondary">{t("sponsor.or")}</Typography.Text>
        <MetricSelect
          mode="multiple"
          allowClear
          style={{ minWidth: 280 }}
          placeholder={t("sponsor.pickMetrics")}
          value={metrics}
          onChange={(v) => setMetrics(v as string[])}
          data-testid="sponsor-metrics"
        />
      </Space>
      {problemMetrics.length > 0 && (
        <div className="sponsor-metrics">
          {t("sponsor.moves")}
          {problemMetrics.map((m) => (
            <Tag key={m} color="blue">
              {t(`sponsor.metrics.${m}`)}
            </Tag>
          ))}
        </div>
      )}
      <Typography.Paragraph type="secondary">{t("sponsor.formula")}</Typography.Paragraph>
      {problemMetrics.length === 0 ? (
        // Nothing to rank may also mean the projects could not be read to pick one from.
        <QueryState query={projectsQuery} what={t("reads.projects")}>
          {() => <Empty description={t("sponsor.pickFirst")} />}
        </QueryState>
      ) : (
        <UnlessFailed queries={[sponsors, people]} what={t("reads.sponsors")}>
          <Table<SponsorCandidate>
            rowKey="personId"
            size="middle"
            loading={sponsors.isFetching || people.isLoading}
            dataSource={ranked}
            pagination={false}
            locale={{ emptyText: t("sponsor.nobody") }}
            data-testid="sponsor-table"
            columns={[
              { title: "#", width: 48, render: (_: unknown, _c: SponsorCandidate, i: number) => i + 1 },
              {
                title: t("people.name"),
                width: 170,
                render: (_: unknown, c: SponsorCandidate) => {
                  const p = people.data?.get(c.personId);
                  return (
                    <div>
                      <Button type="link" size="small" className="link-cell" onClick={() => onOpen(c.personId)}>
                        {p?.name}
                      </Button>
                      <div className="cell-sub">{p?.title}</div>
                    </div>
                  );
                },
              },
              {
                title: t("sponsor.score"),
                dataIndex: "score",
                width: 150,
                render: (score: number | null) => (
                  <Progress percent={score ?? 0} size="small" format={(v) => String(v)} data-testid="sponsor-score" />
                ),
              },
              {
                title: t("sponsor.why"),
                render: (_: unknown, c: SponsorCandidate) => (
                  <div>
                    <div className="sponsor-reason" data-testid="sponsor-reason">
                      {sponsorReason(t, c)}
                    </div>
                    <MatchedNotes notes={c.matched} />
                  </div>
                ),
              },
            ]}
          />
        </UnlessFailed>
      )}
      {project && metrics.length === 0 && (
        <Card size="small" title={t("sponsor.benefitsTitle", { project: project.title })} className="benefits-card" data-testid="sponsor-benefits">
          <UnlessFailed queries={[benefits, people]} what={t("reads.benefits")}>
            <List
              dataSource={benefits.data ?? []}
              loading={benefits.isFetching || people.isLoading}
              locale={{ emptyText: t("sponsor.noMembers") }}
              renderItem={(b) => (
                <List.Item>
                  <div className="benefit-row">
                    <Space wrap>
                      <Typography.Text strong>{people.data?.get(b.personId)?.name}</Typography.Text>
                      {b.roles.map((r) => (
                        <Tag key={r}>{t(`sponsor.roles.${r}`)}</Tag>
                      ))}
                    </Space>
                    {b.matched.length > 0 ? (
                      <MatchedNotes notes={b.matched} />
                    ) : (
                      <Typography.Text type="secondary">{t("sponsor.nothingMatched")}</Typography.Text>
                    )}
                  </div>
                </List.Item>
              )}
            />
          </UnlessFailed>
        </Card>
      )}
    </div>
  );
}
