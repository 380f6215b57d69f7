import { App, Button, Divider, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type ProjectPlan } from "../../bindings";
import { DayField } from "../../components/DayField";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { MoneyInput } from "../../components/MoneyInput";
import { PersonSelect } from "../../components/PersonSelect";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { AppError, unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { useWrite, WS } from "../../lib/queries";

type Values = ProjectPlan;

/**
 * The project an approved proposal suggests — co-owners, commitments from the recommended
 * option's resources, milestones from its timeline, metrics from its expected effects (the
 * incident rate's baseline from the evidence chain) — edited, then created in one go.
 */
export function ProjectPlanModal({ draftId, language, onClose, onCreated }: { draftId: number; language: Language; onClose: () => void; onCreated: (projectId: number) => void }) {
  const { t } = useTranslation();
  const plan = useQuery({ queryKey: [WS, "proposal-project-plan", draftId, language], queryFn: () => unwrap(commands.proposalProjectPlan(draftId, language)), staleTime: Infinity });
  return (
    <Modal open width={1000} title={t("approval.planTitle")} footer={null} onCancel={onClose} destroyOnHidden data-testid="project-plan">
      <QueryState query={plan} what={t("reads.projectPlan")} loading={<Spin />}>
        {(p) => <PlanForm draftId={draftId} plan={p} onClose={onClose} onCreated={onCreated} />}
      </QueryState>
    </Modal>
  );
}

/** "milestones.2.endsOn" → ["milestones", 2, "endsOn"]: where a refused value sits in the form. */
const fieldPath = (field: string) => field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));

