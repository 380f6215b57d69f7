import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { RowIssue } from "../../bindings";
import { AppError } from "../../lib/api";
import { errorText } from "../../lib/errors";

/** The bad rows of an imported file, each with its line number and why. */
export function RowIssues({ issues, testId }: { issues: RowIssue[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<RowIssue>
      style={{ marginTop: 12 }}
      size="small"
      rowKey={(r) => `${r.line}-${r.error.code}`}
      pagination={{ pageSize: 8, showSizeChanger: false }}
      dataSource={issues}
      data-testid={testId}
      columns={[
        { title: t("import.line"), dataIndex: "line", width: 80 },
        { title: t("import.reason"), render: (_: unknown, r: RowIssue) => errorText(t, new AppError(r.error)) },
      ]}
    />
  );
}
