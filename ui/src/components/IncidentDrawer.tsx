import { App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Space, Spin, Timeline, Typography } from "antd";
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Incident } from "../bindings";
import { DepartmentSelect } from "./DepartmentSelect";
import { QueryState } from "./QueryState";
import { IncidentFigures } from "./IncidentFigures";
import { SlaClocks } from "./SlaClocks";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { errorText, showFieldError } from "../lib/errors";
import { formatDateTime, formatMoney } from "../lib/format";
import { blockEnterWhileComposing } from "../lib/ime";
import { useDepartments, WS } from "../lib/queries";
import { useIncident } from "../lib/incidentQueries";

type TransferValues = { to: number; reason: string; at?: Dayjs | null };

type DrawerProps = { id: number; language: Language; onClose: () => void; onEdit: (incident: Incident) => void };

/** Loads the incident fresh, so a claim, transfer or edit shows up in the open drawer at once. */
export function IncidentDrawer({ id, ...props }: DrawerProps) {
  const { t } = useTranslation();
  const incident = useIncident(id);
  if (incident.data && !incident.isError) return <IncidentDetail incident={incident.data} {...props} />;
  // Until the record is read, the drawer says why it is not there yet.
  return (
    <Drawer open size={560} onClose={props.onClose}>
      <QueryState query={incident} what={t("reads.incident")} loading={<Spin />}>
        {() => null}
      </QueryState>
    </Drawer>
  );
}

/** An incident's record, its SLA clocks, its full history, and the claim, wait, transfer, edit and delete actions. */
function IncidentDetail({ incident, language, onClose, onEdit }: Omit<DrawerProps, "id"> & { incident: Incident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TransferValues>();
  const departmentsQuery = useDepartments();
  const departments = departmentsQuery.data ?? [];
  const history = useQuery({
    queryKey: [WS, "incident-history", incident.id],
    queryFn: () => unwrap(commands.incidentHistory(incident.id)),
  });
  const refresh = () => client.invalidateQueries({ queryKey: [WS] });
  const claim = useMutation({ mutationFn: () => unwrap(commands.incidentClaim(incident.id, null)), onSuccess: refresh });
  const transfer = useMutation({
    mutationFn: (v: TransferValues) => unwrap(commands.incidentTransfer(incident.id, v.to, v.reason ?? "", v.at ? v.at.valueOf() : null)),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => unwrap(commands.incidentDelete(incident.id)) });
  const none = t("common.none");

  return (
    <Drawer open size={560} title={incident.title} onClose={onClose} data-testid="incident-drawer">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t("incident.externalId")}>{incident.externalId ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("incidents.department")}>{incident.departmentName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("incident.status")}>{t(`incident.statuses.${incident.status}`, { defaultValue: incident.status })}</Descriptions.Item>
        <Descriptions.Item label={t("incidents.type")}>{incident.problemType || none}</Descriptions.Item>
        <Descriptions.Item label={t("incident.severityClass")}>{incident.severityClass ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("incidents.store")}>{incident.storeName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("incident.wait")}>
          {incident.waitMinutes === null ? none : t("incident.minutes", { count: incident.waitMinutes })}
        </Descriptions.Item>
        <Descriptions.Item label={t("incident.complaint")}>{t(incident.complaint ? "incident.yes" : "incident.no")}</Descriptions.Item>
        <Descriptions.Item label={t("incidents.cost")}>{formatMoney(incident.cost, language)}</Descriptions.Item>
        <Descriptions.Item label={t("incidents.openedAt")}>{formatDateTime(incident.openedAt, language)}</Descriptions.Item>
      </Descriptions>

      <Space style={{ margin: "16px 0" }} wrap>
        <Button icon={<EditOutlined />} onClick={() => onEdit(incident)} data-testid="incident-edit">
          {t("common.edit")}
        </Button>
        <Popconfirm
          title={t("incident.deleteConfirm", { title: incident.title })}
          okText={t("common.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove
              .mutateAsync()
              .then(() => {
                onClose();
                void message.success(t("incident.deleted"));
                // Refresh after closing: the drawer's own query would otherwise refetch a deleted record.
                return refresh();
              })
              .catch((e) => message.error(errorText(t, e)))
          }
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="incident-delete">
            {t("common.delete")}
          </Button>
        </Popconfirm>
        <Button
          disabled={incident.departmentId === null}
          loading={claim.isPending}
          onClick={() => claim.mutateAsync().then(() => message.success(t("incident.claimDone"))).catch((e) => message.error(errorText(t, e)))}
          data-testid="incident-claim"
        >
          {t("incident.claim")}
        </Button>
      </Space>

      <SlaClocks incidentId={incident.id} language={language} />
      <IncidentFigures incidentId={incident.id} />

      <Typography.Title level={5}>{t("incident.transfer")}</Typography.Title>
      <div onKeyDownCapture={blockEnterWhileComposing}>
        <Form<TransferValues>
          form={form}
          layout="vertical"
          onFinish={(v) =>
            transfer
              .mutateAsync(v)
              .then(() => {
                form.resetFields();
                void message.success(t("incident.transferDone", { name: departments.find((d) => d.id === v.to)?.name ?? "" }));
              })
              .catch((e) => showFieldError(form, t, e) || message.error(errorText(t, e)))
          }
        >
          <Form.Item name="to" label={t("incident.transferTo")} rules={[{ required: true, message: t("errors.required") }]}>
            <DepartmentSelect data-testid="transfer-to" />
          </Form.Item>
          <Form.Item name="reason" label={t("incident.reason")} required>
            <Input.TextArea rows={2} maxLength={500} placeholder={t("incident.reasonPlaceholder")} data-testid="transfer-reason" />
          </Form.Item>
          <Form.Item name="at" label={t("incident.at")} extra={t("incident.atHint")}>
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={transfer.isPending} data-testid="transfer-submit">
            {t("incident.transfer")}
          </Button>
        </Form>
      </div>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("incident.history")}
      </Typography.Title>
      <QueryState query={history} what={t("reads.incidentHistory")}>
        {(events) =>
          events.length ? (
            <Timeline
              data-testid="incident-history"
              items={events.map((e) => ({
                key: e.id,
                color: e.kind === "escalated" ? "red" : e.kind === "transferred" ? "orange" : e.kind === "pending" ? "gray" : "blue",
                children: (
                  <>
                    <Typography.Text strong>
                      {t(`incident.kinds.${e.kind}`, { defaultValue: e.kind })}（{t(`incident.sources.${e.source}`, { defaultValue: e.source })}）
                    </Typography.Text>{" "}
                    <Typography.Text type="secondary">{formatDateTime(e.at, language)}</Typography.Text>
                    <div>
                      {[e.fromDepartment, e.toDepartment].filter(Boolean).join(" → ")}
                      {e.level !== null && <div>{t("incident.escalatedTo", { level: e.level, name: e.notified || t("incident.nobodyNamed") })}</div>}
                      {e.reason && <div className="pre-wrap">{e.reason}</div>}
                    </div>
                  </>
                ),
              }))}
            />
          ) : (
            <Empty description={t("incident.noHistory")} />
          )
        }
      </QueryState>
    </Drawer>
  );
}
