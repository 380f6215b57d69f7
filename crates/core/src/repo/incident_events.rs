//! The assignment history: claims, transfers, rule and import assignments, escalations.

use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite, SqliteExecutor};

use crate::error::Result;
use crate::Id;

#[derive(Clone, Copy, Default)]
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
    /// An escalation's level.
    pub level: Option<i64>,
    /// Who an escalation told, by name.
    pub notified: &'a str,
    /// The claim deadline a receipt (`assigned`, `transferred`) started.
    pub due_at: Option<i64>,
    /// An imported history row's key: the same row imported again is skipped.
    pub external_key: Option<&'a str>,
}

/// 13 values a row; SQLite allows 32,766 per statement.
const BATCH: usize = 2_000;

pub async fn insert(conn: &mut sqlx::SqliteConnection, e: &NewEvent<'_>) -> Result<()> {
    insert_many(conn, std::slice::from_ref(e)).await
}

/// Writes events in multi-row statements: an import records two per incident.
pub async fn insert_many(conn: &mut sqlx::SqliteConnection, events: &[NewEvent<'_>]) -> Result<()> {
    let now = crate::time::now_ms();
    for chunk in events.chunks(BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO incident_events (incident_id, kind, source, from_department_id, to_department_id, rule_id, reason, at, created_at, level, notified, due_at, external_key) ",
        );
        q.push_values(chunk, |mut b, e| {
            b.push_bind(e.incident_id)
                .push_bind(e.kind)
                .push_bind(e.source)
                .push_bind(e.from_department_id)
                .push_bind(e.to_department_id)
                .push_bind(e.rule_id)
                .push_bind(e.reason)
                .push_bind(e.at)
                .push_bind(now)
                .push_bind(e.level)
                .push_bind(e.notified)
                .push_bind(e.due_at)
                .push_bind(e.external_key);
        });
        q.build().persistent(super::keep_prepared(chunk.len(), BATCH)).execute(&mut *conn).await?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IncidentEvent {
    pub id: Id,
    pub kind: String,
    pub source: String,
    pub from_department: Option<String>,
    pub to_department: Option<String>,
    pub reason: String,
    pub at: i64,
    pub level: Option<i64>,
    pub notified: String,
}

/// An incident's history, oldest first, with department names.
pub async fn history<'e>(db: impl SqliteExecutor<'e>, incident_id: Id) -> Result<Vec<IncidentEvent>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.kind, e.source, f.name AS from_department, t.name AS to_department, e.reason, e.at, e.level, e.notified
         FROM incident_events e
         LEFT JOIN departments f ON f.id = e.from_department_id
         LEFT JOIN departments t ON t.id = e.to_department_id
         WHERE e.incident_id = ? ORDER BY e.at, e.id",
    )
    .bind(incident_id)
    .fetch_all(db)
    .await?)
}
