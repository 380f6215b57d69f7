//! An approved proposal becomes its project (S1–S5): the approval is recorded, the problem's S7
//! record follows, and the project is pre-filled from the recommended option — co-owners, each
//! department's commitment, milestones from the timeline, success metrics from the expected
//! effects — for the director to edit before anything is written.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::lang::Lang;
use crate::repo::commitments::CommitmentInput;
use crate::repo::milestones::MilestoneInput;
use crate::repo::project_metrics::{MetricDirection, MetricInput};
use crate::repo::proposal_drafts;
pub use crate::repo::proposal_drafts::Approval;
use crate::repo::proposal_options::{self, ProposalOption};
use crate::repo::{commitments, departments, milestones, people, problems, project_metrics, project_problems, projects, settings, sla_terms};
use crate::service::projects::{day_string, parse_day, ProjectInput, ProjectStatus};
use crate::text::clean;
use crate::{Id, Workspace};

/// Records the approval; refused without a recommended option (what would have been approved?).
pub async fn approve(ws: &Workspace, draft_id: Id, a: Approval) -> Result<Approval> {
    let day = parse_day(&a.approved_on, "approvedOn")?;
    let a = Approval { approved_on: day_string(day), approved_by: clean(&a.approved_by, "approvedBy", 100)? };
    let mut tx = ws.write().await?;
    let draft = proposal_drafts::get(&mut *tx, draft_id).await?;
    recommended(proposal_options::list_for(&mut *tx, draft_id).await?)?;
    proposal_drafts::approve(&mut *tx, draft_id, &a).await?;
    if let Some(problem_id) = draft.subject.problem_id {
        let offset = settings::month_offset_seconds(&mut *tx).await?;
        let started = proposal_drafts::created_at_of(&mut *tx, draft_id).await?;
        problems::mark_approved(&mut *tx, problem_id, started, day_start_ms(day, offset)).await?;
    }
    tx.commit().await?;
    Ok(a)
}

pub async fn approval(ws: &Workspace, draft_id: Id) -> Result<Option<Approval>> {
    proposal_drafts::approval_of(ws.pool(), draft_id).await
}

fn recommended(options: Vec<ProposalOption>) -> Result<ProposalOption> {
    options.into_iter().find(|o| o.recommended).ok_or_else(|| CoreError::new(ErrorCode::NoRecommendedOption).on_field("recommended"))
}

fn day_start_ms(day: NaiveDate, offset_s: i64) -> i64 {
    day.and_hms_opt(0, 0, 0).map_or(0, |d| d.and_utc().timestamp_millis()) - offset_s * 1000
}

/// The project as the approved proposal suggests it; every part editable before it is created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProjectPlan {
    pub project: ProjectInput,
    pub co_owners: CoOwners,
    pub commitments: Vec<CommitmentInput>,
    pub milestones: Vec<MilestoneInput>,
    pub metrics: Vec<PlannedMetric>,
}

/// The two sponsors who co-own the project: the director's own (named in the SLA settings) and
/// the one chosen for the problem on the other side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CoOwners {
    pub ours: Option<Id>,
    pub theirs: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PlannedMetric {
    #[serde(flatten)]
    pub metric: MetricInput,
    /// The baseline comes from the problem's evidence chain, not from the option's text.
    pub baseline_computed: bool,
}

