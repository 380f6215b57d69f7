import { useState } from "react";
import { Button, Tabs } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n";
import { useProjects } from "../../lib/queries";
import { CalendarSettings } from "./CalendarSettings";
import type { ProjectFocus, ProjectsTab } from "../../lib/navigation";
import { ProjectFormModal } from "./ProjectFormModal";
import { ProjectList } from "./ProjectList";
import { ProjectPage } from "./ProjectPage";
import { TemplateEditor } from "./TemplateEditor";
import { TimelineView } from "./TimelineView";
import "./projects.css";
import { ViewHeader } from "../../components/ViewHeader";

/**
 * 跨部门项目: the list, every project's milestones on one timeline, the cadence templates and the
 * working-day calendar they are planned on. `focus` is where the Today page sent the director.
 */
export function ProjectsView({ language, focus }: { language: Language; focus?: ProjectFocus }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ProjectsTab>(focus?.tab ?? "list");
  const [openId, setOpenId] = useState<number | null>(focus?.projectId ?? null);
  const [creating, setCreating] = useState(false);
  // The page reads its project from the list query, so an edit shows at once on both.
  const open = useProjects().data?.find((p) => p.id === openId);
  if (open) {
    return <ProjectPage project={open} language={language} initialTab={focus?.projectTab} onBack={() => setOpenId(null)} />;
  }

  return (
    <div className="view" data-testid="view-projects">
      <ViewHeader title={t("projects.title")} subtitle={t("projects.subtitle")}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-new">
          {t("projects.new")}
        </Button>
      </ViewHeader>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ProjectsTab)}
        destroyOnHidden
        items={[
          { key: "list", label: t("projects.tabs.list"), children: <ProjectList onOpen={setOpenId} /> },
          { key: "timeline", label: t("timeline.title"), children: <TimelineView language={language} /> },
          { key: "templates", label: t("cadence.templates"), children: <TemplateEditor language={language} /> },
          { key: "calendar", label: t("calendar.title"), children: <CalendarSettings /> },
        ]}
      />
      {creating && <ProjectFormModal project={null} onClose={() => setCreating(false)} onSaved={(p) => setOpenId(p.id)} />}
    </div>
  );
}
