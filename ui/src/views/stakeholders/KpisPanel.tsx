import { useState } from "react";
import { App, AutoComplete, Button, Form, Input, Select, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { commands, type Kpi, type KpiInput } from "../../bindings";
import { unwrap } from "../../lib/api";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { EditModal } from "../../components/EditModal";
import { MetricSelect } from "../../components/MetricSelect";
import { UnlessFailed } from "../../components/QueryState";
import { matchesName } from "../../lib/format";
import { useKpis, usePeople, useWrite } from "../../lib/queries";
import { RowActions } from "./RowActions";

const useSaveKpi = () =>
  useWrite(({ id, input }: { id: number | null; input: KpiInput }) => unwrap(id === null ? commands.kpiCreate(input) : commands.kpiUpdate(id, input)));
const useDeleteKpi = () => useWrite((id: number) => unwrap(commands.kpiDelete(id)));

type Values = { name: string; unit: string; departmentId: number | null; ownerPersonId: number | null; metric: string | null };

const EMPTY: Values = { name: "", unit: "", departmentId: null, ownerPersonId: null, metric: null };
/** The units directors use most; any other can be typed. */
const UNITS = ["元", "%", "件", "次", "分钟", "小时", "天", "分", "人"];

/**
 * KPIs as the director names them (库存积压, 客诉量), each in its own unit, of a department and maybe
 * its owner: what a problem's effects are measured against and what the sponsor ranking weighs.
 * A metric code is only a tag.
 */
export function KpisPanel({ search }: { search: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const kpis = useKpis();
  const people = usePeople();
  const save = useSaveKpi();
  const remove = useDeleteKpi();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Kpi | "new" | null>(null);
  const current = editing === "new" || editing === null ? null : editing;
  const rows = (kpis.data ?? []).filter((k) => matchesName(search, k.name, k.name) || matchesName(search, k.departmentName, k.departmentName));

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="kpi-add">
        {t("kpis.add")}
      </Button>
      <UnlessFailed queries={kpis} what={t("reads.kpis")}>
        <Table<Kpi>
          style={{ marginTop: 12 }}
          rowKey="id"
          loading={kpis.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t("kpis.empty") }}
          data-testid="kpis-table"
          columns={[
            { title: t("kpis.name"), dataIndex: "name", width: 200 },
            { title: t("kpis.unit"), dataIndex: "unit", width: 80 },
            { title: t("kpis.department"), dataIndex: "departmentName", width: 160 },
            { title: t("kpis.owner"), dataIndex: "ownerName", width: 120, render: (n: string | null) => n ?? t("common.none") },
            { title: t("kpis.metric"), dataIndex: "metric", width: 140, render: (m: string | null) => (m ? <Tag>{t(`sponsor.metrics.${m}`)}</Tag> : null) },
            {
              title: t("common.actions"),
              width: 140,
              render: (_: unknown, k: Kpi) => (
                <RowActions
                  onEdit={() => setEditing(k)}
                  onDelete={() => remove.mutateAsync(k.id)}
                  confirm={t("kpis.deleteConfirm", { name: k.name })}
                  hint={t("kpis.deleteHint")}
                  deleted={t("kpis.deleted", { name: k.name })}
                />
              ),
            },
          ]}
        />
      </UnlessFailed>
      <EditModal<Values>
        open={editing !== null}
        title={t(current ? "kpis.edit" : "kpis.add")}
        form={form}
        initialValues={current ? { name: current.name, unit: current.unit, departmentId: current.departmentId, ownerPersonId: current.ownerPersonId, metric: current.metric } : EMPTY}
        saving={save.isPending}
        save={async (v) => {
          const input: KpiInput = { name: v.name, unit: v.unit, departmentId: v.departmentId ?? 0, ownerPersonId: v.ownerPersonId ?? null, metric: v.metric ?? null };
          const saved = await save.mutateAsync({ id: current?.id ?? null, input });
          void message.success(t("kpis.saved", { name: saved.name }));
        }}
        onClose={() => setEditing(null)}
        testId="kpi-form"
      >
        <Form.Item name="name" label={t("kpis.name")} required>
          <Input placeholder={t("kpis.namePlaceholder")} maxLength={60} autoFocus data-testid="kpi-name" />
        </Form.Item>
        <Form.Item name="unit" label={t("kpis.unit")} required extra={t("kpis.unitHint")}>
          <AutoComplete options={UNITS.map((u) => ({ value: u }))} maxLength={12} data-testid="kpi-unit" />
        </Form.Item>
        <Form.Item name="departmentId" label={t("kpis.department")} required>
          <DepartmentSelect searchPinyin data-testid="kpi-department" />
        </Form.Item>
        <Form.Item name="ownerPersonId" label={t("kpis.owner")}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
            data-testid="kpi-owner"
          />
        </Form.Item>
        <Form.Item name="metric" label={t("kpis.metric")} extra={t("kpis.metricHint")}>
          <MetricSelect allowClear data-testid="kpi-metric" />
        </Form.Item>
      </EditModal>
    </>
  );
}
