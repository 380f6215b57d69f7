import { useState } from "react";
import { App, AutoComplete, Button, Empty, Flex, Input, Select, Space, Switch, Tag, Tooltip } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ExperimentOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type RuleDraft, type RuleTrial } from "../../bindings";
import { optionsState, QueriesState } from "../../components/QueryState";
import { AppError, unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { useDepartments, WS } from "../../lib/queries";
import { useBoardLists } from "../../lib/incidentQueries";
import { RuleTrialResult } from "./RuleTrialResult";

/** The trial runs the unsaved rules over this many of the newest incidents. */
const TRIAL_SAMPLE = 200;

type TextCondition = "problemType" | "productCategory" | "product" | "supplier" | "region";

/**
 * The ordered routing rules: the first enabled rule whose every set condition matches gives the
 * owner. Edited as a whole, tried on real incidents, then saved in one go.
 */
export function RoutingRulesEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: [WS, "routing-rules"], queryFn: () => unwrap(commands.routingRulesList()) });
  const listsQuery = useBoardLists();
  const departmentsQuery = useDepartments();
  const lists = listsQuery.data;
  const departments = departmentsQuery.data ?? [];
  const fromLists = optionsState(listsQuery, t("reads.boardLists"));
  // null until the first edit: the editor then shows what is saved.
  const [drafts, setDrafts] = useState<RuleDraft[] | null>(null);
  const [trial, setTrial] = useState<{ rules: RuleDraft[]; result: RuleTrial[] } | null>(null);
  const rules = drafts ?? saved.data ?? [];
  const edit = (next: RuleDraft[]) => {
    setDrafts(next);
    // A trial speaks of rule numbers; after an edit those numbers would point at other rules.
    setTrial(null);
  };
  const update = (i: number, patch: Partial<RuleDraft>) => edit(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    edit(next);
  };
  const failed = (e: unknown) => {
    const rule = e instanceof AppError ? e.core.params.rule : undefined;
    void message.error(rule ? t("rules.ruleError", { rule, message: errorText(t, e) }) : errorText(t, e));
  };
  const runTrial = useMutation({
    mutationFn: (snapshot: RuleDraft[]) => unwrap(commands.routingRulesTrial(snapshot, TRIAL_SAMPLE)).then((result) => ({ rules: snapshot, result })),
    onSuccess: setTrial,
    onError: failed,
  });
  const save = useMutation({
    mutationFn: (next: RuleDraft[]) => unwrap(commands.routingRulesSave(next)),
    onSuccess: () => {
      setDrafts(null);
      void message.success(t("rules.saved"));
      return client.invalidateQueries({ queryKey: [WS] });
    },
    onError: failed,
  });

  const condition = (i: number, key: TextCondition, values: string[] | undefined) => (
    <AutoComplete
      allowClear
      value={rules[i][key] ?? undefined}
      placeholder={t(`rules.any.${key}`)}
      options={(values ?? []).filter(Boolean).map((value) => ({ value }))}
      showSearch={{ filterOption: true }}
      {...fromLists}
      onChange={(v?: string) => update(i, { [key]: v || null })}
    />
  );

  return (
    <div data-testid="rules-editor">
      {/* Saving replaces every rule and each rule names a department: nothing is edited over rules or
          departments that were not read. */}
      <QueriesState queries={[saved, departmentsQuery]} what={t("reads.routingRules")}>
        {() => (
          <>
            <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={departments.length === 0}
                onClick={() =>
                  edit([
                    ...rules,
                    {
                      name: t("rules.newRule", { n: rules.length + 1 }),
                      problemType: null,
                      productCategory: null,
                      product: null,
                      supplier: null,
                      storeId: null,
                      region: null,
                      departmentId: departments[0].id,
                      enabled: true,
                    },
                  ])
                }
                data-testid="rule-add"
              >
                {t("rules.add")}
              </Button>
              <Space>
                {drafts && <Tag color="orange">{t("rules.unsaved")}</Tag>}
                <Button icon={<ExperimentOutlined />} loading={runTrial.isPending} onClick={() => runTrial.mutate(rules)} data-testid="rules-trial">
                  {t("rules.trial", { count: TRIAL_SAMPLE })}
                </Button>
                <Button type="primary" disabled={!drafts} loading={save.isPending} onClick={() => save.mutate(rules)} data-testid="rules-save">
                  {t("common.save")}
                </Button>
              </Space>
            </Flex>
            {rules.length === 0 && <Empty description={t("rules.empty")} />}
            {rules.map((rule, i) => (
              <div key={i} className={rule.enabled ? "rule-item" : "rule-item disabled"} data-testid="rule-item">
                <Flex gap={8} align="center" wrap>
                  <Tag color="blue">#{i + 1}</Tag>
                  <Input style={{ width: 220 }} maxLength={100} value={rule.name} placeholder={t("rules.name")} onChange={(e) => update(i, { name: e.target.value })} />
                  <span className="rule-arrow">{t("rules.then")}</span>
                  <Select
                    style={{ width: 180 }}
                    value={rule.departmentId}
                    showSearch={{ optionFilterProp: "label" }}
                    options={departments.map((d) => ({ value: d.id, label: d.name }))}
                    onChange={(departmentId: number) => update(i, { departmentId })}
                  />
                  <Switch checked={rule.enabled} checkedChildren={t("rules.enabled")} unCheckedChildren={t("rules.disabled")} onChange={(enabled) => update(i, { enabled })} />
                  <Space.Compact style={{ marginLeft: "auto" }}>
                    <Tooltip title={t("rules.up")}>
                      <Button icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />
                    </Tooltip>
                    <Tooltip title={t("rules.down")}>
                      <Button icon={<ArrowDownOutlined />} disabled={i === rules.length - 1} onClick={() => move(i, 1)} />
                    </Tooltip>
                    <Tooltip title={t("common.delete")}>
                      <Button danger icon={<DeleteOutlined />} onClick={() => edit(rules.filter((_, j) => j !== i))} />
                    </Tooltip>
                  </Space.Compact>
                </Flex>
                <div className="rule-conditions">
                  {condition(i, "problemType", lists?.facets.problemTypes)}
                  {condition(i, "productCategory", lists?.facets.productCategories)}
                  {condition(i, "product", lists?.facets.products)}
                  {condition(i, "supplier", lists?.facets.suppliers)}
                  <Select
                    allowClear
                    value={rule.storeId ?? undefined}
                    placeholder={t("rules.any.storeId")}
                    showSearch={{ optionFilterProp: "label" }}
                    options={(lists?.stores ?? []).map((s) => ({ value: s.id, label: s.name }))}
                    {...fromLists}
                    onChange={(storeId?: number) => update(i, { storeId: storeId ?? null })}
                  />
                  {condition(i, "region", lists?.facets.regions)}
                </div>
              </div>
            ))}
            {trial && <RuleTrialResult rules={trial.rules} trials={trial.result} departments={departments} />}
          </>
        )}
      </QueriesState>
    </div>
  );
}
