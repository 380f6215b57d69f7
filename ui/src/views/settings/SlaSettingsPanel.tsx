import { App, Button, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useEffect } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Level, type SlaSettings } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import { unwrap } from "../../lib/api";
import { errorText, showFieldError } from "../../lib/errors";
import { blockEnterWhileComposing } from "../../lib/ime";
import { WS } from "../../lib/queries";

const NOTIFY = ["head", "escalation_contact", "sponsor"] as const;

/** The workspace's working day, whom the last level tells, and the escalation ladder. */
export function SlaSettingsPanel() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: [WS, "sla-settings"], queryFn: () => unwrap(commands.slaSettingsGet()) });
  return (
    <QueryState query={query} what={t("reads.slaSettings")}>
      {(settings) => <SlaSettingsForm settings={settings} />}
    </QueryState>
  );
}

function SlaSettingsForm({ settings }: { settings: SlaSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<SlaSettings>();
  useEffect(() => form.setFieldsValue(settings), [form, settings]);
  const save = useMutation({
    mutationFn: (v: SlaSettings) => unwrap(commands.slaSettingsSave(v)),
    onSuccess: () => client.invalidateQueries({ queryKey: [WS] }),
  });
  const submit = (v: SlaSettings) => {
    // Levels are numbered by their place in the ladder.
    const levels = (v.levels ?? []).map((l, i): Level => ({ ...l, level: i + 1 }));
    save
      .mutateAsync({ ...v, levels })
      .then(() => message.success(t("slaSettings.saved")))
      .catch((e) => showFieldError(form, t, e) || message.error(errorText(t, e)));
  };

  return (
    <div onKeyDownCapture={blockEnterWhileComposing} data-testid="sla-settings">
      <Typography.Paragraph type="secondary">{t("slaSettings.hint")}</Typography.Paragraph>
      <Form<SlaSettings> form={form} layout="vertical" initialValues={settings} onFinish={submit} style={{ maxWidth: 640 }}>
        <Form.Item name="workHours" label={t("slaSettings.workHours")} extra={t("slaSettings.workHoursHint")}>
          <Input style={{ width: 180 }} data-testid="sla-work-hours" />
        </Form.Item>
        <Form.Item name="sponsor" label={t("slaSettings.sponsor")} extra={t("slaSettings.sponsorHint")}>
          <Input maxLength={100} data-testid="sla-sponsor" />
        </Form.Item>
        <Form.List name="levels">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  { title: t("slaSettings.level"), key: "level", width: 80, render: (_, _f, i) => t("incident.levelTag", { level: i + 1 }) },
                  {
                    title: t("slaSettings.multiple"),
                    key: "multiple",
                    render: (_, f) => (
                      <Form.Item name={[f.name, "multiple"]} noStyle>
                        <InputNumber min={0.1} step={0.5} addonAfter="× SLA" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t("slaSettings.notify"),
                    key: "notify",
                    render: (_, f) => (
                      <Form.Item name={[f.name, "notify"]} noStyle>
                        <Select style={{ width: 200 }} options={NOTIFY.map((n) => ({ value: n, label: t(`slaSettings.notifyWho.${n}`) }))} />
                      </Form.Item>
                    ),
                  },
                  { key: "remove", width: 48, render: (_, f) => <Button type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} onClick={() => remove(f.name)} /> },
                ]}
              />
              <Space style={{ margin: "8px 0 16px" }}>
                <Button icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add({ level: fields.length + 1, multiple: fields.length + 1, notify: "sponsor" })}>
                  {t("slaSettings.addLevel")}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sla-settings-save">
          {t("common.save")}
        </Button>
      </Form>
    </div>
  );
}
