import { App, Button, Col, Form, Input, Popconfirm, Row, Typography } from "antd";
import { NotificationOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../bindings";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import type { Language } from "../../i18n";
import { errorText, showFieldError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { MetricSelect } from "../../components/MetricSelect";
import { metricList } from "./model";
import { PatchForm } from "./PatchForm";
import { useAnnounceFix, useUpdateProblem } from "./problemQueries";
import { StatusSteps } from "./StatusSteps";

type Values = {
  title: string;
  symptoms: string;
  ownerDepartmentId: number | null;
  impactMetrics: string[];
  workaround: string;
  fix: string;
};

const toPatch = (v: Values) => ({ ...v, impactMetrics: v.impactMetrics.join(",") });

/** 概况: what the problem is, who owns it, what it moves, and the fix to tell every linked incident. */
export function OverviewTab({ problem, language }: { problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateProblem();
  const announce = useAnnounceFix();

  const initialValues: Values = {
    title: problem.title ?? "",
    symptoms: problem.symptoms ?? "",
    ownerDepartmentId: problem.ownerDepartmentId ?? null,
    impactMetrics: metricList(problem.impactMetrics),
    workaround: problem.workaround ?? "",
    fix: problem.fix ?? "",
  };

  return (
    <>
    <Form.Item label={t("problems.fields.status")}>
      <StatusSteps problem={problem} />
    </Form.Item>
    <PatchForm<Values>
      problem={problem}
      initialValues={initialValues}
      toPatch={toPatch}
      testId="problem-overview"
      actions={(form) => (
        <>
          <Popconfirm
            title={t("problems.announceConfirm", { count: problem.incidentCount })}
            okText={t("common.confirm")}
            cancelText={t("common.cancel")}
            onConfirm={async () => {
              // The announcement quotes the stored fix: save what is on screen first.
              try {
                await update.mutateAsync({ problem, patch: toPatch(form.getFieldsValue(true)) });
                const told = await announce.mutateAsync(problem.id);
                void message.success(t("problems.announced", { count: told }));
              } catch (error) {
                if (!showFieldError(form, t, error)) void message.error(errorText(t, error), 8);
              }
            }}
          >
            <Button icon={<NotificationOutlined />} loading={announce.isPending} data-testid="problem-announce">
              {t("problems.announce")}
            </Button>
          </Popconfirm>
          {problem.fixAnnouncedAt !== null && (
            <Typography.Text type="secondary" data-testid="problem-announced-at">
              {t("problems.announcedAt", { at: formatDateTime(problem.fixAnnouncedAt, language) })}
            </Typography.Text>
          )}
        </>
      )}
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Form.Item name="title" label={t("problems.fields.title")} rules={[{ required: true, whitespace: true, message: t("errors.required") }]}>
            <Input maxLength={200} data-testid="problem-title" />
          </Form.Item>
          <Form.Item name="symptoms" label={t("problems.fields.symptoms")}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t("problems.fields.symptomsHint")} />
          </Form.Item>
          <Form.Item name="ownerDepartmentId" label={t("problems.fields.owner")}>
            <DepartmentSelect allowClear showSearch={{ optionFilterProp: "label" }} placeholder={t("problems.fields.ownerHint")} />
          </Form.Item>
          <Form.Item name="impactMetrics" label={t("problems.fields.impactMetrics")} extra={t("problems.fields.impactMetricsHint")}>
            <MetricSelect mode="multiple" allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name="workaround" label={t("problems.fields.workaround")}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t("problems.fields.workaroundHint")} />
          </Form.Item>
          <Form.Item name="fix" label={t("problems.fields.fix")} extra={t("problems.fields.fixHint")}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="problem-fix" />
          </Form.Item>
        </Col>
      </Row>
    </PatchForm>
    </>
  );
}
