import { Card, Col, Row, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { IncidentFilter, PivotCell } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { fenToYuan, formatMoney, toFen } from "../../lib/format";
import { useBoardPivot } from "../../lib/queries";
import { TRIAGE } from "./filterState";

type Total = { key: string; label: string; drill: IncidentFilter; count: number; wait: number; costFen: bigint };

function totalsBy(cells: PivotCell[], group: (c: PivotCell) => { key: string; label: string; drill: IncidentFilter }): Total[] {
  const map = new Map<string, Total>();
  for (const c of cells) {
    const g = group(c);
    const t = map.get(g.key) ?? { ...g, count: 0, wait: 0, costFen: 0n };
    t.count += c.count;
    t.wait += c.waitMinutes;
    t.costFen += toFen(c.cost);
    map.set(g.key, t);
  }
  return [...map.values()].sort((a, b) => b.count - a.count);
}

/** A number in the pivot that opens the incidents behind it. */
function Drill({ count, drill, onDrill }: { count: number; drill: IncidentFilter; onDrill: (f: IncidentFilter) => void }) {
  return (
    <Typography.Link onClick={() => onDrill(drill)} data-testid="pivot-drill" data-count={count}>
      {count}
    </Typography.Link>
  );
}

/**
 * 问题看板 at a glance: totals by department and by type, then department × type × month. Every
 * number drills down to the detail list with the filter that produced it.
 */
export function BoardSummary({ language, onDrill }: { language: Language; onDrill: (filter: IncidentFilter) => void }) {
  const { t } = useTranslation();
  const pivot = useBoardPivot();
  const cells = pivot.data ?? [];
  const department = (c: PivotCell) => ({
    key: String(c.departmentId ?? TRIAGE),
    label: c.departmentName ?? t("board.triage"),
    drill: { departmentIds: [c.departmentId ?? TRIAGE] },
  });
  const type = (c: PivotCell) => ({ key: c.problemType, label: c.problemType || t("board.filter.blank"), drill: { problemTypes: [c.problemType] } });
  const months = [...new Set(cells.map((c) => c.month))].sort();
  const rows = totalsBy(cells, (c) => {
    const d = department(c);
    return { key: `${d.key}\u0000${c.problemType}`, label: d.label, drill: { ...d.drill, ...type(c).drill } };
  }).map((r) => ({
    ...r,
    type: r.drill.problemTypes![0] || t("board.filter.blank"),
    perMonth: Object.fromEntries(
      cells.filter((c) => `${department(c).key}\u0000${c.problemType}` === r.key).map((c) => [c.month, c.count]),
    ),
  }));
  const totalsTable = (title: string, data: Total[], testId: string) => (
    <Card size="small" title={title}>
      <Table<Total>
        size="small"
        rowKey="key"
        pagination={false}
        loading={pivot.isLoading}
        dataSource={data}
        data-testid={testId}
        columns={[
          { title: title, dataIndex: "label" },
          { title: t("board.count"), align: "right", width: 80, render: (_: unknown, r: Total) => <Drill count={r.count} drill={r.drill} onDrill={onDrill} /> },
          { title: t("board.wait"), dataIndex: "wait", align: "right", width: 110 },
          { title: t("board.cost"), align: "right", width: 120, render: (_: unknown, r: Total) => formatMoney(fenToYuan(r.costFen), language) },
        ]}
      />
    </Card>
  );
  return (
    <div data-testid="board-summary">
      <UnlessFailed queries={pivot} what={t("reads.pivot")}>
        <Row gutter={16}>
          <Col span={12}>{totalsTable(t("board.byDepartment"), totalsBy(cells, department), "totals-by-department")}</Col>
          <Col span={12}>{totalsTable(t("board.byType"), totalsBy(cells, type), "totals-by-type")}</Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t("board.pivot")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("board.drillHint")}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: true }}
          loading={pivot.isLoading}
          dataSource={rows}
          data-testid="board-pivot"
          columns={[
            { title: t("board.byDepartment"), dataIndex: "label", fixed: "left", width: 140 },
            { title: t("board.byType"), dataIndex: "type", fixed: "left", width: 140 },
            ...months.map((m) => ({
              title: m,
              align: "right" as const,
              width: 90,
              render: (_: unknown, r: (typeof rows)[number]) =>
                r.perMonth[m] ? <Drill count={r.perMonth[m]} drill={{ ...r.drill, month: m }} onDrill={onDrill} /> : "",
            })),
            {
              title: t("board.total"),
              align: "right" as const,
              width: 80,
              render: (_: unknown, r: (typeof rows)[number]) => <Drill count={r.count} drill={r.drill} onDrill={onDrill} />,
            },
          ]}
        />
      </UnlessFailed>
    </div>
  );
}
