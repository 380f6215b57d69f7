import { Card, Col, Row, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PivotCell } from "../../bindings";
import type { Language } from "../../i18n";
import { formatMoney, toFen } from "../../lib/format";
import { useBoardPivot } from "../../lib/queries";

type Total = { key: string; label: string; count: number; wait: number; costFen: bigint };

function totalsBy(cells: PivotCell[], keyOf: (c: PivotCell) => string): Total[] {
  const map = new Map<string, Total>();
  for (const c of cells) {
    const key = keyOf(c);
    const t = map.get(key) ?? { key, label: key, count: 0, wait: 0, costFen: 0n };
    t.count += c.count;
    t.wait += c.waitMinutes;
    t.costFen += toFen(c.cost);
    map.set(key, t);
  }
  return [...map.values()].sort((a, b) => b.count - a.count);
}

const yuan = (fen: bigint) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, "0")}`;

/** 问题看板 at a glance: totals by department and by type, then department × type × month. */
export function BoardSummary({ language }: { language: Language }) {
  const { t } = useTranslation();
  const cells = useBoardPivot().data ?? [];
  const department = (c: PivotCell) => c.departmentName ?? t("board.triage");
  const months = [...new Set(cells.map((c) => c.month))].sort();
  const rows = totalsBy(cells, (c) => `${department(c)}\u0000${c.problemType}`).map((r) => {
    const [dept, type] = r.key.split("\u0000");
    const perMonth = Object.fromEntries(
      cells.filter((c) => department(c) === dept && c.problemType === type).map((c) => [c.month, c.count]),
    );
    return { ...r, dept, type, perMonth };
  });
  const totalsTable = (title: string, data: Total[], testId: string) => (
    <Card size="small" title={title}>
      <Table<Total>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={data}
        data-testid={testId}
        columns={[
          { title: title, dataIndex: "label" },
          { title: t("board.count"), dataIndex: "count", align: "right", width: 80 },
          { title: t("board.wait"), dataIndex: "wait", align: "right", width: 110 },
          { title: t("board.cost"), align: "right", width: 120, render: (_: unknown, r: Total) => formatMoney(yuan(r.costFen), language) },
        ]}
      />
    </Card>
  );
  return (
    <div data-testid="board-summary">
      <Row gutter={16}>
        <Col span={12}>{totalsTable(t("board.byDepartment"), totalsBy(cells, department), "totals-by-department")}</Col>
        <Col span={12}>{totalsTable(t("board.byType"), totalsBy(cells, (c) => c.problemType), "totals-by-type")}</Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("board.pivot")}
      </Typography.Title>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: t("board.byDepartment"), dataIndex: "dept", fixed: "left", width: 140 },
          { title: t("board.byType"), dataIndex: "type", fixed: "left", width: 140 },
          ...months.map((m) => ({ title: m, align: "right" as const, width: 90, render: (_: unknown, r: (typeof rows)[number]) => r.perMonth[m] ?? "" })),
          { title: t("board.total"), dataIndex: "count", align: "right" as const, width: 80 },
        ]}
      />
    </div>
  );
}
