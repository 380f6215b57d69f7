//! Cadence templates and their steps.

use serde::Serialize;
use sqlx::SqliteExecutor;

use crate::cadence::Step;
use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub id: Id,
    pub name: String,
    pub is_default: bool,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Template>> {
    Ok(sqlx::query_as("SELECT id, name, is_default FROM cadence_templates WHERE deleted_at IS NULL ORDER BY is_default DESC, id").fetch_all(db).await?)
}

pub async fn steps<'e>(db: impl SqliteExecutor<'e>, template_id: Id) -> Result<Vec<Step>> {
    Ok(sqlx::query_as(
        "SELECT id, position, anchor, offset_days, every_days, action, purpose, escalates FROM cadence_steps WHERE template_id = ? AND position >= 0 ORDER BY position, id",
    )
    .bind(template_id)
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, is_default: bool) -> Result<Id> {
    Ok(sqlx::query("INSERT INTO cadence_templates (name, is_default, created_at) VALUES (?, ?, ?)")
        .bind(name)
        .bind(is_default)
        .bind(crate::time::now_ms())
        .execute(db)
        .await?
        .last_insert_rowid())
}

/// Replaces a template's steps; touchpoints already made keep pointing at the old ones.
pub async fn replace_steps(conn: &mut sqlx::SqliteConnection, template_id: Id, steps: &[Step]) -> Result<()> {
    sqlx::query("DELETE FROM cadence_steps WHERE template_id = ? AND id NOT IN (SELECT step_id FROM touchpoints WHERE step_id IS NOT NULL)")
        .bind(template_id)
        .execute(&mut *conn)
        .await?;
    // Steps still referenced by touchpoints are retired (position −1) instead of deleted.
    sqlx::query("UPDATE cadence_steps SET position = -1 WHERE template_id = ?")
        .bind(template_id)
        .execute(&mut *conn)
        .await?;
    for (i, s) in steps.iter().enumerate() {
        sqlx::query(
            "INSERT INTO cadence_steps (template_id, position, anchor, offset_days, every_days, action, purpose, escalates) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(template_id)
        .bind(i as i64)
        .bind(s.anchor)
        .bind(s.offset_days)
        .bind(s.every_days)
        .bind(&s.action)
        .bind(&s.purpose)
        .bind(s.escalates)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn template_of_step<'e>(db: impl SqliteExecutor<'e>, step_id: Id) -> Result<Option<Id>> {
    Ok(sqlx::query_scalar("SELECT template_id FROM cadence_steps WHERE id = ?").bind(step_id).fetch_optional(db).await?)
}

/// The escalating step of the template a step belongs to: what an overdue step calls for.
pub async fn escalation_for<'e>(db: impl SqliteExecutor<'e>, step_id: Id) -> Result<Option<Step>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.position, e.anchor, e.offset_days, e.every_days, e.action, e.purpose, e.escalates
         FROM cadence_steps s JOIN cadence_steps e ON e.template_id = s.template_id AND e.escalates = 1 AND e.position >= 0
         WHERE s.id = ? ORDER BY e.position, e.id LIMIT 1",
    )
    .bind(step_id)
    .fetch_optional(db)
    .await?)
}