function PlanForm({ draftId, plan, onClose, onCreated }: { draftId: number; plan: ProjectPlan; onClose: () => void; onCreated: (projectId: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useWrite((p: ProjectPlan) => unwrap(commands.proposalCreateProject(draftId, p)));
  const submit = (v: Values) => {
    create
      .mutateAsync({ ...v, coOwners: { ours: v.coOwners.ours ?? null, theirs: v.coOwners.theirs ?? null } })
      .then((project) => {
        message.success(t("approval.created", { title: project.title }));
        onClose();
        onCreated(project.id);
      })
      .catch((e) => {
        const field = e instanceof AppError ? e.core.field : null;
        if (field) form.setFields([{ name: fieldPath(field) as never, errors: [errorText(t, e)] }]);
        void message.error(errorText(t, e), 8);
      });
  };
  return (
    // The whole store, not only the fields on screen: status, staffing, the computed marks travel with it.
    <Form form={form} layout="vertical" initialValues={plan} onFinish={() => submit(form.getFieldsValue(true))} data-testid="project-plan-form">
      <Space.Compact block>
        <Form.Item name={["project", "title"]} label={t("approval.f.title")} style={{ flex: 2 }} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name={["project", "anchorOn"]} label={t("approval.f.anchorOn")} style={{ flex: 1 }}>
          <DayField />
        </Form.Item>
        <Form.Item name={["project", "launchOn"]} label={t("approval.f.launchOn")} style={{ flex: 1 }}>
          <DayField testId="plan-launch" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name={["project", "goal"]} label={t("approval.f.goal")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="plan-goal" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name={["coOwners", "ours"]} label={t("approval.coOwnerOurs")} style={{ flex: 1 }}>
          <PersonSelect allowClear data-testid="plan-co-owner-ours" />
        </Form.Item>
        <Form.Item name={["coOwners", "theirs"]} label={t("approval.coOwnerTheirs")} style={{ flex: 1 }}>
          <PersonSelect allowClear data-testid="plan-co-owner-theirs" />
        </Form.Item>
      </Space.Compact>

      <Divider titlePlacement="start">{t("approval.commitments")}</Divider>
      <Form.List name="commitments">
        {(rows, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              data-testid="plan-commitments"
              columns={[
                { title: t("approval.f.department"), width: 160, render: (_, r) => <Form.Item noStyle name={[r.name, "departmentId"]}><DepartmentSelect style={{ width: "100%" }} /></Form.Item> },
                { title: t("approval.f.description"), render: (_, r) => <Form.Item noStyle name={[r.name, "description"]}><Input maxLength={500} /></Form.Item> },
                { title: t("approval.f.people"), width: 90, render: (_, r) => <Form.Item noStyle name={[r.name, "people"]}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item> },
                { title: t("approval.f.weeks"), width: 90, render: (_, r) => <Form.Item noStyle name={[r.name, "weeks"]}><InputNumber min={0} style={{ width: "100%" }} /></Form.Item> },
                { title: t("approval.f.budget"), width: 140, render: (_, r) => <Form.Item noStyle name={[r.name, "budget"]}><MoneyInput value={undefined} onChange={() => {}} placeholder="" /></Form.Item> },
                { width: 40, render: (_, r) => <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(r.name)} aria-label={t("common.delete")} /> },
              ]}
            />
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ departmentId: null, isMine: false, description: "", people: null, weeks: null, budget: null })}>
              {t("approval.addCommitment")}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t("approval.milestones")}</Divider>
      <Form.List name="milestones">
        {(rows, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              data-testid="plan-milestones"
              columns={[
                { title: t("approval.f.phase"), render: (_, r) => <Form.Item noStyle name={[r.name, "name"]}><Input maxLength={100} /></Form.Item> },
                { title: t("approval.f.startsOn"), width: 170, render: (_, r) => <Form.Item name={[r.name, "startsOn"]} style={{ margin: 0 }}><DayField /></Form.Item> },
                { title: t("approval.f.endsOn"), width: 170, render: (_, r) => <Form.Item name={[r.name, "endsOn"]} style={{ margin: 0 }}><DayField /></Form.Item> },
                { width: 40, render: (_, r) => <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(r.name)} aria-label={t("common.delete")} /> },
              ]}
            />
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: "", startsOn: "", endsOn: "", staffing: "", exitCriteria: "", doneOn: null })}>
              {t("approval.addMilestone")}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t("approval.metrics")}</Divider>
      <Form.List name="metrics">
        {(rows, { add, remove }) => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              data-testid="plan-metrics"
              columns={[
                { title: t("approval.f.metric"), render: (_, r) => <Form.Item noStyle name={[r.name, "name"]}><Input maxLength={100} /></Form.Item> },
                { title: t("approval.f.unit"), width: 90, render: (_, r) => <Form.Item noStyle name={[r.name, "unit"]}><Input maxLength={20} /></Form.Item> },
                {
                  title: t("approval.f.direction"),
                  width: 100,
                  render: (_, r) => (
                    <Form.Item noStyle name={[r.name, "direction"]}>
                      <Select options={[{ value: "down", label: t("approval.f.down") }, { value: "up", label: t("approval.f.up") }]} />
                    </Form.Item>
                  ),
                },
                {
                  title: t("approval.f.baseline"),
                  width: 150,
                  render: (_, r) => (
                    <Space size={4}>
                      <Form.Item noStyle name={[r.name, "baseline"]}><InputNumber style={{ width: 90 }} /></Form.Item>
                      {form.getFieldValue(["metrics", r.name, "baselineComputed"]) && <Tag color="blue">{t("approval.f.computed")}</Tag>}
                    </Space>
                  ),
                },
                { title: t("approval.f.target"), width: 110, render: (_, r) => <Form.Item noStyle name={[r.name, "target"]}><InputNumber style={{ width: 90 }} /></Form.Item> },
                { width: 40, render: (_, r) => <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(r.name)} aria-label={t("common.delete")} /> },
              ]}
            />
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ departmentId: null, name: "", unit: "", direction: "down", baseline: 0, target: 0, baselineComputed: false })}>
              {t("approval.addMetric")}
            </Button>
          </>
        )}
      </Form.List>
      <Space style={{ marginTop: 16, justifyContent: "flex-end", width: "100%" }}>
        <Button onClick={onClose}>{t("common.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="plan-create">
          {t("approval.create")}
        </Button>
      </Space>
    </Form>
  );
}
