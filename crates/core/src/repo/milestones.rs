//! Project phases with dates, staffing and exit criteria, and the dependencies between them.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub id: Id,
    pub project_id: Id,
    pub name: String,
    /// YYYY-MM-DD, in the workspace zone.
    pub starts_on: String,
    pub ends_on: String,
    pub staffing: String,
    pub exit_criteria: String,
    pub done_on: Option<String>,
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MilestoneInput {
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub staffing: String,
    pub exit_criteria: String,
    pub done_on: Option<String>,
}

const SELECT: &str = "SELECT id, project_id, name, starts_on, ends_on, staffing, exit_criteria, done_on, position FROM milestones WHERE deleted_at IS NULL";

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<Milestone>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND project_id = ? ORDER BY starts_on, position, id")))
        .bind(project_id)
        .fetch_all(db)
        .await?)
}

/// Every live milestone of every live project: the timeline and cross-project dependencies.
pub async fn list_all<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Milestone>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} AND project_id IN (SELECT id FROM projects WHERE deleted_at IS NULL) ORDER BY starts_on, id"
    )))
    .fetch_all(db)
    .await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Milestone> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("milestone", id))
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, project_id: Id, m: &MilestoneInput) -> Result<Id> {
    Ok(sqlx::query(
        "INSERT INTO milestones (project_id, name, starts_on, ends_on, staffing, exit_criteria, done_on, position, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM milestones WHERE project_id = ?), ?)",
    )
    .bind(project_id)
    .bind(&m.name)
    .bind(&m.starts_on)
    .bind(&m.ends_on)
    .bind(&m.staffing)
    .bind(&m.exit_criteria)
    .bind(&m.done_on)
    .bind(project_id)
    .bind(crate::time::now_ms())
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, m: &MilestoneInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE milestones SET name = ?, starts_on = ?, ends_on = ?, staffing = ?, exit_criteria = ?, done_on = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&m.name)
    .bind(&m.starts_on)
    .bind(&m.ends_on)
    .bind(&m.staffing)
    .bind(&m.exit_criteria)
    .bind(&m.done_on)
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("milestone", id));
    }
    Ok(())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE milestones SET deleted_at = ? WHERE id = ?").bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}

/// (milestone, depends on) pairs between live milestones.
pub async fn dependencies<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(Id, Id)>> {
    Ok(sqlx::query_as(
        "SELECT d.milestone_id, d.depends_on_id FROM milestone_dependencies d
         JOIN milestones a ON a.id = d.milestone_id AND a.deleted_at IS NULL
         JOIN milestones b ON b.id = d.depends_on_id AND b.deleted_at IS NULL",
    )
    .fetch_all(db)
    .await?)
}

pub async fn add_dependency<'e>(db: impl SqliteExecutor<'e>, id: Id, depends_on: Id) -> Result<()> {
    sqlx::query("INSERT OR IGNORE INTO milestone_dependencies (milestone_id, depends_on_id) VALUES (?, ?)")
        .bind(id)
        .bind(depends_on)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn remove_dependency<'e>(db: impl SqliteExecutor<'e>, id: Id, depends_on: Id) -> Result<()> {
    sqlx::query("DELETE FROM milestone_dependencies WHERE milestone_id = ? AND depends_on_id = ?").bind(id).bind(depends_on).execute(db).await?;
    Ok(())
}
