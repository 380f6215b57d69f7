//! Cross-department projects (S1, S6): co-owners from two departments, commitments, milestones
//! with dependencies, success metrics, and the follow-up cadence applied to real dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cadence::{self, Calendar, Span, StepAnchor};
use crate::lang::Lang;
use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::milestones::{self, Milestone};
use crate::repo::project_people;
use crate::repo::projects;
use crate::repo::touchpoint_replans;
use crate::repo::touchpoints::{self, NewTouchpoint, Touchpoint};
use crate::repo::{cadence_templates, calendar_days, people};
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

pub use crate::cadence::Step;
pub use crate::repo::cadence_templates::Template;
pub use crate::repo::project_people::ProjectRole;
pub use crate::repo::projects::{Project, ProjectInput, ProjectStatus};
pub use crate::repo::touchpoint_replans::Move;

pub const DATE: &str = "%Y-%m-%d";

pub fn parse_day(value: &str, field: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), DATE).map_err(|_| CoreError::new(ErrorCode::InvalidDate).with("value", value).on_field(field))
}

pub(crate) fn day_string(d: NaiveDate) -> String {
    d.format(DATE).to_string()
}

pub(crate) fn validate(p: ProjectInput) -> Result<ProjectInput> {
    for (value, field) in [(&p.anchor_on, "anchorOn"), (&p.launch_on, "launchOn")] {
        if let Some(v) = value {
            parse_day(v, field)?;
        }
    }
    Ok(ProjectInput {
        title: clean(&p.title, "title", 200)?,
        goal: bounded(&p.goal, "goal", 5_000)?,
        benefits: bounded(&p.benefits, "benefits", 5_000)?,
        impact_metrics: crate::metrics::parse_metrics(&p.impact_metrics).join(","),
        ..p
    })
}

pub async fn create(ws: &Workspace, input: ProjectInput) -> Result<Project> {
    let id = projects::insert(ws.pool(), &validate(input)?).await?;
    projects::get(ws.pool(), id).await
}

pub async fn update(ws: &Workspace, id: Id, input: ProjectInput) -> Result<Project> {
    projects::update(ws.pool(), id, &validate(input)?).await?;
    projects::get(ws.pool(), id).await
}

pub async fn list(ws: &Workspace) -> Result<Vec<Project>> {
    projects::list(ws.pool()).await
}

pub async fn get(ws: &Workspace, id: Id) -> Result<Project> {
    projects::get(ws.pool(), id).await
}

/// Moves the project to the trash.
pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    projects::soft_delete(ws.pool(), id).await
}

/// Gives a person a role on the project; the person must exist.
pub async fn add_role(ws: &Workspace, project_id: Id, person_id: Id, role: ProjectRole) -> Result<()> {
    people::get(ws.pool(), person_id).await?;
    project_people::add(ws.pool(), project_id, person_id, role).await
}

pub async fn remove_role(ws: &Workspace, project_id: Id, person_id: Id, role: ProjectRole) -> Result<()> {
    project_people::remove(ws.pool(), project_id, person_id, role).await
}

/// The two executive sponsors; they must come from different departments (shared credit across
/// the line is the point of a co-owned project).
pub async fn set_co_owners(ws: &Workspace, project_id: Id, a: Id, b: Id) -> Result<()> {
    let mut tx = ws.write().await?;
    projects::get(&mut *tx, project_id).await?;
    put_co_owners(&mut tx, project_id, a, b).await?;
    tx.commit().await?;
    Ok(())
}

/// [`set_co_owners`] inside the caller's transaction.
pub(crate) async fn put_co_owners(tx: &mut sqlx::SqliteConnection, project_id: Id, a: Id, b: Id) -> Result<()> {
    let pa = people::get(&mut *tx, a).await.map_err(|e| e.on_field("coOwnerA"))?;
    let pb = people::get(&mut *tx, b).await.map_err(|e| e.on_field("coOwnerB"))?;
    if a == b || pa.department_id.is_none() || pa.department_id == pb.department_id {
        return Err(CoreError::new(ErrorCode::CoOwnersSameDepartment).with("a", pa.name).with("b", pb.name).on_field("coOwnerB"));
    }
    project_people::remove_role(&mut *tx, project_id, ProjectRole::ExecutiveSponsor).await?;
    project_people::add(&mut *tx, project_id, a, ProjectRole::ExecutiveSponsor).await?;
    project_people::add(&mut *tx, project_id, b, ProjectRole::ExecutiveSponsor).await?;
    Ok(())
}
fn spans(ms: &[Milestone]) -> Vec<Span> {
    ms.iter()
        .filter_map(|m| Some(Span { milestone_id: m.id, start: parse_day(&m.starts_on, "").ok()?, end: parse_day(&m.ends_on, "").ok()? }))
        .collect()
}

