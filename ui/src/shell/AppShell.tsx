import { useState, type ReactNode } from "react";
import { Alert, App, Badge, Button, Dropdown, Layout, Menu, Space, Tag, Tooltip, Typography } from "antd";
import {
  AlertOutlined,
  CalendarOutlined,
  DownOutlined,
  LockOutlined,
  FileTextOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { commands, type OverviewCounts, type WorkspaceInfo } from "../bindings";
import { QueryState } from "../components/QueryState";
import { unwrap } from "../lib/api";
import { errorText } from "../lib/errors";
import { useCounts } from "../lib/queries";
import { StakeholdersView } from "../views/stakeholders/StakeholdersView";
import { ProjectsView } from "../views/projects/ProjectsView";
import { IncidentsView } from "../views/incidents/IncidentsView";
import { ProblemsView } from "../views/problems/ProblemsView";
import { ProposalsView } from "../views/proposals/ProposalsView";
import { SettingsView } from "../views/settings/SettingsView";
import type { ProjectFocus } from "../lib/navigation";
import { GoToContext, type GoTo } from "../lib/goTo";
import { TodayView, type TodayLink } from "../views/today/TodayView";
import { BackupsModal } from "./BackupsModal";
import { PassphraseModal } from "./PassphraseModal";
import { TrashModal } from "./TrashModal";
import { LanguageSwitch } from "./LanguageSwitch";
import type { LanguageProps } from "./Root";
import { useWorkspaceActions } from "./workspaceActions";

type Section = "today" | "stakeholders" | "projects" | "incidents" | "problems" | "proposals" | "settings";

/** The sections whose menu item carries a count, and which count. */
const COUNTED: Partial<Record<Section, keyof OverviewCounts>> = { projects: "projects", incidents: "incidents", stakeholders: "people" };

const ICONS: Record<Section, ReactNode> = {
  today: <CalendarOutlined />,
  stakeholders: <TeamOutlined />,
  projects: <ProjectOutlined />,
  incidents: <AlertOutlined />,
  problems: <NodeIndexOutlined />,
  proposals: <FileTextOutlined />,
  settings: <SettingOutlined />,
};

export function AppShell(props: LanguageProps & { workspace: WorkspaceInfo }) {
  const { t } = useTranslation();
  // The start page is Today: what is due or overdue comes before anything else.
  const [section, setSection] = useState<Section>("today");
  // Where Today sent the director inside the projects section; a new link remounts that view on it.
  const [projectFocus, setProjectFocus] = useState<{ focus: ProjectFocus; n: number } | null>(null);
  // The settings tab the first-run checklist opened; a new link remounts the view on it.
  const [settingsTab, setSettingsTab] = useState<{ tab: string; n: number } | null>(null);
  const navigate = (link: TodayLink) => {
    if (link.section === "projects") setProjectFocus((prev) => ({ focus: link.focus, n: (prev?.n ?? 0) + 1 }));
    if (link.section === "settings") setSettingsTab((prev) => ({ tab: link.tab, n: (prev?.n ?? 0) + 1 }));
    setSection(link.section);
  };
  // Where a link of the thread (problem → proposal → project) sent the director; a new link remounts the view on it.
  const [threadFocus, setThreadFocus] = useState<{ id: number; n: number } | null>(null);
  const goTo: GoTo = {
    problem: (id) => jump("problems", id),
    proposal: (id) => jump("proposals", id),
    project: (id) => navigate({ section: "projects", focus: { tab: "list", projectId: id } }),
  };
  const jump = (s: Section, id: number) => {
    setThreadFocus((prev) => ({ id, n: (prev?.n ?? 0) + 1 }));
    setSection(s);
  };
  const choose = (s: Section) => {
    setProjectFocus(null);
    setSettingsTab(null);
    setThreadFocus(null);
    setSection(s);
  };
  const counts = useCounts();
  const badge = (key: keyof OverviewCounts) => (
    <QueryState query={counts} what={t("reads.counts")} compact>
      {(c) => <Badge count={c[key]} overflowCount={99999} color="#3c5a99" />}
    </QueryState>
  );

  return (
    <GoToContext.Provider value={goTo}>
    <Layout style={{ height: "100%" }}>
      <Layout.Sider width={220} theme="dark">
        <div className="app-brand">{t("app.fullName")}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[section]}
          onClick={({ key }) => choose(key as Section)}
          items={(Object.keys(ICONS) as Section[]).map((s) => ({
            key: s,
            icon: ICONS[s],
            "data-testid": `nav-${s}`,
            label: (
              <Space>
                {t(`nav.${s}`)}
                {COUNTED[s] && badge(COUNTED[s])}
              </Space>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space>
            <Typography.Text strong>{t(`nav.${section}`)}</Typography.Text>
            {props.workspace.isDemo && (
              <Tooltip title={t("workspace.demoHint")}>
                <Tag color="orange" data-testid="demo-tag">
                  {t("workspace.demoTag")}
                </Tag>
              </Tooltip>
            )}
          </Space>
          <Space>
            <WorkspaceMenu workspace={props.workspace} language={props.language} />
            <LanguageSwitch {...props} />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {props.workspace.syncedFolder && (
            <Alert type="warning" showIcon banner message={t("workspace.syncedWarning", { tool: props.workspace.syncedFolder, path: props.workspace.path })} data-testid="synced-warning" />
          )}
          <div className="app-section">
            {section === "today" && <TodayView language={props.language} isDemo={props.workspace.isDemo} onNavigate={navigate} />}
            {section === "stakeholders" && <StakeholdersView />}
            {section === "projects" && <ProjectsView key={projectFocus?.n ?? 0} language={props.language} focus={projectFocus?.focus} />}
            {section === "incidents" && <IncidentsView language={props.language} />}
            {section === "problems" && <ProblemsView key={threadFocus?.n ?? 0} language={props.language} focusId={threadFocus?.id} />}
            {section === "proposals" && <ProposalsView key={threadFocus?.n ?? 0} language={props.language} focusId={threadFocus?.id} />}
            {section === "settings" && <SettingsView key={settingsTab?.n ?? 0} tab={settingsTab?.tab} />}
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
    </GoToContext.Provider>
  );
}

function WorkspaceMenu({ workspace, language }: { workspace: WorkspaceInfo } & Pick<LanguageProps, "language">) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useWorkspaceActions(language);
  const [backups, setBackups] = useState(false);
  const [trash, setTrash] = useState(false);
  const [passphrase, setPassphrase] = useState(false);
  const saveCopy = () =>
    unwrap(commands.workspaceSaveCopy())
      .then((path) => {
        if (path) void message.success(t("workspace.copySaved", { path }));
      })
      .catch((e) => message.error(errorText(t, e), 8));
  const items = [
    { key: "path", label: t("workspace.current", { path: workspace.path }), disabled: true },
    { type: "divider" as const },
    { key: "mine", label: t("workspace.openMine"), onClick: actions.openMine },
    { key: "demo", label: t("workspace.openDemo"), onClick: actions.openDemo },
    { key: "open", label: t("workspace.openOther"), onClick: actions.openFile },
    { key: "new", label: t("workspace.newFile"), onClick: actions.newFile },
    { type: "divider" as const },
    { key: "copy", label: t("workspace.saveCopy"), onClick: saveCopy },
    { key: "backups", label: <span data-testid="menu-backups">{t("backups.title")}</span>, onClick: () => setBackups(true) },
    { key: "trash", label: <span data-testid="menu-trash">{t("trash.title")}</span>, onClick: () => setTrash(true) },
    {
      key: "passphrase",
      label: <span data-testid="menu-passphrase">{t(workspace.encrypted ? "passphrase.changeTitle" : "passphrase.setTitle")}</span>,
      onClick: () => setPassphrase(true),
    },
  ];
  return (
    <>
      <Dropdown menu={{ items }} trigger={["click"]}>
        <Button loading={actions.busy} data-testid="workspace-menu">
          {workspace.encrypted && <LockOutlined aria-label={t("passphrase.encrypted")} data-testid="workspace-encrypted" />}
          {t("workspace.menu")}: {workspace.fileName} <DownOutlined />
        </Button>
      </Dropdown>
      {backups && <BackupsModal language={language} onClose={() => setBackups(false)} />}
      {trash && <TrashModal language={language} onClose={() => setTrash(false)} />}
      {passphrase && <PassphraseModal workspace={workspace} onClose={() => setPassphrase(false)} />}
    </>
  );
}
