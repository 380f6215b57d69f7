//! Commands of proposal export: templates, drafts edited section by section, and export through
//! the save dialog.

use tauri::{AppHandle, Runtime, State};

use liaison_core::service::proposals::{self as service, Document, Draft, DraftRequest, Exported, ProposalFormat, ProposalTemplate, SavedTemplate, TemplateCatalogue};
use liaison_core::service::proposal_options::{self as options, OptionInput, ProposalOption};
use liaison_core::CoreError;

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn proposal_catalogue(state: State<'_, AppState>) -> Res<TemplateCatalogue> {
    service::catalogue(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_drafts(state: State<'_, AppState>) -> Res<Vec<Draft>> {
    service::drafts(&state.workspace().await?).await
}

/// `today` is the workspace-zone date the UI shows, YYYY-MM-DD.
#[tauri::command]
#[specta::specta]
pub async fn proposal_create(state: State<'_, AppState>, request: DraftRequest, today: String) -> Res<Draft> {
    service::create(&state.workspace().await?, request, &today).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_save(state: State<'_, AppState>, id: i64, document: Document) -> Res<Draft> {
    service::save(&state.workspace().await?, id, document).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    service::delete(&state.workspace().await?, id).await
}

/// The editor's document as it will read: options and risks expanded from what is stored now.
#[tauri::command]
#[specta::specta]
pub async fn proposal_preview(state: State<'_, AppState>, id: i64, document: Document) -> Res<Document> {
    service::preview(&state.workspace().await?, id, document).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_options(state: State<'_, AppState>, draft_id: i64) -> Res<Vec<ProposalOption>> {
    options::list(&state.workspace().await?, draft_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_option_create(state: State<'_, AppState>, draft_id: i64, input: OptionInput) -> Res<ProposalOption> {
    options::create(&state.workspace().await?, draft_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_option_update(state: State<'_, AppState>, id: i64, input: OptionInput) -> Res<ProposalOption> {
    options::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_option_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    options::delete(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_option_move(state: State<'_, AppState>, id: i64, position: i32) -> Res<Vec<ProposalOption>> {
    options::move_to(&state.workspace().await?, id, position).await
}

/// `option_id` None clears the recommendation.
#[tauri::command]
#[specta::specta]
pub async fn proposal_option_recommend(state: State<'_, AppState>, draft_id: i64, option_id: Option<i64>) -> Res<Vec<ProposalOption>> {
    options::set_recommended(&state.workspace().await?, draft_id, option_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_option_accept(state: State<'_, AppState>, id: i64) -> Res<ProposalOption> {
    options::accept(&state.workspace().await?, id).await
}

/// None when the director cancels the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn proposal_export<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: i64, format: ProposalFormat) -> Res<Option<Exported>> {
    let ws = state.workspace().await?;
    let ext = format.extension();
    let name = service::suggested_file_name(&ws, id, format).await?;
    let Some(path) = crate::save_dialog::ask(&app, &ext.to_uppercase(), ext, &name) else { return Ok(None) };
    service::export(&ws, id, format, &path).await.map(Some)
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_template_save(state: State<'_, AppState>, name: String, template: ProposalTemplate) -> Res<SavedTemplate> {
    service::save_template(&state.workspace().await?, &name, template).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_template_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    service::delete_template(&state.workspace().await?, id).await
}
