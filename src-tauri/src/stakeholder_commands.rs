//! Commands of the stakeholder map: the grid, profiles with notes, contacts and the ledger,
//! relationships, contact health, the sponsor finder and what a project offers its members.

use tauri::State;

use liaison_core::repo::interactions::{self, InteractionInput};
use liaison_core::repo::ledger_entries::{self, LedgerInput};
use liaison_core::repo::people::Person;
use liaison_core::repo::person_notes::{self, NoteInput};
use liaison_core::repo::project_people::{self, ProjectMember};
use liaison_core::repo::relationships::{self, RelationKind, Relationship};
use liaison_core::service::people;
use liaison_core::service::stakeholders::{self as map, ContactHealth, MemberBenefit, Profile, SponsorCandidate};
use liaison_core::CoreError;

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

/// Dropping a person on the power/interest grid.
#[tauri::command]
#[specta::specta]
pub async fn person_place(state: State<'_, AppState>, id: i64, power: f64, interest: f64) -> Res<Person> {
    people::place(&state.workspace().await?, id, power, interest).await
}

#[tauri::command]
#[specta::specta]
pub async fn person_profile(state: State<'_, AppState>, id: i64) -> Res<Profile> {
    map::profile(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn person_note_add(state: State<'_, AppState>, person_id: i64, note: NoteInput) -> Res<Profile> {
    let ws = state.workspace().await?;
    map::add_note(&ws, person_id, note).await?;
    map::profile(&ws, person_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn person_note_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    person_notes::soft_delete(state.workspace().await?.pool(), id).await
}

#[tauri::command]
#[specta::specta]
pub async fn interaction_log(state: State<'_, AppState>, person_id: i64, input: InteractionInput) -> Res<Profile> {
    let ws = state.workspace().await?;
    map::log_interaction(&ws, person_id, input).await?;
    map::profile(&ws, person_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn interaction_step_done(state: State<'_, AppState>, id: i64, done: bool) -> Res<()> {
    interactions::set_next_step_done(state.workspace().await?.pool(), id, done).await
}

#[tauri::command]
#[specta::specta]
pub async fn interaction_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    interactions::soft_delete(state.workspace().await?.pool(), id).await
}

#[tauri::command]
#[specta::specta]
pub async fn ledger_add(state: State<'_, AppState>, person_id: i64, entry: LedgerInput) -> Res<Profile> {
    let ws = state.workspace().await?;
    map::add_ledger_entry(&ws, person_id, entry).await?;
    map::profile(&ws, person_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn ledger_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    ledger_entries::soft_delete(state.workspace().await?.pool(), id).await
}

#[tauri::command]
#[specta::specta]
pub async fn relationships_list(state: State<'_, AppState>) -> Res<Vec<Relationship>> {
    relationships::list(state.workspace().await?.pool()).await
}

#[tauri::command]
#[specta::specta]
pub async fn relationship_add(state: State<'_, AppState>, from: i64, to: i64, kind: RelationKind, note: String) -> Res<Vec<Relationship>> {
    let ws = state.workspace().await?;
    map::add_relationship(&ws, from, to, kind, &note).await?;
    relationships::list(ws.pool()).await
}

#[tauri::command]
#[specta::specta]
pub async fn relationship_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    relationships::soft_delete(state.workspace().await?.pool(), id).await
}

/// Everyone's relationship health, most neglected first.
#[tauri::command]
#[specta::specta]
pub async fn contact_health(state: State<'_, AppState>) -> Res<Vec<ContactHealth>> {
    map::contact_health(&state.workspace().await?, liaison_core::time::now_ms()).await
}

/// Ranks sponsors for the metrics a problem or project moves; a project's own metrics when
/// `metrics` is empty.
#[tauri::command]
#[specta::specta]
pub async fn sponsor_finder(state: State<'_, AppState>, metrics: Vec<String>, project_id: Option<i64>) -> Res<Vec<SponsorCandidate>> {
    let ws = state.workspace().await?;
    let metrics = match (metrics.is_empty(), project_id) {
        (true, Some(p)) => map::parse_metrics(&liaison_core::repo::projects::get(ws.pool(), p).await?.input.impact_metrics),
        _ => metrics,
    };
    map::find_sponsors(&ws, &metrics).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_members(state: State<'_, AppState>) -> Res<Vec<ProjectMember>> {
    project_people::list(state.workspace().await?.pool()).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_benefits(state: State<'_, AppState>, project_id: i64) -> Res<Vec<MemberBenefit>> {
    map::what_is_in_it_for_them(&state.workspace().await?, project_id).await
}
