//! Commands of the SLA card in Workspace settings: the working day, the escalation ladder and the
//! director's sponsor.

use tauri::State;

use liaison_core::service::sla_settings::{self, SlaSettings};
use liaison_core::CoreError;

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn sla_settings_get(state: State<'_, AppState>) -> Res<SlaSettings> {
    sla_settings::get(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn sla_settings_save(state: State<'_, AppState>, settings: SlaSettings) -> Res<SlaSettings> {
    sla_settings::save(&state.workspace().await?, settings).await
}
