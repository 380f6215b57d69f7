import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApproachRow } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { num } from "./Figures";
import { APPROACHES } from "./model";
import { useApproachTable } from "./problemQueries";

/**
 * 推动成效: the director's own S7 table from the 上报记录 of every raised problem: how far data, a
 * solution, a sponsor and follow-up moved approval, solving and the time it took.
 */
export function ApproachTable({ language }: { language: Language }) {
  const { t } = useTranslation();
  const rows = useApproachTable();
  const none = t("common.none");
  const pct = (v: number | null) => (v === null ? none : `${num(v, language, 0)}%`);
  const order = (r: ApproachRow) => APPROACHES.indexOf(r.approach as (typeof APPROACHES)[number]);
  return (
    <div data-testid="approach">
      <Typography.Paragraph type="secondary">{t("approach.intro")}</Typography.Paragraph>
      <UnlessFailed queries={rows} what={t("reads.approaches")}>
        <Table<ApproachRow>
          rowKey="approach"
          loading={rows.isLoading}
          dataSource={[...(rows.data ?? [])].sort((a, b) => order(a) - order(b))}
          pagination={false}
          data-testid="approach-table"
          columns={[
            {
              title: t("approach.approach"),
              dataIndex: "approach",
              render: (a: string) => (
                <>
                  <div>{t(`approach.names.${a}`)}</div>
                  <Typography.Text type="secondary">{t(`approach.details.${a}`)}</Typography.Text>
                </>
              ),
            },
            { title: t("approach.cases"), dataIndex: "cases", width: 100, align: "right" },
            { title: t("approach.approved"), dataIndex: "approvedPct", width: 110, align: "right", render: pct },
            { title: t("approach.solved"), dataIndex: "solvedPct", width: 110, align: "right", render: pct },
            {
              title: t("approach.cycle"),
              dataIndex: "averageCycleMonths",
              width: 150,
              align: "right",
              render: (m: number | null) => (m === null ? none : t("approach.months", { value: num(m, language) })),
            },
          ]}
        />
      </UnlessFailed>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t("approach.strategies")}
      </Typography.Paragraph>
    </div>
  );
}
