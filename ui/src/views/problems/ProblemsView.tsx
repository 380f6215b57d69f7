import { useState } from "react";
import { Button, Flex, Space, Tabs } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Language } from "../../i18n";
import { ApproachTable } from "./ApproachTable";
import { NewProblemModal } from "../../components/NewProblemModal";
import { ProblemList } from "./ProblemList";
import { ProblemPage } from "./ProblemPage";
import { useProblems } from "../../lib/queries";
import { SuggestionsPanel } from "./SuggestionsPanel";
import "./problems.css";
import { ViewHeader } from "../../components/ViewHeader";

type Tab = "list" | "approach";

/** 系统性问题: incidents grouped into problems worth raising, with the evidence to raise them. */
export function ProblemsView({ language, focusId }: { language: Language; focusId?: number }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("list");
  const [openId, setOpenId] = useState<number | null>(focusId ?? null);
  const [creating, setCreating] = useState(false);
  // The page reads the problem from the list query, so every save shows at once on both.
  const open = useProblems().data?.find((p) => p.id === openId);
  if (open) return <ProblemPage problem={open} language={language} onBack={() => setOpenId(null)} />;

  return (
    <div className="view" data-testid="view-problems">
      <ViewHeader title={t("problems.title")} subtitle={t("problems.subtitle")}>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="problem-new">
            {t("problems.new")}
          </Button>
        </Space>
      </ViewHeader>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: "list",
            label: t("problems.tabs.list"),
            children: (
              <Flex vertical gap={24}>
                <ProblemList language={language} onOpen={setOpenId} />
                <SuggestionsPanel language={language} onAccepted={setOpenId} />
              </Flex>
            ),
          },
          { key: "approach", label: t("approach.title"), children: <ApproachTable language={language} /> },
        ]}
      />
      {creating && <NewProblemModal link={null} onClose={() => setCreating(false)} onCreated={(p) => setOpenId(p.id)} />}
    </div>
  );
}