/// The cadence templates, the S6 one (in the user's language) created on first use.
pub async fn templates(ws: &Workspace, lang: Lang) -> Result<Vec<Template>> {
    let mut conn = ws.pool().acquire().await?;
    default_template(&mut conn, lang).await?;
    cadence_templates::list(&mut *conn).await
}

pub async fn template_steps(ws: &Workspace, template_id: Id) -> Result<Vec<Step>> {
    cadence_templates::steps(ws.pool(), template_id).await
}

/// The S6 template in the user's language, created the first time a cadence is applied.
pub async fn default_template(conn: &mut sqlx::SqliteConnection, lang: Lang) -> Result<Id> {
    if let Some(t) = cadence_templates::list(&mut *conn).await?.into_iter().find(|t| t.is_default) {
        return Ok(t.id);
    }
    let pick = |t: (&str, &str)| if lang == Lang::ZhCn { t.0.to_owned() } else { t.1.to_owned() };
    let id = cadence_templates::insert(&mut *conn, &pick(("跟进节奏（S6）", "Follow-up cadence (S6)")), true).await?;
    let steps: Vec<Step> = cadence::S6
        .iter()
        .enumerate()
        .map(|(i, (anchor, offset, every, action, purpose, escalates))| Step {
            id: 0,
            position: i as i32,
            anchor: *anchor,
            offset_days: *offset,
            every_days: *every,
            action: pick(*action),
            purpose: pick(*purpose),
            escalates: *escalates,
        })
        .collect();
    cadence_templates::replace_steps(conn, id, &steps).await?;
    Ok(id)
}

pub async fn save_template_steps(ws: &Workspace, template_id: Id, steps: Vec<Step>) -> Result<Vec<Step>> {
    cadence::validate_steps(&steps)?;
    let mut tx = ws.write().await?;
    cadence_templates::replace_steps(&mut tx, template_id, &steps).await?;
    let saved = cadence_templates::steps(&mut *tx, template_id).await?;
    tx.commit().await?;
    Ok(saved)
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ApplyCadence {
    pub template_id: Option<Id>,
    /// The meeting (or kickoff, or launch) day, YYYY-MM-DD.
    pub anchor_on: String,
    /// Who the follow-ups are with; logging a contact with them completes the touchpoint due.
    pub counterpart_id: Option<Id>,
}

async fn insert_planned(conn: &mut sqlx::SqliteConnection, project_id: Id, counterpart: Option<Id>, steps: &[Step], plan: &[cadence::Planned]) -> Result<()> {
    for p in plan {
        let Some(step) = steps.iter().find(|s| s.id == p.step_id) else { continue };
        let t = NewTouchpoint {
            project_id,
            step_id: Some(step.id),
            milestone_id: p.milestone_id,
            counterpart_id: counterpart,
            action: &step.action,
            purpose: &step.purpose,
            escalates: step.escalates,
            due_on: day_string(p.due),
        };
        touchpoints::insert(&mut *conn, &t).await?;
    }
    Ok(())
}

/// Plans the project's touchpoints afresh from the template; done ones stay as they are.
pub async fn apply_cadence(ws: &Workspace, project_id: Id, a: ApplyCadence, lang: Lang) -> Result<Vec<Touchpoint>> {
    let anchor = parse_day(&a.anchor_on, "anchorOn")?;
    let mut tx = ws.write().await?;
    let mut project = projects::get(&mut *tx, project_id).await?;
    if let Some(c) = a.counterpart_id {
        people::get(&mut *tx, c).await.map_err(|e| e.on_field("counterpartId"))?;
    }
    let template = match a.template_id {
        Some(t) => t,
        None => default_template(&mut tx, lang).await?,
    };
    let steps = cadence_templates::steps(&mut *tx, template).await?;
    let calendar = calendar_days::calendar(&mut *tx).await?;
    let ms = milestones::list_for(&mut *tx, project_id).await?;
    let plan = cadence::schedule(anchor, &steps, &spans(&ms), &calendar);
    touchpoints::delete_open(&mut *tx, project_id, false).await?;
    insert_planned(&mut tx, project_id, a.counterpart_id, &steps, &plan).await?;
    project.input.anchor_on = Some(day_string(anchor));
    projects::update(&mut *tx, project_id, &project.input).await?;
    let all = touchpoints::list_for(&mut *tx, project_id).await?;
    tx.commit().await?;
    Ok(all)
}

/// Re-plans the open recurring and launch-relative touchpoints after milestones changed.
pub(crate) async fn replan_build_steps(conn: &mut sqlx::SqliteConnection, project_id: Id) -> Result<()> {
    let existing = touchpoints::list_for(&mut *conn, project_id).await?;
    let Some(step_id) = existing.iter().find_map(|t| t.step_id) else { return Ok(()) };
    let Some(template) = cadence_templates::template_of_step(&mut *conn, step_id).await? else { return Ok(()) };
    let counterpart = existing.iter().find_map(|t| t.counterpart_id);
    let steps: Vec<Step> = cadence_templates::steps(&mut *conn, template).await?.into_iter().filter(|s| s.anchor != StepAnchor::AfterAnchor).collect();
    let calendar = calendar_days::calendar(&mut *conn).await?;
    let ms = milestones::list_for(&mut *conn, project_id).await?;
    touchpoints::delete_open(&mut *conn, project_id, true).await?;
    // Only milestone- and launch-relative steps are planned here, so the anchor date is unused.
    let plan = cadence::schedule(NaiveDate::MIN, &steps, &spans(&ms), &calendar);
    insert_planned(conn, project_id, counterpart, &steps, &plan).await
}

/// A touchpoint completed and the later steps it moved, dates before and after; undone by
/// [`undo_replan`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Replan {
    pub id: Id,
    pub touchpoint: Touchpoint,
    pub moves: Vec<Move>,
}

