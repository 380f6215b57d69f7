//! Project phases: their dates and exit criteria, the dependencies between them (also across
//! projects, never in a loop), and every project's milestones on one timeline. Moving a milestone
//! replans the check-ins that belong to it.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::{milestones, projects};
use crate::service::projects::{day_string, parse_day, replan_build_steps};
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

pub use crate::repo::milestones::{Milestone, MilestoneInput};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub milestones: Vec<Milestone>,
    /// (milestone, depends on)
    pub dependencies: Vec<(i64, i64)>,
}

pub async fn timeline(ws: &Workspace) -> Result<Timeline> {
    Ok(Timeline { milestones: milestones::list_all(ws.pool()).await?, dependencies: milestones::dependencies(ws.pool()).await? })
}

pub async fn of_project(ws: &Workspace, project_id: Id) -> Result<Vec<Milestone>> {
    milestones::list_for(ws.pool(), project_id).await
}

pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    milestones::delete(ws.pool(), id).await
}

pub async fn remove_dependency(ws: &Workspace, id: Id, depends_on: Id) -> Result<()> {
    milestones::remove_dependency(ws.pool(), id, depends_on).await
}


pub(crate) fn check_milestone(m: MilestoneInput) -> Result<MilestoneInput> {
    let start = parse_day(&m.starts_on, "startsOn")?;
    let end = parse_day(&m.ends_on, "endsOn")?;
    if end < start {
        return Err(CoreError::new(ErrorCode::MilestoneEndsBeforeStart).on_field("endsOn"));
    }
    if let Some(done) = &m.done_on {
        parse_day(done, "doneOn")?;
    }
    Ok(MilestoneInput {
        name: clean(&m.name, "name", 100)?,
        staffing: bounded(&m.staffing, "staffing", 200)?,
        exit_criteria: bounded(&m.exit_criteria, "exitCriteria", 2_000)?,
        starts_on: day_string(start),
        ends_on: day_string(end),
        ..m
    })
}

pub async fn add(ws: &Workspace, project_id: Id, m: MilestoneInput) -> Result<Milestone> {
    let m = check_milestone(m)?;
    let mut tx = ws.write().await?;
    projects::get(&mut *tx, project_id).await?;
    let id = milestones::insert(&mut *tx, project_id, &m).await?;
    replan_build_steps(&mut tx, project_id).await?;
    let created = milestones::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Moving a milestone moves the recurring check-ins that belong to it.
pub async fn update(ws: &Workspace, id: Id, m: MilestoneInput) -> Result<Milestone> {
    let m = check_milestone(m)?;
    let mut tx = ws.write().await?;
    let project_id = milestones::get(&mut *tx, id).await?.project_id;
    milestones::update(&mut *tx, id, &m).await?;
    replan_build_steps(&mut tx, project_id).await?;
    let updated = milestones::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// `id` waits for `depends_on`; refused when that closes a loop.
pub async fn add_dependency(ws: &Workspace, id: Id, depends_on: Id) -> Result<()> {
    let mut tx = ws.write().await?;
    milestones::get(&mut *tx, id).await?;
    let other = milestones::get(&mut *tx, depends_on).await.map_err(|e| e.on_field("dependsOn"))?;
    let mut edges: HashMap<Id, Vec<Id>> = HashMap::new();
    for (m, d) in milestones::dependencies(&mut *tx).await? {
        edges.entry(m).or_default().push(d);
    }
    // A loop: `depends_on` already waits (directly or not) for `id`.
    let mut stack = vec![depends_on];
    let mut seen = HashSet::new();
    while let Some(m) = stack.pop() {
        if m == id {
            return Err(CoreError::new(ErrorCode::DependencyCycle).with("milestone", other.name).on_field("dependsOn"));
        }
        if seen.insert(m) {
            stack.extend(edges.get(&m).into_iter().flatten().copied());
        }
    }
    milestones::add_dependency(&mut *tx, id, depends_on).await?;
    tx.commit().await?;
    Ok(())
}
