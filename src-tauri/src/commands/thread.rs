//! Commands of the thread from a problem to its validated fix: what is linked to a problem or a
//! project, linking a project to the problem it fixes, and an approved proposal becoming its project.

use tauri::State;

use liaison_core::service::approval::{self, Approval, ProjectPlan};
use liaison_core::service::projects::Project;
use liaison_core::service::thread::{self as service, Thread};
use liaison_core::{CoreError, Lang};

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

#[tauri::command]
#[specta::specta]
pub async fn proposal_approve(state: State<'_, AppState>, draft_id: i64, approval: Approval) -> Res<Approval> {
    approval::approve(&state.workspace().await?, draft_id, approval).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_approval(state: State<'_, AppState>, draft_id: i64) -> Res<Option<Approval>> {
    approval::approval(&state.workspace().await?, draft_id).await
}

/// The project an approved proposal suggests, for the director to edit; nothing is written.
#[tauri::command]
#[specta::specta]
pub async fn proposal_project_plan(state: State<'_, AppState>, draft_id: i64, language: Lang) -> Res<ProjectPlan> {
    approval::plan(&state.workspace().await?, draft_id, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn proposal_create_project(state: State<'_, AppState>, draft_id: i64, plan: ProjectPlan) -> Res<Project> {
    approval::create_project(&state.workspace().await?, draft_id, plan).await
}
