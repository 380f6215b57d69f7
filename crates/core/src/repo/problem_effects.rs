//! What a problem does to each department's KPIs, and the figures its linked incidents give each
//! owning department (count, cost, mean wait), from which effects are pre-filled.

use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqliteExecutor};

use crate::error::{CoreError, Result};
pub use crate::impact::Effect;
use crate::{Id, Money};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EffectInput {
    pub kpi_id: Id,
    pub effect: f64,
    pub unit: String,
    pub money: Option<Money>,
    pub note: String,
    /// Accepted from a suggestion computed from the incidents.
    pub computed: bool,
}

const SELECT: &str = "SELECT e.id, e.problem_id, e.kpi_id, k.name AS kpi_name, k.unit AS kpi_unit, k.department_id,
        d.name AS department_name, k.owner_person_id, e.effect, e.unit, e.money_fen, e.note, e.computed
    FROM problem_effects e JOIN kpis k ON k.id = e.kpi_id AND k.deleted_at IS NULL
    JOIN departments d ON d.id = k.department_id AND d.deleted_at IS NULL
    WHERE e.deleted_at IS NULL";

/// The problem's effects, the department's order then the KPI's.
pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, problem_id: Id) -> Result<Vec<Effect>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND e.problem_id = ? ORDER BY d.name_key, k.name, e.id"))).bind(problem_id).fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Effect> {
    sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND e.id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("effect", id))
}

/// Units the live effects on a KPI are written in.
pub async fn units_of_kpi<'e>(db: impl SqliteExecutor<'e>, kpi_id: Id) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT DISTINCT unit FROM problem_effects WHERE kpi_id = ? AND deleted_at IS NULL ORDER BY unit").bind(kpi_id).fetch_all(db).await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, problem_id: Id, e: &EffectInput) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO problem_effects (problem_id, kpi_id, effect, unit, money_fen, note, computed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(problem_id)
    .bind(e.kpi_id)
    .bind(e.effect)
    .bind(&e.unit)
    .bind(e.money)
    .bind(&e.note)
    .bind(e.computed)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, e: &EffectInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE problem_effects SET kpi_id = ?, effect = ?, unit = ?, money_fen = ?, note = ?, computed = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(e.kpi_id)
    .bind(e.effect)
    .bind(&e.unit)
    .bind(e.money)
    .bind(&e.note)
    .bind(e.computed)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("effect", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "problem_effects", "effect", id).await
}

/// A KPI leaving takes its effects with it.
pub async fn soft_delete_of_kpi<'e>(db: impl SqliteExecutor<'e>, kpi_id: Id) -> Result<()> {
    let now = crate::time::now_ms();
    sqlx::query("UPDATE problem_effects SET deleted_at = ?1, updated_at = ?1 WHERE kpi_id = ?2 AND deleted_at IS NULL").bind(now).bind(kpi_id).execute(db).await?;
    Ok(())
}

/// What the problem's live incidents amount to for one owning department.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DepartmentFigures {
    pub department_id: Id,
    pub department_name: String,
    pub incidents: i64,
    pub cost_fen: i64,
    /// None when no incident of theirs has a wait recorded.
    pub mean_wait_minutes: Option<f64>,
}

/// Per owning department of the problem's live linked incidents (triage has no owner and is left
/// out), most incidents first.
pub async fn department_figures<'e>(db: impl SqliteExecutor<'e>, problem_id: Id) -> Result<Vec<DepartmentFigures>> {
    Ok(sqlx::query_as(
        "SELECT i.department_id, d.name AS department_name, count(*) AS incidents, coalesce(sum(pi.cost_fen), 0) AS cost_fen,
                avg(pi.wait_minutes) AS mean_wait_minutes
         FROM problem_incidents pi JOIN incidents i ON i.id = pi.incident_id AND i.deleted_at IS NULL
         JOIN departments d ON d.id = i.department_id AND d.deleted_at IS NULL
         WHERE pi.problem_id = ? AND pi.live = 1
         GROUP BY i.department_id ORDER BY count(*) DESC, d.name_key",
    )
    .bind(problem_id)
    .fetch_all(db)
    .await?)
}
