import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Problem, ProblemStatus } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { PROBLEM_STATUSES, STATUS_COLORS } from "./model";
import { useProblems } from "../../lib/queries";
import { useDeleteProblem } from "./problemQueries";

/** The problems, newest change first as the core lists them; a row opens its page. */
export function ProblemList({ language, onOpen }: { language: Language; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problems = useProblems();
  const remove = useDeleteProblem();
  return (
    <UnlessFailed queries={problems} what={t("reads.problems")}>
      <Table<Problem>
        rowKey="id"
        size="middle"
        loading={problems.isLoading}
        dataSource={problems.data}
        pagination={false}
        locale={{ emptyText: t("problems.empty") }}
        onRow={(p) => ({ onClick: () => onOpen(p.id), style: { cursor: "pointer" } })}
        data-testid="problems-table"
        columns={[
          {
            title: t("problems.fields.title"),
            dataIndex: "title",
            render: (title: string) => <Typography.Link>{title}</Typography.Link>,
          },
          {
            title: t("problems.fields.status"),
            dataIndex: "status",
            width: 170,
            filters: PROBLEM_STATUSES.map((s) => ({ text: t(`problems.statuses.${s}`), value: s })),
            onFilter: (value, p) => p.status === value,
            render: (s: ProblemStatus = "new") => (
              <Flex align="center" gap={6}>
                <Tag color={STATUS_COLORS[s]}>{t(`problems.statuses.${s}`)}</Tag>
                <Typography.Text type="secondary">{`${PROBLEM_STATUSES.indexOf(s) + 1}/${PROBLEM_STATUSES.length}`}</Typography.Text>
              </Flex>
            ),
          },
          { title: t("problems.fields.owner"), dataIndex: "ownerDepartmentName", width: 150, render: (d: string | null) => d ?? t("problems.noOwner") },
          { title: t("problems.incidentCount"), dataIndex: "incidentCount", width: 120, align: "right" },
          { title: t("problems.updatedAt"), dataIndex: "updatedAt", width: 160, render: (ms: number) => formatDateTime(ms, language) },
          {
            title: t("common.actions"),
            key: "actions",
            width: 80,
            render: (_, p) => (
              <span onClick={(e) => e.stopPropagation()}>
                <Popconfirm
                  title={t("problems.deleteConfirm", { title: p.title })}
                  okText={t("common.delete")}
                  cancelText={t("common.cancel")}
                  onConfirm={() => remove.mutateAsync(p.id).catch((error) => message.error(errorText(t, error), 8))}
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
                </Popconfirm>
              </span>
            ),
          },
        ]}
      />
    </UnlessFailed>
  );
}
