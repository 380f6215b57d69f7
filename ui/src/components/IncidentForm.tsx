import { App, AutoComplete, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Incident, type IncidentInput } from "../bindings";
import { DepartmentSelect } from "./DepartmentSelect";
import { optionsState } from "./QueryState";
import { unwrap } from "../lib/api";
import { errorText, showFieldError } from "../lib/errors";
import { parseMoney } from "../lib/format";
import { blockEnterWhileComposing } from "../lib/ime";
import { WS } from "../lib/queries";
import { fromZonedWall, toZonedWall } from "../lib/zone";
import { STATUSES, useBoardLists } from "../lib/incidentQueries";

type Values = Omit<IncidentInput, "openedAt" | "closedAt" | "cost" | "externalId"> & {
  externalId: string;
  openedAt: Dayjs;
  closedAt: Dayjs | null;
  cost: string;
};

function initialValues(incident: Incident | null): Partial<Values> {
  if (!incident)
    return { status: "open", complaint: false, cost: "", openedAt: toZonedWall(Date.now()), departmentId: null, severityClassId: null, storeId: null };
  return {
    ...incident,
    externalId: incident.externalId ?? "",
    openedAt: toZonedWall(incident.openedAt),
    closedAt: incident.closedAt === null ? null : toZonedWall(incident.closedAt),
  };
}

const DATE_TIME = "YYYY-MM-DD HH:mm";

/** Creating (incident null) or editing an incident's record. Its owner changes only by transfer. */
export function IncidentForm({ incident, onClose }: { incident: Incident | null; onClose: (saved?: Incident) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const listsQuery = useBoardLists();
  const lists = listsQuery.data;
  const fromLists = optionsState(listsQuery, t("reads.boardLists"));
  const save = useMutation({
    mutationFn: (input: IncidentInput) => unwrap(incident ? commands.incidentUpdate(incident.id, input) : commands.incidentCreate(input)),
    onSuccess: () => client.invalidateQueries({ queryKey: [WS] }),
  });
  const suggestions = (values: string[] | undefined) => (values ?? []).filter(Boolean).map((v) => ({ value: v }));
  const typeNames = [...new Set([...(lists?.problemTypes ?? []).map((p) => p.name), ...(lists?.facets.problemTypes ?? [])])];

  const submit = (v: Values) => {
    const input: IncidentInput = {
      ...v,
      externalId: v.externalId?.trim() || null,
      departmentId: incident ? incident.departmentId : (v.departmentId ?? null),
      storeId: v.storeId ?? null,
      severityClassId: v.severityClassId ?? null,
      waitMinutes: v.waitMinutes ?? null,
      problemType: v.problemType ?? "",
      productCategory: v.productCategory ?? "",
      product: v.product ?? "",
      supplier: v.supplier ?? "",
      region: v.region ?? "",
      channel: v.channel ?? "",
      customerRef: v.customerRef ?? "",
      cost: parseMoney(v.cost ?? "") ?? "0.00",
      openedAt: fromZonedWall(v.openedAt),
      closedAt: v.closedAt ? fromZonedWall(v.closedAt) : null,
    };
    save
      .mutateAsync(input)
      .then((saved) => {
        void message.success(t(incident ? "incident.form.updated" : "incident.form.created", { title: saved.title }));
        onClose(saved);
      })
      .catch((e) => showFieldError(form, t, e) || message.error(errorText(t, e)));
  };

  const text = (name: keyof Values, options?: { value: string }[]) => (
    <Form.Item name={name} label={t(`incident.form.${name}`)}>
      {options ? <AutoComplete options={options} allowClear showSearch={{ filterOption: true }} {...fromLists} /> : <Input maxLength={100} />}
    </Form.Item>
  );

  return (
    <Modal
      open
      width={780}
      title={t(incident ? "incident.form.editTitle" : "incident.form.newTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      okButtonProps={{ "data-testid": "incident-form-save" }}
      data-testid="incident-form"
    >
      <div onKeyDownCapture={blockEnterWhileComposing}>
        <Form<Values> form={form} layout="vertical" initialValues={initialValues(incident)} onFinish={submit} requiredMark>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="title" label={t("incident.form.title")} rules={[{ required: true, whitespace: true, message: t("errors.required") }]}>
                <Input maxLength={200} data-testid="incident-form-title" />
              </Form.Item>
            </Col>
            <Col span={8}>{text("externalId")}</Col>
            <Col span={8}>
              <Form.Item name="problemType" label={t("incident.form.problemType")}>
                <AutoComplete
                  allowClear
                  options={typeNames.filter(Boolean).map((value) => ({ value }))}
                  showSearch={{ filterOption: true }}
                  {...fromLists}
                  onChange={(name: string) => {
                    // A known type brings its class (remedy and SLA); the director may still pick another.
                    const known = lists?.problemTypes.find((p) => p.name === name);
                    if (known) form.setFieldValue("severityClassId", known.severityClassId);
                  }}
                  data-testid="incident-form-type"
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="severityClassId" label={t("incident.severityClass")} extra={t("incident.form.severityHint")}>
                <Select allowClear options={(lists?.severityClasses ?? []).map((c) => ({ value: c.id, label: c.name }))} {...fromLists} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="status" label={t("incident.status")}>
                <Select options={STATUSES.map((s) => ({ value: s, label: t(`incident.statuses.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              {incident ? (
                <Form.Item label={t("incidents.department")} extra={t("incident.form.departmentByTransfer")}>
                  <Typography.Text>{incident.departmentName ?? t("board.triage")}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item name="departmentId" label={t("incidents.department")} extra={t("incident.form.departmentHint")}>
                  <DepartmentSelect allowClear placeholder={t("incident.form.byRules")} />
                </Form.Item>
              )}
            </Col>
            <Col span={8}>
              <Form.Item name="storeId" label={t("incidents.store")}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: "label" }}
                  options={(lists?.stores ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  {...fromLists}
                />
              </Form.Item>
            </Col>
            <Col span={8}>{text("region", suggestions(lists?.facets.regions))}</Col>
            <Col span={8}>{text("productCategory", suggestions(lists?.facets.productCategories))}</Col>
            <Col span={8}>{text("product", suggestions(lists?.facets.products))}</Col>
            <Col span={8}>{text("supplier", suggestions(lists?.facets.suppliers))}</Col>
            <Col span={8}>{text("channel", suggestions(lists?.facets.channels))}</Col>
            <Col span={8}>{text("customerRef")}</Col>
            <Col span={8}>
              <Form.Item name="waitMinutes" label={t("incident.form.waitMinutes")}>
                <InputNumber min={0} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="cost"
                label={t("incidents.cost")}
                rules={[
                  {
                    validator: (_, v: string) =>
                      !v || parseMoney(v) !== null ? Promise.resolve() : Promise.reject(new Error(t("errors.money.invalid", { value: v }))),
                  },
                ]}
              >
                <Input placeholder="1.2万" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="complaint" label={t("incident.complaint")} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="openedAt" label={t("incidents.openedAt")} rules={[{ required: true, message: t("errors.required") }]}>
                <DatePicker showTime={{ format: "HH:mm" }} format={DATE_TIME} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="closedAt" label={t("incident.form.closedAt")}>
                <DatePicker showTime={{ format: "HH:mm" }} format={DATE_TIME} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
