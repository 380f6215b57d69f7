//! Commands of the workspace as a whole: which one is open, opening or creating one, what it holds,
//! and its passphrase (unlocking an encrypted one; setting, changing or removing it). The
//! passphrase stays in memory, never in preferences.

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use liaison_core::service::overview::{self, OverviewCounts};
use liaison_core::{CoreError, Lang};

use crate::state::{AppState, WorkspaceInfo, WorkspaceStatus};

type Res<T> = Result<T, CoreError>;

const WORKSPACE_FILTER: (&str, &[&str]) = ("Liaison", &["liaison", "sqlite", "db"]);

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
    overview::counts(&state.workspace().await?).await
}

/// Opens the encrypted workspace the status calls `locked`.
#[tauri::command]
#[specta::specta]
pub async fn workspace_unlock<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, passphrase: String) -> Res<WorkspaceInfo> {
    state.unlock(&app, &passphrase).await
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_unlock_cancel(state: State<'_, AppState>) -> Res<()> {
    state.cancel_unlock();
    Ok(())
}

/// Set (`next` only), change (both) or remove (`current` only) the passphrase; the screen has
/// warned that a forgotten passphrase cannot be recovered.
#[tauri::command]
#[specta::specta]
pub async fn workspace_set_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: Option<String>,
    next: Option<String>,
) -> Res<WorkspaceInfo> {
    state.set_passphrase(&app, current.as_deref(), next.as_deref()).await
}
