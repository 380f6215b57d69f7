//! One thread from a problem to its validated fix (S1–S5): the problem, the proposals written
//! about it, the project that carries the fix, each page showing the others.

use serde::Serialize;

use crate::error::Result;
use crate::repo::project_problems::{self, LinkedProblem, LinkedProject};
use crate::repo::{problems, projects, proposal_drafts};
use crate::{Id, Workspace};

/// A proposal as the other pages name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LinkedProposal {
    pub proposal_id: Id,
    pub title: String,
    pub problem_id: Option<Id>,
    pub project_id: Option<Id>,
}

/// Everything linked to one problem or one project.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Thread {
    pub problems: Vec<LinkedProblem>,
    pub proposals: Vec<LinkedProposal>,
    pub projects: Vec<LinkedProject>,
}

/// The project works on the problem: its launch is then the problem's "before and after".
pub async fn link_problem(ws: &Workspace, project_id: Id, problem_id: Id) -> Result<Thread> {
    let mut tx = ws.write().await?;
    projects::get(&mut *tx, project_id).await?;
    problems::get(&mut *tx, problem_id).await.map_err(|e| e.on_field("problemId"))?;
    project_problems::link(&mut *tx, project_id, problem_id).await?;
    tx.commit().await?;
    of_project(ws, project_id).await
}

pub async fn of_problem(ws: &Workspace, problem_id: Id) -> Result<Thread> {
    let mut conn = ws.pool().acquire().await?;
    let problem = problems::get(&mut *conn, problem_id).await?;
    let projects = project_problems::projects_of(&mut *conn, problem_id).await?;
    let proposals = proposals_where(&mut conn, |d| d.problem_id == Some(problem_id) || d.project_id.is_some_and(|p| projects.iter().any(|x| x.project_id == p))).await?;
    let problems = vec![LinkedProblem { problem_id, title: problem.input.title }];
    Ok(Thread { problems, proposals, projects })
}

pub async fn of_project(ws: &Workspace, project_id: Id) -> Result<Thread> {
    let mut conn = ws.pool().acquire().await?;
    let project = projects::get(&mut *conn, project_id).await?;
    let problems = project_problems::problems_of(&mut *conn, project_id).await?;
    let proposals = proposals_where(&mut conn, |d| d.project_id == Some(project_id) || d.problem_id.is_some_and(|p| problems.iter().any(|x| x.problem_id == p))).await?;
    let projects = vec![LinkedProject { project_id, title: project.input.title, launch_on: project.input.launch_on }];
    Ok(Thread { problems, proposals, projects })
}

async fn proposals_where(conn: &mut sqlx::SqliteConnection, keep: impl Fn(&LinkedProposal) -> bool) -> Result<Vec<LinkedProposal>> {
    Ok(proposal_drafts::list(&mut *conn)
        .await?
        .into_iter()
        .map(|d| LinkedProposal { proposal_id: d.id, title: d.document.title, problem_id: d.subject.problem_id, project_id: d.subject.project_id })
        .filter(keep)
        .collect())
}
