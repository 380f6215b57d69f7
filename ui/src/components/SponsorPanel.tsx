import { App, Button, Card, List, Progress, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Problem, SponsorRank } from "../bindings";
import type { Language } from "../i18n";
import { QueryState } from "./QueryState";
import { errorText } from "../lib/errors";
import { useChooseSponsor, useProblemSponsors, useSponsorBenefit } from "../lib/queries";

/** What fixing the problem does for the chosen sponsor's own KPIs, in the core's sentences. */
function WhatIsInIt({ problem, language }: { problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const benefit = useSponsorBenefit(problem.id, problem.sponsorPersonId, language);
  if (problem.sponsorPersonId === null) return null;
  return (
    <QueryState query={benefit} what={t("reads.sponsorBenefit")} compact>
      {(b) => (
        <div className="sponsor-benefit" data-testid="sponsor-benefit">
          <Typography.Text strong>{t("sponsorPanel.whatsInIt")}</Typography.Text>
          {b.sentences.length === 0 ? (
            <Typography.Paragraph type="secondary">{t("sponsorPanel.nothingInIt")}</Typography.Paragraph>
          ) : (
            <ul>
              {b.sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </QueryState>
  );
}

/**
 * Who should sponsor this problem: decision power × how much it hurts the KPIs they own × trust ×
 * interest, each rank with its reason; the director chooses one. People none of whose KPIs are
 * hurt are only counted: power without a stake does not make a sponsor.
 */
export function SponsorPanel({ problem, language }: { problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ranking = useProblemSponsors(problem.id, language);
  const choose = useChooseSponsor();
  const pick = (personId: number | null) =>
    choose.mutateAsync({ problemId: problem.id, personId }).catch((e: unknown) => void message.error(errorText(t, e), 8));

  return (
    <Card size="small" title={t("sponsorPanel.title")} style={{ marginTop: 16 }} data-testid="sponsor-panel">
      <Typography.Paragraph type="secondary">{t("sponsorPanel.formula")}</Typography.Paragraph>
      <QueryState query={ranking} what={t("reads.sponsors")}>
        {(all) => {
          const ranked = all.filter((r) => (r.stake ?? 0) > 0 || r.chosen);
          const others = all.length - ranked.length;
          return (
            <>
              <List<SponsorRank>
                dataSource={ranked}
                locale={{ emptyText: t("sponsorPanel.nobody") }}
                data-testid="sponsor-ranking"
                renderItem={(r, i) => (
                  <List.Item
                    data-testid="sponsor-rank"
                    actions={[
                      r.chosen ? (
                        <Button key="clear" size="small" onClick={() => void pick(null)} data-testid="sponsor-clear">
                          {t("sponsorPanel.clear")}
                        </Button>
                      ) : (
                        <Button key="choose" size="small" type="primary" loading={choose.isPending} onClick={() => void pick(r.personId)} data-testid="sponsor-choose">
                          {t("sponsorPanel.choose")}
                        </Button>
                      ),
                    ]}
                  >
                    <Space direction="vertical" size={2} style={{ width: "100%" }}>
                      <Space wrap>
                        <Typography.Text strong>
                          {i + 1}. {r.name}
                        </Typography.Text>
                        <Typography.Text type="secondary">{[r.title, r.departmentName].filter(Boolean).join(" · ")}</Typography.Text>
                        {r.chosen && <Tag color="green">{t("sponsorPanel.chosen")}</Tag>}
                        {r.trust === null && <Tag color="orange">{t("sponsorPanel.trustUnrecorded")}</Tag>}
                        <Progress percent={r.score ?? 0} size="small" style={{ width: 140 }} format={(v) => String(v)} />
                      </Space>
                      <span className="sponsor-reason" data-testid="sponsor-reason">
                        {r.reason}
                      </span>
                    </Space>
                  </List.Item>
                )}
              />
              {others > 0 && <Typography.Text type="secondary">{t("sponsorPanel.others", { count: others })}</Typography.Text>}
            </>
          );
        }}
      </QueryState>
      <WhatIsInIt problem={problem} language={language} />
    </Card>
  );
}
