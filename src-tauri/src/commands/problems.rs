//! Commands of systemic problems: the list, the write-up, linking incidents, suggestions, the
//! computed evidence chain and business case, announcing the fix, the S7 table, what the problem
//! does to each department's KPIs and who should sponsor it.

use tauri::State;

use liaison_core::service::problems::{self as service, ApproachRow, Evidence, IncidentFilter, Problem, ProblemInput, StoreSet, Suggestion, SuggestionRule};
use liaison_core::service::effects::{self, Effect, EffectInput, SuggestedEffect};
use liaison_core::service::sponsors::{self, Benefit, SponsorRank};
use liaison_core::{CoreError, Lang};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn problems_list(state: State<'_, AppState>) -> Res<Vec<Problem>> {
    service::list(&state.workspace().await?).await
}

/// Creates a problem; `link` links the incidents the board's filter matches at once.
#[tauri::command]
#[specta::specta]
pub async fn problem_create(state: State<'_, AppState>, input: ProblemInput, link: Option<IncidentFilter>) -> Res<Problem> {
    service::create(&state.workspace().await?, input, link).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_update(state: State<'_, AppState>, id: i64, input: ProblemInput) -> Res<Problem> {
    service::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    service::delete(&state.workspace().await?, id).await
}

/// Links the incidents the filter matches; returns how many were added.
#[tauri::command]
#[specta::specta]
pub async fn problem_link(state: State<'_, AppState>, id: i64, filter: IncidentFilter) -> Res<u32> {
    Ok(service::link(&state.workspace().await?, id, &filter).await? as u32)
}

#[tauri::command]
#[specta::specta]
pub async fn problem_unlink(state: State<'_, AppState>, id: i64, incident_ids: Vec<i64>) -> Res<u32> {
    Ok(service::unlink(&state.workspace().await?, id, &incident_ids).await? as u32)
}

#[tauri::command]
#[specta::specta]
pub async fn problem_stores(state: State<'_, AppState>, id: i64, set: StoreSet) -> Res<Vec<i64>> {
    service::stores(&state.workspace().await?, id, set).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_set_stores(state: State<'_, AppState>, id: i64, set: StoreSet, store_ids: Vec<i64>) -> Res<()> {
    service::set_stores(&state.workspace().await?, id, set, &store_ids).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_evidence(state: State<'_, AppState>, id: i64, language: Lang) -> Res<Evidence> {
    service::evidence(&state.workspace().await?, id, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_announce_fix(state: State<'_, AppState>, id: i64) -> Res<u32> {
    Ok(service::announce_fix(&state.workspace().await?, id).await? as u32)
}

/// Closes a problem whose fix the data after the launch validated; refused otherwise.
#[tauri::command]
#[specta::specta]
pub async fn problem_close_solved(state: State<'_, AppState>, id: i64, language: Lang) -> Res<Problem> {
    service::close_solved(&state.workspace().await?, id, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_suggestions(state: State<'_, AppState>, rule: SuggestionRule) -> Res<Vec<Suggestion>> {
    service::suggest(&state.workspace().await?, rule, liaison_core::time::now_ms()).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_accept_suggestion(state: State<'_, AppState>, suggestion: Suggestion, rule: SuggestionRule) -> Res<Problem> {
    service::accept(&state.workspace().await?, &suggestion, rule, liaison_core::time::now_ms()).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_approach_table(state: State<'_, AppState>) -> Res<Vec<ApproachRow>> {
    service::approach_table(&state.workspace().await?).await
}

/// What the problem does to each department's KPIs.
#[tauri::command]
#[specta::specta]
pub async fn problem_effects(state: State<'_, AppState>, problem_id: i64) -> Res<Vec<Effect>> {
    effects::list(&state.workspace().await?, problem_id).await
}

/// Effects the linked incidents compute per owning department, to accept or change.
#[tauri::command]
#[specta::specta]
pub async fn problem_effect_suggestions(state: State<'_, AppState>, problem_id: i64) -> Res<Vec<SuggestedEffect>> {
    effects::suggested_effects(&state.workspace().await?, problem_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_effect_add(state: State<'_, AppState>, problem_id: i64, input: EffectInput) -> Res<Vec<Effect>> {
    effects::add(&state.workspace().await?, problem_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_effect_update(state: State<'_, AppState>, id: i64, input: EffectInput) -> Res<Vec<Effect>> {
    effects::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_effect_delete(state: State<'_, AppState>, id: i64) -> Res<Vec<Effect>> {
    effects::delete(&state.workspace().await?, id).await
}

/// Everyone ranked as a sponsor for the problem, with the reason in `language`.
#[tauri::command]
#[specta::specta]
pub async fn problem_sponsors(state: State<'_, AppState>, problem_id: i64, language: Lang) -> Res<Vec<SponsorRank>> {
    sponsors::for_problem(&state.workspace().await?, problem_id, language).await
}

/// Chooses (or with null clears) the problem's sponsor.
#[tauri::command]
#[specta::specta]
pub async fn problem_choose_sponsor(state: State<'_, AppState>, problem_id: i64, person_id: Option<i64>) -> Res<Problem> {
    sponsors::choose(&state.workspace().await?, problem_id, person_id).await
}

/// What fixing the problem does for one person's KPIs.
#[tauri::command]
#[specta::specta]
pub async fn problem_sponsor_benefit(state: State<'_, AppState>, problem_id: i64, person_id: i64, language: Lang) -> Res<Benefit> {
    sponsors::what_is_in_it_for(&state.workspace().await?, problem_id, person_id, language).await
}
