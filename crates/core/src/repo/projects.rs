use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ProjectStatus {
    Proposed,
    Active,
    Paused,
    Launched,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProjectInput {
    pub title: String,
    pub goal: String,
    pub status: ProjectStatus,
    /// Comma-separated metric codes the project moves (see `service::stakeholders::METRICS`).
    pub impact_metrics: String,
    pub benefits: String,
    /// The meeting or kickoff the follow-up cadence starts from, YYYY-MM-DD.
    pub anchor_on: Option<String>,
    /// Planned launch, YYYY-MM-DD.
    pub launch_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: Id,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub input: ProjectInput,
}

const SELECT: &str = "SELECT id, title, goal, status, impact_metrics, benefits, anchor_on, launch_on FROM projects WHERE deleted_at IS NULL";

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Project>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY id"))).fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Project> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| crate::CoreError::not_found("project", id))
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &ProjectInput) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query(
        "INSERT INTO projects (title, goal, status, impact_metrics, benefits, anchor_on, launch_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.title)
    .bind(&input.goal)
    .bind(input.status)
    .bind(&input.impact_metrics)
    .bind(&input.benefits)
    .bind(&input.anchor_on)
    .bind(&input.launch_on)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, input: &ProjectInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE projects SET title = ?, goal = ?, status = ?, impact_metrics = ?, benefits = ?, anchor_on = ?, launch_on = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&input.title)
    .bind(&input.goal)
    .bind(input.status)
    .bind(&input.impact_metrics)
    .bind(&input.benefits)
    .bind(&input.anchor_on)
    .bind(&input.launch_on)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(crate::CoreError::not_found("project", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "projects", "project", id).await
}
