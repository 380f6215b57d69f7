import { useMemo, useState } from "react";
import { Button, InputNumber, Progress, Space, Switch, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ContactHealth } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import { PrivateLabel } from "../../components/PrivateMark";
import { usePeopleById } from "../../lib/queries";
import { useContactHealth } from "./stakeholderQueries";

/** Red below 40, amber below 70: a relationship left to cool needs a message this week. */
export function healthColor(score: number): string {
  if (score < 40) return "#cf1322";
  if (score < 70) return "#d48806";
  return "#389e0d";
}

/**
 * How each relationship is doing against the rhythm we meant to keep, most neglected first, so
 * the director can see whom to message before a request lands on a cold contact.
 */
export function ContactHealthPanel({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const health = useContactHealth();
  const byId = usePeopleById();
  const [filterOn, setFilterOn] = useState(false);
  const [days, setDays] = useState(30);
  const rows = useMemo(
    () => (health.data ?? []).filter((h) => !filterOn || h.daysSince === null || h.daysSince >= days),
    [health.data, filterOn, days],
  );

  return (
    <div data-testid="contact-health">
      <Space wrap className="tab-toolbar">
        <Switch checked={filterOn} onChange={setFilterOn} data-testid="health-filter" />
        <span>
          {t("health.filterBefore")}
          <InputNumber
            size="small"
            min={1}
            max={999}
            precision={0}
            value={days}
            onChange={(v) => setDays(v ?? 1)}
            className="inline-number"
            data-testid="health-days"
          />
          {t("health.filterAfter")}
        </span>
        <Typography.Text type="secondary">
          <PrivateLabel>{t("health.hint")}</PrivateLabel>
        </Typography.Text>
      </Space>
      <UnlessFailed queries={[health, byId]} what={t("reads.contactHealth")}>
        <Table<ContactHealth>
          rowKey="personId"
          size="middle"
          loading={health.isLoading || byId.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t("health.empty") }}
          data-testid="health-table"
          columns={[
            {
              title: t("people.name"),
              width: 180,
              render: (_: unknown, h: ContactHealth) => {
                const p = byId.data?.get(h.personId);
                return (
                  <div>
                    <Button type="link" size="small" className="link-cell" onClick={() => onOpen(h.personId)}>
                      {p?.name}
                    </Button>
                    <div className="cell-sub">{p?.departmentName ?? ""}</div>
                  </div>
                );
              },
            },
            {
              title: t("health.score"),
              dataIndex: "score",
              width: 180,
              sorter: (a, b) => a.score - b.score,
              render: (score: number) => (
                <Progress percent={score} size="small" strokeColor={healthColor(score)} format={(v) => String(v)} />
              ),
            },
            {
              title: t("health.lastContact"),
              width: 200,
              sorter: (a, b) => (a.daysSince ?? Infinity) - (b.daysSince ?? Infinity),
              render: (_: unknown, h: ContactHealth) => (
                <Space size={6}>
                  <span>{h.daysSince === null ? t("health.never") : t("health.daysAgo", { count: h.daysSince })}</span>
                  <Typography.Text type="secondary">{t("health.rhythm", { count: h.everyDays })}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t("health.status"),
              width: 130,
              render: (_: unknown, h: ContactHealth) =>
                h.overdue ? <Tag color="red">{t("health.overdue")}</Tag> : <Tag color="green">{t("health.onTrack")}</Tag>,
            },
            {
              title: t("health.lateSteps"),
              dataIndex: "lateNextSteps",
              width: 130,
              render: (n: number) => (n > 0 ? <Tag color="orange">{t("health.lateCount", { count: n })}</Tag> : t("common.none")),
            },
          ]}
        />
      </UnlessFailed>
    </div>
  );
}
