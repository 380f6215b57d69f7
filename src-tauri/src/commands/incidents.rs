//! Commands of the incident board: the filtered list, kanban cards, the pivot, the record form,
//! claims, transfers, waits and escalations, export, severity classes and routing rules.

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use liaison_core::service::board::{self, BoardLists, Cards, IncidentFilter, IncidentPage, IncidentSort, ListFormat, PivotCell, SeverityClass};
use liaison_core::service::incident_records::{self as records, Incident, IncidentInput};
use liaison_core::service::escalations::{self, Escalations, SlaStatus};
use liaison_core::service::incidents::{self as actions, IncidentEvent, WaitingOn};
use liaison_core::service::routing::{self, RuleDraft, RuleTrial};
use liaison_core::text::bounded;
use liaison_core::{CoreError, Lang};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn incidents_recent(state: State<'_, AppState>, limit: u32) -> Res<Vec<Incident>> {
    board::recent(&state.workspace().await?, limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn board_pivot(state: State<'_, AppState>) -> Res<Vec<PivotCell>> {
    board::pivot(&state.workspace().await?).await
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

/// The incident waits on the customer or a supplier: its SLA clocks stand still.
#[tauri::command]
#[specta::specta]
pub async fn incident_wait(state: State<'_, AppState>, id: i64, on: WaitingOn, note: String) -> Res<()> {
    actions::wait(&state.workspace().await?, id, on, &note, None).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_resume(state: State<'_, AppState>, id: i64) -> Res<()> {
    actions::resume(&state.workspace().await?, id, None).await
}

/// An open incident's SLA clocks now; null once resolved or without a severity class.
#[tauri::command]
#[specta::specta]
pub async fn incident_sla(state: State<'_, AppState>, id: i64) -> Res<Option<SlaStatus>> {
    escalations::status(&state.workspace().await?, id, liaison_core::time::now_ms()).await
}

/// How many incidents are past their SLA, and the `limit` most urgent, with their level, whom it
/// tells and drafted messages in `language`. A read: the background sweep writes levels down.
#[tauri::command]
#[specta::specta]
pub async fn incident_escalations(state: State<'_, AppState>, language: Lang, limit: u32) -> Res<Escalations> {
    escalations::overdue(&state.workspace().await?, liaison_core::time::now_ms(), language, limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn incidents_page(state: State<'_, AppState>, filter: IncidentFilter, sort: IncidentSort, offset: u32, limit: u32) -> Res<IncidentPage> {
    board::page(&state.workspace().await?, &filter, sort, offset, limit).await
}

#[tauri::command]
#[specta::specta]
pub async fn incidents_cards(state: State<'_, AppState>, filter: IncidentFilter, limit: u32) -> Res<Cards> {
    board::cards(&state.workspace().await?, &filter, limit).await
}

/// Everything the filter pickers and the record form choose from.
#[tauri::command]
#[specta::specta]
pub async fn board_lists(state: State<'_, AppState>) -> Res<BoardLists> {
    board::lists(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_get(state: State<'_, AppState>, id: i64) -> Res<Incident> {
    board::incident(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_create(state: State<'_, AppState>, input: IncidentInput) -> Res<Incident> {
    records::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_update(state: State<'_, AppState>, id: i64, input: IncidentInput) -> Res<Incident> {
    records::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn incident_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    records::delete(&state.workspace().await?, id).await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportDone {
    pub path: String,
    pub rows: u32,
}

/// Asks where to save, then writes the filtered list; None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn incidents_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: IncidentFilter,
    format: ListFormat,
    language: Lang,
    suggested_name: String,
) -> Res<Option<ExportDone>> {
    let ext = format.extension();
    let name = bounded(&suggested_name, "name", 80)?;
    let Some(path) = crate::save_dialog::ask(&app, &ext.to_uppercase(), ext, &format!("{name}.{ext}")) else { return Ok(None) };
    let rows = board::export(&state.workspace().await?, &filter, format, &path, language).await?;
    Ok(Some(ExportDone { path: path.display().to_string(), rows: u32::try_from(rows).unwrap_or(u32::MAX) }))
}

/// Changes a class's remedy and SLA; open incidents of the class follow it.
#[tauri::command]
#[specta::specta]
pub async fn severity_class_update(state: State<'_, AppState>, id: i64, remedy: String, sla_hours: u32) -> Res<Vec<SeverityClass>> {
    board::update_severity_class(&state.workspace().await?, id, &remedy, sla_hours).await
}

#[tauri::command]
#[specta::specta]
pub async fn routing_rules_list(state: State<'_, AppState>) -> Res<Vec<RuleDraft>> {
    routing::list(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn routing_rules_save(state: State<'_, AppState>, rules: Vec<RuleDraft>) -> Res<Vec<RuleDraft>> {
    routing::save(&state.workspace().await?, rules).await
}

/// What the unsaved rules would do with the newest `sample` incidents.
#[tauri::command]
#[specta::specta]
pub async fn routing_rules_trial(state: State<'_, AppState>, rules: Vec<RuleDraft>, sample: u32) -> Res<Vec<RuleTrial>> {
    routing::trial(&state.workspace().await?, rules, sample).await
}
