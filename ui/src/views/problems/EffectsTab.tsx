import { useState } from "react";
import { App, Button, Card, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Effect, EffectInput, Kpi, Problem, SuggestedEffect } from "../../bindings";
import type { Language } from "../../i18n";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { EditModal } from "../../components/EditModal";
import { MoneyInput } from "../../components/MoneyInput";
import { QueryState, UnlessFailed } from "../../components/QueryState";
import { SponsorPanel } from "../../components/SponsorPanel";
import { useKpis } from "../../lib/queries";
import { effectFigures } from "./effectText";
import { useDeleteEffect, useEffects, useEffectSuggestions, useSaveEffect } from "./problemQueries";

type Values = { kpiId: number | null; effect: number | null; unit: string; money: string | null; note: string };
/** What the form is editing: a saved effect, a suggestion being accepted with changes, or a new one. */
type Editing = { effect: Effect } | { suggestion: SuggestedEffect } | "new" | null;

const EMPTY: Values = { kpiId: null, effect: null, unit: "%", money: null, note: "" };

function initial(editing: Editing): Values {
  if (editing === null || editing === "new") return EMPTY;
  if ("effect" in editing) {
    const e = editing.effect;
    return { kpiId: e.kpiId, effect: e.effect, unit: e.unit, money: e.money, note: e.note };
  }
  const s = editing.suggestion;
  return { kpiId: s.kpiId, effect: s.effect, unit: s.unit, money: s.money, note: "" };
}

/** A figure stays marked as computed only as long as it is the figure the incidents gave. */
function isComputed(editing: Editing, v: Values): boolean {
  if (editing === null || editing === "new") return false;
  const source = "effect" in editing ? editing.effect : editing.suggestion;
  const computed = "effect" in editing ? editing.effect.computed : true;
  return computed && v.kpiId === source.kpiId && v.effect === source.effect && v.unit === source.unit && (v.money ?? null) === (source.money ?? null);
}

function SourceTag({ computed }: { computed: boolean }) {
  const { t } = useTranslation();
  return computed ? <Tag color="blue">{t("effects.computed")}</Tag> : <Tag>{t("effects.entered")}</Tag>;
}

/**
 * What the problem does to each department: effects on their KPIs in the KPI's unit (or %), the
 * ones the linked incidents compute offered pre-filled, and who should sponsor it as a result.
 */
