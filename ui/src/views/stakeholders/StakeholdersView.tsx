import { useState } from "react";
import { Input, Tabs, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useFirstDataMark } from "../../shell/firstDataMark";
import { useDepartments } from "../../lib/queries";
import { DepartmentsPanel } from "./DepartmentsPanel";
import { PeoplePanel } from "./PeoplePanel";

export function StakeholdersView() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  useFirstDataMark(useDepartments().isSuccess);
  return (
    <div className="view" data-testid="view-stakeholders">
      <Typography.Title level={4}>{t("stakeholders.title")}</Typography.Title>
      <div className="view-subtitle">{t("stakeholders.subtitle")}</div>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t("stakeholders.search")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 8 }}
        data-testid="stakeholder-search"
      />
      <Tabs
        items={[
          { key: "departments", label: t("stakeholders.departmentsTab"), children: <DepartmentsPanel search={search} /> },
          { key: "people", label: t("stakeholders.peopleTab"), children: <PeoplePanel search={search} /> },
        ]}
      />
    </div>
  );
}
