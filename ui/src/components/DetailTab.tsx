import { useState } from "react";
import { Flex, Table, Tag, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import type { Incident, IncidentFilter, IncidentSort } from "../bindings";
import { UnlessFailed } from "./QueryState";
import type { Language } from "../i18n";
import { formatDateTime, formatMoney } from "../lib/format";
import { useIncidentsPage } from "../lib/incidentQueries";
import { ExportButtons } from "./ExportButtons";

const PAGE_SIZE = 50;

/** The core sorts by opened time both ways, and by cost and wait largest first. */
function sortOf(sorter: SorterResult<Incident>): IncidentSort {
  if (!sorter.order) return "opened_desc";
  if (sorter.field === "cost") return "cost_desc";
  if (sorter.field === "waitMinutes") return "wait_desc";
  return sorter.order === "ascend" ? "opened_asc" : "opened_desc";
}

/** 明细: the filtered registry, paged by the core, with the totals of everything it matches. */
export function DetailTab({ filter, language, onOpen }: { filter: IncidentFilter; language: Language; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<IncidentSort>("opened_desc");
  // The page belongs to the filter it was chosen under: a new filter starts from its first page.
  const [paging, setPaging] = useState({ filter, page: 1 });
  const page = paging.filter === filter ? paging.page : 1;
  const setPage = (p: number) => setPaging({ filter, page: p });
  const result = useIncidentsPage(filter, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const data = result.data;
  const none = t("common.none");
  const order = (s: IncidentSort, field: string) =>
    field === "openedAt" ? (s === "opened_asc" ? "ascend" : s === "opened_desc" ? "descend" : null) : s === `${field}_desc` ? "descend" : null;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="incidents-totals">
          {data
            ? t("board.totals", {
                count: data.total,
                cost: formatMoney(data.totalCost, language),
                wait: data.totalWaitMinutes.toLocaleString(language),
              })
            : "\u00a0"}
        </Typography.Text>
        <ExportButtons filter={filter} language={language} />
      </Flex>
      <UnlessFailed queries={result} what={t("reads.incidents")}>
        <Table<Incident>
          rowKey="id"
          size="small"
          loading={result.isFetching}
          dataSource={data?.rows}
          scroll={{ x: 1080 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false }}
          onChange={(pagination, _filters, sorter) => {
            const next = sortOf(Array.isArray(sorter) ? sorter[0] : sorter);
            if (next !== sort) {
              setSort(next);
              setPage(1);
            } else setPage(pagination.current ?? 1);
          }}
          locale={{ emptyText: t("incidents.empty") }}
          onRow={(record) => ({ onClick: () => onOpen(record.id), style: { cursor: "pointer" } })}
          data-testid="incidents-table"
          columns={[
            {
              title: t("incidents.openedAt"),
              dataIndex: "openedAt",
              width: 145,
              sorter: true,
              sortDirections: ["descend", "ascend"],
              sortOrder: order(sort, "openedAt"),
              render: (ms: number) => formatDateTime(ms, language),
            },
            { title: t("incidents.name"), dataIndex: "title", width: 240, ellipsis: true },
            { title: t("incidents.type"), dataIndex: "problemType", width: 110, ellipsis: true },
            { title: t("incidents.department"), dataIndex: "departmentName", width: 110, ellipsis: true, render: (d: string | null) => d ?? t("board.triage") },
            { title: t("incident.status"), dataIndex: "status", width: 80, render: (s: string) => t(`incident.statuses.${s}`, { defaultValue: s }) },
            { title: t("incidents.store"), dataIndex: "storeName", width: 100, ellipsis: true, render: (s: string | null) => s ?? none },
            { title: t("incidents.severity"), dataIndex: "severityClass", width: 80, render: (s: string | null) => (s ? <Tag>{s}</Tag> : none) },
            {
              title: t("board.wait"),
              dataIndex: "waitMinutes",
              width: 130,
              align: "right",
              sorter: true,
              sortDirections: ["descend"],
              sortOrder: order(sort, "wait"),
              render: (w: number | null) => w ?? none,
            },
            {
              title: t("incidents.cost"),
              dataIndex: "cost",
              width: 110,
              align: "right",
              sorter: true,
              sortDirections: ["descend"],
              sortOrder: order(sort, "cost"),
              render: (c: string) => formatMoney(c, language),
            },
          ]}
        />
      </UnlessFailed>
    </>
  );
}
