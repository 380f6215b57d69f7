import { Spin } from "antd";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n";
import { useWorkspaceStatus } from "../lib/queries";
import { AppShell } from "./AppShell";
import { Welcome } from "./Welcome";

export type LanguageProps = { language: Language; onLanguageChange: (language: Language) => void };

export function Root(props: LanguageProps) {
  const { t } = useTranslation();
  const status = useWorkspaceStatus();
  if (!status.data) {
    return <Spin fullscreen tip={t("app.loading")} />;
  }
  if (!status.data.current) {
    return <Welcome {...props} startupError={status.data.startupError} />;
  }
  return <AppShell {...props} workspace={status.data.current} />;
}