/// A read: nothing is written until [`create_project`].
pub async fn plan(ws: &Workspace, draft_id: Id, lang: Lang) -> Result<ProjectPlan> {
    let mut conn = ws.pool().acquire().await?;
    let draft = proposal_drafts::get(&mut *conn, draft_id).await?;
    let Some(approval) = proposal_drafts::approval_of(&mut *conn, draft_id).await? else {
        return Err(CoreError::new(ErrorCode::ProposalNotApproved));
    };
    let option = recommended(proposal_options::list_for(&mut *conn, draft_id).await?)?;
    let start = parse_day(&approval.approved_on, "approvedOn")?;
    let problem = match draft.subject.problem_id {
        Some(id) => Some(problems::get(&mut *conn, id).await?),
        None => None,
    };

    let milestones = phases_to_milestones(&option, start);
    let total_weeks: i32 = option.input.phases.iter().map(|p| p.weeks).sum();
    let departments = departments::list(&mut *conn).await?;
    let commitments = option
        .input
        .resources
        .iter()
        .map(|r| {
            let name = departments.iter().find(|d| d.id == r.department_id).map(|d| d.name.clone()).unwrap_or_default();
            let weeks = (total_weeks > 0).then_some(f64::from(total_weeks));
            CommitmentInput {
                department_id: Some(r.department_id),
                is_mine: false,
                description: if r.note.trim().is_empty() { per_weeks(lang, &name, r.person_weeks) } else { r.note.trim().to_owned() },
                // Person-weeks over the timeline: how many people, on average, for how long.
                people: weeks.map(|w| (r.person_weeks / w * 10.0).round() / 10.0),
                weeks,
                budget: r.cost,
            }
        })
        .collect();
    let mut metrics: Vec<PlannedMetric> = option
        .input
        .effects
        .iter()
        .map(|e| PlannedMetric {
            metric: MetricInput {
                department_id: None,
                name: e.metric.clone(),
                unit: e.unit.clone(),
                direction: if e.to < e.from { MetricDirection::Down } else { MetricDirection::Up },
                baseline: e.from,
                target: e.to,
            },
            baseline_computed: false,
        })
        .collect();
    if let Some(p) = &problem {
        drop(conn);
        if let Some(rate) = incident_rate(ws, p.id, &option, lang).await? {
            metrics.insert(0, rate);
        }
        conn = ws.pool().acquire().await?;
    }
    let co_owners = co_owners(&mut conn, problem.as_ref().and_then(|p| p.sponsor_person_id)).await?;
    Ok(ProjectPlan {
        project: ProjectInput {
            title: option.input.title.clone(),
            goal: problem.as_ref().map(|p| goal(lang, &p.input.title, &option.input.title)).unwrap_or_else(|| option.input.description.clone()),
            status: ProjectStatus::Active,
            impact_metrics: String::new(),
            benefits: option.input.pros.clone(),
            anchor_on: Some(approval.approved_on.clone()),
            launch_on: milestones.last().map(|m| m.ends_on.clone()),
        },
        co_owners,
        commitments,
        milestones,
        metrics,
    })
}

/// One phase after another from the approval day, each `weeks` long.
fn phases_to_milestones(option: &ProposalOption, start: NaiveDate) -> Vec<MilestoneInput> {
    let mut next = start;
    option
        .input
        .phases
        .iter()
        .map(|p| {
            let days = u64::try_from(p.weeks.max(1)).unwrap_or(1) * 7;
            let end = next.checked_add_days(Days::new(days - 1)).unwrap_or(next);
            let m = MilestoneInput { name: p.name.clone(), starts_on: day_string(next), ends_on: day_string(end), staffing: String::new(), exit_criteria: String::new(), done_on: None };
            next = end.checked_add_days(Days::new(1)).unwrap_or(end);
            m
        })
        .collect()
}

/// The problem's weekly incident rate as the evidence chain measured it, as the project's first
/// success metric; the target follows the largest fall the recommended option expects.
async fn incident_rate(ws: &Workspace, problem_id: Id, option: &ProposalOption, lang: Lang) -> Result<Option<PlannedMetric>> {
    let evidence = crate::evidence::compute(ws, problem_id, lang).await?;
    let Some(rate) = evidence.prevalence.events_per_week else { return Ok(None) };
    let fall = option.input.effects.iter().filter(|e| e.from > 0.0 && e.to < e.from).map(|e| (e.from - e.to) / e.from).fold(0.0_f64, f64::max);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    Ok(Some(PlannedMetric {
        metric: MetricInput {
            department_id: None,
            name: match lang { Lang::ZhCn => "问题发生次数", Lang::En => "Problem events" }.to_owned(),
            unit: match lang { Lang::ZhCn => "次/周", Lang::En => "per week" }.to_owned(),
            direction: MetricDirection::Down,
            baseline: round(rate),
            target: round(rate * (1.0 - fall)),
        },
        baseline_computed: true,
    }))
}

