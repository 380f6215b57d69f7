import { Spin } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import type { Language } from "../i18n";
import { useWorkspaceStatus } from "../lib/queries";
import { AppShell } from "./AppShell";
import { UnlockModal } from "./UnlockModal";
import { Welcome } from "./Welcome";

export type LanguageProps = { language: Language; onLanguageChange: (language: Language) => void };

export function Root(props: LanguageProps) {
  const { t } = useTranslation();
  const status = useWorkspaceStatus();
  return (
    <QueryState query={status} what={t("reads.workspaceStatus")} loading={<Spin fullscreen tip={t("app.loading")} />}>
      {({ current, locked, startupError }) => (
        <>
          {current ? <AppShell {...props} workspace={current} /> : <Welcome {...props} startupError={startupError} />}
          {locked && <UnlockModal path={locked} />}
        </>
      )}
    </QueryState>
  );
}
