import { Button, Descriptions, Space, Typography } from "antd";
import { FileTextOutlined, NodeIndexOutlined, ProjectOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Thread } from "../bindings";
import { unwrap } from "../lib/api";
import { useGoTo } from "../lib/goTo";
import { WS } from "../lib/queries";
import { QueryState } from "./QueryState";

type Of = { problemId: number } | { projectId: number };

export const useThread = (of: Of) =>
  useQuery({
    queryKey: [WS, "thread", of],
    queryFn: () => unwrap("problemId" in of ? commands.threadOfProblem(of.problemId) : commands.threadOfProject(of.projectId)),
  });

/** The problem, its proposals and its projects, each a link to its page; the page's own item left out. */
export function ThreadLinks({ of }: { of: Of }) {
  const { t } = useTranslation();
  const thread = useThread(of);
  return (
    <QueryState query={thread} what={t("reads.thread")} compact>
      {(th) => <Links thread={th} of={of} />}
    </QueryState>
  );
}

function Links({ thread, of }: { thread: Thread; of: Of }) {
  const { t } = useTranslation();
  const go = useGoTo();
  const none = <Typography.Text type="secondary">{t("thread.none")}</Typography.Text>;
  const list = (items: { id: number; title: string; kind: "problem" | "proposal" | "project" }[]) =>
    items.length === 0 ? (
      none
    ) : (
      <Space wrap size={4}>
        {items.map((i) => (
          <Button key={i.id} size="small" type="link" onClick={() => go[i.kind](i.id)} data-testid={`thread-${i.kind}-${i.id}`}>
            {i.title}
          </Button>
        ))}
      </Space>
    );
  const items = [];
  if (!("problemId" in of)) {
    items.push({ key: "problems", label: <Space size={4}><NodeIndexOutlined />{t("thread.problems")}</Space>, children: list(thread.problems.map((p) => ({ id: p.problemId, title: p.title, kind: "problem" as const }))) });
  }
  items.push({ key: "proposals", label: <Space size={4}><FileTextOutlined />{t("thread.proposals")}</Space>, children: list(thread.proposals.map((p) => ({ id: p.proposalId, title: p.title, kind: "proposal" as const }))) });
  if (!("projectId" in of)) {
    items.push({ key: "projects", label: <Space size={4}><ProjectOutlined />{t("thread.projects")}</Space>, children: list(thread.projects.map((p) => ({ id: p.projectId, title: p.title, kind: "project" as const }))) });
  }
  return <Descriptions size="small" column={1} items={items} data-testid="thread-links" />;
}
