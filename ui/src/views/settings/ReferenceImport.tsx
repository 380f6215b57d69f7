import { Alert, App, Button, Modal, Space, Statistic, Tag, Typography } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { commands, type PickedReferenceFile, type ReferenceImportReport, type ReferenceList } from "../../bindings";
import { RowIssuesTable } from "../../components/RowIssuesTable";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";
import { useImportRun } from "./settingsQueries";

/**
 * Import a list from CSV/XLSX: pick the file, see every row checked (which columns were
 * recognised, how many new and updated, each bad row with its line), then import all or nothing.
 */
export function ReferenceImportButton({ list }: { list: ReferenceList }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<PickedReferenceFile | null>(null);
  const [done, setDone] = useState<ReferenceImportReport | null>(null);
  const run = useImportRun(list);
  const pick = async () => {
    try {
      const file = await unwrap(commands.referenceImportPick(list));
      setDone(null);
      setPicked(file);
    } catch (e) {
      void message.error(errorText(t, e), 10);
    }
  };
  const importAll = async () => {
    try {
      setDone(await run.mutateAsync(undefined));
    } catch (e) {
      void message.error(errorText(t, e), 10);
    }
  };
  const report = done ?? picked?.preview;
  const blocked = !report || report.invalid > 0 || report.rows === 0;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => void pick()} data-testid={`import-${list}`}>
        {t("settings.import.button")}
      </Button>
      {picked && report && (
        <Modal
          open
          width={760}
          title={t("settings.import.title", { file: picked.fileName })}
          onCancel={() => setPicked(null)}
          destroyOnHidden
          footer={
            done?.committed ? (
              <Button type="primary" onClick={() => setPicked(null)} data-testid="reference-import-close">
                {t("settings.close")}
              </Button>
            ) : (
              <Space>
                <Button onClick={() => setPicked(null)}>{t("common.cancel")}</Button>
                <Button type="primary" disabled={blocked} loading={run.isPending} onClick={() => void importAll()} data-testid="reference-import-run">
                  {t("settings.import.run", { rows: report.rows })}
                </Button>
              </Space>
            )
          }
        >
          <div data-testid="reference-import-report">
            {done?.committed && <Alert type="success" showIcon title={t("import.done", { inserted: done.inserted, updated: done.updated })} style={{ marginBottom: 12 }} />}
            <Typography.Paragraph>
              {t("settings.import.columns")}{" "}
              {report.headers.map((h, i) => (
                <Tag key={`${h}-${i}`} color={report.columns[i] ? "blue" : undefined}>
                  {h}
                  {report.columns[i] ? ` → ${t(`settings.fields.${report.columns[i]}`)}` : ` (${t("settings.import.ignored")})`}
                </Tag>
              ))}
            </Typography.Paragraph>
            <Space size="large" wrap>
              <Statistic title={t("import.rows")} value={report.rows} />
              <Statistic title={t("import.inserted")} value={report.inserted} />
              <Statistic title={t("import.updated")} value={report.updated} />
              <Statistic title={t("import.invalid")} value={report.invalid} valueStyle={report.invalid ? { color: "#cf1322" } : undefined} />
            </Space>
            {report.createdCategories.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 12 }}>{t("settings.import.newCategories", { names: report.createdCategories.join("、") })}</Typography.Paragraph>
            )}
            {report.invalid > 0 && <Alert type="warning" showIcon title={t("settings.import.nothingWritten")} style={{ marginTop: 12 }} />}
            <RowIssuesTable issues={report.issues} />
          </div>
        </Modal>
      )}
    </>
  );
}
