import { Flex, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { PrevalenceCard } from "./PrevalenceCard";
import { useEvidence } from "./problemQueries";
import { RootCauseCard } from "./RootCauseCard";
import { SeverityCard } from "./SeverityCard";
import { TrendCard } from "./TrendCard";
import { ValidationCard } from "./ValidationCard";

/** 证据链: the five levels, each answering the next objection a department head would raise. */
export function EvidenceTab({ problem, language }: { problem: Problem; language: Language }) {
  const { t } = useTranslation();
  const evidence = useEvidence(problem.id, language);
  return (
    <QueryState query={evidence} what={t("reads.evidence")} loading={<Spin />}>
      {(e) => (
        <Flex vertical gap={16} data-testid="evidence-chain">
          <Typography.Text type="secondary">{t("evidence.intro", { count: e.incidents })}</Typography.Text>
          <PrevalenceCard problemId={problem.id} prevalence={e.prevalence} language={language} />
          <SeverityCard severity={e.severity} all={e.prevalence.link} language={language} />
          <TrendCard problem={problem} trend={e.trend} language={language} />
          <RootCauseCard problem={problem} rootCause={e.rootCause} language={language} />
          <ValidationCard problem={problem} validation={e.validation} language={language} />
        </Flex>
      )}
    </QueryState>
  );
}
