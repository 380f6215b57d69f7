import { useState } from "react";
import { Alert, Button, Modal, Progress, Space, Statistic } from "antd";
import { Channel } from "@tauri-apps/api/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type HistoryReport } from "../../bindings";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { WS } from "../../lib/queries";
import { RowIssues } from "./RowIssues";

/**
 * The ticket system's event history: pick the file, see every row checked (bad rows with their
 * line), then import it all in one go. A bad row blocks the import: nothing is written.
 */
export function HistoryImport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [progress, setProgress] = useState(0);
  const preview = useMutation({ mutationFn: () => unwrap(commands.historyPreview(null)) });
  const pick = useMutation({
    mutationFn: () => unwrap(commands.historyPickFile()),
    onSuccess: (name) => {
      if (!name) return;
      setFile(name);
      setDone(false);
      preview.mutate();
    },
  });
  const run = useMutation({
    mutationFn: () => {
      const channel = new Channel<number | null>();
      channel.onmessage = (share) => setProgress(Math.round((share ?? 0) * 100));
      return unwrap(commands.historyImport(null, channel));
    },
    onSuccess: () => {
      setDone(true);
      void client.invalidateQueries({ queryKey: [WS] });
    },
  });
  const report = done ? run.data : preview.data;
  const error = pick.error ?? preview.error ?? run.error;
  const busy = pick.isPending || preview.isPending || run.isPending;
  return (
    <Modal
      open
      width={760}
      title={t("dispatch.history.title")}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="history-close">
            {t(done ? "dispatch.history.close" : "common.cancel")}
          </Button>
          {!done && (
            <Button
              type="primary"
              disabled={!report || report.invalid > 0 || busy}
              loading={run.isPending}
              onClick={() => run.mutate()}
              data-testid="history-run"
            >
              {t("dispatch.history.run")}
            </Button>
          )}
        </Space>
      }
    >
      <p>{t("dispatch.history.help")}</p>
      <Space>
        <Button onClick={() => pick.mutate()} loading={pick.isPending} data-testid="history-pick">
          {t("dispatch.history.pick")}
        </Button>
        {file && <span data-testid="history-file">{file}</span>}
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(t, error)} data-testid="history-error" />}
      {(preview.isPending || run.isPending) && <Progress percent={run.isPending ? progress : undefined} status="active" style={{ marginTop: 12 }} />}
      {report && <HistoryReportView report={report} done={done} />}
    </Modal>
  );
}

function HistoryReportView({ report, done }: { report: HistoryReport; done: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="history-report" style={{ marginTop: 12 }}>
      {done && <Alert type="success" showIcon title={t("dispatch.history.done", { inserted: report.inserted, updated: report.incidentsUpdated })} style={{ marginBottom: 12 }} />}
      <Space size="large" wrap>
        <Statistic title={t("import.rows")} value={report.rows} />
        <Statistic title={t("dispatch.history.new")} value={report.inserted} />
        <Statistic title={t("dispatch.history.alreadyThere")} value={report.alreadyThere} />
        <Statistic title={t("import.invalid")} value={report.invalid} valueStyle={report.invalid ? { color: "#cf1322" } : undefined} />
      </Space>
      {report.issues.length === 0 ? (
        <Alert type="success" title={t("import.noIssues")} style={{ marginTop: 12 }} />
      ) : (
        <RowIssues issues={report.issues} testId="history-issues" />
      )}
    </div>
  );
}
