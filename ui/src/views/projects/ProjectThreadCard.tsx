import { App, Card, Flex, Select, Space, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { commands, type Thread } from "../../bindings";
import { LaunchEffectCard } from "../../components/LaunchEffect";
import { QueryState } from "../../components/QueryState";
import { ThreadLinks, useThread } from "../../components/ThreadLinks";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { useEvidence, useProblems, useWrite } from "../../lib/queries";

/** The problems this project fixes, its proposals, and linking one more problem. */
export function ProjectThreadCard({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problems = useProblems();
  const thread = useThread({ projectId });
  const link = useWrite((problemId: number) => unwrap(commands.threadLinkProblem(projectId, problemId)));
  const linked = new Set(thread.data?.problems.map((p) => p.problemId) ?? []);
  return (
    <Card size="small" title={t("thread.title")} data-testid="project-thread">
      <ThreadLinks of={{ projectId }} />
      <Space style={{ marginTop: 8 }}>
        <span>{t("thread.linkProblem")}</span>
        <Select
          style={{ width: 280 }}
          placeholder={t("thread.linkProblemHint")}
          value={null}
          loading={problems.isLoading || link.isPending}
          status={problems.isError ? "error" : undefined}
          options={(problems.data ?? []).filter((p) => !linked.has(p.id)).map((p) => ({ value: p.id, label: p.title }))}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(id: number) => link.mutateAsync(id).then(() => message.success(t("thread.linked"))).catch((e) => message.error(errorText(t, e)))}
          data-testid="project-link-problem"
        />
      </Space>
    </Card>
  );
}

/** The rate before and after the launch of every problem this project fixes, on its metrics tab. */
export function ProjectLaunchEffects({ projectId, language }: { projectId: number; language: Language }) {
  const { t } = useTranslation();
  const thread = useThread({ projectId });
  return (
    <QueryState query={thread} what={t("reads.thread")} loading={<Spin />}>
      {(th: Thread) => (
        <Flex vertical gap={12}>
          {th.problems.map((p) => (
            <ProblemLaunch key={p.problemId} problemId={p.problemId} language={language} />
          ))}
        </Flex>
      )}
    </QueryState>
  );
}

function ProblemLaunch({ problemId, language }: { problemId: number; language: Language }) {
  const { t } = useTranslation();
  const evidence = useEvidence(problemId, language);
  const problem = useProblems().data?.find((p) => p.id === problemId);
  return (
    <QueryState query={evidence} what={t("reads.evidence")} loading={<Spin />}>
      {(e) =>
        e.validation.launch ? (
          <LaunchEffectCard problemId={problemId} effect={e.validation.launch} solved={problem?.solvedAt != null} closable={false} language={language} problemTitle={problem?.title} />
        ) : null
      }
    </QueryState>
  );
}
