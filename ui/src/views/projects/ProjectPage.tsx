import { useState } from "react";
import { App, Button, Flex, Popconfirm, Space, Tabs, Tag, Typography } from "antd";
import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Project } from "../../bindings";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { CadencePanel } from "./CadencePanel";
import { CommitmentsCard } from "./CommitmentsCard";
import { CoOwnersCard } from "./CoOwnersCard";
import { MetricsCard } from "./MetricsCard";
import type { ProjectTab } from "../../lib/navigation";
import { ProjectFormModal } from "./ProjectFormModal";
import { ProjectLaunchEffects, ProjectThreadCard } from "./ProjectThreadCard";
import { STATUS_COLOR } from "./projectModel";
import { useDeleteProject } from "./projectQueries";
import { RolesCard } from "./RolesCard";
import { WeeklyReportPanel } from "./WeeklyReportPanel";

/** One project: who owns it, what each side commits and measures, the follow-ups and the reports. */
export function ProjectPage(props: { project: Project; language: Language; initialTab?: ProjectTab; onBack: () => void }) {
  const { project, language } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tab, setTab] = useState<ProjectTab>(props.initialTab ?? "overview");
  const [editing, setEditing] = useState(false);
  const remove = useDeleteProject();
  return (
    <div className="view" data-testid="project-page">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Space align="start">
          <Button icon={<ArrowLeftOutlined />} onClick={props.onBack} aria-label={t("projects.back")} data-testid="project-back" />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {project.title} <Tag color={STATUS_COLOR[project.status]}>{t(`projects.statuses.${project.status}`)}</Tag>
            </Typography.Title>
            <div className="view-subtitle pre-wrap">{project.goal}</div>
          </div>
        </Space>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
            {t("common.edit")}
          </Button>
          <Popconfirm
            title={t("projects.deleteConfirm", { title: project.title })}
            okText={t("common.delete")}
            cancelText={t("common.cancel")}
            onConfirm={() =>
              remove
                .mutateAsync(project.id)
                .then(props.onBack)
                .catch((e) => message.error(errorText(t, e)))
            }
          >
            <Button danger>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ProjectTab)}
        items={[
          {
            key: "overview",
            label: t("projects.tabs.overview"),
            children: (
              <Flex vertical gap={16}>
                <ProjectFacts project={project} />
                <ProjectThreadCard projectId={project.id} />
                <CoOwnersCard projectId={project.id} />
                <RolesCard projectId={project.id} />
                <CommitmentsCard projectId={project.id} language={language} />
              </Flex>
            ),
          },
          { key: "metrics", label: t("projects.tabs.metrics"), children: (
              <Flex vertical gap={16}>
                <MetricsCard projectId={project.id} />
                <ProjectLaunchEffects projectId={project.id} language={language} />
              </Flex>
            ),
          },
          { key: "cadence", label: t("cadence.title"), children: <CadencePanel project={project} language={language} /> },
          { key: "report", label: t("report.title"), children: <WeeklyReportPanel projectId={project.id} language={language} /> },
        ]}
      />
      {editing && <ProjectFormModal project={project} onClose={() => setEditing(false)} />}
    </div>
  );
}

function ProjectFacts({ project }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <div className="project-facts">
      <span>
        {t("projects.launchOn")}: {project.launchOn ?? t("common.none")}
      </span>
      <span>
        {t("projects.anchorOn")}: {project.anchorOn ?? t("common.none")}
      </span>
      {project.benefits && (
        <span className="pre-wrap">
          {t("projects.benefits")}: {project.benefits}
        </span>
      )}
    </div>
  );
}
