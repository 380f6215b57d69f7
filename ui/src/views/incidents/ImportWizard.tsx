import { useEffect, useRef, useState } from "react";
import { Alert, App, Button, Checkbox, Input, Modal, Popover, Progress, Select, Space, Statistic, Steps, Table, Typography } from "antd";
import { Channel } from "@tauri-apps/api/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { RowIssuesTable } from "../../components/RowIssuesTable";
import { commands, type Field, type FileOverview, type ImportOptions, type ImportPreset, type ImportReport, type NewEntries, type RowIssue, type TextEncoding, type ValueMapping } from "../../bindings";
import { optionsState } from "../../components/QueryState";
import { AppError, unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { WS } from "../../lib/queries";
import { NewEntriesSummary, ValueMappings } from "./NewEntriesPanel";

const FIELDS: Field[] = [
  "external_id", "title", "department", "problem_type", "product_category", "product", "supplier", "store",
  "store_code", "region", "channel", "customer_ref", "severity_class", "wait_minutes", "complaint", "cost", "cost_fen", "opened_at",
  "closed_at", "claimed_at",
];
const ENCODINGS: TextEncoding[] = ["utf-8", "gb18030"];

type Step = "map" | "preview" | "running" | "done";

/**
 * Pick a file → map its columns → preview every bad row and the entries the import would create
 * (mapping any of them to an existing entry re-runs the preview) → import with progress, cancellable.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const [overview, setOverview] = useState<FileOverview | null>(null);
  const [mapping, setMapping] = useState<(Field | null)[]>([]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<TextEncoding | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  // The file's values taken as existing entries, and every new value the previews showed.
  const [values, setValues] = useState<ValueMapping[]>([]);
  const [met, setMet] = useState<NewEntries[]>([]);
  const [step, setStep] = useState<Step>("map");
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState(0);
  const [busy, setBusy] = useState(false);
  // Stays in the dialog until the next attempt: a damaged file's message names the row to look at.
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const presets = useQuery({ queryKey: [WS, "import-presets"], queryFn: () => unwrap(commands.importPresetsList()) });
  const [presetName, setPresetName] = useState("");

  const fail = (e: unknown) => setError(errorText(t, e));
  const options = (withValues = values): ImportOptions => ({ sheet, encoding, mapping, validRowsOnly: validOnly, values: withValues });
  const show = (o: FileOverview) => {
    setOverview(o);
    setMapping(o.guessed);
    setEncoding(o.encoding);
  };

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    unwrap(commands.importPickFile())
      .then((picked) => {
        if (!picked) return onClose();
        setFileName(picked.fileName);
        show(picked.overview);
      })
      .catch((e) => {
        // The dialog closes, so the message goes to a toast.
        void message.error(errorText(t, e), 10);
        onClose();
      });
    // Runs once: picking the file is what opening the wizard means.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const reinspect = (nextSheet: string | null, nextEncoding: TextEncoding | null) => {
    setSheet(nextSheet);
    setEncoding(nextEncoding);
    setError(null);
    unwrap(commands.importInspect(nextSheet, nextEncoding)).then(show).catch(fail);
  };

  const applyPreset = (preset: ImportPreset | undefined) => {
    if (!preset || !overview) return;
    setMapping(overview.headers.map((h) => preset.columns.find((c) => c.header.trim() === h.trim())?.field ?? null));
    setValues(preset.values);
  };

  const savePreset = async () => {
    if (!overview) return;
    const columns = overview.headers.flatMap((header, i) => (mapping[i] ? [{ header, field: mapping[i]! }] : []));
    setError(null);
    try {
      await unwrap(commands.importPresetSave(presetName, columns, values));
      await presets.refetch();
      void message.success(t("import.presetSaved", { name: presetName.trim() }));
    } catch (e) {
      fail(e);
    }
  };

  const preview = async (withValues = values) => {
    setBusy(true);
    setError(null);
    try {
      const checked = await unwrap(commands.importPreview(options(withValues)));
      setReport(checked);
      setMet((before) => [...before, ...checked.newEntries]);
      setStep("preview");
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const mapValues = (next: ValueMapping[]) => {
    setValues(next);
    void preview(next);
  };

  const run = async () => {
    setStep("running");
    setProgress(0);
    setError(null);
    // f64 crosses as number | null (a NaN would be null); progress is never NaN.
    const channel = new Channel<number | null>();
    channel.onmessage = (done) => setProgress(Math.round((done ?? 0) * 100));
    try {
      const result = await unwrap(commands.importRun(options(), channel));
      setReport(result);
      setStep("done");
      await client.invalidateQueries({ queryKey: [WS] });
    } catch (e) {
      if (e instanceof AppError && e.core.code === "cancelled") void message.info(t("import.cancelled"));
      else fail(e);
      setStep("preview");
    }
  };

  const stepIndex = { map: 0, preview: 1, running: 1, done: 2 }[step];
  const footer = {
    map: [
      <Button key="next" type="primary" loading={busy} onClick={() => void preview()} data-testid="import-check">
        {t("import.next")}
      </Button>,
    ],
    preview: [
      <Button key="back" onClick={() => setStep("map")}>
        {t("import.back")}
      </Button>,
      <Button key="import" type="primary" onClick={run} loading={busy} disabled={!report || (report.invalid > 0 && !validOnly)} data-testid="import-run">
        {t("import.import")}
      </Button>,
    ],
    running: [
      <Button key="cancel" danger onClick={() => void commands.importCancel()}>
        {t("import.cancel")}
      </Button>,
    ],
    done: [
      <Button key="close" type="primary" onClick={onClose} data-testid="import-close">
        {t("import.close")}
      </Button>,
    ],
  }[step];

  return (
    <Modal open={overview !== null} title={t("import.title")} width={900} onCancel={onClose} footer={footer} maskClosable={false} destroyOnHidden>
      <Steps size="small" current={stepIndex} items={[{ title: t("import.stepMap") }, { title: t("import.stepPreview") }, { title: t("import.stepDone") }]} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {overview && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t("import.file", { name: fileName })}</Typography.Text>
          {overview.kind === "csv" && (
            <Select<TextEncoding>
              value={encoding ?? undefined}
              onChange={(e) => reinspect(sheet, e)}
              options={ENCODINGS.map((e) => ({ value: e, label: `${t("import.encoding")}: ${e.toUpperCase()}` }))}
              style={{ width: 200 }}
              disabled={step !== "map"}
            />
          )}
          {overview.kind === "xlsx" && overview.sheets.length > 1 && (
            <Select<string>
              value={sheet ?? overview.sheets[0]}
              onChange={(s) => reinspect(s, null)}
              options={overview.sheets.map((s) => ({ value: s, label: `${t("import.sheet")}: ${s}` }))}
              style={{ width: 220 }}
              disabled={step !== "map"}
            />
          )}
        </Space>
      )}
      {overview && (step === "map" || step === "preview") && (
        <Space style={{ marginBottom: 12 }}>
          {step === "map" && (
            <Select<number>
              placeholder={t("import.presetPlaceholder")}
              style={{ width: 240 }}
              options={(presets.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id) => applyPreset(presets.data?.find((p) => p.id === id))}
              {...optionsState(presets, t("reads.importPresets"))}
              aria-label={t("import.preset")}
            />
          )}
          <Popover
            trigger="click"
            content={
              <Space.Compact>
                <Input placeholder={t("import.presetName")} value={presetName} onChange={(e) => setPresetName(e.target.value)} maxLength={60} />
                <Button type="primary" onClick={savePreset}>
                  {t("common.save")}
                </Button>
              </Space.Compact>
            }
          >
            <Button>{t("import.savePreset")}</Button>
          </Popover>
        </Space>
      )}
      {overview && step === "map" && (
        <Table
          size="small"
          rowKey="index"
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={overview.headers.map((header, index) => ({ header, index }))}
          columns={[
            { title: t("import.column"), dataIndex: "header", width: 180 },
            {
              title: t("import.sample"),
              render: (_: unknown, row: { index: number }) => (
                <Typography.Text type="secondary" ellipsis>
                  {overview.sample.map((r) => r[row.index] ?? "").filter(Boolean).slice(0, 3).join(" · ")}
                </Typography.Text>
              ),
            },
            {
              title: t("import.field"),
              width: 220,
              render: (_: unknown, row: { index: number }) => (
                <Select<Field | "">
                  value={mapping[row.index] ?? ""}
                  style={{ width: "100%" }}
                  onChange={(f) => setMapping((m) => m.map((old, i) => (i === row.index ? f || null : old)))}
                  options={[{ value: "", label: t("import.ignore") }, ...FIELDS.map((f) => ({ value: f, label: t(`fields.${f}`) }))]}
                />
              ),
            },
          ]}
        />
      )}
      {report && (step === "preview" || step === "done") && <ReportView report={report} done={step === "done"} />}
      {step === "preview" && <ValueMappings met={met} values={values} onChange={mapValues} />}
      {step === "preview" && report && report.invalid > 0 && !validOnly && (
        <Alert type="warning" showIcon title={t("import.blocked", { count: report.invalid })} style={{ marginTop: 12 }} />
      )}
      {step === "preview" && report && report.invalid > 0 && (
        <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} style={{ marginTop: 12 }}>
          {t("import.importValidOnly")}
        </Checkbox>
      )}
      {step === "running" && (
        <>
          <Typography.Text>{t("import.running")}</Typography.Text>
          <Progress percent={progress} />
        </>
      )}
    </Modal>
  );
}

function ReportView({ report, done }: { report: ImportReport; done: boolean }) {
  const { t } = useTranslation();
  const issues: RowIssue[] = [...report.issues, ...report.inTrash];
  return (
    <div data-testid="import-report">
      {done && <Alert type="success" showIcon title={t("import.done", { inserted: report.inserted, updated: report.updated })} style={{ marginBottom: 12 }} />}
      <Space size="large" wrap>
        <Statistic title={t("import.rows")} value={report.rows} />
        <Statistic title={t("import.inserted")} value={report.inserted} />
        <Statistic title={t("import.updated")} value={report.updated} />
        <Statistic title={t("import.invalid")} value={report.invalid} valueStyle={report.invalid ? { color: "#cf1322" } : undefined} />
        <Statistic title={t("import.inTrash")} value={report.inTrash.length} />
        <Statistic title={t("import.byRule")} value={report.dispatchedByRule} />
        <Statistic title={t("import.toTriage")} value={report.toTriage} />
      </Space>
      <NewEntriesSummary entries={report.newEntries} done={done} />
      <RowIssuesTable issues={issues} />
    </div>
  );
}
