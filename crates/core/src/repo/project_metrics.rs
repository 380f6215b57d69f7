//! Success metrics per side of a project (S1) and their readings over time.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum MetricDirection {
    Up,
    Down,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProjectMetric {
    pub id: Id,
    pub project_id: Id,
    pub department_id: Option<Id>,
    pub name: String,
    pub unit: String,
    pub direction: MetricDirection,
    pub baseline: f64,
    pub target: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MetricInput {
    pub department_id: Option<Id>,
    pub name: String,
    pub unit: String,
    pub direction: MetricDirection,
    pub baseline: f64,
    pub target: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Reading {
    pub id: Id,
    pub metric_id: Id,
    pub taken_on: String,
    pub value: f64,
}

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<ProjectMetric>> {
    Ok(sqlx::query_as(
        "SELECT id, project_id, department_id, name, unit, direction, baseline, target FROM project_metrics
         WHERE project_id = ? AND deleted_at IS NULL ORDER BY department_id, id",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?)
}

pub async fn readings_for<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<Reading>> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.metric_id, r.taken_on, r.value FROM metric_readings r JOIN project_metrics m ON m.id = r.metric_id
         WHERE m.project_id = ? AND m.deleted_at IS NULL ORDER BY r.metric_id, r.taken_on, r.id",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, project_id: Id, m: &MetricInput) -> Result<Id> {
    Ok(sqlx::query(
        "INSERT INTO project_metrics (project_id, department_id, name, unit, direction, baseline, target, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(project_id)
    .bind(m.department_id)
    .bind(&m.name)
    .bind(&m.unit)
    .bind(m.direction)
    .bind(m.baseline)
    .bind(m.target)
    .bind(crate::time::now_ms())
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn add_reading<'e>(db: impl SqliteExecutor<'e>, metric_id: Id, taken_on: &str, value: f64) -> Result<Id> {
    Ok(sqlx::query("INSERT INTO metric_readings (metric_id, taken_on, value, created_at) VALUES (?, ?, ?, ?)")
        .bind(metric_id)
        .bind(taken_on)
        .bind(value)
        .bind(crate::time::now_ms())
        .execute(db)
        .await?
        .last_insert_rowid())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE project_metrics SET deleted_at = ? WHERE id = ?").bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}
