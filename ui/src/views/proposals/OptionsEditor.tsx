import { useEffect, useState, type ReactNode } from "react";
import { App, Button, Card, Empty, Input, InputNumber, Popconfirm, Space, Switch, Tag, Typography } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { OptionInput, ProposalOption } from "../../bindings";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { MoneyInput } from "../../components/MoneyInput";
import { QueryState } from "../../components/QueryState";
import { TypedText } from "../../components/TypedText";
import { errorText } from "../../lib/errors";
import { useAcceptOption, useCreateOption, useDeleteOption, useMoveOption, useOptions, useRecommendOption, useUpdateOption } from "./proposalQueries";

/**
 * The options the director proposes, in order: each with cost, people by department, phases,
 * expected effects, pros, cons and risks. One may be recommended (none by default); a "do
 * nothing" suggestion from the trend waits to be accepted or deleted.
 */
export function OptionsEditor({ draftId }: { draftId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const options = useOptions(draftId);
  const create = useCreateOption();
  const fail = (e: unknown) => message.error(errorText(t, e));
  return (
    <QueryState query={options} what={t("reads.proposalOptions")}>
      {(list) => (
        <Space direction="vertical" style={{ width: "100%" }} data-testid="proposal-options">
          {list.length === 0 && <Empty description={t("proposals.options.empty")} />}
          {list.map((o, i) => (
            <OptionCard key={o.id} option={o} index={i} count={list.length} draftId={draftId} />
          ))}
          <Button
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => create.mutateAsync({ draftId, input: blank(t("proposals.options.untitled", { n: list.length + 1 })) }).catch(fail)}
            data-testid="option-add"
          >
            {t("proposals.options.add")}
          </Button>
        </Space>
      )}
    </QueryState>
  );
}

function blank(title: string): OptionInput {
  return { title, description: "", cost: null, resources: [], phases: [], effects: [], pros: "", cons: "", risks: [] };
}

function inputOf(o: ProposalOption): OptionInput {
  const { title, description, cost, resources, phases, effects, pros, cons, risks } = o;
  return { title, description, cost, resources, phases, effects, pros, cons, risks };
}

