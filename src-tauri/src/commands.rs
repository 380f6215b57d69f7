//! Thin commands: unpack, call one core service, return. No rules live here.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use liaison_core::Lang;
use liaison_core::repo::departments::{Department, DepartmentInput};
use liaison_core::repo::incidents::{self, Incident};
use liaison_core::repo::people::{Person, PersonInput};
use liaison_core::repo::projects::{self, Project};
use liaison_core::service::{departments, people};
use liaison_core::{repo, CoreError, Id};

use crate::prefs::{self, Preferences};
use crate::state::{AppState, WorkspaceInfo, WorkspaceStatus};

type Res<T> = Result<T, CoreError>;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OverviewCounts {
    pub departments: i64,
    pub people: i64,
    pub stores: i64,
    pub projects: i64,
    pub incidents: i64,
}

const WORKSPACE_FILTER: (&str, &[&str]) = ("Liaison", &["liaison", "sqlite", "db"]);

#[tauri::command]
#[specta::specta]
pub fn app_info<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: app.package_info().version.to_string(),
        data_dir: state.default_path().parent().map(|p| p.display().to_string()).unwrap_or_default(),
    }
}

/// The page calls this once its first data is on screen: the background sweeps may start, and the
/// start-up benchmark reads the mark.
#[tauri::command]
#[specta::specta]
pub fn mark_first_data<R: Runtime>(app: AppHandle<R>) {
    if std::env::var_os("LIAISON_STARTUP_MARK").is_some() {
        println!("LIAISON_FIRST_DATA {}", chrono::Utc::now().timestamp_millis());
    }
    app.state::<crate::sweeps::FirstPaint>().painted();
}

/// What went wrong in the page (a read that failed, an uncaught error) goes to the app's log.
#[tauri::command]
#[specta::specta]
pub fn ui_error_report(kind: String, message: String) {
    crate::applog::error(&format!("ui.{}", kind.chars().filter(char::is_ascii_alphanumeric).take(20).collect::<String>()), &message.chars().take(2000).collect::<String>());
}

#[tauri::command]
#[specta::specta]
pub fn prefs_get<R: Runtime>(app: AppHandle<R>) -> Preferences {
    prefs::load(&app)
}

#[tauri::command]
#[specta::specta]
pub fn prefs_set_language<R: Runtime>(app: AppHandle<R>, language: Lang) -> Preferences {
    prefs::update(&app, |p| p.language = Some(language))
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_status(state: State<'_, AppState>) -> Res<WorkspaceStatus> {
    Ok(state.status().await)
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_open_mine<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<WorkspaceInfo> {
    state.open(&app, &state.default_path()).await
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_open_demo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, language: Lang) -> Res<WorkspaceInfo> {
    state.open_demo(&app, language).await
}

/// Asks for an existing workspace file with the system dialog; None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn workspace_open_dialog<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<WorkspaceInfo>> {
    let picked = app.dialog().file().add_filter(WORKSPACE_FILTER.0, WORKSPACE_FILTER.1).blocking_pick_file();
    match picked.and_then(|p| p.into_path().ok()) {
        Some(path) => state.open(&app, &path).await.map(Some),
        None => Ok(None),
    }
}

/// Asks where to create a new, empty workspace file; None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn workspace_new_dialog<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<WorkspaceInfo>> {
    let picked = app
        .dialog()
        .file()
        .add_filter(WORKSPACE_FILTER.0, WORKSPACE_FILTER.1)
        .set_file_name("workspace.liaison")
        .blocking_save_file();
    match picked.and_then(|p| p.into_path().ok()) {
        Some(path) => state.open(&app, &path).await.map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn overview_counts(state: State<'_, AppState>) -> Res<OverviewCounts> {
    let ws = state.workspace().await?;
    let pool = ws.pool();
    Ok(OverviewCounts {
        departments: repo::count_live(pool, "departments").await?,
        people: repo::count_live(pool, "people").await?,
        stores: repo::count_live(pool, "stores").await?,
        projects: repo::count_live(pool, "projects").await?,
        incidents: repo::count_live(pool, "incidents").await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn departments_list(state: State<'_, AppState>) -> Res<Vec<Department>> {
    departments::list(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn departments_create(state: State<'_, AppState>, input: DepartmentInput) -> Res<Department> {
    departments::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn departments_update(state: State<'_, AppState>, id: Id, input: DepartmentInput) -> Res<Department> {
    departments::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn departments_delete(state: State<'_, AppState>, id: Id) -> Res<()> {
    departments::delete(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn people_list(state: State<'_, AppState>) -> Res<Vec<Person>> {
    people::list(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn people_create(state: State<'_, AppState>, input: PersonInput) -> Res<Person> {
    people::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn people_update(state: State<'_, AppState>, id: Id, input: PersonInput) -> Res<Person> {
    people::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn people_delete(state: State<'_, AppState>, id: Id, remove_project_roles: bool) -> Res<()> {
    people::delete(&state.workspace().await?, id, remove_project_roles).await
}

#[tauri::command]
#[specta::specta]
pub async fn projects_list(state: State<'_, AppState>) -> Res<Vec<Project>> {
    projects::list(state.workspace().await?.pool()).await
}

#[tauri::command]
#[specta::specta]
pub async fn incidents_recent(state: State<'_, AppState>, limit: u32) -> Res<Vec<Incident>> {
    incidents::list_recent(state.workspace().await?.pool(), i64::from(limit.min(1000))).await
}
