import { useEffect, useState } from "react";
import { App, Button, Segmented, Space } from "antd";
import { PictureOutlined } from "@ant-design/icons";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import type { TrendWeek } from "../../bindings";
import { errorText } from "../../lib/errors";
import { copyOrSavePng } from "../../lib/exportImage";
import { useEchart } from "../../lib/useEchart";
import { trendOption, type TrendMetric } from "./dispatchFigures";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Each department's week-by-week figure: incidents received, claimed within SLA, or median time to claim. */
export function DispatchTrend({ weeks, fileName }: { weeks: TrendWeek[]; fileName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [metric, setMetric] = useState<TrendMetric>("received");
  const { box, chart } = useEchart();

  useEffect(() => {
    chart.current?.setOption(trendOption(weeks, metric, t(`dispatch.trend.axis.${metric}`)), { notMerge: true });
  }, [weeks, metric, t, chart]);

  const copyImage = async () => {
    if (!chart.current) return;
    const url = chart.current.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    try {
      const done = await copyOrSavePng(await (await fetch(url)).blob(), fileName);
      if (done === "copied") void message.success(t("evidence.chart.copied"));
      else if (done) void message.success(t("evidence.chart.saved", { path: done }));
    } catch (e) {
      void message.error(errorText(t, e), 8);
    }
  };

  return (
    <div className="trend-chart" data-testid="dispatch-trend">
      <Space className="trend-chart-actions" wrap>
        <Segmented<TrendMetric>
          size="small"
          value={metric}
          onChange={setMetric}
          options={(["withinSlaPct", "received", "claimMedian"] as const).map((m) => ({ value: m, label: t(`dispatch.trend.metric.${m}`) }))}
        />
        <Button size="small" icon={<PictureOutlined />} onClick={copyImage} data-testid="dispatch-trend-copy">
          {t("evidence.chart.copyImage")}
        </Button>
      </Space>
      <div ref={box} className="trend-chart-canvas" data-testid="dispatch-trend-chart" />
    </div>
  );
}
