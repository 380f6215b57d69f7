//! Commands of the import wizard: the file is picked by the system dialog only, then read, checked
//! row by row and imported; the column mappings saved for files of the same shape.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use liaison_core::service::import::{self, FileOverview, ImportOptions, ImportPreset, ImportReport, ListKind, NamedEntry, PresetColumn, TextEncoding, ValueMapping};
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

/// The CSV or XLSX file the user picks in the system dialog; None when cancelled. The event
/// history's import asks the same way.
pub(crate) fn pick_file<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    match std::env::var_os(TEST_PICK_FILE) {
        Some(p) => Some(PathBuf::from(p)),
        None => app.dialog().file().add_filter("CSV / Excel", &["csv", "txt", "xlsx"]).blocking_pick_file().and_then(|p| p.into_path().ok()),
    }
}

/// Asks for a CSV or XLSX file and reads its headers; None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn import_pick_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<PickedFile>> {
    let Some(path) = pick_file(&app) else { return Ok(None) };
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
    import::preview(&ws, &picked(&state)?, &options, &state.import_cancel).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_run(state: State<'_, AppState>, options: ImportOptions, progress: Channel<f64>) -> Res<ImportReport> {
    let ws = state.workspace().await?;
    state.import_cancel.store(false, Ordering::Relaxed);
    import::run(&ws, &picked(&state)?, &options, &|done| { let _ = progress.send(done); }, &state.import_cancel).await
}

/// Stops a running import or preview; nothing of it is written.
#[tauri::command]
#[specta::specta]
pub fn import_cancel(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::Relaxed);
}

#[tauri::command]
#[specta::specta]
pub async fn import_presets_list(state: State<'_, AppState>) -> Res<Vec<ImportPreset>> {
    import::presets(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_preset_save(state: State<'_, AppState>, name: String, columns: Vec<PresetColumn>, values: Vec<ValueMapping>) -> Res<Vec<ImportPreset>> {
    import::save_preset(&state.workspace().await?, &name, &columns, &values).await
}

/// The existing entries of a list a file's new value can be mapped to.
#[tauri::command]
#[specta::specta]
pub async fn import_mapping_targets(state: State<'_, AppState>, kind: ListKind) -> Res<Vec<NamedEntry>> {
    import::mapping_targets(&state.workspace().await?, kind).await
}
