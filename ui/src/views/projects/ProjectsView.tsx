import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Project, ProjectStatus } from "../../bindings";
import { useProjects } from "../../lib/queries";

const STATUS_COLOR: Record<ProjectStatus, string> = {
  proposed: "default",
  active: "processing",
  paused: "warning",
  launched: "success",
  closed: "default",
};

export function ProjectsView() {
  const { t } = useTranslation();
  const projects = useProjects();
  return (
    <div className="view" data-testid="view-projects">
      <Typography.Title level={4}>{t("projects.title")}</Typography.Title>
      <div className="view-subtitle">{t("projects.subtitle")}</div>
      <Table<Project>
        rowKey="id"
        loading={projects.isLoading}
        dataSource={projects.data}
        pagination={false}
        locale={{ emptyText: t("projects.empty") }}
        columns={[
          { title: t("projects.name"), dataIndex: "title", width: 220 },
          { title: t("projects.goal"), dataIndex: "goal", render: (g: string) => <span className="pre-wrap">{g}</span> },
          {
            title: t("projects.status"),
            dataIndex: "status",
            width: 120,
            render: (s: ProjectStatus) => <Tag color={STATUS_COLOR[s]}>{t(`projects.statuses.${s}`)}</Tag>,
          },
        ]}
      />
    </div>
  );
}
