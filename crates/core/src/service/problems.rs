//! Systemic problems: grouping incidents (by hand or from a suggestion), the director's own
//! write-up, announcing a fix back to every linked incident, and the S7 table of how problems
//! raised with more preparation fared.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::{incidents, problems};

pub use crate::evidence::{Evidence, LaunchEffect, LaunchVerdict};
pub use crate::repo::incident_filter::IncidentFilter;
pub use crate::repo::incidents::Suggestion;
pub use crate::repo::problems::{Problem, ProblemInput, ProblemStatus, StoreSet};
use crate::repo::{departments, settings, stores};
use crate::lang::Lang;
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

const TEXT_MAX: usize = 5_000;

fn validate(p: ProblemInput) -> Result<ProblemInput> {
    if !(1..=104).contains(&p.projection_weeks) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 104).on_field("projectionWeeks"));
    }
    for (from, to, field) in [(p.period_a_from, p.period_a_to, "periodATo"), (p.period_b_from, p.period_b_to, "periodBTo")] {
        if let (Some(f), Some(t)) = (from, to) {
            if t <= f {
                return Err(CoreError::new(ErrorCode::PeriodEndsBeforeStart).on_field(field));
            }
        }
    }
    for (value, field) in [(p.investment, "investment"), (p.cost_per_month, "costPerMonth"), (p.revenue_loss, "revenueLoss"), (p.customer_value, "customerValue"), (p.fix_cost, "fixCost")] {
        if value.is_some_and(|m| m.fen() < 0) {
            return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).on_field(field));
        }
    }
    if p.lost_customers.is_some_and(|n| n < 0) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).on_field("lostCustomers"));
    }
    let five_whys = p.five_whys.iter().map(|w| bounded(w, "fiveWhys", 500)).collect::<Result<Vec<_>>>()?;
    Ok(ProblemInput {
        title: clean(&p.title, "title", 200)?,
        symptoms: bounded(&p.symptoms, "symptoms", TEXT_MAX)?,
        workaround: bounded(&p.workaround, "workaround", TEXT_MAX)?,
        fix: bounded(&p.fix, "fix", TEXT_MAX)?,
        strategic_impact: bounded(&p.strategic_impact, "strategicImpact", TEXT_MAX)?,
        competitor_notes: bounded(&p.competitor_notes, "competitorNotes", TEXT_MAX)?,
        five_whys,
        ..p
    })
}

pub fn default_input(title: &str) -> ProblemInput {
    ProblemInput { title: title.to_owned(), projection_weeks: 12, ..Default::default() }
}

