import { Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Prevalence } from "../../bindings";
import type { Language } from "../../i18n";
import { Computed, num } from "./Figures";
import { LevelCard } from "./LevelCard";
import { StoreSetPicker } from "./StoreSetPicker";

/** Level 1, 普遍性: how many stores and customers, how often. */
export function PrevalenceCard({ problemId, prevalence: p, language }: { problemId: number; prevalence: Prevalence; language: Language }) {
  const { t } = useTranslation();
  return (
    <LevelCard
      level={1}
      title={t("evidence.prevalence.title")}
      hint={t("evidence.prevalence.hint")}
      sentence={p.sentence}
      testId="evidence-prevalence"
      settings={
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t("evidence.prevalence.scope")}</Typography.Text>
          <StoreSetPicker problemId={problemId} set="scope" placeholder={t("evidence.prevalence.allStores")} />
        </Flex>
      }
      figures={
        <>
          <Computed
            label={t("evidence.prevalence.stores")}
            value={t("evidence.prevalence.storesValue", { affected: p.storesAffected, total: p.storesTotal })}
            link={p.link}
            testId="figure-stores"
          />
          <Computed label={t("evidence.prevalence.share")} value={p.storeSharePct === null ? null : `${num(p.storeSharePct, language, 0)}%`} testId="figure-store-share" />
          <Computed label={t("evidence.prevalence.customers")} value={num(p.customers, language)} link={p.link} testId="figure-customers" />
          <Computed label={t("evidence.prevalence.events")} value={num(p.events, language)} link={p.link} testId="figure-events" />
          <Computed label={t("evidence.prevalence.weeks")} value={num(p.weeks, language)} testId="figure-weeks" />
          <Computed label={t("evidence.prevalence.perWeek")} value={num(p.eventsPerWeek, language)} testId="figure-events-per-week" />
        </>
      }
    />
  );
}
