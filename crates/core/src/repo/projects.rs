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

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: Id,
    pub title: String,
    pub goal: String,
    pub status: ProjectStatus,
    /// Comma-separated metric codes the project moves (see `service::stakeholders::METRICS`).
    pub impact_metrics: String,
    pub benefits: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProjectInput {
    pub title: String,
    pub goal: String,
    pub status: ProjectStatus,
    /// Comma-separated metric codes the project moves (see `service::stakeholders::METRICS`).
    pub impact_metrics: String,
    pub benefits: String,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Project>> {
    Ok(sqlx::query_as("SELECT id, title, goal, status, impact_metrics, benefits FROM projects WHERE deleted_at IS NULL ORDER BY id")
        .fetch_all(db)
        .await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Project> {
    sqlx::query_as("SELECT id, title, goal, status, impact_metrics, benefits FROM projects WHERE id = ? AND deleted_at IS NULL")
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| crate::CoreError::not_found("project", id))
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &ProjectInput) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query("INSERT INTO projects (title, goal, status, impact_metrics, benefits, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(&input.title)
        .bind(&input.goal)
        .bind(input.status)
        .bind(&input.impact_metrics)
        .bind(&input.benefits)
        .bind(now)
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.last_insert_rowid())
}
