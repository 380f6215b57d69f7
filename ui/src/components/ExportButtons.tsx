import { App, Button, Space } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type IncidentFilter, type ListFormat } from "../bindings";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";

/** Exports exactly what the filter shows; the core asks where to save. */
export function ExportButtons({ filter, language }: { filter: IncidentFilter; language: Language }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exporting = useMutation({
    mutationFn: (format: ListFormat) => unwrap(commands.incidentsExport(filter, format, language, t("board.exportName"))),
    onSuccess: (done) => {
      // null: the director closed the save dialog, which needs no message.
      if (done) void message.success(t("board.exported", { count: done.rows, path: done.path }));
    },
    onError: (e) => void message.error(errorText(t, e)),
  });
  const button = (format: ListFormat) => (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting.isPending && exporting.variables === format}
      disabled={exporting.isPending}
      onClick={() => exporting.mutate(format)}
      data-testid={`export-${format}`}
    >
      {t(`board.export.${format}`)}
    </Button>
  );
  return (
    <Space>
      {button("xlsx")}
      {button("csv")}
    </Space>
  );
}
