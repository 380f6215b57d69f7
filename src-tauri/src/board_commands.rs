//! Commands of the incident board: the filtered list, kanban cards, the record form, export,
//! severity classes and routing rules.

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use liaison_core::Lang;
use liaison_core::export::incidents::{self as export, ListFormat};
use liaison_core::repo::incident_filter::{self as filter, Cards, Facets, IncidentFilter, IncidentPage, IncidentSort};
use liaison_core::repo::incidents::{self, Incident, IncidentInput};
use liaison_core::repo::problem_types::{self, ProblemType};
use liaison_core::repo::routing_rules::RuleDraft;
use liaison_core::repo::severity_classes::{self, SeverityClass};
use liaison_core::repo::settings;
use liaison_core::repo::stores::{self, Store};
use liaison_core::service::incident_records as records;
use liaison_core::service::routing::{self, RuleTrial};
use liaison_core::text::bounded;
use liaison_core::{CoreError, ErrorCode};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn incidents_page(state: State<'_, AppState>, filter: IncidentFilter, sort: IncidentSort, offset: u32, limit: u32) -> Res<IncidentPage> {
    let ws = state.workspace().await?;
    let offset_seconds = settings::month_offset_seconds(ws.pool()).await?;
    let mut conn = ws.pool().acquire().await?;
    filter::page(&mut conn, &filter, sort, i64::from(offset), i64::from(limit), offset_seconds).await
}

#[tauri::command]
#[specta::specta]
pub async fn incidents_cards(state: State<'_, AppState>, filter: IncidentFilter, limit: u32) -> Res<Cards> {
    let ws = state.workspace().await?;
    let offset_seconds = settings::month_offset_seconds(ws.pool()).await?;
    let mut conn = ws.pool().acquire().await?;
    filter::cards(&mut conn, &filter, i64::from(limit.min(50_000)), offset_seconds).await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardLists {
    pub facets: Facets,
    pub stores: Vec<Store>,
    pub severity_classes: Vec<SeverityClass>,
    pub problem_types: Vec<ProblemType>,
}

/// Everything the filter pickers and the record form choose from.
#[tauri::command]
#[specta::specta]
pub async fn board_lists(state: State<'_, AppState>) -> Res<BoardLists> {
    let ws = state.workspace().await?;
    let mut conn = ws.pool().acquire().await?;
    Ok(BoardLists {
        facets: filter::facets(&mut conn).await?,
        stores: stores::list(&mut *conn).await?,
        severity_classes: severity_classes::list(&mut *conn).await?,
        problem_types: problem_types::list(&mut *conn).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn incident_get(state: State<'_, AppState>, id: i64) -> Res<Incident> {
    incidents::get(state.workspace().await?.pool(), id).await
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
    let ext = match format {
        ListFormat::Csv => "csv",
        ListFormat::Xlsx => "xlsx",
    };
    let name = bounded(&suggested_name, "name", 80)?;
    let Some(path) = crate::save_dialog::ask(&app, &ext.to_uppercase(), ext, &format!("{name}.{ext}")) else { return Ok(None) };
    let ws = state.workspace().await?;
    let rows = export::write(&ws, &filter, format, &path, language).await?;
    Ok(Some(ExportDone { path: path.display().to_string(), rows: u32::try_from(rows).unwrap_or(u32::MAX) }))
}

/// Changes a class's remedy and SLA; open incidents of the class follow it.
#[tauri::command]
#[specta::specta]
pub async fn severity_class_update(state: State<'_, AppState>, id: i64, remedy: String, sla_hours: u32) -> Res<Vec<SeverityClass>> {
    if sla_hours == 0 || sla_hours > 24 * 365 {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 24 * 365).on_field("slaHours"));
    }
    let ws = state.workspace().await?;
    let remedy = bounded(&remedy, "remedy", 500)?;
    severity_classes::update(ws.pool(), id, &remedy, i64::from(sla_hours)).await?;
    severity_classes::list(ws.pool()).await
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
