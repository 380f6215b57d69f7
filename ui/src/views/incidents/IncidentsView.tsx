import { useState } from "react";
import { Button, Space, Tabs } from "antd";
import { PlusOutlined, SettingOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Incident, IncidentFilter } from "../../bindings";
import type { Language } from "../../i18n";
import { BoardSummary } from "./BoardSummary";
import { DetailTab } from "../../components/DetailTab";
import { DispatchTab } from "./DispatchTab";
import { Escalations } from "../../components/Escalations";
import { FilterBar } from "./FilterBar";
import { ImportWizard } from "./ImportWizard";
import { IncidentDrawer } from "../../components/IncidentDrawer";
import { IncidentForm } from "../../components/IncidentForm";
import { Kanban } from "./Kanban";
import { FileToProblemButton } from "../../components/FileToProblemButton";
import { RulesDrawer } from "./RulesDrawer";
import { ViewHeader } from "../../components/ViewHeader";

type Tab = "summary" | "detail" | "kanban" | "dispatch";

export function IncidentsView({ language }: { language: Language }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("summary");
  // One filter for the list and the kanban, so switching between them keeps what was narrowed.
  const [filter, setFilter] = useState<IncidentFilter>({});
  const [importing, setImporting] = useState(false);
  const [rules, setRules] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  // "new" for the create form, an incident for the edit form.
  const [editing, setEditing] = useState<Incident | "new" | null>(null);
  const filterBar = <FilterBar filter={filter} onChange={setFilter} />;

  return (
    <div className="view" data-testid="view-incidents">
      <ViewHeader title={t("incidents.title")} subtitle={t("incidents.subtitle")}>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="incident-new">
            {t("incident.form.newButton")}
          </Button>
          <Button icon={<SettingOutlined />} onClick={() => setRules(true)} data-testid="rules-open">
            {t("rules.title")}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
            {t("import.button")}
          </Button>
          <FileToProblemButton filter={filter} />
        </Space>
      </ViewHeader>
      <Escalations language={language} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: "summary",
            label: t("board.tabSummary"),
            children: (
              <BoardSummary
                language={language}
                onDrill={(drill) => {
                  setFilter(drill);
                  setTab("detail");
                }}
              />
            ),
          },
          {
            key: "detail",
            label: t("board.tabDetail"),
            children: (
              <>
                {filterBar}
                <DetailTab filter={filter} language={language} onOpen={setOpenId} />
              </>
            ),
          },
          {
            key: "kanban",
            label: t("board.tabKanban"),
            children: (
              <>
                {filterBar}
                <Kanban filter={filter} language={language} onOpen={setOpenId} />
              </>
            ),
          },
          { key: "dispatch", label: t("dispatch.tab"), children: <DispatchTab language={language} /> },
        ]}
      />
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
      {rules && <RulesDrawer onClose={() => setRules(false)} />}
      {openId !== null && <IncidentDrawer id={openId} language={language} onClose={() => setOpenId(null)} onEdit={setEditing} />}
      {editing && <IncidentForm incident={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