/// Marks a touchpoint done on `done_on`; the open after-anchor ones behind it keep the
/// template's spacing from that day (a late recap moves the week-2 check with it).
pub async fn complete(ws: &Workspace, id: Id, done_on: &str, result: &str) -> Result<Vec<Touchpoint>> {
    let day = parse_day(done_on, "doneOn")?;
    let result = bounded(result, "result", 2_000)?;
    let mut tx = ws.write().await?;
    let t = touchpoints::get(&mut *tx, id).await?;
    complete_in(&mut tx, &t, day, &result, None).await?;
    let all = touchpoints::list_for(&mut *tx, t.project_id).await?;
    tx.commit().await?;
    Ok(all)
}

async fn complete_in(conn: &mut sqlx::SqliteConnection, t: &Touchpoint, day: NaiveDate, result: &str, interaction_id: Option<Id>) -> Result<Replan> {
    let done_on = day_string(day);
    touchpoints::set_state(&mut *conn, t.id, "done", Some(&done_on), result).await?;
    let replan_id = touchpoint_replans::insert(&mut *conn, t.id, interaction_id, &done_on).await?;
    if let (Some(StepAnchor::AfterAnchor), Some(from)) = (t.anchor, t.step_offset) {
        let calendar = calendar_days::calendar(&mut *conn).await?;
        for next in touchpoints::list_for(&mut *conn, t.project_id).await? {
            let Some(to) = next.step_offset.filter(|o| *o > from) else { continue };
            if next.state != "open" || next.anchor != Some(StepAnchor::AfterAnchor) {
                continue;
            }
            let after_on = day_string(cadence::respace(day, from, to, &calendar));
            if after_on != next.due_on {
                touchpoints::set_due(&mut *conn, next.id, &after_on).await?;
                let m = Move { touchpoint_id: next.id, action: next.action, before_on: next.due_on, after_on };
                touchpoint_replans::insert_move(&mut *conn, replan_id, &m).await?;
            }
        }
    }
    Ok(Replan { id: replan_id, touchpoint: touchpoints::get(&mut *conn, t.id).await?, moves: touchpoint_replans::moves(&mut *conn, replan_id).await? })
}

/// Takes a completion back: the touchpoint is open again and the steps it moved go back to
/// their days, unless the user has since moved or closed them. Returns the project's touchpoints.
pub async fn undo_replan(ws: &Workspace, replan_id: Id) -> Result<Vec<Touchpoint>> {
    let mut tx = ws.write().await?;
    let r = touchpoint_replans::get_live(&mut *tx, replan_id).await?;
    let t = touchpoints::get(&mut *tx, r.touchpoint_id).await?;
    touchpoints::set_state(&mut *tx, t.id, "open", None, "").await?;
    for m in touchpoint_replans::moves(&mut *tx, replan_id).await? {
        let now = touchpoints::get(&mut *tx, m.touchpoint_id).await?;
        if now.state == "open" && now.due_on == m.after_on {
            touchpoints::set_due(&mut *tx, m.touchpoint_id, &m.before_on).await?;
        }
    }
    touchpoint_replans::mark_undone(&mut *tx, replan_id).await?;
    let all = touchpoints::list_for(&mut *tx, t.project_id).await?;
    tx.commit().await?;
    Ok(all)
}

