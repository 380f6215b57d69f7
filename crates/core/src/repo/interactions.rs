//! Contacts with a person: message, coffee, 1:1, meeting, email; with sentiment and next step.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum InteractionKind {
    Message,
    Coffee,
    OneOnOne,
    Meeting,
    Email,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    pub id: Id,
    pub person_id: Id,
    pub kind: InteractionKind,
    pub happened_at: i64,
    pub summary: String,
    /// −2 (went badly) … +2 (went very well).
    pub sentiment: i32,
    pub next_step: String,
    pub next_step_due: Option<i64>,
    pub next_step_done: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InteractionInput {
    pub kind: InteractionKind,
    pub happened_at: i64,
    pub summary: String,
    pub sentiment: i32,
    pub next_step: String,
    pub next_step_due: Option<i64>,
}

const SELECT: &str = "SELECT id, person_id, kind, happened_at, summary, sentiment, next_step, next_step_due, next_step_done
    FROM interactions WHERE deleted_at IS NULL";

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, person_id: Id) -> Result<Vec<Interaction>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND person_id = ? ORDER BY happened_at DESC, id DESC")))
        .bind(person_id)
        .fetch_all(db)
        .await?)
}

/// Every live interaction with a live person, newest first: what the health scores read.
pub async fn list_all<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Interaction>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} AND person_id IN (SELECT id FROM people WHERE deleted_at IS NULL) ORDER BY happened_at DESC, id DESC"
    )))
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, person_id: Id, i: &InteractionInput) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO interactions (person_id, kind, happened_at, summary, sentiment, next_step, next_step_due, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(person_id)
    .bind(i.kind)
    .bind(i.happened_at)
    .bind(&i.summary)
    .bind(i.sentiment)
    .bind(&i.next_step)
    .bind(i.next_step_due)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn set_next_step_done<'e>(db: impl SqliteExecutor<'e>, id: Id, done: bool) -> Result<()> {
    let r = sqlx::query("UPDATE interactions SET next_step_done = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(done)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    if r.rows_affected() == 0 {
        return Err(crate::CoreError::not_found("interaction", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "interactions", "interaction", id).await
}