pub async fn create(ws: &Workspace, input: ProblemInput, link: Option<IncidentFilter>) -> Result<Problem> {
    let input = validate(input)?;
    let offset = settings::month_offset_seconds(ws.pool()).await?;
    let mut tx = ws.write().await?;
    if let Some(d) = input.owner_department_id {
        departments::get(&mut *tx, d).await.map_err(|e| e.on_field("ownerDepartmentId"))?;
    }
    let id = problems::insert(&mut *tx, &input).await?;
    if let Some(filter) = link {
        link_by(&mut tx, id, &filter, offset).await?;
    }
    let created = problems::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

pub async fn update(ws: &Workspace, id: Id, input: ProblemInput) -> Result<Problem> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    if let Some(d) = input.owner_department_id {
        departments::get(&mut *tx, d).await.map_err(|e| e.on_field("ownerDepartmentId"))?;
    }
    problems::update(&mut *tx, id, &input).await?;
    let updated = problems::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Links every incident the board's filter matches (e.g. the current selection on the board).
pub async fn link(ws: &Workspace, id: Id, filter: &IncidentFilter) -> Result<u64> {
    let offset = settings::month_offset_seconds(ws.pool()).await?;
    let mut tx = ws.write().await?;
    problems::get(&mut *tx, id).await?;
    let added = link_by(&mut tx, id, filter, offset).await?;
    tx.commit().await?;
    Ok(added)
}

/// Links the filter's incidents; the first filter with a condition besides dates becomes the
/// problem's pattern, so that the rate after a fix also counts incidents that came in since.
async fn link_by(conn: &mut sqlx::SqliteConnection, id: Id, filter: &IncidentFilter, offset: i64) -> Result<u64> {
    let added = problems::link_matching(conn, id, filter, offset).await?;
    let pattern = IncidentFilter {
        month: None,
        opened_from: None,
        opened_to: None,
        closed_from: None,
        closed_to: None,
        statuses: Vec::new(),
        problem_id: None,
        ..filter.clone()
    };
    if pattern != IncidentFilter::default() {
        problems::set_pattern_if_unset(&mut *conn, id, &pattern).await?;
    }
    Ok(added)
}

pub async fn set_stores(ws: &Workspace, id: Id, set: StoreSet, store_ids: &[Id]) -> Result<()> {
    let mut tx = ws.write().await?;
    problems::get(&mut *tx, id).await?;
    for s in store_ids {
        stores::get(&mut *tx, *s).await.map_err(|e| e.on_field("storeIds"))?;
    }
    problems::set_stores(&mut tx, id, set, store_ids).await?;
    tx.commit().await?;
    Ok(())
}

/// Tells every linked incident that is not closed that the fix is out: a status event each, and
/// the incident marked resolved. Returns how many were told.
pub async fn announce_fix(ws: &Workspace, id: Id) -> Result<u64> {
    let mut tx = ws.write().await?;
    let problem = problems::get(&mut *tx, id).await?;
    if problem.input.fix.trim().is_empty() {
        return Err(CoreError::required("fix"));
    }
    let now = crate::time::now_ms();
    let told = tell_incidents(&mut tx, &problem, &problem.input.fix, now).await?;
    tx.commit().await?;
    Ok(told)
}

/// A status event on every linked incident still open, saying the fix is out, and the incident
/// resolved; the problem marked announced. Returns how many were told.
async fn tell_incidents(tx: &mut sqlx::SqliteConnection, problem: &Problem, fix: &str, now: i64) -> Result<u64> {
    let open = problems::open_incidents(&mut *tx, problem.id).await?;
    let reason = format!("{}: {}", problem.input.title, fix.trim());
    let notes: Vec<NewEvent> = open
        .iter()
        .map(|(incident, department)| NewEvent { incident_id: *incident, kind: "status", source: "user", from_department_id: None, to_department_id: *department, rule_id: None, reason: &reason, at: now, ..Default::default() })
        .collect();
    events::insert_many(&mut *tx, &notes).await?;
    problems::resolve_open_incidents(&mut *tx, problem.id, now).await?;
    problems::mark_fix_announced(&mut *tx, problem.id, now).await?;
    Ok(open.len() as u64)
}

/// Closes a problem whose fix the data validated (level 5): its open incidents are told, it is
/// marked verified and solved, and the S7 table counts it from there.
pub async fn close_solved(ws: &Workspace, id: Id, lang: Lang) -> Result<Problem> {
    let evidence = crate::evidence::compute(ws, id, lang).await?;
    let Some(launch) = evidence.validation.launch.filter(|l| l.verdict == LaunchVerdict::Validated) else {
        return Err(CoreError::new(ErrorCode::ProblemNotValidated));
    };
    let now = crate::time::now_ms();
    let mut tx = ws.write().await?;
    let problem = problems::get(&mut *tx, id).await?;
    let fix = if problem.input.fix.trim().is_empty() { launch.project_title.as_str() } else { problem.input.fix.as_str() };
    tell_incidents(&mut tx, &problem, fix, now).await?;
    problems::mark_solved(&mut *tx, id, now).await?;
    let solved = problems::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(solved)
}

impl Suggestion {
    /// The board filter that selects this pattern's incidents in the window.
    pub fn filter(&self, from: i64) -> IncidentFilter {
        IncidentFilter {
            problem_types: vec![self.problem_type.clone()],
            products: vec![self.product.clone()],
            suppliers: vec![self.supplier.clone()],
            opened_from: Some(from),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SuggestionRule {
    pub min_stores: u32,
    pub window_days: u32,
}

/// The same type/product/supplier recurring at `min_stores` or more stores within the window,
/// most widespread first, then fastest growing.
pub async fn suggest(ws: &Workspace, rule: SuggestionRule, now: i64) -> Result<Vec<Suggestion>> {
    let from = now - i64::from(rule.window_days.max(1)) * 86_400_000;
    let middle = from + (now - from) / 2;
    incidents::recurring(ws.pool(), from, now, middle, rule.min_stores.max(1)).await
}

/// Makes a problem of a suggestion, its incidents linked.
pub async fn accept(ws: &Workspace, s: &Suggestion, rule: SuggestionRule, now: i64) -> Result<Problem> {
    let from = now - i64::from(rule.window_days.max(1)) * 86_400_000;
    let title = [s.problem_type.as_str(), s.product.as_str(), s.supplier.as_str()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" · ");
    create(ws, default_input(&title), Some(s.filter(from))).await
}

/// One row of the director's own S7 table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ApproachRow {
    /// problem_only | data_only | data_and_solution | all_strategies
    pub approach: String,
    pub cases: i64,
    pub approved_pct: Option<f64>,
    pub solved_pct: Option<f64>,
    /// From raised to solved, in months of 30.4 days.
    pub average_cycle_months: Option<f64>,
}

/// A sponsor chosen on the problem counts as one, without ticking the box again.
fn approach(problem: &Problem) -> &'static str {
    let p = &problem.input;
    match (p.had_data, p.had_solution, (p.had_sponsor || problem.sponsor_person_id.is_some()) && p.followed_up) {
        (true, true, true) => "all_strategies",
        (true, true, false) => "data_and_solution",
        (true, false, _) => "data_only",
        _ => "problem_only",
    }
}

pub async fn approach_table(ws: &Workspace) -> Result<Vec<ApproachRow>> {
    let raised: Vec<Problem> = problems::list(ws.pool()).await?.into_iter().filter(|p| p.input.raised_at.is_some()).collect();
    Ok(["problem_only", "data_only", "data_and_solution", "all_strategies"]
        .into_iter()
        .map(|name| {
            let group: Vec<&ProblemInput> = raised.iter().filter(|p| approach(p) == name).map(|p| &p.input).collect();
            let n = group.len() as f64;
            let share = |count: usize| (n > 0.0).then(|| count as f64 / n * 100.0);
            let cycles: Vec<f64> = group.iter().filter_map(|p| Some((p.solved_at? - p.raised_at?) as f64 / (30.4 * 86_400_000.0))).collect();
            ApproachRow {
                approach: name.to_owned(),
                cases: group.len() as i64,
                approved_pct: share(group.iter().filter(|p| p.approved_at.is_some()).count()),
                solved_pct: share(group.iter().filter(|p| p.solved_at.is_some()).count()),
                average_cycle_months: (!cycles.is_empty()).then(|| cycles.iter().sum::<f64>() / cycles.len() as f64),
            }
        })
        .collect())
}

pub async fn list(ws: &Workspace) -> Result<Vec<Problem>> {
    problems::list(ws.pool()).await
}

pub async fn get(ws: &Workspace, id: Id) -> Result<Problem> {
    problems::get(ws.pool(), id).await
}

/// Moves the problem to the trash.
pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    problems::soft_delete(ws.pool(), id).await
}

/// Unlinks incidents from the problem; returns how many were linked.
pub async fn unlink(ws: &Workspace, id: Id, incident_ids: &[Id]) -> Result<u64> {
    problems::unlink(ws.pool(), id, incident_ids).await
}

pub async fn stores(ws: &Workspace, id: Id, set: StoreSet) -> Result<Vec<Id>> {
    problems::stores_of(ws.pool(), id, set).await
}

/// The five-level evidence chain and the business case, computed from the data.
pub async fn evidence(ws: &Workspace, id: Id, lang: Lang) -> Result<Evidence> {
    crate::evidence::compute(ws, id, lang).await
}
