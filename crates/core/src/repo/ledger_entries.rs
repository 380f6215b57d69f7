//! The reciprocity ledger: what we gave a person and what we received. Private.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Direction {
    Given,
    Received,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum LedgerKind {
    DataShared,
    Help,
    PublicCredit,
    Favour,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LedgerEntry {
    pub id: Id,
    pub person_id: Id,
    pub direction: Direction,
    pub kind: LedgerKind,
    pub description: String,
    /// For public credit: the meeting where it was given.
    pub meeting: String,
    pub weight: i32,
    pub happened_at: i64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LedgerInput {
    pub direction: Direction,
    pub kind: LedgerKind,
    pub description: String,
    pub meeting: String,
    pub weight: i32,
    pub happened_at: i64,
}

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, person_id: Id) -> Result<Vec<LedgerEntry>> {
    Ok(sqlx::query_as(
        "SELECT id, person_id, direction, kind, description, meeting, weight, happened_at FROM ledger_entries
         WHERE deleted_at IS NULL AND person_id = ? ORDER BY happened_at DESC, id DESC",
    )
    .bind(person_id)
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, person_id: Id, e: &LedgerInput) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO ledger_entries (person_id, direction, kind, description, meeting, weight, happened_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(person_id)
    .bind(e.direction)
    .bind(e.kind)
    .bind(&e.description)
    .bind(&e.meeting)
    .bind(e.weight)
    .bind(e.happened_at)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "ledger_entries", "ledger_entry", id).await
}

/// Public credit given since `since_ms` to people on the project: (name, what for, where).
pub async fn credits_given_since<'e>(db: impl SqliteExecutor<'e>, project_id: Id, since_ms: i64) -> Result<Vec<(String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT p.name, l.description, l.meeting FROM ledger_entries l JOIN people p ON p.id = l.person_id AND p.deleted_at IS NULL
         WHERE l.deleted_at IS NULL AND l.kind = ? AND l.direction = 'given' AND l.happened_at >= ?
           AND l.person_id IN (SELECT person_id FROM project_people WHERE project_id = ?)
         ORDER BY l.happened_at",
    )
    .bind(LedgerKind::PublicCredit)
    .bind(since_ms)
    .bind(project_id)
    .fetch_all(db)
    .await?)
}
