//! KPIs in the director's own words: a name, a unit, the department, maybe the person who owns it.

use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqliteExecutor};

use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct KpiInput {
    pub name: String,
    pub unit: String,
    pub department_id: Id,
    pub owner_person_id: Option<Id>,
    /// One of `crate::metrics::METRICS`, as a tag only.
    pub metric: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Kpi {
    pub id: Id,
    pub name: String,
    pub unit: String,
    pub department_id: Id,
    pub department_name: String,
    pub owner_person_id: Option<Id>,
    /// None when nobody owns it or the owner is in the trash.
    pub owner_name: Option<String>,
    pub metric: Option<String>,
}

const SELECT: &str = "SELECT k.id, k.name, k.unit, k.department_id, d.name AS department_name,
        k.owner_person_id, p.name AS owner_name, k.metric
    FROM kpis k JOIN departments d ON d.id = k.department_id AND d.deleted_at IS NULL
    LEFT JOIN people p ON p.id = k.owner_person_id AND p.deleted_at IS NULL
    WHERE k.deleted_at IS NULL";

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Kpi>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} ORDER BY d.name_key, k.name, k.id"))).fetch_all(db).await?)
}

pub async fn list_of_department<'e>(db: impl SqliteExecutor<'e>, department_id: Id) -> Result<Vec<Kpi>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND k.department_id = ? ORDER BY k.name, k.id"))).bind(department_id).fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Kpi> {
    sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND k.id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("kpi", id))
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, k: &KpiInput) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query("INSERT INTO kpis (name, unit, department_id, owner_person_id, metric, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(&k.name)
        .bind(&k.unit)
        .bind(k.department_id)
        .bind(k.owner_person_id)
        .bind(&k.metric)
        .bind(now)
        .bind(now)
        .execute(db)
        .await?
        .last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, k: &KpiInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE kpis SET name = ?, unit = ?, department_id = ?, owner_person_id = ?, metric = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&k.name)
    .bind(&k.unit)
    .bind(k.department_id)
    .bind(k.owner_person_id)
    .bind(&k.metric)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("kpi", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "kpis", "kpi", id).await
}
