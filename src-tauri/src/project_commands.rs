//! Commands of the project tracker: projects, co-owners and roles, commitments, milestones,
//! metrics, the follow-up cadence and its touchpoints, calendar export, weekly reports, Today.

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use liaison_core::cadence::Step;
use liaison_core::Lang;
use liaison_core::repo::cadence_templates::{self, Template};
use liaison_core::repo::calendar_days::{self, CalendarDay};
use liaison_core::repo::commitments::{self, Commitment, CommitmentInput};
use liaison_core::repo::milestones::{self, Milestone, MilestoneInput};
use liaison_core::repo::project_metrics::{self, MetricInput, ProjectMetric, Reading};
use liaison_core::repo::project_people::{self, ProjectRole};
use liaison_core::repo::projects::{Project, ProjectInput};
use liaison_core::repo::touchpoints::{self, Touchpoint};
use liaison_core::repo::weekly_reports::{self, WeeklyReport};
use liaison_core::service::followup::{self, Today};
use liaison_core::service::projects::{self as service, ApplyCadence, parse_day};
use liaison_core::{CoreError, ErrorCode};

use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

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
    liaison_core::repo::projects::soft_delete(state.workspace().await?.pool(), id).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_set_co_owners(state: State<'_, AppState>, id: i64, a: i64, b: i64) -> Res<()> {
    service::set_co_owners(&state.workspace().await?, id, a, b).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_add_role(state: State<'_, AppState>, id: i64, person_id: i64, role: ProjectRole) -> Res<()> {
    let ws = state.workspace().await?;
    liaison_core::repo::people::get(ws.pool(), person_id).await?;
    project_people::add(ws.pool(), id, person_id, role).await
}

#[tauri::command]
#[specta::specta]
pub async fn project_remove_role(state: State<'_, AppState>, id: i64, person_id: i64, role: ProjectRole) -> Res<()> {
    project_people::remove(state.workspace().await?.pool(), id, person_id, role).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitments_list(state: State<'_, AppState>, project_id: i64) -> Res<Vec<Commitment>> {
    commitments::list_for(state.workspace().await?.pool(), project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitment_add(state: State<'_, AppState>, project_id: i64, input: CommitmentInput) -> Res<Vec<Commitment>> {
    let ws = state.workspace().await?;
    let input = CommitmentInput { description: liaison_core::text::clean(&input.description, "description", 500)?, ..input };
    commitments::insert(ws.pool(), project_id, &input).await?;
    commitments::list_for(ws.pool(), project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitment_set_done(state: State<'_, AppState>, id: i64, done: bool) -> Res<()> {
    commitments::set_done(state.workspace().await?.pool(), id, done).await
}

#[tauri::command]
#[specta::specta]
pub async fn commitment_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    commitments::delete(state.workspace().await?.pool(), id).await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub milestones: Vec<Milestone>,
    /// (milestone, depends on)
    pub dependencies: Vec<(i64, i64)>,
}

/// Every project's milestones and the dependencies between them (also across projects).
#[tauri::command]
#[specta::specta]
pub async fn timeline(state: State<'_, AppState>) -> Res<Timeline> {
    let ws = state.workspace().await?;
    Ok(Timeline { milestones: milestones::list_all(ws.pool()).await?, dependencies: milestones::dependencies(ws.pool()).await? })
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_add(state: State<'_, AppState>, project_id: i64, input: MilestoneInput) -> Res<Milestone> {
    service::add_milestone(&state.workspace().await?, project_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_update(state: State<'_, AppState>, id: i64, input: MilestoneInput) -> Res<Milestone> {
    service::update_milestone(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    milestones::delete(state.workspace().await?.pool(), id).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_add_dependency(state: State<'_, AppState>, id: i64, depends_on: i64) -> Res<()> {
    service::add_dependency(&state.workspace().await?, id, depends_on).await
}

#[tauri::command]
#[specta::specta]
pub async fn milestone_remove_dependency(state: State<'_, AppState>, id: i64, depends_on: i64) -> Res<()> {
    milestones::remove_dependency(state.workspace().await?.pool(), id, depends_on).await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MetricsWithReadings {
    pub metrics: Vec<ProjectMetric>,
    pub readings: Vec<Reading>,
}

#[tauri::command]
#[specta::specta]
pub async fn project_metrics(state: State<'_, AppState>, project_id: i64) -> Res<MetricsWithReadings> {
    let ws = state.workspace().await?;
    Ok(MetricsWithReadings {
        metrics: project_metrics::list_for(ws.pool(), project_id).await?,
        readings: project_metrics::readings_for(ws.pool(), project_id).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn metric_add(state: State<'_, AppState>, project_id: i64, input: MetricInput) -> Res<()> {
    let ws = state.workspace().await?;
    let input = MetricInput { name: liaison_core::text::clean(&input.name, "name", 100)?, unit: liaison_core::text::bounded(&input.unit, "unit", 20)?, ..input };
    project_metrics::insert(ws.pool(), project_id, &input).await.map(|_| ())
}

#[tauri::command]
#[specta::specta]
pub async fn metric_reading_add(state: State<'_, AppState>, metric_id: i64, taken_on: String, value: f64) -> Res<()> {
    parse_day(&taken_on, "takenOn")?;
    if !value.is_finite() {
        return Err(CoreError::new(ErrorCode::InvalidNumber).with("value", value).on_field("value"));
    }
    project_metrics::add_reading(state.workspace().await?.pool(), metric_id, &taken_on, value).await.map(|_| ())
}

#[tauri::command]
#[specta::specta]
pub async fn metric_delete(state: State<'_, AppState>, id: i64) -> Res<()> {
    project_metrics::delete(state.workspace().await?.pool(), id).await
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_templates(state: State<'_, AppState>, language: Lang) -> Res<Vec<Template>> {
    let ws = state.workspace().await?;
    let mut conn = ws.pool().acquire().await?;
    service::default_template(&mut conn, language).await?;
    cadence_templates::list(&mut *conn).await
}

#[tauri::command]
#[specta::specta]
pub async fn cadence_steps(state: State<'_, AppState>, template_id: i64) -> Res<Vec<Step>> {
    cadence_templates::steps(state.workspace().await?.pool(), template_id).await
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
    touchpoints::list_for(state.workspace().await?.pool(), project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn touchpoint_complete(state: State<'_, AppState>, id: i64, done_on: String, result: String) -> Res<Vec<Touchpoint>> {
    service::complete(&state.workspace().await?, id, &done_on, &result).await
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
    let ws = state.workspace().await?;
    let list = match project_id {
        Some(p) => touchpoints::list_for(ws.pool(), p).await?,
        None => touchpoints::open_until(ws.pool(), "9999-12-31").await?,
    };
    let Some(path) = crate::save_dialog::ask(&app, "iCalendar", "ics", "liaison.ics") else { return Ok(None) };
    std::fs::write(&path, followup::ics(&list, chrono::Utc::now()))
        .map_err(|e| CoreError::new(ErrorCode::ExportFailed).with("path", path.display()).with("detail", e))?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn weekly_reports(state: State<'_, AppState>, project_id: i64) -> Res<Vec<WeeklyReport>> {
    weekly_reports::list_for(state.workspace().await?.pool(), project_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn weekly_report_draft(state: State<'_, AppState>, project_id: i64, today: String, language: Lang) -> Res<WeeklyReport> {
    followup::report_draft(&state.workspace().await?, project_id, &today, language).await
}

#[tauri::command]
#[specta::specta]
pub async fn weekly_report_save(state: State<'_, AppState>, project_id: i64, report: WeeklyReport) -> Res<()> {
    weekly_reports::save(state.workspace().await?.pool(), project_id, &report).await
}

/// The report as plain text, ready to paste.
#[tauri::command]
#[specta::specta]
pub async fn weekly_report_text(state: State<'_, AppState>, project_id: i64, report: WeeklyReport, language: Lang) -> Res<String> {
    let project = liaison_core::repo::projects::get(state.workspace().await?.pool(), project_id).await?;
    Ok(followup::report_text(&project.input.title, &report, language))
}

#[tauri::command]
#[specta::specta]
pub async fn today(state: State<'_, AppState>, today: String) -> Res<Today> {
    followup::today(&state.workspace().await?, &today, liaison_core::time::now_ms()).await
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_days(state: State<'_, AppState>) -> Res<Vec<CalendarDay>> {
    calendar_days::list(state.workspace().await?.pool()).await
}

/// Adds or changes a holiday or make-up working day (next year's, once announced).
#[tauri::command]
#[specta::specta]
pub async fn calendar_day_save(state: State<'_, AppState>, day: CalendarDay) -> Res<()> {
    parse_day(&day.day, "day")?;
    if day.kind != "holiday" && day.kind != "workday" {
        return Err(CoreError::new(ErrorCode::InvalidChoice).with("value", &day.kind).on_field("kind"));
    }
    calendar_days::upsert(state.workspace().await?.pool(), &day).await
}

#[tauri::command]
#[specta::specta]
pub async fn calendar_day_delete(state: State<'_, AppState>, day: String) -> Res<()> {
    calendar_days::delete(state.workspace().await?.pool(), &day).await
}
