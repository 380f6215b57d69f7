//! Commands of the trash screen.

use tauri::State;

use liaison_core::service::trash::{self, TrashKind, TrashList};
use liaison_core::CoreError;

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn trash_list(state: State<'_, AppState>) -> Res<TrashList> {
    trash::list(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn trash_restore(state: State<'_, AppState>, kind: TrashKind, id: i64) -> Res<()> {
    trash::restore(&state.workspace().await?, kind, id).await
}

/// Deletes one item for good; the screen has asked first.
#[tauri::command]
#[specta::specta]
pub async fn trash_purge(state: State<'_, AppState>, kind: TrashKind, id: i64) -> Res<()> {
    trash::purge(&state.workspace().await?, Some((kind, id))).await.map(|_| ())
}

/// Empties the whole trash; the screen has asked first. Returns how many items went.
#[tauri::command]
#[specta::specta]
pub async fn trash_empty(state: State<'_, AppState>) -> Res<u32> {
    let removed = trash::purge(&state.workspace().await?, None).await?;
    Ok(u32::try_from(removed).unwrap_or(u32::MAX))
}
