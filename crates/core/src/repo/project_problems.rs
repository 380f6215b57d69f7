//! Which projects fix which problems: the link that carries a problem to its project and the
//! project's launch back to the problem's validation.

use serde::Serialize;
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

pub async fn link<'e>(db: impl SqliteExecutor<'e>, project_id: Id, problem_id: Id) -> Result<()> {
    sqlx::query("INSERT OR IGNORE INTO project_problems (project_id, problem_id) VALUES (?, ?)")
        .bind(project_id)
        .bind(problem_id)
        .execute(db)
        .await?;
    Ok(())
}

/// A live project that works on a problem.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LinkedProject {
    pub project_id: Id,
    pub title: String,
    /// YYYY-MM-DD
    pub launch_on: Option<String>,
}

/// The problem's projects, the first to launch first (those without a date last).
pub async fn projects_of<'e>(db: impl SqliteExecutor<'e>, problem_id: Id) -> Result<Vec<LinkedProject>> {
    Ok(sqlx::query_as(
        "SELECT p.id AS project_id, p.title, p.launch_on FROM project_problems pp JOIN projects p ON p.id = pp.project_id
         WHERE pp.problem_id = ? AND p.deleted_at IS NULL ORDER BY p.launch_on IS NULL, p.launch_on, p.id",
    )
    .bind(problem_id)
    .fetch_all(db)
    .await?)
}

/// A live problem a project works on.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LinkedProblem {
    pub problem_id: Id,
    pub title: String,
}

pub async fn problems_of<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<LinkedProblem>> {
    Ok(sqlx::query_as(
        "SELECT p.id AS problem_id, p.title FROM project_problems pp JOIN problems p ON p.id = pp.problem_id
         WHERE pp.project_id = ? AND p.deleted_at IS NULL ORDER BY p.id",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?)
}
