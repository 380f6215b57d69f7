import { useEffect, useState } from "react";
import { App, Button, Flex, Input, InputNumber, Select, Space, Switch, Table, Typography } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Step, StepAnchor } from "../../bindings";
import { optionsState, UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { useSaveSteps, useSteps, useTemplates } from "./projectQueries";

const ANCHORS: StepAnchor[] = ["after_anchor", "during_build", "before_launch", "after_launch"];

/**
 * The cadence template's steps, edited as a table and saved whole. Days are counted forward from
 * the chosen anchor, so "before launch" is its own anchor and a negative offset cannot be typed
 * (the core refuses one too). Saving changes future plans; applied cadences keep their dates.
 */
export function TemplateEditor({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const templatesQuery = useTemplates(language);
  const templates = templatesQuery.data ?? [];
  const [templateId, setTemplateId] = useState<number | null>(null);
  const chosen = templateId ?? templates.find((tpl) => tpl.isDefault)?.id ?? templates[0]?.id ?? null;
  const stepsQuery = useSteps(chosen);
  const stored = stepsQuery.data;
  const [steps, setSteps] = useState<Step[]>([]);
  useEffect(() => setSteps(stored ?? []), [stored]);
  const save = useSaveSteps();

  const patch = (index: number, change: Partial<Step>) => setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const move = (index: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step);
      return next;
    });
  const add = () =>
    setSteps((all) => [...all, { id: 0, position: all.length, anchor: "after_anchor", offsetDays: 7, everyDays: null, action: "", purpose: "", escalates: false }]);
  const submit = () => {
    if (chosen === null) return;
    save
      .mutateAsync({ templateId: chosen, steps: steps.map((s, i) => ({ ...s, position: i })) })
      .then(() => message.success(t("cadence.templateSaved")))
      .catch((e) => message.error(errorText(t, e)));
  };

  return (
    <div data-testid="template-editor">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space>
          <Typography.Text>{t("cadence.template")}</Typography.Text>
          <Select
            style={{ width: 240 }}
            value={chosen}
            onChange={setTemplateId}
            options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
            {...optionsState(templatesQuery, t("reads.templates"))}
          />
        </Space>
        <Space>
          <Button icon={<PlusOutlined />} onClick={add} data-testid="step-add">
            {t("cadence.addStep")}
          </Button>
          {/* Saving replaces every step: never with a list that was not read. */}
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={chosen === null || stored === undefined} data-testid="steps-save">
            {t("common.save")}
          </Button>
        </Space>
      </Flex>
      <div className="card-hint" style={{ marginBottom: 8 }}>
        {t("cadence.templateHint")}
      </div>
      {/* Without the templates there is no template to read steps for: their failure is the table's too. */}
      <UnlessFailed queries={[templatesQuery, stepsQuery]} what={t("reads.steps")}>
        <Table<Step>
          size="small"
          loading={templatesQuery.isLoading || stepsQuery.isLoading}
          rowKey={(_, i) => String(i)}
          dataSource={steps}
          pagination={false}
          columns={[
            {
              title: t("cadence.anchor"),
              key: "anchor",
              width: 150,
              render: (_, s, i) => (
                <Select<StepAnchor>
                  value={s.anchor}
                  style={{ width: 140 }}
                  onChange={(anchor) => patch(i, { anchor, everyDays: anchor === "during_build" ? (s.everyDays ?? 14) : null })}
                  options={ANCHORS.map((a) => ({ value: a, label: t(`cadence.anchors.${a}`) }))}
                />
              ),
            },
            {
              title: t("cadence.offsetDays"),
              key: "offset",
              width: 110,
              render: (_, s, i) => (
                <InputNumber min={0} max={3650} precision={0} value={s.offsetDays} onChange={(v) => patch(i, { offsetDays: v ?? 0 })} suffix={t("cadence.days")} data-testid={`step-offset-${i}`} />
              ),
            },
            {
              title: t("cadence.everyDays"),
              key: "every",
              width: 110,
              render: (_, s, i) =>
                s.anchor === "during_build" ? (
                  <InputNumber min={1} max={365} precision={0} value={s.everyDays} onChange={(v) => patch(i, { everyDays: v ?? 14 })} suffix={t("cadence.days")} />
                ) : (
                  t("common.none")
                ),
            },
            { title: t("cadence.action"), key: "action", render: (_, s, i) => <Input value={s.action} onChange={(e) => patch(i, { action: e.target.value })} /> },
            { title: t("cadence.purpose"), key: "purpose", width: 160, render: (_, s, i) => <Input value={s.purpose} onChange={(e) => patch(i, { purpose: e.target.value })} /> },
            {
              title: t("cadence.escalation"),
              key: "escalates",
              width: 70,
              render: (_, s, i) => <Switch size="small" checked={s.escalates} onChange={(escalates) => patch(i, { escalates })} />,
            },
            {
              key: "tools",
              width: 110,
              render: (_, __, i) => (
                <Space size={0}>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("cadence.moveUp")} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={t("cadence.moveDown")} />
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => setSteps((all) => all.filter((_, j) => j !== i))} aria-label={t("common.delete")} />
                </Space>
              ),
            },
          ]}
        />
      </UnlessFailed>
    </div>
  );
}
