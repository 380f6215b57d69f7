import { useEffect, useRef } from "react";
import { App, Button } from "antd";
import { PictureOutlined } from "@ant-design/icons";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useTranslation } from "react-i18next";
import type { IncidentFilter, Trend } from "../../bindings";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { copyPng, saveImage } from "../../lib/exportImage";
import { dataUrlToBlob } from "./clipboard";
import { dayFormatter, trendOption } from "./trendChart";
import { useEchart } from "../../lib/useEchart";

// Only the pieces the trend chart uses, so the bundle stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

/** Weekly events with the compared periods and the projection; a bar opens that week's incidents. */
export function TrendChart({
  trend,
  language,
  fileName,
  onOpenWeek,
}: {
  trend: Trend;
  language: Language;
  fileName: string;
  onOpenWeek: (link: IncidentFilter, weekStart: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The click handler is bound once; it reads the latest weeks and callback through this ref.
  const latest = useRef({ trend, onOpenWeek });
  latest.current = { trend, onOpenWeek };
  const { box, chart } = useEchart((instance) =>
    instance.on("click", (params) => {
      const week = params.seriesIndex === 0 ? latest.current.trend.weeks[params.dataIndex] : undefined;
      if (week) latest.current.onOpenWeek(week.link, week.weekStart);
    }),
  );

  useEffect(() => {
    const day = dayFormatter(language);
    chart.current?.setOption(
      trendOption(trend, {
        events: t("evidence.chart.events"),
        fit: t("evidence.chart.fit"),
        perWeek: t("evidence.chart.perWeek"),
        periodA: t("evidence.periodA"),
        periodB: t("evidence.periodB"),
        periodRate: (name, value) => t("evidence.chart.periodRate", { name, value }),
        projected: (value) => t("evidence.chart.projected", { value }),
        day,
      }),
      { notMerge: true },
    );
  }, [trend, language, t]);

  const copyImage = async () => {
    if (!chart.current) return;
    const blob = dataUrlToBlob(chart.current.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }));
    try {
      await copyPng(blob);
      void message.success(t("evidence.chart.copied"));
    } catch {
      // WebKitGTK builds without image clipboard support refuse the write: offer to save it instead.
      void message.info(t("evidence.chart.cannotCopy"));
      await saveImage(blob, fileName, "png")
        .then((path) => path && void message.success(t("evidence.chart.saved", { path })))
        .catch((e) => void message.error(errorText(t, e), 8));
    }
  };

  return (
    <div className="trend-chart">
      <div className="trend-chart-actions">
        <Button size="small" icon={<PictureOutlined />} onClick={copyImage} data-testid="trend-copy-image">
          {t("evidence.chart.copyImage")}
        </Button>
      </div>
      <div ref={box} className="trend-chart-canvas" data-testid="trend-chart" />
    </div>
  );
}
