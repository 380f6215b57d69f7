//! Commands of the project tracker: projects, co-owners and roles, commitments, milestones,
//! metrics, the follow-up cadence and its touchpoints, calendar export, weekly reports and the
//! working-day calendar.

use tauri::{AppHandle, Runtime, State};

use liaison_core::service::calendar::{self, CalendarDay};
use liaison_core::service::commitments::{self, Commitment, CommitmentInput};
use liaison_core::service::followup::{self, Touchpoint, WeeklyReport};
use liaison_core::service::metrics::{self, MetricInput, MetricsWithReadings};
use liaison_core::service::milestones::{self, Milestone, MilestoneInput, Timeline};
use liaison_core::service::projects::{self as service, ApplyCadence, Project, ProjectInput, ProjectRole, Step, Template};
use liaison_core::{CoreError, Lang};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn projects_list(state: State<'_, AppState>) -> Res<Vec<Project>> {
    service::list(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_create(state: State<'_, AppState>, input: ProjectInput) -> Res<Project> {
    service::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_update(state: State<'_, AppState>, id: i64, input: ProjectInput) -> Res<Project> {
    service::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    service::delete(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_set_co_owners(state: State<'_, AppState>, id: i64, a: i64, b: i64) -> Res<()> {
    service::set_co_owners(&state.workspace().await?, id, a, b).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_add_role(state: State<'_, AppState>, id: i64, person_id: i64, role: ProjectRole) -> Res<()> {
    service::add_role(&state.workspace().await?, id, person_id, role).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_remove_role(state: State<'_, AppState>, id: i64, person_id: i64, role: ProjectRole) -> Res<()> {
    service::remove_role(&state.workspace().await?, id, person_id, role).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitments_list(state: State<'_, AppState>, project_id: i64) -> Res<Vec<Commitment>> {
    commitments::of_project(&state.workspace().await?, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitment_add(state: State<'_, AppState>, project_id: i64, input: CommitmentInput) -> Res<Vec<Commitment>> {
    commitments::add(&state.workspace().await?, project_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitment_set_done(state: State<'_, AppState>, id: i64, done: bool) -> Res<()> {
    commitments::set_done(&state.workspace().await?, id, done).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitment_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    commitments::delete(&state.workspace().await?, id).await
}

/// Every project's milestones and the dependencies between them (also across projects).
#[tauri::command]
#[specta::specta]
pub async fn timeline(state: State<'_, AppState>) -> Res<Timeline> {
    milestones::timeline(&state.workspace().await?).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_add(state: State<'_, AppState>, project_id: i64, input: MilestoneInput) -> Res<Milestone> {
    milestones::add(&state.workspace().await?, project_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_update(state: State<'_, AppState>, id: i64, input: MilestoneInput) -> Res<Milestone> {
    milestones::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    milestones::delete(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_add_dependency(state: State<'_, AppState>, id: i64, depends_on: i64) -> Res<()> {
    milestones::add_dependency(&state.workspace().await?, id, depends_on).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_remove_dependency(state: State<'_, AppState>, id: i64, depends_on: i64) -> Res<()> {
    milestones::remove_dependency(&state.workspace().await?, id, depends_on).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_metrics(state: State<'_, AppState>, project_id: i64) -> Res<MetricsWithReadings> {
    metrics::of_project(&state.workspace().await?, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn metric_add(state: State<'_, AppState>, project_id: i64, input: MetricInput) -> Res<()> {
    metrics::add(&state.workspace().await?, project_id, input).await.map(|_| ())
}

#[tauri::command]
#[specta::specta]
pub async fn metric_reading_add(state: State<'_, AppState>, metric_id: i64, taken_on: String, value: f64) -> Res<()> {
    metrics::add_reading(&state.workspace().await?, metric_id, &taken_on, value).await.map(|_| ())
}

#[tauri::command]
#[specta::specta]
pub async fn metric_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    metrics::delete(&state.workspace().await?, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_templates(state: State<'_, AppState>, language: Lang) -> Res<Vec<Template>> {
    service::templates(&state.workspace().await?, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_steps(state: State<'_, AppState>, template_id: i64) -> Res<Vec<Step>> {
    service::template_steps(&state.workspace().await?, template_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_steps_save(state: State<'_, AppState>, template_id: i64, steps: Vec<Step>) -> Res<Vec<Step>> {
    service::save_template_steps(&state.workspace().await?, template_id, steps).await
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_apply(state: State<'_, AppState>, project_id: i64, input: ApplyCadence, language: Lang) -> Res<Vec<Touchpoint>> {
    service::apply_cadence(&state.workspace().await?, project_id, input, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn touchpoints_list(state: State<'_, AppState>, project_id: i64) -> Res<Vec<Touchpoint>> {
    followup::touchpoints(&state.workspace().await?, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn touchpoint_complete(state: State<'_, AppState>, id: i64, done_on: String, result: String) -> Res<Vec<Touchpoint>> {
    service::complete(&state.workspace().await?, id, &done_on, &result).await
}

/// Takes back a completion and the dates it moved.
#[tauri::command]
#[specta::specta]
pub async fn touchpoint_undo_replan(state: State<'_, AppState>, replan_id: i64) -> Res<Vec<Touchpoint>> {
    service::undo_replan(&state.workspace().await?, replan_id).await
}

/// Moves one open follow-up to the day agreed with the counterpart.
#[tauri::command]
#[specta::specta]
pub async fn touchpoint_reschedule(state: State<'_, AppState>, id: i64, due_on: String) -> Res<Touchpoint> {
    service::reschedule(&state.workspace().await?, id, &due_on).await
}

#[tauri::command]
#[specta::specta]
pub async fn touchpoint_skip(state: State<'_, AppState>, id: i64) -> Res<()> {
    service::skip(&state.workspace().await?, id).await
}

/// Takes up the proposed escalation of an overdue touchpoint: ask the sponsor.
#[tauri::command]
#[specta::specta]
pub async fn touchpoint_escalate(state: State<'_, AppState>, id: i64, today: String) -> Res<Touchpoint> {
    service::escalate(&state.workspace().await?, id, &today).await
}

#[tauri::command]
#[specta::specta]
pub async fn touchpoint_draft(state: State<'_, AppState>, id: i64, language: Lang) -> Res<String> {
    followup::draft(&state.workspace().await?, id, language).await
}

/// Saves the open touchpoints (of one project, or all) as an .ics file through the save dialog.
#[tauri::command]
#[specta::specta]
pub async fn touchpoints_export_ics<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, project_id: Option<i64>) -> Res<Option<String>> {
    let Some(path) = crate::save_dialog::ask(&app, "iCalendar", "ics", "liaison.ics") else { return Ok(None) };
    followup::export_ics(&state.workspace().await?, project_id, &path, chrono::Utc::now()).await?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn weekly_reports(state: State<'_, AppState>, project_id: i64) -> Res<Vec<WeeklyReport>> {
    followup::weekly_reports(&state.workspace().await?, project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn weekly_report_draft(state: State<'_, AppState>, project_id: i64, today: String, language: Lang) -> Res<WeeklyReport> {
    followup::report_draft(&state.workspace().await?, project_id, &today, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn weekly_report_save(state: State<'_, AppState>, project_id: i64, report: WeeklyReport) -> Res<()> {
    followup::save_weekly_report(&state.workspace().await?, project_id, &report).await
}

/// The report as plain text, ready to paste.
#[tauri::command]
#[specta::specta]
pub async fn weekly_report_text(state: State<'_, AppState>, project_id: i64, report: WeeklyReport, language: Lang) -> Res<String> {
    followup::weekly_report_text(&state.workspace().await?, project_id, &report, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_days(state: State<'_, AppState>) -> Res<Vec<CalendarDay>> {
    calendar::days(&state.workspace().await?).await
}

/// Adds or changes a holiday or make-up working day (next year's, once announced).
#[tauri::command]
#[specta::specta]
pub async fn calendar_day_save(state: State<'_, AppState>, day: CalendarDay) -> Res<()> {
    calendar::save(&state.workspace().await?, &day).await
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_day_delete(state: State<'_, AppState>, day: String) -> Res<()> {
    calendar::delete(&state.workspace().await?, &day).await
}