export function EffectsTab({ problem, language }: { problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const effects = useEffects(problem.id);
  const suggestions = useEffectSuggestions(problem.id);
  const kpis = useKpis();
  const save = useSaveEffect(problem.id);
  const remove = useDeleteEffect();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Editing>(null);
  const kpiId = Form.useWatch("kpiId", form);
  const kpi = kpis.data?.find((k) => k.id === kpiId);
  const units = [...new Set([kpi?.unit, "%"].filter((u): u is string => !!u))];

  const accept = async (s: SuggestedEffect) => {
    if (s.kpiId === null) return setEditing({ suggestion: s });
    await save.mutateAsync({ id: null, input: { kpiId: s.kpiId, effect: s.effect, unit: s.unit, money: s.money, note: "", computed: true } });
    void message.success(t("effects.saved"));
  };

  return (
    <div data-testid="effects-tab">
      <Space wrap className="tab-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="effect-add">
          {t("effects.add")}
        </Button>
        <Typography.Text type="secondary">{t("effects.hint")}</Typography.Text>
      </Space>
      <UnlessFailed queries={[effects]} what={t("reads.effects")}>
        <Table<Effect>
          rowKey="id"
          size="middle"
          loading={effects.isLoading}
          dataSource={effects.data ?? []}
          pagination={false}
          locale={{ emptyText: t("effects.empty") }}
          data-testid="effects-table"
          columns={[
            { title: t("kpis.department"), dataIndex: "departmentName", width: 140 },
            { title: t("effects.kpi"), render: (_: unknown, e: Effect) => `${e.kpiName}（${e.kpiUnit}）`, width: 180 },
            { title: t("effects.effect"), render: (_: unknown, e: Effect) => effectFigures(e, language), width: 200 },
            { title: t("effects.source"), dataIndex: "computed", width: 110, render: (c: boolean) => <SourceTag computed={c} /> },
            { title: t("effects.note"), dataIndex: "note" },
            {
              title: t("common.actions"),
              width: 130,
              render: (_: unknown, e: Effect) => (
                <Space>
                  <Button size="small" onClick={() => setEditing({ effect: e })} data-testid="effect-edit">
                    {t("common.edit")}
                  </Button>
                  <DeleteIconButton confirm={t("effects.deleteConfirm", { kpi: e.kpiName })} onDelete={() => remove.mutateAsync(e.id)} testId="effect-delete" />
                </Space>
              ),
            },
          ]}
        />
      </UnlessFailed>
      <Card size="small" title={t("effects.suggestedTitle")} className="effects-suggested" data-testid="effect-suggestions" style={{ marginTop: 16 }}>
        <QueryState query={suggestions} what={t("reads.effectSuggestions")}>
          {(list) => (
            <List
              dataSource={list}
              locale={{ emptyText: t("effects.noSuggestions") }}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Button key="accept" size="small" type="primary" disabled={s.kpiId === null} loading={save.isPending} onClick={() => void accept(s)} data-testid="effect-accept">
                      {t("effects.accept")}
                    </Button>,
                    <Button key="edit" size="small" onClick={() => setEditing({ suggestion: s })}>
                      {t("effects.editFirst")}
                    </Button>,
                  ]}
                >
                  <Space wrap>
                    <Tag color="blue">{t("effects.computed")}</Tag>
                    <span>{s.departmentName}</span>
                    <span>{t(`effects.figures.${s.figure}`, { count: Number(s.incidents) })}</span>
                    <strong>{effectFigures(s, language)}</strong>
                    <Typography.Text type={s.kpiName ? undefined : "secondary"}>{s.kpiName ? `→ ${s.kpiName}` : t("effects.noKpi", { unit: s.unit })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </QueryState>
      </Card>
      <SponsorPanel problem={problem} language={language} />
      <EditModal<Values>
        open={editing !== null}
        title={t(editing !== null && editing !== "new" && "effect" in editing ? "effects.edit" : "effects.add")}
        form={form}
        initialValues={initial(editing)}
        saving={save.isPending}
        save={async (v) => {
          const input: EffectInput = { kpiId: v.kpiId ?? 0, effect: v.effect as number, unit: v.unit, money: v.money ?? null, note: v.note ?? "", computed: isComputed(editing, v) };
          const id = editing !== null && editing !== "new" && "effect" in editing ? editing.effect.id : null;
          await save.mutateAsync({ id, input });
          void message.success(t("effects.saved"));
        }}
        onClose={() => setEditing(null)}
        testId="effect-form"
      >
        <Form.Item name="kpiId" label={t("effects.kpi")} required extra={t("effects.kpiHint")}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={(kpis.data ?? []).map((k: Kpi) => ({ value: k.id, label: `${k.departmentName} · ${k.name}（${k.unit}）` }))}
            onChange={(id: number) => {
              const unit = kpis.data?.find((k) => k.id === id)?.unit;
              if (unit && form.getFieldValue("unit") !== "%") form.setFieldValue("unit", unit);
            }}
            data-testid="effect-kpi"
          />
        </Form.Item>
        <Space align="start">
          <Form.Item name="effect" label={t("effects.effect")} rules={[{ required: true, message: t("errors.required") }]}>
            <InputNumber style={{ width: 160 }} placeholder="-30" data-testid="effect-value" />
          </Form.Item>
          <Form.Item name="unit" label={t("kpis.unit")} required>
            <Select style={{ width: 110 }} options={units.map((u) => ({ value: u, label: u === "%" ? t("effects.percent") : u }))} data-testid="effect-unit" />
          </Form.Item>
        </Space>
        <Form.Item name="money" label={t("effects.money")}>
          <MoneyInputField />
        </Form.Item>
        <Form.Item name="note" label={t("effects.note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </EditModal>
    </div>
  );
}

/** MoneyInput as a form control (antd passes value and onChange). */
function MoneyInputField({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation();
  return <MoneyInput value={value} onChange={(v) => onChange?.(v)} placeholder={t("effects.moneyPlaceholder")} testId="effect-money" />;
}
