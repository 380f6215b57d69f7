//! The command of the start page: what is due today across every project.

use tauri::State;

use liaison_core::service::followup::{self, Today};
use liaison_core::CoreError;

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn today(state: State<'_, AppState>, today: String) -> Res<Today> {
    followup::today(&state.workspace().await?, &today, liaison_core::time::now_ms()).await
}
