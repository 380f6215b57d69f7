//! Commands of the dispatch league table on the incident board: the department figures and their
//! weekly trend for a period, one incident's figures, the table as XLSX (path from the save
//! dialog), and the ticket system's event history (file from the open dialog, preview, import).

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use liaison_core::service::dispatch_stats::{self as dispatch, DepartmentFigures, HistoryReport, IncidentFigures, TextEncoding, TrendWeek};
use liaison_core::text::bounded;
use liaison_core::{CoreError, ErrorCode, Lang};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn dispatch_departments(state: State<'_, AppState>, from: String, until: String) -> Res<Vec<DepartmentFigures>> {
    dispatch::departments(&state.workspace().await?, &from, &until).await
}

#[tauri::command]
#[specta::specta]
pub async fn dispatch_trend(state: State<'_, AppState>, from: String, until: String) -> Res<Vec<TrendWeek>> {
    dispatch::trend(&state.workspace().await?, &from, &until).await
}

#[tauri::command]
#[specta::specta]
pub async fn dispatch_incident(state: State<'_, AppState>, id: i64) -> Res<IncidentFigures> {
    dispatch::incident(&state.workspace().await?, id, liaison_core::time::now_ms()).await
}

/// Asks where to save, then writes the table and trend; the path written, None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn dispatch_export<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, from: String, until: String, language: Lang, suggested_name: String) -> Res<Option<String>> {
    let name = bounded(&suggested_name, "name", 80)?;
    let Some(path) = crate::save_dialog::ask(&app, "XLSX", "xlsx", &format!("{name}.xlsx")) else { return Ok(None) };
    dispatch::export_xlsx(&state.workspace().await?, &from, &until, &path, language).await?;
    Ok(Some(path.display().to_string()))
}

/// Asks for the event-history file (CSV or XLSX); its name, None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn history_pick_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<String>> {
    let Some(path) = super::incident_import::pick_file(&app) else { return Ok(None) };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    state.set_import_file(path);
    Ok(Some(name))
}

fn picked(state: &AppState) -> Res<PathBuf> {
    state.import_file().ok_or_else(|| CoreError::new(ErrorCode::ImportNoFile))
}

/// Checks every row of the picked history without writing anything.
#[tauri::command]
#[specta::specta]
pub async fn history_preview(state: State<'_, AppState>, encoding: Option<TextEncoding>) -> Res<HistoryReport> {
    let ws = state.workspace().await?;
    state.import_cancel.store(false, Ordering::Relaxed);
    dispatch::preview_history(&ws, &picked(&state)?, encoding, &state.import_cancel).await
}

#[tauri::command]
#[specta::specta]
pub async fn history_import(state: State<'_, AppState>, encoding: Option<TextEncoding>, progress: Channel<f64>) -> Res<HistoryReport> {
    let ws = state.workspace().await?;
    state.import_cancel.store(false, Ordering::Relaxed);
    dispatch::import_history(&ws, &picked(&state)?, encoding, &|done| { let _ = progress.send(done); }, &state.import_cancel).await
}
