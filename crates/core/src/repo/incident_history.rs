//! The ticket system's event history as the importer writes it: incidents looked up by ticket
//! number, `history` events keyed by `external_key` (a re-import adds nothing), and the incidents'
//! own columns brought up to the newest imported event.

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::error::Result;
use crate::Id;

/// One imported event. `kind` is one of `incident_events`' kinds.
pub struct HistoryEvent {
    pub incident_id: Id,
    pub kind: &'static str,
    pub department_id: Option<Id>,
    pub reason: String,
    pub at: i64,
    pub due_at: Option<i64>,
    pub external_key: String,
}

/// 8 values a row; SQLite allows 32,766 per statement.
pub const BATCH: usize = 2_000;

/// Live incidents by ticket number (`external_id`): (number, id, severity class), for `numbers`
/// of at most [`BATCH`].
pub async fn incidents_by_number(conn: &mut SqliteConnection, numbers: &[&str]) -> Result<Vec<(String, Id, Option<Id>)>> {
    if numbers.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = QueryBuilder::<Sqlite>::new("SELECT external_id, id, severity_class_id FROM incidents WHERE deleted_at IS NULL AND external_id IN (");
    let mut list = q.separated(", ");
    for n in numbers {
        list.push_bind(*n);
    }
    q.push(")");
    Ok(q.build_query_as().persistent(super::keep_prepared(numbers.len(), BATCH)).fetch_all(conn).await?)
}

/// The newest event id before an import: events above it are the import's own.
pub async fn last_event_id(conn: &mut SqliteConnection) -> Result<Id> {
    Ok(sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM incident_events").fetch_one(conn).await?)
}

/// Writes the events not yet in the workspace (by `external_key`); returns how many were new.
pub async fn insert_new(conn: &mut SqliteConnection, events: &[HistoryEvent], now: i64) -> Result<u64> {
    let mut inserted = 0;
    for chunk in events.chunks(BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO incident_events (incident_id, kind, source, to_department_id, reason, at, created_at, due_at, external_key) ",
        );
        q.push_values(chunk, |mut b, e| {
            b.push_bind(e.incident_id)
                .push_bind(e.kind)
                .push("'history'")
                .push_bind(e.department_id)
                .push_bind(e.reason.as_str())
                .push_bind(e.at)
                .push_bind(now)
                .push_bind(e.due_at)
                .push_bind(e.external_key.as_str());
        });
        q.push(" ON CONFLICT (external_key) WHERE external_key IS NOT NULL DO NOTHING");
        inserted += q.build().persistent(super::keep_prepared(chunk.len(), BATCH)).execute(&mut *conn).await?.rows_affected();
    }
    Ok(inserted)
}

/// Each incident's newest imported event, filled by [`COLLECT_LAST`].
pub const CREATE_LAST: &str =
    "CREATE TEMP TABLE IF NOT EXISTS history_last (incident_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, department_id INTEGER, at INTEGER NOT NULL)";

/// `?1` the newest event id before the import: the events after it are the import's new ones
/// (SQLite takes a row with the `max` for the bare columns).
pub const COLLECT_LAST: &str = "INSERT INTO temp.history_last (incident_id, kind, department_id, at)
     SELECT incident_id, kind, to_department_id, max(at) FROM incident_events WHERE id > ?1 GROUP BY incident_id";

/// `?1` the newest event id before the import, `?2` now.
pub const APPLY_LAST: &str = "UPDATE incidents SET
        department_id = CASE WHEN h.kind IN ('created', 'transferred', 'claimed', 'resolved')
                             THEN coalesce(h.department_id, incidents.department_id) ELSE incidents.department_id END,
        status = CASE h.kind WHEN 'created' THEN 'open' WHEN 'transferred' THEN 'open' WHEN 'claimed' THEN 'claimed'
                             WHEN 'resolved' THEN 'resolved' ELSE incidents.status END,
        assigned_at = CASE WHEN h.kind IN ('created', 'transferred') THEN h.at ELSE incidents.assigned_at END,
        claimed_at = CASE h.kind WHEN 'claimed' THEN h.at WHEN 'created' THEN NULL WHEN 'transferred' THEN NULL
                                 ELSE incidents.claimed_at END,
        closed_at = CASE WHEN h.kind = 'resolved' THEN h.at WHEN h.kind IN ('created', 'transferred', 'claimed') THEN NULL
                         ELSE incidents.closed_at END,
        pending_since = CASE h.kind WHEN 'pending' THEN h.at WHEN 'resumed' THEN NULL ELSE incidents.pending_since END,
        updated_at = ?2
     FROM temp.history_last h
     WHERE incidents.id = h.incident_id
       AND h.at > coalesce((SELECT max(e.at) FROM incident_events e WHERE e.incident_id = h.incident_id AND e.id <= ?1), incidents.opened_at - 1)";

/// Brings each incident's owner, status, claim, close and pending columns to its newest event of
/// the import (the events after `before_id`), where that is newer than any event the incident had
/// before and than its opening. Returns how many incidents changed.
pub async fn apply_last(conn: &mut SqliteConnection, before_id: Id, now: i64) -> Result<u64> {
    sqlx::query(CREATE_LAST).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM temp.history_last").execute(&mut *conn).await?;
    sqlx::query(COLLECT_LAST).bind(before_id).execute(&mut *conn).await?;
    let changed = sqlx::query(APPLY_LAST).bind(before_id).bind(now).execute(&mut *conn).await?.rows_affected();
    sqlx::query("DROP TABLE temp.history_last").execute(&mut *conn).await?;
    Ok(changed)
}
