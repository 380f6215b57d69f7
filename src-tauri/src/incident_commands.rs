//! Commands of the incident board: import (file picked by the system dialog only), board data.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use liaison_core::import::{self, FileOverview, ImportOptions, ImportReport};
use liaison_core::import::source::TextEncoding;
use liaison_core::repo::import_presets::{self, ImportPreset, PresetColumn};
use liaison_core::repo::incidents::{self, PivotCell};
use liaison_core::Lang;
use liaison_core::service::incidents::{self as actions, Escalations, IncidentEvent};
use liaison_core::{CoreError, ErrorCode};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

/// Set by the end-to-end tests, which cannot drive the system file dialog; never by the webview.
const TEST_PICK_FILE: &str = "LIAISON_TEST_PICK_FILE";

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PickedFile {
    pub file_name: String,
    pub overview: FileOverview,
}

fn picked(state: &AppState) -> Res<PathBuf> {
    state.import_file().ok_or_else(|| CoreError::new(ErrorCode::ImportNoFile))
}

/// Asks for a CSV or XLSX file and reads its headers; None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_pick_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<PickedFile>> {
    let path = match std::env::var_os(TEST_PICK_FILE) {
        Some(p) => Some(PathBuf::from(p)),
        None => app
            .dialog()
            .file()
            .add_filter("CSV / Excel", &["csv", "txt", "xlsx"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(path) = path else { return Ok(None) };
    let overview = import::inspect(&path, None, None)?;
    state.set_import_file(path.clone());
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some(PickedFile { file_name, overview }))
}

/// Reads the picked file again with another sheet or encoding.
#[tauri::command]
#[specta::specta]
pub async fn import_inspect(state: State<'_, AppState>, sheet: Option<String>, encoding: Option<TextEncoding>) -> Res<FileOverview> {
    import::inspect(&picked(&state)?, sheet.as_deref(), encoding)
}

/// Checks every row without writing anything.
#[tauri::command]
#[specta::specta]
pub async fn import_preview(state: State<'_, AppState>, options: ImportOptions) -> Res<ImportReport> {
    let ws = state.workspace().await?;
    state.import_cancel.store(false, Ordering::Relaxed);
    import::run(&ws, &picked(&state)?, &options, true, &|_| {}, &state.import_cancel).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_run(state: State<'_, AppState>, options: ImportOptions, progress: Channel<f64>) -> Res<ImportReport> {
    let ws = state.workspace().await?;
    state.import_cancel.store(false, Ordering::Relaxed);
    let report = import::run(&ws, &picked(&state)?, &options, false, &|done| { let _ = progress.send(done); }, &state.import_cancel).await?;
    Ok(report)
}

/// Stops a running import or preview; nothing of it is written.
#[tauri::command]
#[specta::specta]
pub fn import_cancel(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::Relaxed);
}

#[tauri::command]
#[specta::specta]
pub async fn board_pivot(state: State<'_, AppState>) -> Res<Vec<PivotCell>> {
    incidents::pivot(state.workspace().await?.pool()).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_history(state: State<'_, AppState>, id: i64) -> Res<Vec<IncidentEvent>> {
    actions::history(&state.workspace().await?, id).await
}

/// `at` back-dates the claim (UTC milliseconds); None means now.
#[tauri::command]
#[specta::specta]
pub async fn incident_claim(state: State<'_, AppState>, id: i64, at: Option<i64>) -> Res<()> {
    actions::claim(&state.workspace().await?, id, at).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_transfer(state: State<'_, AppState>, id: i64, to: i64, reason: String, at: Option<i64>) -> Res<()> {
    actions::transfer(&state.workspace().await?, id, to, &reason, at).await
}

/// How many incidents are past their SLA, and the `limit` longest overdue, with drafted messages in
/// `language`. A read: the escalations are written down by the background sweep.
#[tauri::command]
#[specta::specta]
pub async fn incident_escalations(state: State<'_, AppState>, language: Lang, limit: u32) -> Res<Escalations> {
    actions::overdue(&state.workspace().await?, liaison_core::time::now_ms(), language, limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_presets_list(state: State<'_, AppState>) -> Res<Vec<ImportPreset>> {
    import_presets::list(state.workspace().await?.pool()).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_preset_save(state: State<'_, AppState>, name: String, columns: Vec<PresetColumn>) -> Res<Vec<ImportPreset>> {
    let ws = state.workspace().await?;
    import_presets::save(ws.pool(), &name, &columns).await?;
    import_presets::list(ws.pool()).await
}
