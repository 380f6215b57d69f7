import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";

/**
 * An ECharts instance living as long as the component, sized with its box: the box changes width
 * with the window and the sider, and the canvas must follow. `onInit` binds handlers once.
 */
export function useEchart(onInit?: (chart: echarts.ECharts) => void) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const init = useRef(onInit);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    init.current?.(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  return { box, chart };
}
