import { Drawer, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { RoutingRulesEditor } from "./RoutingRulesEditor";
import { SeverityClassesPanel } from "./SeverityClassesPanel";

/** 规则与等级: how incidents are classed (remedy, SLA) and who owns them (routing rules). */
export function RulesDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open size={1000} title={t("rules.title")} onClose={onClose} data-testid="rules-drawer">
      <Tabs
        items={[
          { key: "classes", label: t("rules.classesTab"), children: <SeverityClassesPanel /> },
          { key: "routing", label: t("rules.routingTab"), children: <RoutingRulesEditor /> },
        ]}
      />
    </Drawer>
  );
}