/// Moves one open touchpoint to another day (the director agreed a new date with the
/// counterpart); the others keep theirs.
pub async fn reschedule(ws: &Workspace, id: Id, due_on: &str) -> Result<Touchpoint> {
    let day = parse_day(due_on, "dueOn")?;
    let t = touchpoints::get(ws.pool(), id).await?;
    if t.state != "open" {
        return Err(CoreError::new(ErrorCode::InvalidChoice).on_field("dueOn").with("value", t.state));
    }
    touchpoints::set_due(ws.pool(), id, &day_string(day)).await?;
    touchpoints::get(ws.pool(), id).await
}

pub async fn skip(ws: &Workspace, id: Id) -> Result<()> {
    touchpoints::set_state(ws.pool(), id, "skipped", None, "").await
}

/// A contact with any counterpart of a project (the person a touchpoint is with, a co-owner or
/// any other role holder) answers the project's earliest open touchpoint, however early or late
/// it comes, and re-plans the steps after it. A contact dated before the project's meeting or
/// before its last answered touchpoint answers nothing (a back-dated entry).
pub async fn on_interaction(conn: &mut sqlx::SqliteConnection, person_id: Id, day: NaiveDate, interaction_id: Id) -> Result<Vec<Replan>> {
    let open = touchpoints::open_until(&mut *conn, "9999-12-31").await?;
    let mut projects_of: Vec<Id> = project_people::list(&mut *conn).await?.into_iter().filter(|m| m.person_id == person_id).map(|m| m.project_id).collect();
    projects_of.extend(open.iter().filter(|t| t.counterpart_id == Some(person_id)).map(|t| t.project_id));
    projects_of.sort_unstable();
    projects_of.dedup();
    let mut out = Vec::new();
    for project_id in projects_of {
        let Some(t) = open.iter().find(|t| t.project_id == project_id) else { continue };
        let anchor = projects::get(&mut *conn, project_id).await?.input.anchor_on.and_then(|a| parse_day(&a, "").ok());
        let done = touchpoints::list_for(&mut *conn, project_id).await?.into_iter().filter_map(|x| x.done_on).max();
        if anchor.is_some_and(|a| day < a) || done.is_some_and(|d| day_string(day) < d) {
            continue;
        }
        out.push(complete_in(conn, t, day, "", Some(interaction_id)).await?);
    }
    Ok(out)
}

/// A touchpoint past due with no result, and the escalation step it calls for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EscalationProposal {
    pub touchpoint: Touchpoint,
    pub action: String,
    /// Who to ask: the counterpart's own manager, else an executive sponsor other than them.
    pub sponsor_id: Option<Id>,
}

pub async fn escalation_proposals(conn: &mut sqlx::SqliteConnection, today: NaiveDate) -> Result<Vec<EscalationProposal>> {
    let overdue = touchpoints::open_until(&mut *conn, &day_string(today - chrono::Days::new(1))).await?;
    let members = project_people::list(&mut *conn).await?;
    let mut out = Vec::new();
    for t in overdue.into_iter().filter(|t| !t.escalates) {
        let Some(step_id) = t.step_id else { continue };
        let Some(step) = cadence_templates::escalation_for(&mut *conn, step_id).await? else { continue };
        let manager = match t.counterpart_id {
            Some(c) => people::get(&mut *conn, c).await.ok().and_then(|p| p.reports_to_id),
            None => None,
        };
        let sponsor_id = manager.or_else(|| {
            members
                .iter()
                .find(|m| m.project_id == t.project_id && m.role == ProjectRole::ExecutiveSponsor && Some(m.person_id) != t.counterpart_id)
                .map(|m| m.person_id)
        });
        out.push(EscalationProposal { touchpoint: t, action: step.action, sponsor_id });
    }
    Ok(out)
}

/// Takes up a proposal: an escalation touchpoint due the next working day, with the sponsor.
pub async fn escalate(ws: &Workspace, touchpoint_id: Id, today: &str) -> Result<Touchpoint> {
    let today = parse_day(today, "today")?;
    let mut tx = ws.write().await?;
    let proposals = escalation_proposals(&mut tx, today).await?;
    let p = proposals.into_iter().find(|p| p.touchpoint.id == touchpoint_id).ok_or_else(|| CoreError::not_found("touchpoint", touchpoint_id))?;
    let calendar: Calendar = calendar_days::calendar(&mut *tx).await?;
    let due = calendar.on_or_after(today + chrono::Days::new(1));
    let t = NewTouchpoint {
        project_id: p.touchpoint.project_id,
        step_id: None,
        milestone_id: None,
        counterpart_id: p.sponsor_id,
        action: &p.action,
        purpose: &p.touchpoint.action,
        escalates: true,
        due_on: day_string(due),
    };
    let id = touchpoints::insert(&mut *tx, &t).await?;
    let created = touchpoints::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}
