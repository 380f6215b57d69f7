import { useState } from "react";
import { Button, Flex, Table, Tabs, Tag, Typography } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Incident } from "../../bindings";
import type { Language } from "../../i18n";
import { formatDateTime, formatMoney } from "../../lib/format";
import { useCounts, useRecentIncidents } from "../../lib/queries";
import { BoardSummary } from "./BoardSummary";
import { Escalations } from "./Escalations";
import { IncidentDrawer } from "./IncidentDrawer";
import { ImportWizard } from "./ImportWizard";

const RECENT = 100;

export function IncidentsView({ language }: { language: Language }) {
  const { t } = useTranslation();
  const incidents = useRecentIncidents(RECENT);
  const total = useCounts().data?.incidents ?? 0;
  const none = t("common.none");
  const [importing, setImporting] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const open = incidents.data?.find((i) => i.id === openId) ?? null;
  const detail = (
    <>
      <Typography.Text strong>{t("incidents.recent", { count: total })}</Typography.Text>
      <Table<Incident>
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        loading={incidents.isLoading}
        dataSource={incidents.data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t("incidents.empty") }}
        onRow={(record) => ({ onClick: () => setOpenId(record.id), style: { cursor: "pointer" } })}
        data-testid="incidents-table"
        columns={[
          { title: t("incidents.openedAt"), dataIndex: "openedAt", width: 150, render: (ms: number) => formatDateTime(ms, language) },
          { title: t("incidents.name"), dataIndex: "title" },
          { title: t("incidents.type"), dataIndex: "problemType", width: 140 },
          { title: t("incidents.department"), dataIndex: "departmentName", width: 140, render: (d: string | null) => d ?? none },
          { title: t("incidents.store"), dataIndex: "storeName", width: 130, render: (s: string | null) => s ?? none },
          {
            title: t("incidents.severity"),
            dataIndex: "severityClass",
            width: 90,
            render: (s: string | null) => (s ? <Tag>{s}</Tag> : none),
          },
          { title: t("incidents.cost"), dataIndex: "cost", width: 120, align: "right", render: (c: string) => formatMoney(c, language) },
        ]}
      />
    </>
  );
  return (
    <div className="view" data-testid="view-incidents">
      <Flex justify="space-between" align="start">
        <div>
          <Typography.Title level={4}>{t("incidents.title")}</Typography.Title>
          <div className="view-subtitle">{t("incidents.subtitle")}</div>
        </div>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
          {t("import.button")}
        </Button>
      </Flex>
      <Escalations language={language} />
      <Tabs
        items={[
          { key: "summary", label: t("board.tabSummary"), children: <BoardSummary language={language} /> },
          { key: "detail", label: t("board.tabDetail"), children: detail },
        ]}
      />
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
      {open && <IncidentDrawer incident={open} language={language} onClose={() => setOpenId(null)} />}
    </div>
  );
}
