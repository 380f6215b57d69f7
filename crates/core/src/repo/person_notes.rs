//! Intelligence notes on a person: KPIs, pressures, initiatives, pain points, opportunities,
//! each with where it came from and when. Private.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum NoteKind {
    Kpi,
    Pressure,
    Initiative,
    PainPoint,
    Opportunity,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PersonNote {
    pub id: Id,
    pub person_id: Id,
    pub kind: NoteKind,
    pub text: String,
    /// For a KPI: the impact metric it moves (see `crate::metrics`).
    pub metric: Option<String>,
    pub source: String,
    pub noted_on: i64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NoteInput {
    pub kind: NoteKind,
    pub text: String,
    pub metric: Option<String>,
    pub source: String,
    pub noted_on: i64,
}

const SELECT: &str = "SELECT id, person_id, kind, text, metric, source, noted_on FROM person_notes WHERE deleted_at IS NULL";

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, person_id: Id) -> Result<Vec<PersonNote>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND person_id = ? ORDER BY noted_on DESC, id DESC")))
        .bind(person_id)
        .fetch_all(db)
        .await?)
}

/// KPIs and pain points that name a metric, of live people: what the sponsor finder matches on.
pub async fn metric_notes<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<PersonNote>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND kind IN ('kpi', 'pain_point') AND metric IS NOT NULL AND person_id IN (SELECT id FROM people WHERE deleted_at IS NULL) ORDER BY person_id, id"))).fetch_all(db).await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, person_id: Id, n: &NoteInput) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO person_notes (person_id, kind, text, metric, source, noted_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(person_id)
    .bind(n.kind)
    .bind(&n.text)
    .bind(&n.metric)
    .bind(&n.source)
    .bind(n.noted_on)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "person_notes", "note", id).await
}