function OptionCard({ option, index, count, draftId }: { option: ProposalOption; index: number; count: number; draftId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [input, setInput] = useState<OptionInput>(() => inputOf(option));
  useEffect(() => setInput(inputOf(option)), [option]);
  const update = useUpdateOption();
  const remove = useDeleteOption();
  const move = useMoveOption();
  const recommend = useRecommendOption();
  const accept = useAcceptOption();
  const fail = (e: unknown) => message.error(errorText(t, e));
  const dirty = JSON.stringify(input) !== JSON.stringify(inputOf(option));
  const set = (patch: Partial<OptionInput>) => setInput({ ...input, ...patch });
  const id = `option-${index}`;
  const letter = String.fromCharCode(65 + index);
  return (
    <Card
      size="small"
      data-testid={id}
      className={option.recommended ? "proposal-option proposal-option-recommended" : "proposal-option"}
      title={
        <Space>
          <span>{t("proposals.options.label", { letter })}</span>
          {option.recommended && (
            <Tag color="gold" icon={<StarFilled />} data-testid={`${id}-recommended`}>
              {t("proposals.options.recommended")}
            </Tag>
          )}
          {option.suggested && <Tag color="blue">{t("proposals.options.suggested")}</Tag>}
        </Space>
      }
      extra={
        <Space size={0}>
          {option.suggested ? (
            <Button size="small" type="primary" onClick={() => accept.mutateAsync(option.id).catch(fail)} data-testid={`${id}-accept`}>
              {t("proposals.options.accept")}
            </Button>
          ) : (
            <Space size={4}>
              <Typography.Text type="secondary">{t("proposals.options.recommend")}</Typography.Text>
              <Switch
                size="small"
                checked={option.recommended}
                onChange={(on) => recommend.mutateAsync({ draftId, optionId: on ? option.id : null }).catch(fail)}
                data-testid={`${id}-recommend`}
              />
            </Space>
          )}
          <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move.mutateAsync({ id: option.id, position: index - 1 }).catch(fail)} aria-label={t("proposals.moveUp")} />
          <Button type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move.mutateAsync({ id: option.id, position: index + 1 }).catch(fail)} aria-label={t("proposals.moveDown")} />
          <Popconfirm title={t("proposals.options.deleteConfirm")} onConfirm={() => remove.mutateAsync(option.id).catch(fail)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} data-testid={`${id}-delete`} />
          </Popconfirm>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Input addonBefore={t("proposals.options.title")} value={input.title} onChange={(e) => set({ title: e.target.value })} data-testid={`${id}-title`} />
        <TypedText autoSize={{ minRows: 2 }} placeholder={t("proposals.options.description")} value={input.description} onChange={(description) => set({ description })} data-testid={`${id}-description`} />
        <Space wrap>
          <Typography.Text>{t("proposals.options.cost")}</Typography.Text>
          <MoneyInput value={input.cost} onChange={(cost) => set({ cost })} placeholder={t("proposals.options.costHint")} width={180} testId={`${id}-cost`} />
        </Space>
        <Rows
          label={t("proposals.options.resources")}
          rows={input.resources}
          onChange={(resources) => set({ resources })}
          fresh={() => ({ departmentId: 0, personWeeks: 1, cost: null, note: "" })}
          testId={`${id}-resources`}
          render={(r, put, n) => (
            <>
              <DepartmentSelect style={{ width: 160 }} value={r.departmentId || undefined} onChange={(departmentId: number) => put({ ...r, departmentId })} placeholder={t("proposals.options.department")} data-testid={`${id}-resources-${n}-department`} />
              <InputNumber min={0.5} step={0.5} value={r.personWeeks} onChange={(v) => put({ ...r, personWeeks: v ?? 0 })} addonAfter={t("proposals.options.personWeeks")} data-testid={`${id}-resources-${n}-weeks`} />
              <MoneyInput value={r.cost} onChange={(cost) => put({ ...r, cost })} placeholder={t("proposals.options.costHint")} width={140} />
              <Input style={{ width: 180 }} value={r.note} onChange={(e) => put({ ...r, note: e.target.value })} placeholder={t("proposals.options.note")} />
            </>
          )}
        />
        <Rows
          label={t("proposals.options.phases")}
          rows={input.phases}
          onChange={(phases) => set({ phases })}
          fresh={() => ({ name: "", weeks: 2 })}
          testId={`${id}-phases`}
          render={(p, put, n) => (
            <>
              <Input style={{ width: 200 }} value={p.name} onChange={(e) => put({ ...p, name: e.target.value })} placeholder={t("proposals.options.phase")} data-testid={`${id}-phases-${n}-name`} />
              <InputNumber min={1} value={p.weeks} onChange={(v) => put({ ...p, weeks: v ?? 0 })} addonAfter={t("proposals.options.weeks")} data-testid={`${id}-phases-${n}-weeks`} />
            </>
          )}
        />
        <Rows
          label={t("proposals.options.effects")}
          rows={input.effects}
          onChange={(effects) => set({ effects })}
          fresh={() => ({ metric: "", unit: "", from: 0, to: 0 })}
          testId={`${id}-effects`}
          render={(e, put, n) => (
            <>
              <Input style={{ width: 160 }} value={e.metric} onChange={(x) => put({ ...e, metric: x.target.value })} placeholder={t("proposals.options.metric")} data-testid={`${id}-effects-${n}-metric`} />
              <InputNumber value={e.from} onChange={(v) => put({ ...e, from: v ?? 0 })} addonBefore={t("proposals.options.from")} data-testid={`${id}-effects-${n}-from`} />
              <InputNumber value={e.to} onChange={(v) => put({ ...e, to: v ?? 0 })} addonBefore={t("proposals.options.to")} data-testid={`${id}-effects-${n}-to`} />
              <Input style={{ width: 90 }} value={e.unit} onChange={(x) => put({ ...e, unit: x.target.value })} placeholder={t("proposals.options.unit")} />
            </>
          )}
        />
        <TypedText autoSize placeholder={t("proposals.options.pros")} value={input.pros} onChange={(pros) => set({ pros })} data-testid={`${id}-pros`} />
        <TypedText autoSize placeholder={t("proposals.options.cons")} value={input.cons} onChange={(cons) => set({ cons })} data-testid={`${id}-cons`} />
        <Rows
          label={t("proposals.options.risks")}
          rows={input.risks}
          onChange={(risks) => set({ risks })}
          fresh={() => ({ risk: "", counterMeasure: "" })}
          testId={`${id}-risks`}
          render={(r, put, n) => (
            <>
              <Input style={{ width: 240 }} value={r.risk} onChange={(e) => put({ ...r, risk: e.target.value })} placeholder={t("proposals.options.risk")} data-testid={`${id}-risks-${n}-risk`} />
              <Input style={{ width: 280 }} value={r.counterMeasure} onChange={(e) => put({ ...r, counterMeasure: e.target.value })} placeholder={t("proposals.options.counterMeasure")} data-testid={`${id}-risks-${n}-measure`} />
            </>
          )}
        />
        <Button
          type={dirty ? "primary" : "default"}
          disabled={!dirty}
          icon={<SaveOutlined />}
          loading={update.isPending}
          onClick={() => update.mutateAsync({ id: option.id, input }).catch(fail)}
          data-testid={`${id}-save`}
        >
          {t("common.save")}
        </Button>
      </Space>
    </Card>
  );
}

/** A list of small rows, each with a remove button, and one to add a row. */
function Rows<R>({ label, rows, onChange, fresh, render, testId }: {
  label: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  fresh: () => R;
  render: (row: R, put: (row: R) => void, n: number) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={4} data-testid={testId}>
      <Typography.Text strong>{label}</Typography.Text>
      {rows.map((r, n) => (
        <Space key={n} wrap>
          {render(r, (row) => onChange(rows.map((x, k) => (k === n ? row : x))), n)}
          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((_, k) => k !== n))} aria-label={t("common.delete")} />
        </Space>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...rows, fresh()])} data-testid={`${testId}-add`}>
        {t("proposals.options.addRow")}
      </Button>
    </Space>
  );
}
