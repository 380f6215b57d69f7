import { Button, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Project } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import { usePeopleById, useProjectMembers, useProjects } from "../../lib/queries";
import { parseMetrics } from "../../lib/metrics";
import { STATUS_COLOR } from "./projectModel";

/** Every project with its two co-owners, the metrics it moves and its planned launch. */
export function ProjectList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const members = useProjectMembers();
  const people = usePeopleById();
  // Each row names its co-owners, so the list needs all three reads.
  const reads = [projects, members, people];
  const coOwners = (projectId: number) =>
    (members.data ?? [])
      .filter((m) => m.projectId === projectId && m.role === "executive_sponsor")
      .map((m) => people.data?.get(m.personId)?.name)
      .join(" · ");
  return (
    <UnlessFailed queries={reads} what={t("reads.projects")}>
      <Table<Project>
        rowKey="id"
        loading={reads.some((q) => q.isLoading)}
        dataSource={projects.data}
        pagination={false}
        locale={{ emptyText: t("projects.empty") }}
        data-testid="project-list"
        columns={[
          {
            title: t("projects.name"),
            dataIndex: "title",
            width: 220,
            render: (title: string, p) => (
              <Button type="link" className="link-cell" onClick={() => onOpen(p.id)} data-testid={`project-open-${p.id}`}>
                {title}
              </Button>
            ),
          },
          { title: t("projects.goal"), dataIndex: "goal", render: (g: string) => <span className="pre-wrap">{g}</span> },
          { title: t("projects.coOwners"), key: "coOwners", width: 180, render: (_, p) => coOwners(p.id) || t("common.none") },
          {
            title: t("projects.impactMetrics"),
            dataIndex: "impactMetrics",
            width: 220,
            render: (codes: string) => parseMetrics(codes).map((m) => <Tag key={m}>{t(`sponsor.metrics.${m}`)}</Tag>),
          },
          { title: t("projects.launchOn"), dataIndex: "launchOn", width: 120, render: (d: string | null) => d ?? t("common.none") },
          {
            title: t("projects.status"),
            dataIndex: "status",
            width: 100,
            render: (s: Project["status"]) => <Tag color={STATUS_COLOR[s]}>{t(`projects.statuses.${s}`)}</Tag>,
          },
        ]}
      />
    </UnlessFailed>
  );
}
