//! Follow-up touchpoints a cadence produced for a project.

use serde::Serialize;
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Touchpoint {
    pub id: Id,
    pub project_id: Id,
    pub project_title: String,
    pub step_id: Option<Id>,
    pub anchor: Option<crate::cadence::StepAnchor>,
    /// The step's days after the anchor: the spacing a re-plan keeps.
    pub step_offset: Option<i32>,
    pub milestone_id: Option<Id>,
    pub counterpart_id: Option<Id>,
    pub counterpart_name: Option<String>,
    pub action: String,
    pub purpose: String,
    pub escalates: bool,
    /// YYYY-MM-DD
    pub due_on: String,
    /// open | done | skipped (overdue is open and past due)
    pub state: String,
    pub done_on: Option<String>,
    pub result: String,
    pub notified: bool,
}

pub struct NewTouchpoint<'a> {
    pub project_id: Id,
    pub step_id: Option<Id>,
    pub milestone_id: Option<Id>,
    pub counterpart_id: Option<Id>,
    pub action: &'a str,
    pub purpose: &'a str,
    pub escalates: bool,
    pub due_on: String,
}

const SELECT: &str = "SELECT t.id, t.project_id, j.title AS project_title, t.step_id, s.anchor, s.offset_days AS step_offset, t.milestone_id, t.counterpart_id,
        p.name AS counterpart_name, t.action, t.purpose, t.escalates, t.due_on, t.state, t.done_on, t.result, t.notified
     FROM touchpoints t JOIN projects j ON j.id = t.project_id AND j.deleted_at IS NULL
     LEFT JOIN cadence_steps s ON s.id = t.step_id
     LEFT JOIN people p ON p.id = t.counterpart_id";

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<Touchpoint>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE t.project_id = ? ORDER BY t.due_on, t.id")))
        .bind(project_id)
        .fetch_all(db)
        .await?)
}

/// Open touchpoints due on or before `day`, over all projects.
pub async fn open_until<'e>(db: impl SqliteExecutor<'e>, day: &str) -> Result<Vec<Touchpoint>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE t.state = 'open' AND t.due_on <= ? ORDER BY t.due_on, t.id")))
        .bind(day)
        .fetch_all(db)
        .await?)
}

/// Open touchpoints due on or before `day` that no desktop notification has announced yet.
pub async fn unannounced_until<'e>(db: impl SqliteExecutor<'e>, day: &str) -> Result<Vec<Touchpoint>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE t.state = 'open' AND t.due_on <= ? AND t.notified = 0 ORDER BY t.due_on, t.id")))
        .bind(day)
        .fetch_all(db)
        .await?)
}

pub async fn mark_notified<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE touchpoints SET notified = 1 WHERE id = ?").bind(id).execute(db).await?;
    Ok(())
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Touchpoint> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE t.id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("touchpoint", id))
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, t: &NewTouchpoint<'_>) -> Result<Id> {
    Ok(sqlx::query(
        "INSERT INTO touchpoints (project_id, step_id, milestone_id, counterpart_id, action, purpose, escalates, due_on, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(t.project_id)
    .bind(t.step_id)
    .bind(t.milestone_id)
    .bind(t.counterpart_id)
    .bind(t.action)
    .bind(t.purpose)
    .bind(t.escalates)
    .bind(&t.due_on)
    .bind(crate::time::now_ms())
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn set_state<'e>(db: impl SqliteExecutor<'e>, id: Id, state: &str, done_on: Option<&str>, result: &str) -> Result<()> {
    sqlx::query("UPDATE touchpoints SET state = ?, done_on = ?, result = ? WHERE id = ?")
        .bind(state)
        .bind(done_on)
        .bind(result)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// A new due day is announced again when it comes.
pub async fn set_due<'e>(db: impl SqliteExecutor<'e>, id: Id, due_on: &str) -> Result<()> {
    sqlx::query("UPDATE touchpoints SET due_on = ?, notified = 0 WHERE id = ?").bind(due_on).bind(id).execute(db).await?;
    Ok(())
}

/// Drops a project's open touchpoints before they are planned again: all of them, or with
/// `scheduled_only` just those tied to milestones or the launch (after-anchor ones keep their
/// dates, which completions may have moved).
pub async fn delete_open<'e>(db: impl SqliteExecutor<'e>, project_id: Id, scheduled_only: bool) -> Result<()> {
    sqlx::query(
        "DELETE FROM touchpoints WHERE project_id = ?1 AND state = 'open'
           AND (NOT ?2 OR step_id IN (SELECT id FROM cadence_steps WHERE anchor <> 'after_anchor'))",
    )
    .bind(project_id)
    .bind(scheduled_only)
    .execute(db)
    .await?;
    Ok(())
}
