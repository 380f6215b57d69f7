import { useEffect, useRef } from "react";
import { BarChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import { progressOption, type ProgressRow } from "./metricProgress";

// Only the pieces this chart uses, so the bundle stays small (as the problems' trend chart does).
echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** Both sides' success metrics as progress towards their targets. */
export function ProgressChart({ rows }: { rows: ProgressRow[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    // The card changes width with the window and the sider; the canvas must follow.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(progressOption(rows, { progress: t("projects.metrics.progress"), target: t("projects.metrics.target") }), { notMerge: true });
  }, [rows, t]);

  return <div ref={box} className="progress-chart" style={{ height: 48 + rows.length * 36 }} data-testid="metric-progress-chart" />;
}
