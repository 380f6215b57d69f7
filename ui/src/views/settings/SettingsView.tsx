import { Tabs } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { NameOnlyList } from "../../bindings";
import { ReferenceTab } from "./ReferenceTab";
import {
  useDepartmentsScreen,
  useNamedScreen,
  useProblemTypesScreen,
  useProductsScreen,
  useSeverityClassesScreen,
  useStoresScreen,
} from "./screens";
import { SlaSettingsPanel } from "./SlaSettingsPanel";

const Departments = () => <ReferenceTab screen={useDepartmentsScreen()} />;
const Stores = () => <ReferenceTab screen={useStoresScreen()} />;
const Named = ({ list }: { list: NameOnlyList }) => <ReferenceTab screen={useNamedScreen(list)} />;
const Products = () => <ReferenceTab screen={useProductsScreen()} />;
const ProblemTypes = () => <ReferenceTab screen={useProblemTypesScreen()} />;
const SeverityClasses = () => <ReferenceTab screen={useSeverityClassesScreen()} />;

/** 工作区设置: the workspace's own reference lists, one tab each, and its SLA settings; opens on `tab` when the first-run checklist links there. */
export function SettingsView({ tab: opened }: { tab?: string }) {
  const { t } = useTranslation();
  const tab = (key: string, children: ReactNode) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`settings.tabs.${key}`)}</span>, children });
  return (
    <div className="view" data-testid="view-settings">
      <Tabs
        defaultActiveKey={opened}
        destroyOnHidden
        items={[
          tab("departments", <Departments />),
          tab("stores", <Stores />),
          tab("productCategories", <Named list="product_categories" />),
          tab("products", <Products />),
          tab("suppliers", <Named list="suppliers" />),
          tab("problemTypes", <ProblemTypes />),
          tab("severityClasses", <SeverityClasses />),
          tab("sla", <SlaSettingsPanel />),
        ]}
      />
    </div>
  );
}
