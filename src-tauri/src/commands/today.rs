//! The commands of the start page: what is due today across every project, and the first-run
//! checklist of a new workspace.

use tauri::State;

use liaison_core::service::checklist::{self, Checklist, SuggestedClass};
use liaison_core::service::followup::{self, Today};
use liaison_core::{CoreError, Lang};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn today(state: State<'_, AppState>, today: String) -> Res<Today> {
    followup::today(&state.workspace().await?, &today, liaison_core::time::now_ms()).await
}

/// The first-run checklist, ticked from what the workspace holds.
#[tauri::command]
#[specta::specta]
pub async fn checklist_get(state: State<'_, AppState>) -> Res<Checklist> {
    checklist::get(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn checklist_dismiss(state: State<'_, AppState>, dismissed: bool) -> Res<Checklist> {
    checklist::dismiss(&state.workspace().await?, dismissed).await
}

/// The severity classes the checklist suggests, for the user to edit before anything is stored.
#[tauri::command]
#[specta::specta]
pub fn checklist_suggested_classes(language: Lang) -> Vec<SuggestedClass> {
    checklist::suggested_classes(language)
}
