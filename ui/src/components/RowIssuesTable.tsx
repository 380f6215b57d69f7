import { Alert, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { RowIssue } from "../bindings";
import { AppError } from "../lib/api";
import { errorText } from "../lib/errors";

/** An import's bad rows, each with its line in the user's file and why; or that there are none. */
export function RowIssuesTable({ issues }: { issues: RowIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return <Alert type="success" title={t("import.noIssues")} style={{ marginTop: 12 }} />;
  return (
    <Table<RowIssue>
      style={{ marginTop: 12 }}
      size="small"
      rowKey={(r) => `${r.line}-${r.error.code}-${r.error.field ?? ""}`}
      pagination={{ pageSize: 8, showSizeChanger: false }}
      dataSource={issues}
      data-testid="import-issues"
      columns={[
        { title: t("import.line"), dataIndex: "line", width: 80 },
        { title: t("import.reason"), render: (_: unknown, r: RowIssue) => errorText(t, new AppError(r.error)) },
      ]}
    />
  );
}
