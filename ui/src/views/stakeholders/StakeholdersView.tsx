import { useState } from "react";
import { Input, Tabs, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useFirstDataMark } from "../../lib/firstDataMark";
import { useDepartments } from "../../lib/queries";
import { ContactHealthPanel } from "./ContactHealthPanel";
import { DepartmentsPanel } from "./DepartmentsPanel";
import { KpisPanel } from "./KpisPanel";
import { PeoplePanel } from "./PeoplePanel";
import { PowerInterestGrid } from "./PowerInterestGrid";
import { ProfileDrawer } from "./ProfileDrawer";
import { RelationshipGraph } from "./RelationshipGraph";
import { SponsorFinder } from "./SponsorFinder";
import "./stakeholders.css";

/** The name search filters the two lists; the map tabs show everyone (or one project's people). */
const SEARCHABLE = new Set(["departments", "people"]);

export function StakeholdersView() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [tab, setTab] = useState("departments");
  // One profile drawer for every tab: a click on a person anywhere opens the same place.
  const [profileId, setProfileId] = useState<number | null>(null);
  useFirstDataMark(useDepartments().isSuccess);
  return (
    <div className="view" data-testid="view-stakeholders">
      <Typography.Title level={4}>{t("stakeholders.title")}</Typography.Title>
      <div className="view-subtitle">{t("stakeholders.subtitle")}</div>
      {SEARCHABLE.has(tab) && (
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("stakeholders.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 360, marginBottom: 8 }}
          data-testid="stakeholder-search"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        // The grid and the graph are heavy with many people: mount a tab only while it is shown.
        destroyOnHidden
        items={[
          { key: "departments", label: t("stakeholders.departmentsTab"), children: <DepartmentsPanel search={search} /> },
          { key: "kpis", label: t("kpis.tab"), children: <KpisPanel search={search} /> },
          { key: "people", label: t("stakeholders.peopleTab"), children: <PeoplePanel search={search} onOpen={setProfileId} /> },
          { key: "grid", label: t("map.gridTab"), children: <PowerInterestGrid onOpen={setProfileId} /> },
          { key: "graph", label: t("map.graphTab"), children: <RelationshipGraph onOpen={setProfileId} /> },
          { key: "sponsor", label: t("sponsor.tab"), children: <SponsorFinder onOpen={setProfileId} /> },
          { key: "health", label: t("health.tab"), children: <ContactHealthPanel onOpen={setProfileId} /> },
        ]}
      />
      <ProfileDrawer personId={profileId} onClose={() => setProfileId(null)} />
    </div>
  );
}
