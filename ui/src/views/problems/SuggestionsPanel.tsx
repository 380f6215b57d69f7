import { useState } from "react";
import { App, Button, Card, Flex, InputNumber, Table, Tag, Typography } from "antd";
import { BulbOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Suggestion, SuggestionRule } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { num } from "./Figures";
import { useAcceptSuggestion, useSuggestions } from "./problemQueries";

/** The same type, product and supplier at several stores lately: probably one cause, not bad luck. */
export function SuggestionsPanel({ language, onAccepted }: { language: Language; onAccepted: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rule, setRule] = useState<SuggestionRule>({ minStores: 3, windowDays: 90 });
  const suggestions = useSuggestions(rule);
  const accept = useAcceptSuggestion();
  const pattern = (s: Suggestion) => [s.problemType, s.product, s.supplier].filter(Boolean).join(" · ");

  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          <BulbOutlined />
          {t("problems.suggestions.title")}
        </Flex>
      }
      extra={
        <Flex align="center" gap={8} wrap>
          <span>{t("problems.suggestions.minStores")}</span>
          <InputNumber
            min={1}
            max={1000}
            precision={0}
            style={{ width: 80 }}
            value={rule.minStores}
            onChange={(v) => v !== null && setRule({ ...rule, minStores: v })}
            data-testid="suggestions-min-stores"
          />
          <span>{t("problems.suggestions.windowDays")}</span>
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            style={{ width: 90 }}
            value={rule.windowDays}
            onChange={(v) => v !== null && setRule({ ...rule, windowDays: v })}
            data-testid="suggestions-window-days"
          />
        </Flex>
      }
      data-testid="suggestions"
    >
      <Typography.Paragraph type="secondary">{t("problems.suggestions.hint", { stores: rule.minStores, days: rule.windowDays })}</Typography.Paragraph>
      <UnlessFailed queries={suggestions} what={t("reads.suggestions")}>
        <Table<Suggestion>
          rowKey={pattern}
          size="small"
          loading={suggestions.isFetching}
          dataSource={suggestions.data}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          locale={{ emptyText: t("problems.suggestions.empty") }}
          data-testid="suggestions-table"
          columns={[
            { title: t("problems.suggestions.pattern"), key: "pattern", render: (_, s) => pattern(s) },
            { title: t("problems.suggestions.stores"), dataIndex: "stores", width: 90, align: "right" },
            { title: t("problems.suggestions.incidents"), dataIndex: "incidents", width: 90, align: "right" },
            {
              title: t("problems.suggestions.growth"),
              dataIndex: "growth",
              width: 110,
              align: "right",
              render: (g: number | null) =>
                g === null ? t("common.none") : <Tag color={g > 1 ? "red" : "default"}>{t("problems.suggestions.growthValue", { value: num(g, language) })}</Tag>,
            },
            {
              title: t("problems.suggestions.linked"),
              dataIndex: "linked",
              width: 100,
              align: "right",
              render: (n: number, s) => (n === 0 ? t("common.none") : `${n}/${s.incidents}`),
            },
            {
              title: t("common.actions"),
              key: "accept",
              width: 120,
              render: (_, s) => (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  loading={accept.isPending && accept.variables?.suggestion === s}
                  onClick={async () => {
                    try {
                      const problem = await accept.mutateAsync({ suggestion: s, rule });
                      void message.success(t("problems.createdLinked", { title: problem.title, count: problem.incidentCount }));
                      onAccepted(problem.id);
                    } catch (error) {
                      void message.error(errorText(t, error), 8);
                    }
                  }}
                  data-testid="suggestion-accept"
                >
                  {t("problems.suggestions.accept")}
                </Button>
              ),
            },
          ]}
        />
      </UnlessFailed>
    </Card>
  );
}
