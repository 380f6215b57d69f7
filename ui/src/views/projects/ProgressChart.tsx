import { useEffect } from "react";
import { BarChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import { progressOption, type ProgressRow } from "./metricProgress";
import { useEchart } from "../../lib/useEchart";

// Only the pieces this chart uses, so the bundle stays small (as the problems' trend chart does).
echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Both sides' success metrics as progress towards their targets. */
export function ProgressChart({ rows }: { rows: ProgressRow[] }) {
  const { t } = useTranslation();
  const { box, chart } = useEchart();

  useEffect(() => {
    chart.current?.setOption(progressOption(rows, { progress: t("projects.metrics.progress"), target: t("projects.metrics.target") }), { notMerge: true });
  }, [rows, t]);

  return <div ref={box} className="progress-chart" style={{ height: 48 + rows.length * 36 }} data-testid="metric-progress-chart" />;
}
