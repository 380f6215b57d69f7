import { useMemo, useState } from "react";
import { Button, Empty, Flex, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Milestone } from "../../bindings";
import { QueriesState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { useProjects, useToday } from "../../lib/queries";
import { todayInZone } from "../../lib/days";
import { layoutGantt } from "./gantt";
import { GanttChart, useWidth } from "./GanttChart";
import { MilestoneModal } from "./MilestoneModal";
import { useTimeline } from "./projectQueries";

/** Every project's milestones on one timeline: what slipped, what is at risk, what waits for what. */
export function TimelineView({ language }: { language: Language }) {
  const { t } = useTranslation();
  const today = todayInZone();
  const timelineQuery = useTimeline();
  const projectsQuery = useProjects();
  // At risk is the core's call (it also counts milestones blocked by a late dependency).
  const todayQuery = useToday(today);
  const timeline = timelineQuery.data;
  const projects = projectsQuery.data ?? [];
  const atRisk = todayQuery.data?.milestonesAtRisk;
  const { box, width } = useWidth();
  const [editing, setEditing] = useState<Milestone | "new" | null>(null);

  const gantt = useMemo(() => {
    if (!timeline?.milestones.length) return null;
    const monthFormat = new Intl.DateTimeFormat(language, { year: "numeric", month: "short", timeZone: "UTC" });
    return layoutGantt({
      projects,
      milestones: timeline.milestones,
      dependencies: timeline.dependencies,
      atRisk: new Set((atRisk ?? []).map((r) => r.milestone.id)),
      today,
      width,
      monthLabel: (year, month) => monthFormat.format(Date.UTC(year, month - 1, 1)),
    });
  }, [timeline, projects, atRisk, today, width, language]);

  return (
    <div data-testid="timeline">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space wrap size={4}>
          <Tag color="#3c5a99">{t("timeline.legend.open")}</Tag>
          <Tag color="#52c41a">{t("timeline.legend.done")}</Tag>
          <Tag color="#cf1322">{t("timeline.legend.late")}</Tag>
          <Tag color="orange" variant="outlined">{t("timeline.legend.atRisk")}</Tag>
          <span className="card-hint">{t("timeline.hint")}</span>
        </Space>
        <Button icon={<PlusOutlined />} onClick={() => setEditing("new")} disabled={!projects.length} data-testid="milestone-new">
          {t("timeline.add")}
        </Button>
      </Flex>
      <div ref={box} className="gantt-scroller">
        <QueriesState queries={[timelineQuery, projectsQuery, todayQuery]} what={t("reads.timeline")}>
          {() =>
            gantt ? (
              <GanttChart gantt={gantt} todayLabel={t("timeline.today", { day: today })} onEdit={setEditing} />
            ) : (
              <Empty description={t("timeline.empty")} />
            )
          }
        </QueriesState>
      </div>
      {editing && <MilestoneModal milestone={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
