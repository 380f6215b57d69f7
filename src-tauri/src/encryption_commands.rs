//! Commands for a workspace protected with a passphrase: unlocking one, and setting, changing or
//! removing the passphrase of the open one. The passphrase stays in memory, never in preferences.

use tauri::{AppHandle, Runtime, State};

use liaison_core::CoreError;

use crate::state::{AppState, WorkspaceInfo};

type Res<T> = Result<T, CoreError>;

/// Opens the encrypted workspace the status calls `locked`.
#[tauri::command]
#[specta::specta]
pub async fn workspace_unlock<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, passphrase: String) -> Res<WorkspaceInfo> {
    state.unlock(&app, &passphrase).await
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_unlock_cancel(state: State<'_, AppState>) -> Res<()> {
    state.cancel_unlock();
    Ok(())
}

/// Set (`next` only), change (both) or remove (`current` only) the passphrase; the screen has
/// warned that a forgotten passphrase cannot be recovered.
#[tauri::command]
#[specta::specta]
pub async fn workspace_set_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: Option<String>,
    next: Option<String>,
) -> Res<WorkspaceInfo> {
    state.set_passphrase(&app, current.as_deref(), next.as_deref()).await
}
