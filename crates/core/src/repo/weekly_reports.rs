//! Weekly reports of a project, one per ISO week.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WeeklyReport {
    /// ISO week, e.g. 2026-W48.
    pub week: String,
    pub progress: String,
    pub metrics: String,
    pub next_week: String,
    pub asks: String,
    pub risks: String,
    pub credits: String,
}

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<WeeklyReport>> {
    Ok(sqlx::query_as(
        "SELECT week, progress, metrics, next_week, asks, risks, credits FROM weekly_reports WHERE project_id = ? ORDER BY week DESC",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?)
}

pub async fn save<'e>(db: impl SqliteExecutor<'e>, project_id: Id, r: &WeeklyReport) -> Result<()> {
    let now = crate::time::now_ms();
    sqlx::query(
        "INSERT INTO weekly_reports (project_id, week, progress, metrics, next_week, asks, risks, credits, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (project_id, week) DO UPDATE SET progress = excluded.progress, metrics = excluded.metrics,
             next_week = excluded.next_week, asks = excluded.asks, risks = excluded.risks, credits = excluded.credits,
             updated_at = excluded.updated_at",
    )
    .bind(project_id)
    .bind(&r.week)
    .bind(&r.progress)
    .bind(&r.metrics)
    .bind(&r.next_week)
    .bind(&r.asks)
    .bind(&r.risks)
    .bind(&r.credits)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
