import { Flex, Statistic, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Department, RuleDraft, RuleTrial } from "../../bindings";

/**
 * What the tried rules would do: counts first, then each sample incident, changes on top. The
 * departments are the editor's, already read: the trial is only offered once they are.
 */
export function RuleTrialResult({ rules, trials, departments }: { rules: RuleDraft[]; trials: RuleTrial[]; departments: Department[] }) {
  const { t } = useTranslation();
  const name = (id: number | null) => (id === null ? t("board.triage") : (departments.find((d) => d.id === id)?.name ?? `#${id}`));
  const changes = (r: RuleTrial) => r.departmentId !== r.currentDepartmentId;
  const matched = trials.filter((r) => r.ruleIndex !== null).length;
  const changing = trials.filter(changes).length;
  const sorted = [...trials].sort((a, b) => Number(changes(b)) - Number(changes(a)));

  return (
    <div style={{ marginTop: 16 }} data-testid="rules-trial-result">
      <Typography.Title level={5}>{t("rules.trialTitle", { count: trials.length })}</Typography.Title>
      <Flex gap={32} style={{ marginBottom: 12 }}>
        <Statistic title={t("rules.matched")} value={matched} />
        <Statistic title={t("rules.toTriage")} value={trials.length - matched} />
        <Statistic title={t("rules.wouldChange")} value={changing} styles={{ content: changing ? { color: "#d46b08" } : undefined }} />
      </Flex>
      <Table<RuleTrial>
        size="small"
        rowKey="incidentId"
        dataSource={sorted}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t("incidents.name"), dataIndex: "title", ellipsis: true },
          { title: t("rules.current"), width: 130, ellipsis: true, render: (_, r) => name(r.currentDepartmentId) },
          {
            title: t("rules.rule"),
            width: 180,
            ellipsis: true,
            render: (_, r) => (r.ruleIndex === null ? t("rules.noRule") : `#${r.ruleIndex + 1} ${rules[r.ruleIndex]?.name ?? ""}`),
          },
          { title: t("rules.proposed"), width: 130, ellipsis: true, render: (_, r) => name(r.departmentId) },
          {
            title: t("rules.change"),
            width: 90,
            render: (_, r) => (changes(r) ? <Tag color="orange">{t("rules.changes")}</Tag> : <Tag>{t("rules.same")}</Tag>),
          },
        ]}
      />
    </div>
  );
}
