import { useState } from "react";
import { Button, Flex, Space, Tabs, Tag, Typography } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../bindings";
import type { Language } from "../../i18n";
import { BusinessCaseTab } from "./BusinessCaseTab";
import { EffectsTab } from "./EffectsTab";
import { EvidenceTab } from "./EvidenceTab";
import { IncidentLinksProvider, useIncidentLinks } from "./IncidentLinks";
import { STATUS_COLORS } from "./model";
import { ThreadLinks } from "../../components/ThreadLinks";
import { OverviewTab } from "./OverviewTab";
import { RaisedTab } from "./RaisedTab";

type Tab = "overview" | "evidence" | "business" | "effects" | "raised";

/** One systemic problem: its write-up, evidence chain, business case and how raising it went. */
export function ProblemPage({ problem, language, onBack }: { problem: Problem; language: Language; onBack: () => void }) {
  return (
    <IncidentLinksProvider language={language}>
      <ProblemBody problem={problem} language={language} onBack={onBack} />
    </IncidentLinksProvider>
  );
}

function ProblemBody({ problem, language, onBack }: { problem: Problem; language: Language; onBack: () => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("overview");
  const { showIncidents } = useIncidentLinks();
  const status = problem.status ?? "new";
  return (
    <div className="view" data-testid="problem-page">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Space align="start">
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="problem-back" aria-label={t("problems.back")} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="problem-heading">
              {problem.title}
            </Typography.Title>
            <Space size={4} wrap className="view-subtitle">
              <Tag color={STATUS_COLORS[status]}>{t(`problems.statuses.${status}`)}</Tag>
              <span>{problem.ownerDepartmentName ?? t("problems.noOwner")}</span>
            </Space>
          </div>
        </Space>
        <Button onClick={() => showIncidents(t("problems.linkedTitle", { title: problem.title }), { problemId: problem.id })} data-testid="problem-incidents">
          {t("problems.linkedCount", { count: problem.incidentCount })}
        </Button>
      </Flex>
      <ThreadLinks of={{ problemId: problem.id }} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: "overview", label: t("problems.tabs.overview"), children: <OverviewTab key={problem.id} problem={problem} language={language} /> },
          { key: "evidence", label: t("problems.tabs.evidence"), children: <EvidenceTab problem={problem} language={language} /> },
          { key: "business", label: t("problems.tabs.business"), children: <BusinessCaseTab problem={problem} language={language} /> },
          { key: "effects", label: t("problems.tabs.effects"), children: <EffectsTab problem={problem} language={language} /> },
          { key: "raised", label: t("problems.tabs.raised"), children: <RaisedTab problem={problem} /> },
        ]}
      />
    </div>
  );
}
