//! Commands of the stakeholder map: departments and people, the grid, profiles with notes, contacts and the ledger,
//! relationships, contact health, the sponsor finder and what a project offers its members.

use tauri::State;

use liaison_core::service::departments::{self, Department, DepartmentInput};
use liaison_core::service::kpis::{self, Kpi, KpiInput};
use liaison_core::service::people::{self, Person, PersonInput};
use liaison_core::service::stakeholders::{
    self as map, ContactHealth, InteractionInput, LedgerInput, MemberBenefit, NoteInput, Profile, ProjectMember, RelationKind, Relationship,
    SponsorCandidate,
};
use liaison_core::{CoreError, Id};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

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
    map::add_note(&state.workspace().await?, person_id, note).await
}

#[tauri::command]
#[specta::specta]
pub async fn person_note_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    map::delete_note(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn interaction_log(state: State<'_, AppState>, person_id: i64, input: InteractionInput) -> Res<map::Logged> {
    map::log_interaction(&state.workspace().await?, person_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn interaction_step_done(state: State<'_, AppState>, id: i64, done: bool) -> Res<()> {
    map::set_next_step_done(&state.workspace().await?, id, done).await
}

#[tauri::command]
#[specta::specta]
pub async fn interaction_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    map::delete_interaction(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn ledger_add(state: State<'_, AppState>, person_id: i64, entry: LedgerInput) -> Res<Profile> {
    map::add_ledger_entry(&state.workspace().await?, person_id, entry).await
}

#[tauri::command]
#[specta::specta]
pub async fn ledger_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    map::delete_ledger_entry(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn relationships_list(state: State<'_, AppState>) -> Res<Vec<Relationship>> {
    map::relationships(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn relationship_add(state: State<'_, AppState>, from: i64, to: i64, kind: RelationKind, note: String) -> Res<Vec<Relationship>> {
    map::add_relationship(&state.workspace().await?, from, to, kind, &note).await
}

#[tauri::command]
#[specta::specta]
pub async fn relationship_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    map::delete_relationship(&state.workspace().await?, id).await
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
    map::sponsors_for(&state.workspace().await?, metrics, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_members(state: State<'_, AppState>) -> Res<Vec<ProjectMember>> {
    map::project_members(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_benefits(state: State<'_, AppState>, project_id: i64) -> Res<Vec<MemberBenefit>> {
    map::what_is_in_it_for_them(&state.workspace().await?, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn kpis_list(state: State<'_, AppState>) -> Res<Vec<Kpi>> {
    kpis::list(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn kpi_create(state: State<'_, AppState>, input: KpiInput) -> Res<Kpi> {
    kpis::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn kpi_update(state: State<'_, AppState>, id: Id, input: KpiInput) -> Res<Kpi> {
    kpis::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn kpi_delete(state: State<'_, AppState>, id: Id) -> Res<()> {
    kpis::delete(&state.workspace().await?, id).await
}
