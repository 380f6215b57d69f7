import { App, Button, Card, Checkbox, Form, Input, InputNumber, List, Table, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Commitment } from "../../bindings";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { errorText, showFieldError } from "../../lib/errors";
import { formatMoney, parseMoney } from "../../lib/format";
import { useDepartments } from "../../lib/queries";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { useAddCommitment, useCommitments, useDeleteCommitment, useSetCommitmentDone } from "./projectQueries";

type Values = { departmentId: number | null; isMine: boolean; description: string; people: number | null; weeks: number | null; budget: string };

/**
 * What each department puts in (people × weeks, budget), and 我的承诺: what I promised the other
 * side (requirements frozen, research and data, running the pilot) as a checklist I tick off.
 */
export function CommitmentsCard({ projectId, language }: { projectId: number; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const commitmentsQuery = useCommitments(projectId);
  const departmentsQuery = useDepartments();
  const commitments = commitmentsQuery.data ?? [];
  const departments = departmentsQuery.data ?? [];
  const add = useAddCommitment();
  const setDone = useSetCommitmentDone();
  const remove = useDeleteCommitment();
  const departmentName = (id: number | null) => departments.find((d) => d.id === id)?.name ?? t("common.none");
  const mine = commitments.filter((c) => c.isMine);
  const byDepartment = commitments.filter((c) => !c.isMine).sort((a, b) => departmentName(a.departmentId).localeCompare(departmentName(b.departmentId), "zh-CN"));

  const submit = async (v: Values) => {
    try {
      await add.mutateAsync({ projectId, input: { ...v, description: v.description ?? "", budget: v.budget ? parseMoney(v.budget) : null } });
      form.resetFields();
    } catch (error) {
      if (!showFieldError(form, t, error)) void message.error(errorText(t, error));
    }
  };
  const remover = (c: Commitment) => <DeleteIconButton confirm={t("projects.commitments.deleteConfirm")} onDelete={() => remove.mutateAsync(c.id)} />;

  return (
    <Card size="small" title={t("projects.commitments.title")}>
      <Form<Values>
        form={form}
        layout="inline"
        className="commitment-form"
        initialValues={{ departmentId: null, isMine: false, description: "", people: null, weeks: null, budget: "" }}
        onFinish={submit}
        data-testid="commitment-form"
      >
        <Form.Item name="isMine" valuePropName="checked">
          <Checkbox data-testid="commitment-mine">{t("projects.commitments.mine")}</Checkbox>
        </Form.Item>
        <Form.Item name="departmentId">
          <DepartmentSelect allowClear style={{ width: 150 }} placeholder={t("projects.department")} data-testid="commitment-department" />
        </Form.Item>
        <Form.Item name="description" rules={[{ required: true, message: t("errors.required") }]}>
          <Input style={{ width: 260 }} placeholder={t("projects.commitments.description")} data-testid="commitment-description" />
        </Form.Item>
        <Form.Item name="people">
          <InputNumber min={0} max={1000} style={{ width: 90 }} placeholder={t("projects.commitments.people")} />
        </Form.Item>
        <Form.Item name="weeks">
          <InputNumber min={0} max={520} style={{ width: 90 }} placeholder={t("projects.commitments.weeks")} />
        </Form.Item>
        <Form.Item
          name="budget"
          rules={[{ validator: (_, v: string) => (!v || parseMoney(v) !== null ? Promise.resolve() : Promise.reject(new Error(t("projects.commitments.badBudget")))) }]}
        >
          <Input style={{ width: 120 }} placeholder={t("projects.commitments.budget")} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="commitment-add">
          {t("projects.commitments.add")}
        </Button>
      </Form>

      {/* The table names each commitment's department: it needs both reads. */}
      <UnlessFailed queries={[commitmentsQuery, departmentsQuery]} what={t("reads.commitments")}>
        <Typography.Title level={5}>{t("projects.commitments.mineTitle")}</Typography.Title>
        <List
          size="small"
          loading={commitmentsQuery.isLoading}
          dataSource={mine}
          locale={{ emptyText: t("projects.commitments.noMine") }}
          data-testid="my-commitments"
          renderItem={(c) => (
            <List.Item actions={[remover(c)]}>
              <Checkbox checked={c.done} onChange={(e) => setDone.mutate({ id: c.id, done: e.target.checked })}>
                <span className={c.done ? "commitment-done" : undefined}>{c.description}</span>
              </Checkbox>
            </List.Item>
          )}
        />

        <Typography.Title level={5}>{t("projects.commitments.byDepartment")}</Typography.Title>
        <Table<Commitment>
          size="small"
          loading={commitmentsQuery.isLoading || departmentsQuery.isLoading}
          rowKey="id"
          dataSource={byDepartment}
          pagination={false}
          locale={{ emptyText: t("projects.commitments.empty") }}
          columns={[
            { title: t("projects.department"), key: "department", width: 140, render: (_, c) => departmentName(c.departmentId) },
            { title: t("projects.commitments.description"), dataIndex: "description" },
            {
              title: t("projects.commitments.effort"),
              key: "effort",
              width: 140,
              render: (_, c) => (c.people !== null || c.weeks !== null ? t("projects.commitments.peopleWeeks", { people: c.people ?? "?", weeks: c.weeks ?? "?" }) : t("common.none")),
            },
            { title: t("projects.commitments.budget"), dataIndex: "budget", width: 120, render: (b: string | null) => (b ? formatMoney(b, language) : t("common.none")) },
            {
              title: t("projects.commitments.done"),
              dataIndex: "done",
              width: 70,
              render: (done: boolean, c) => <Checkbox checked={done} onChange={(e) => setDone.mutate({ id: c.id, done: e.target.checked })} />,
            },
            { key: "remove", width: 48, render: (_, c) => remover(c) },
          ]}
        />
      </UnlessFailed>
    </Card>
  );
}
