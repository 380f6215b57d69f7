import { useMemo, useState } from "react";
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, Select, Space, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { MetricDirection, MetricInput, ProjectMetric, Reading } from "../../bindings";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { QueriesState, UnlessFailed } from "../../components/QueryState";
import { errorText, showFieldError } from "../../lib/errors";
import { useDepartments } from "../../lib/queries";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { fromPicker, toPicker, todayInZone } from "../../lib/days";
import { latestReading, progressToTarget, type ProgressRow } from "./metricProgress";
import { ProgressChart } from "./ProgressChart";
import { useAddMetric, useAddReading, useDeleteMetric, useProjectMetrics } from "./projectQueries";

const EMPTY_METRIC: MetricInput = { departmentId: null, name: "", unit: "", direction: "up", baseline: null, target: null };

/**
 * Success criteria per side (S1: NPS and complaints on the product side, dispatch efficiency and
 * FTFR on ours), with dated readings. Each side sees its own win, which is why both commit.
 */
export function MetricsCard({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MetricInput>();
  const metricsQuery = useProjectMetrics(projectId);
  const departmentsQuery = useDepartments();
  // The sides are departments: a metric's side is only known with both reads.
  const reads = [metricsQuery, departmentsQuery];
  const data = metricsQuery.data;
  const departments = departmentsQuery.data ?? [];
  const add = useAddMetric();
  const remove = useDeleteMetric();
  const sideName = (id: number | null) => departments.find((d) => d.id === id)?.name ?? t("projects.metrics.noSide");
  const metrics = useMemo(() => [...(data?.metrics ?? [])].sort((a, b) => (a.departmentId ?? 0) - (b.departmentId ?? 0)), [data]);
  const readings = data?.readings ?? [];

  const rows: ProgressRow[] = metrics.flatMap((m) => {
    const progress = progressToTarget(m, latestReading(m.id, readings)?.value);
    return progress === null ? [] : [{ name: m.name, side: sideName(m.departmentId), progress }];
  });

  const submit = async (v: MetricInput) => {
    try {
      await add.mutateAsync({ projectId, input: { ...EMPTY_METRIC, ...v } });
      form.resetFields();
    } catch (error) {
      if (!showFieldError(form, t, error)) void message.error(errorText(t, error));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("projects.metrics.title")} extra={<span className="card-hint">{t("projects.metrics.hint")}</span>}>
        <Form<MetricInput> form={form} layout="inline" initialValues={EMPTY_METRIC} onFinish={submit} className="commitment-form" data-testid="metric-form">
          <Form.Item name="departmentId">
            <DepartmentSelect allowClear style={{ width: 150 }} placeholder={t("projects.metrics.side")} data-testid="metric-side" />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, message: t("errors.required") }]}>
            <Input style={{ width: 180 }} placeholder={t("projects.metrics.name")} data-testid="metric-name" />
          </Form.Item>
          <Form.Item name="unit">
            <Input style={{ width: 80 }} placeholder={t("projects.metrics.unit")} />
          </Form.Item>
          <Form.Item name="direction">
            <Select<MetricDirection>
              style={{ width: 110 }}
              options={(["up", "down"] as const).map((d) => ({ value: d, label: t(`projects.metrics.directions.${d}`) }))}
            />
          </Form.Item>
          <Form.Item name="baseline">
            <InputNumber style={{ width: 100 }} placeholder={t("projects.metrics.baseline")} data-testid="metric-baseline" />
          </Form.Item>
          <Form.Item name="target">
            <InputNumber style={{ width: 100 }} placeholder={t("projects.metrics.target")} data-testid="metric-target" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="metric-add">
            {t("projects.metrics.add")}
          </Button>
        </Form>
        <UnlessFailed queries={reads} what={t("reads.metrics")}>
          <Table<ProjectMetric>
            size="small"
            loading={metricsQuery.isLoading || departmentsQuery.isLoading}
            rowKey="id"
            dataSource={metrics}
            pagination={false}
            locale={{ emptyText: t("projects.metrics.empty") }}
            expandable={{ expandedRowRender: (m) => <ReadingHistory readings={readings.filter((r) => r.metricId === m.id)} unit={m.unit} /> }}
            columns={[
              { title: t("projects.metrics.side"), key: "side", width: 130, render: (_, m) => <Tag>{sideName(m.departmentId)}</Tag> },
              { title: t("projects.metrics.name"), dataIndex: "name" },
              {
                title: t("projects.metrics.baselineToTarget"),
                key: "range",
                width: 170,
                render: (_, m) => `${m.baseline ?? "?"} → ${m.target ?? "?"} ${m.unit} ${m.direction === "up" ? "↑" : "↓"}`,
              },
              {
                title: t("projects.metrics.latest"),
                key: "latest",
                width: 150,
                render: (_, m) => {
                  const r = latestReading(m.id, readings);
                  return r ? `${r.value} ${m.unit}（${r.takenOn}）` : t("common.none");
                },
              },
              {
                title: t("projects.metrics.progress"),
                key: "progress",
                width: 90,
                render: (_, m) => {
                  const p = progressToTarget(m, latestReading(m.id, readings)?.value);
                  return p === null ? t("common.none") : <Tag color={p >= 100 ? "green" : "blue"}>{p}%</Tag>;
                },
              },
              { title: t("projects.metrics.addReading"), key: "reading", width: 300, render: (_, m) => <ReadingInput metricId={m.id} /> },
              { key: "remove", width: 48, render: (_, m) => <DeleteIconButton confirm={t("projects.metrics.deleteConfirm")} onDelete={() => remove.mutateAsync(m.id)} /> },
            ]}
          />
        </UnlessFailed>
      </Card>
      <Card size="small" title={t("projects.metrics.chartTitle")}>
        <QueriesState queries={reads} what={t("reads.metrics")}>
          {() => (rows.length ? <ProgressChart rows={rows} /> : <Empty description={t("projects.metrics.noProgress")} />)}
        </QueriesState>
      </Card>
    </Flex>
  );
}

/** A reading is dated: the director records what was measured on which day, today by default. */
function ReadingInput({ metricId }: { metricId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [day, setDay] = useState<Dayjs | null>(toPicker(todayInZone()));
  const [value, setValue] = useState<number | null>(null);
  const add = useAddReading();
  const submit = () => {
    const takenOn = fromPicker(day);
    if (!takenOn || value === null) return;
    add
      .mutateAsync({ metricId, takenOn, value })
      .then(() => setValue(null))
      .catch((e) => message.error(errorText(t, e)));
  };
  return (
    <Space.Compact size="small">
      <DatePicker size="small" value={day} onChange={setDay} allowClear={false} style={{ width: 120 }} />
      <InputNumber size="small" value={value} onChange={setValue} style={{ width: 90 }} placeholder={t("projects.metrics.value")} data-testid={`reading-value-${metricId}`} />
      <Button size="small" onClick={submit} disabled={value === null} loading={add.isPending} data-testid={`reading-add-${metricId}`}>
        {t("projects.metrics.record")}
      </Button>
    </Space.Compact>
  );
}

function ReadingHistory({ readings, unit }: { readings: Reading[]; unit: string }) {
  const { t } = useTranslation();
  if (!readings.length) return t("projects.metrics.noReadings");
  return (
    <Space wrap>
      {[...readings]
        .sort((a, b) => a.takenOn.localeCompare(b.takenOn))
        .map((r) => (
          <Tag key={r.id}>
            {r.takenOn}: {r.value ?? t("common.none")} {unit}
          </Tag>
        ))}
    </Space>
  );
}
