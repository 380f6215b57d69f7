//! Commands of the backups screen and of saving the workspace as one portable file.

use tauri::{AppHandle, Runtime, State};

use liaison_core::service::backup::{self, Backups};
use liaison_core::CoreError;

use crate::state::{AppState, WorkspaceInfo};

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn backups_list(state: State<'_, AppState>) -> Res<Backups> {
    backup::overview(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn backup_now(state: State<'_, AppState>) -> Res<()> {
    backup::now(&state.workspace().await?).await.map(|_| ())
}

#[tauri::command]
#[specta::specta]
pub async fn backup_set_keep(state: State<'_, AppState>, keep: u32) -> Res<()> {
    backup::set_keep(&state.workspace().await?, keep).await
}

/// `file_name` is one the list returned; the folder is always the workspace's own.
#[tauri::command]
#[specta::specta]
pub async fn backup_restore<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, file_name: String) -> Res<WorkspaceInfo> {
    state.restore(&app, &file_name).await
}

/// Saves the whole workspace as one file to take to another laptop; None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn workspace_save_copy<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<String>> {
    let ws = state.workspace().await?;
    let name = ws.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "workspace.liaison".into());
    let Some(path) = crate::save_dialog::ask(&app, "Liaison", "liaison", &name) else { return Ok(None) };
    backup::save_copy(&ws, &path).await?;
    Ok(Some(path.display().to_string()))
}
