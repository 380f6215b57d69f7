import { App, Button } from "antd";
import { CalendarOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands } from "../bindings";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";

/**
 * Saves the open follow-ups (of one project, or all) as an .ics file for Outlook, DingTalk or
 * WeCom calendars. The core asks where through the system save dialog; the webview never sees a path
 * before the file is written.
 */
export function IcsExportButton({ projectId }: { projectId: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exportIcs = useMutation({ mutationFn: () => unwrap(commands.touchpointsExportIcs(projectId)) });
  const run = () =>
    exportIcs
      .mutateAsync()
      .then((path) => {
        // No path: the director closed the save dialog; nothing to say.
        if (path) void message.success(t("cadence.exported", { path }));
      })
      .catch((e) => message.error(errorText(t, e)));
  return (
    <Button icon={<CalendarOutlined />} onClick={run} loading={exportIcs.isPending} data-testid="export-ics">
      {t("cadence.exportIcs")}
    </Button>
  );
}
