import { App, Button, DatePicker, Form, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Project, Touchpoint } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { errorText, showFieldError } from "../../lib/errors";
import { fromPicker, toPicker, todayInZone } from "../../lib/days";
import { PersonSelect } from "../../components/PersonSelect";
import { useApplyCadence, useTemplates } from "./projectQueries";

type Values = { anchorOn: Dayjs | null; counterpartId: number | null; templateId: number | null };

/**
 * Plans the follow-ups from the meeting day with one counterpart: S6 by default (recap, week 2,
 * 4, 6, every two weeks during build, before and after launch), on working days of the calendar.
 * Applying again re-plans the open ones; done ones stay.
 */
export function ApplyCadenceForm({ project, touchpoints, language }: { project: Project; touchpoints: Touchpoint[]; language: Language }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const templatesQuery = useTemplates(language);
  const apply = useApplyCadence();
  const current = touchpoints.find((tp) => tp.counterpartId !== null && !tp.escalates)?.counterpartId ?? null;

  const run = async (v: Values) => {
    try {
      await apply.mutateAsync({
        projectId: project.id,
        input: { anchorOn: fromPicker(v.anchorOn) ?? "", counterpartId: v.counterpartId, templateId: v.templateId },
        language,
      });
      void message.success(t("cadence.applied"));
    } catch (error) {
      if (!showFieldError(form, t, error)) void message.error(errorText(t, error));
    }
  };
  // Re-planning drops the open follow-ups (and any date moved by hand): ask first.
  const submit = (v: Values) =>
    touchpoints.some((tp) => tp.state === "open")
      ? modal.confirm({ title: t("cadence.replanConfirm"), okText: t("common.confirm"), cancelText: t("common.cancel"), onOk: () => run(v) })
      : run(v);

  const required = [{ required: true, message: t("errors.required") }];
  return (
    <QueryState query={templatesQuery} what={t("reads.templates")}>
      {(templates) => (
        <Form<Values>
          form={form}
          layout="inline"
          className="commitment-form"
          initialValues={{
            anchorOn: toPicker(project.anchorOn ?? todayInZone()),
            counterpartId: current,
            templateId: templates.find((tpl) => tpl.isDefault)?.id ?? templates[0]?.id ?? null,
          }}
          onFinish={submit}
          data-testid="cadence-apply-form"
        >
          <Form.Item name="anchorOn" label={t("cadence.anchorOn")} rules={required}>
            <DatePicker allowClear={false} data-testid="cadence-anchor" />
          </Form.Item>
          <Form.Item name="counterpartId" label={t("cadence.counterpart")} rules={required}>
            <PersonSelect style={{ width: 220 }} placeholder={t("projects.pickPerson")} data-testid="cadence-counterpart" />
          </Form.Item>
          <Form.Item name="templateId" label={t("cadence.template")}>
            <Select style={{ width: 200 }} options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))} data-testid="cadence-template" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="cadence-apply">
            {t("cadence.apply")}
          </Button>
        </Form>
      )}
    </QueryState>
  );
}
