//! The assignment history: claims, transfers, rule and import assignments, escalations.

use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

pub struct NewEvent<'a> {
    pub incident_id: Id,
    /// assigned | claimed | transferred | escalated | status
    pub kind: &'a str,
    /// user | rule | import
    pub source: &'a str,
    pub from_department_id: Option<Id>,
    pub to_department_id: Option<Id>,
    pub rule_id: Option<Id>,
    pub reason: &'a str,
    pub at: i64,
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, e: &NewEvent<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO incident_events (incident_id, kind, source, from_department_id, to_department_id, rule_id, reason, at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(e.incident_id)
    .bind(e.kind)
    .bind(e.source)
    .bind(e.from_department_id)
    .bind(e.to_department_id)
    .bind(e.rule_id)
    .bind(e.reason)
    .bind(e.at)
    .bind(crate::time::now_ms())
    .execute(db)
    .await?;
    Ok(())
}