/// The director's own sponsor, found by the name the SLA settings give, and the problem's sponsor.
async fn co_owners(conn: &mut sqlx::SqliteConnection, problem_sponsor: Option<Id>) -> Result<CoOwners> {
    let name = settings::get(&mut *conn, sla_terms::SPONSOR_KEY).await?.unwrap_or_default();
    let ours = people::list(&mut *conn).await?.into_iter().find(|p| !name.trim().is_empty() && p.name == name.trim()).map(|p| p.id);
    Ok(CoOwners { ours, theirs: problem_sponsor.filter(|p| Some(*p) != ours) })
}

fn per_weeks(lang: Lang, department: &str, person_weeks: f64) -> String {
    match lang {
        Lang::ZhCn => format!("{department}投入 {person_weeks} 人周"),
        Lang::En => format!("{department}: {person_weeks} person-weeks"),
    }
}

fn goal(lang: Lang, problem: &str, option: &str) -> String {
    match lang {
        Lang::ZhCn => format!("解决「{problem}」：{option}"),
        Lang::En => format!("Fix “{problem}”: {option}"),
    }
}

/// Creates the project as the director edited the plan, in one transaction: the project, its
/// co-owners, commitments, milestones and metrics, the link to the problem and to the proposal.
pub async fn create_project(ws: &Workspace, draft_id: Id, plan: ProjectPlan) -> Result<crate::service::projects::Project> {
    let input = crate::service::projects::validate(plan.project)?;
    let commitments_in = plan.commitments.into_iter().enumerate().map(|(i, c)| crate::service::commitments::check_commitment(c).map_err(|e| within(e, "commitments", i))).collect::<Result<Vec<_>>>()?;
    let milestones_in = plan.milestones.into_iter().enumerate().map(|(i, m)| crate::service::milestones::check_milestone(m).map_err(|e| within(e, "milestones", i))).collect::<Result<Vec<_>>>()?;
    let metrics_in = plan.metrics.into_iter().enumerate().map(|(i, m)| crate::service::metrics::check_metric(m.metric).map_err(|e| within(e, "metrics", i))).collect::<Result<Vec<_>>>()?;
    let mut tx = ws.write().await?;
    let draft = proposal_drafts::get(&mut *tx, draft_id).await?;
    let Some(approval) = proposal_drafts::approval_of(&mut *tx, draft_id).await? else {
        return Err(CoreError::new(ErrorCode::ProposalNotApproved));
    };
    if let Some(launch) = &input.launch_on {
        if launch.as_str() < approval.approved_on.as_str() {
            return Err(CoreError::new(ErrorCode::LaunchBeforeProposal).with("launch", launch).with("approved", &approval.approved_on).on_field("project.launchOn"));
        }
    }
    let project_id = projects::insert(&mut *tx, &input).await?;
    match (plan.co_owners.ours, plan.co_owners.theirs) {
        (None, None) => {}
        (Some(ours), Some(theirs)) => crate::service::projects::put_co_owners(&mut tx, project_id, ours, theirs).await.map_err(|e| e.on_field("coOwners.theirs"))?,
        (None, Some(_)) => return Err(CoreError::required("coOwners.ours")),
        (Some(_), None) => return Err(CoreError::required("coOwners.theirs")),
    }
    for c in &commitments_in {
        commitments::insert(&mut *tx, project_id, c).await?;
    }
    for m in &milestones_in {
        milestones::insert(&mut *tx, project_id, m).await?;
    }
    for m in &metrics_in {
        project_metrics::insert(&mut *tx, project_id, m).await?;
    }
    if let Some(problem_id) = draft.subject.problem_id {
        project_problems::link(&mut *tx, project_id, problem_id).await?;
    }
    proposal_drafts::set_project(&mut *tx, draft_id, project_id).await?;
    let created = projects::get(&mut *tx, project_id).await?;
    tx.commit().await?;
    Ok(created)
}

/// "milestones.2.endsOn": which row of which list a refused value is in.
fn within(mut e: CoreError, list: &str, i: usize) -> CoreError {
    e.field = Some(match e.field.take() {
        Some(f) => format!("{list}.{i}.{f}"),
        None => format!("{list}.{i}"),
    });
    e
}
