import { useState } from "react";
import { Alert, App, Button, Card, Flex, Form, Input, Space, Spin } from "antd";
import { CheckOutlined, ProjectOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Approval, type Draft } from "../../bindings";
import { DayField } from "../../components/DayField";
import { QueryState } from "../../components/QueryState";
import { ThreadLinks } from "../../components/ThreadLinks";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { useGoTo } from "../../lib/goTo";
import { useWrite, WS } from "../../lib/queries";
import { todayInZone } from "../../lib/days";
import { ProjectPlanModal } from "./ProjectPlanModal";

/**
 * Approval of a proposal and what follows it: the day and who approved it, then the project the
 * recommended option suggests, pre-filled and edited before it is created. The problem, the
 * proposal and the project link to one another.
 */
export function ApprovalPanel({ draft, language }: { draft: Draft; language: Language }) {
  const { t } = useTranslation();
  const approval = useQuery({ queryKey: [WS, "proposal-approval", draft.id], queryFn: () => unwrap(commands.proposalApproval(draft.id)) });
  const of = draft.subject.problemId !== null ? { problemId: draft.subject.problemId } : draft.subject.projectId !== null ? { projectId: draft.subject.projectId } : null;
  return (
    <Card size="small" title={t("approval.title")} data-testid="proposal-approval">
      <QueryState query={approval} what={t("reads.approval")} loading={<Spin />}>
        {(a) => (a ? <Approved draft={draft} approval={a} language={language} /> : <ApproveForm draft={draft} />)}
      </QueryState>
      {of && <ThreadLinks of={of} />}
    </Card>
  );
}

function ApproveForm({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Approval>();
  const approve = useWrite((a: Approval) => unwrap(commands.proposalApprove(draft.id, a)));
  const submit = (a: Approval) =>
    approve
      .mutateAsync(a)
      .then(() => message.success(t("approval.approved")))
      .catch((e) => message.error(errorText(t, e), 8));
  return (
    <Form form={form} layout="inline" initialValues={{ approvedOn: todayInZone(), approvedBy: "" }} onFinish={submit}>
      <Form.Item name="approvedOn" label={t("approval.on")} rules={[{ required: true, message: t("approval.onRequired") }]}>
        <DayField testId="approval-on" />
      </Form.Item>
      <Form.Item name="approvedBy" label={t("approval.by")} rules={[{ required: true, whitespace: true, message: t("approval.byRequired") }]}>
        <Input maxLength={100} placeholder={t("approval.byHint")} data-testid="approval-by" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={approve.isPending} data-testid="approval-submit">
        {t("approval.approve")}
      </Button>
    </Form>
  );
}

function Approved({ draft, approval, language }: { draft: Draft; approval: Approval; language: Language }) {
  const { t } = useTranslation();
  const go = useGoTo();
  const [planning, setPlanning] = useState(false);
  return (
    <Flex vertical gap={8}>
      <Alert type="success" showIcon message={t("approval.done", { on: approval.approvedOn, by: approval.approvedBy })} data-testid="approval-done" />
      <Space>
        {draft.subject.projectId === null ? (
          <Button type="primary" icon={<ProjectOutlined />} onClick={() => setPlanning(true)} data-testid="approval-create-project">
            {t("approval.createProject")}
          </Button>
        ) : (
          <Button icon={<ProjectOutlined />} onClick={() => go.project(draft.subject.projectId as number)} data-testid="approval-open-project">
            {t("approval.openProject")}
          </Button>
        )}
      </Space>
      {planning && <ProjectPlanModal draftId={draft.id} language={language} onClose={() => setPlanning(false)} onCreated={(id) => go.project(id)} />}
    </Flex>
  );
}
