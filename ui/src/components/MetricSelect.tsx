import { Select, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import { METRICS } from "../lib/metrics";

/** Picks impact metrics by their zh/en names; the core only ever sees the codes. */
export function MetricSelect(props: Omit<SelectProps<string | string[]>, "options">) {
  const { t } = useTranslation();
  return <Select {...props} options={METRICS.map((m) => ({ value: m, label: t(`sponsor.metrics.${m}`) }))} />;
}
