//! What a completed touchpoint moved: the touchpoint, the contact that answered it, and each later
//! touchpoint's due day before and after, so the re-plan can be shown and undone.

use serde::Serialize;
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Move {
    pub touchpoint_id: Id,
    pub action: String,
    /// YYYY-MM-DD
    pub before_on: String,
    pub after_on: String,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ReplanRow {
    pub id: Id,
    pub touchpoint_id: Id,
    pub interaction_id: Option<Id>,
    pub done_on: String,
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, touchpoint_id: Id, interaction_id: Option<Id>, done_on: &str) -> Result<Id> {
    Ok(sqlx::query("INSERT INTO touchpoint_replans (touchpoint_id, interaction_id, done_on, created_at) VALUES (?, ?, ?, ?)")
        .bind(touchpoint_id)
        .bind(interaction_id)
        .bind(done_on)
        .bind(crate::time::now_ms())
        .execute(db)
        .await?
        .last_insert_rowid())
}

pub async fn insert_move<'e>(db: impl SqliteExecutor<'e>, replan_id: Id, m: &Move) -> Result<()> {
    sqlx::query("INSERT INTO touchpoint_moves (replan_id, touchpoint_id, before_on, after_on) VALUES (?, ?, ?, ?)")
        .bind(replan_id)
        .bind(m.touchpoint_id)
        .bind(&m.before_on)
        .bind(&m.after_on)
        .execute(db)
        .await?;
    Ok(())
}

/// A re-plan that has not been undone yet.
pub async fn get_live<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<ReplanRow> {
    sqlx::query_as("SELECT id, touchpoint_id, interaction_id, done_on FROM touchpoint_replans WHERE id = ? AND undone_at IS NULL")
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("replan", id))
}

pub async fn moves<'e>(db: impl SqliteExecutor<'e>, replan_id: Id) -> Result<Vec<Move>> {
    Ok(sqlx::query_as(
        "SELECT m.touchpoint_id, t.action, m.before_on, m.after_on FROM touchpoint_moves m JOIN touchpoints t ON t.id = m.touchpoint_id
         WHERE m.replan_id = ? ORDER BY m.before_on, m.touchpoint_id",
    )
        .bind(replan_id)
        .fetch_all(db)
        .await?)
}

pub async fn mark_undone<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE touchpoint_replans SET undone_at = ? WHERE id = ?").bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}
