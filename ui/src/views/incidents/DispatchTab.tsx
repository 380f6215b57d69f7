import { useMemo, useState } from "react";
import { App, Button, DatePicker, Space, Table, Tooltip } from "antd";
import { DownloadOutlined, PictureOutlined, UploadOutlined } from "@ant-design/icons";
import type { ColumnsType } from "antd/es/table";
import { useMutation } from "@tanstack/react-query";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { commands, type DepartmentFigures } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { copyOrSavePng } from "../../lib/exportImage";
import { tableToPng } from "../../lib/tableImage";
import { DispatchTrend } from "./DispatchTrend";
import { HistoryImport } from "./HistoryImport";
import { hours, percent } from "./dispatchFigures";
import { useDispatchDepartments, useDispatchTrend, type Period } from "./dispatchQueries";

const DAY = "YYYY-MM-DD";

/** The last twelve weeks up to today, as the league table opens. */
function defaultPeriod(): Period {
  const today = dayjs();
  return { from: today.subtract(83, "day").format(DAY), until: today.add(1, "day").format(DAY) };
}

/** The figure a column shows, as text for the copied image. */
type Column = { key: keyof DepartmentFigures; text: (f: DepartmentFigures) => string; sort?: (f: DepartmentFigures) => number | string };

const msOrInfinity = (ms: number | null) => ms ?? Number.POSITIVE_INFINITY;

const COLUMNS: Column[] = [
  { key: "department", text: (f) => f.department, sort: (f) => f.department },
  { key: "received", text: (f) => String(f.received), sort: (f) => f.received },
  { key: "withinSlaPct", text: (f) => percent(f.withinSlaPct), sort: (f) => f.withinSlaPct ?? -1 },
  { key: "claimMedianMs", text: (f) => hours(f.claimMedianMs), sort: (f) => msOrInfinity(f.claimMedianMs) },
  { key: "claimP90Ms", text: (f) => hours(f.claimP90Ms), sort: (f) => msOrInfinity(f.claimP90Ms) },
  { key: "resolved", text: (f) => String(f.resolved), sort: (f) => f.resolved },
  { key: "resolveMedianMs", text: (f) => hours(f.resolveMedianMs), sort: (f) => msOrInfinity(f.resolveMedianMs) },
  { key: "resolveP90Ms", text: (f) => hours(f.resolveP90Ms), sort: (f) => msOrInfinity(f.resolveP90Ms) },
  { key: "transfersOut", text: (f) => String(f.transfersOut), sort: (f) => f.transfersOut },
  { key: "pingPong", text: (f) => String(f.pingPong), sort: (f) => f.pingPong },
];

function compare(a: number | string, b: number | string): number {
  return typeof a === "string" && typeof b === "string" ? a.localeCompare(b, "zh-CN") : Number(a) - Number(b);
}

/** The dispatch league table: how each department receives, claims, resolves and passes on incidents. */
export function DispatchTab({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<Period>(defaultPeriod);
  const [importing, setImporting] = useState(false);
  const departments = useDispatchDepartments(period);
  const trend = useDispatchTrend(period);
  const fileName = t("dispatch.exportName", { from: period.from, until: dayjs(period.until).subtract(1, "day").format(DAY) });

  const columns: ColumnsType<DepartmentFigures> = useMemo(
    () =>
      COLUMNS.map((c) => ({
        key: c.key,
        width: c.key === "department" ? 140 : undefined,
        title: <Tooltip title={t(`dispatch.help.${c.key}`)}>{t(`dispatch.column.${c.key}`)}</Tooltip>,
        render: (_: unknown, f: DepartmentFigures) => c.text(f),
        sorter: c.sort ? (a: DepartmentFigures, b: DepartmentFigures) => compare(c.sort!(a), c.sort!(b)) : undefined,
        defaultSortOrder: c.key === "withinSlaPct" ? ("descend" as const) : undefined,
      })),
    [t],
  );

  const exporting = useMutation({
    mutationFn: () => unwrap(commands.dispatchExport(period.from, period.until, language, fileName)),
    onSuccess: (path) => path && void message.success(t("dispatch.exported", { path })),
    onError: (e) => void message.error(errorText(t, e)),
  });

  const copyTable = async (rows: DepartmentFigures[]) => {
    try {
      const png = await tableToPng(fileName, COLUMNS.map((c) => t(`dispatch.column.${c.key}`)), rows.map((f) => COLUMNS.map((c) => c.text(f))));
      const done = await copyOrSavePng(png, fileName);
      if (done === "copied") void message.success(t("evidence.chart.copied"));
      else if (done) void message.success(t("evidence.chart.saved", { path: done }));
    } catch (e) {
      void message.error(errorText(t, e), 8);
    }
  };

  const range: [Dayjs, Dayjs] = [dayjs(period.from), dayjs(period.until).subtract(1, "day")];
  return (
    <div data-testid="dispatch-tab">
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(r) => r?.[0] && r[1] && setPeriod({ from: r[0].format(DAY), until: r[1].add(1, "day").format(DAY) })}
          data-testid="dispatch-period"
        />
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="history-open">
          {t("dispatch.history.button")}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="dispatch-export">
          {t("dispatch.export")}
        </Button>
        <Button icon={<PictureOutlined />} disabled={!departments.data} onClick={() => departments.data && void copyTable(departments.data)} data-testid="dispatch-copy">
          {t("dispatch.copyTable")}
        </Button>
      </Space>
      <QueryState query={departments} what={t("dispatch.what")}>
        {(rows) => (
          <Table<DepartmentFigures>
            size="small"
            rowKey="departmentId"
            pagination={false}
            dataSource={rows}
            columns={columns}
            locale={{ emptyText: t("dispatch.empty") }}
            data-testid="dispatch-table"
          />
        )}
      </QueryState>
      <QueryState query={trend} what={t("dispatch.trend.what")}>
        {(weeks) => <DispatchTrend weeks={weeks} fileName={t("dispatch.trend.fileName", { name: fileName })} />}
      </QueryState>
      {importing && <HistoryImport onClose={() => setImporting(false)} />}
    </div>
  );
}
