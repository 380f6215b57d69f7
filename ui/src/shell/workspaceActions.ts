import { App } from "antd";
import { useTranslation } from "react-i18next";
import { commands } from "../bindings";
import type { Language } from "../i18n";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { isLockedError, useOpenWorkspace } from "../lib/queries";

/** The ways to switch workspace, shared by the welcome dialog and the workspace menu. */
export function useWorkspaceActions(language: Language) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // A locked file is not a failure: the unlock dialog asks for its passphrase.
  const onError = (e: unknown) => void (isLockedError(e) || message.error(errorText(t, e), 8));
  const mine = useOpenWorkspace(() => unwrap(commands.workspaceOpenMine()));
  const demo = useOpenWorkspace(() => unwrap(commands.workspaceOpenDemo(language)));
  const pick = useOpenWorkspace(() => unwrap(commands.workspaceOpenDialog()));
  const create = useOpenWorkspace(() => unwrap(commands.workspaceNewDialog()));
  const run = (m: { mutate: (v: undefined, o: { onError: typeof onError }) => void }) => () =>
    m.mutate(undefined, { onError });
  return {
    openMine: run(mine),
    openDemo: run(demo),
    openFile: run(pick),
    newFile: run(create),
    busy: mine.isPending || demo.isPending || pick.isPending || create.isPending,
  };
}
