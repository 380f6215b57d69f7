//! Commands of the thread from a problem to its validated fix: what is linked to a problem or a
//! project, and linking a project to the problem it fixes.

use tauri::State;

use liaison_core::service::thread::{self as service, Thread};
use liaison_core::CoreError;

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn thread_of_problem(state: State<'_, AppState>, problem_id: i64) -> Res<Thread> {
    service::of_problem(&state.workspace().await?, problem_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn thread_of_project(state: State<'_, AppState>, project_id: i64) -> Res<Thread> {
    service::of_project(&state.workspace().await?, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn thread_link_problem(state: State<'_, AppState>, project_id: i64, problem_id: i64) -> Res<Thread> {
    service::link_problem(&state.workspace().await?, project_id, problem_id).await
}
