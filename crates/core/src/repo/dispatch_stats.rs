//! Dispatch figures: how each department receives, claims, resolves and passes on incidents,
//! computed by SQLite from the assignment history (`incident_events`) with window functions, so
//! only one row per department (and bucket) crosses into Rust.
//!
//! Definitions, the same for the league table, the trend and the tests:
//! - A **receipt** is an incident arriving at a department it was not already with: an event of
//!   kind `created`, `assigned` or `transferred` naming a receiving department, unless the
//!   receipt before it (by time, then id) named the same department. So an import's `assigned`
//!   event and the history's `created` event for the same hand-over count once, and the first
//!   receipt's `due_at` is the claim deadline.
//! - An incident's **transfers** are its receipts after the first, over its whole history. A
//!   **transfer out** of a department is a receipt whose previous receipt went to it.
//! - A receipt's **claim** is the first `claimed` event by the receiving department at or after
//!   the receipt and before the incident's next receipt. **Claimed within SLA**: receipts with a
//!   `due_at` whose claim is at or before it, out of the receipts with a `due_at`.
//! - **Time to claim** (per department) is claim − receipt, over claimed receipts.
//! - A **resolution** is an incident's first `resolved` event, else its `closed_at`; it belongs to
//!   the department the `resolved` event names, else the incident's owner. **Time to resolve** is
//!   resolution − `opened_at`.
//! - **Ping-pong**: incidents received in the period with 3 or more transfers in all.
//! - Percentiles are **nearest-rank**: of n values sorted ascending, the p-th percentile is the
//!   value at 1-based rank ⌈p·n/100⌉, computed in integers as `(p·n + 99) / 100`; the median is
//!   p = 50.
//!
//! Periods are `[from, until)` in UTC ms. Figures are cut into buckets of `bucket_ms` counted from
//! `origin` (a receipt's bucket is `(at − origin) / bucket_ms`): one bucket as long as the period
//! is the league table, weeks are the trend. Incidents in the trash are left out.

use serde::Serialize;
use sqlx::{AssertSqlSafe, SqliteExecutor};

use crate::error::Result;
use crate::Id;

/// The receipts of live incidents, with the next receipt's time and the incident's transfer count.
/// `{incidents}` narrows the incidents (a filter on `i`).
const RECEIPTS: &str = "
receipt_events AS (
    SELECT e.id, e.incident_id, e.to_department_id AS dept, e.at, e.due_at,
           lag(e.to_department_id) OVER (PARTITION BY e.incident_id ORDER BY e.at, e.id) AS prev_dept
    FROM incident_events e JOIN incidents i ON i.id = e.incident_id AND i.deleted_at IS NULL
    WHERE e.kind IN ('created', 'assigned', 'transferred') AND e.to_department_id IS NOT NULL {incidents}
),
receipts AS (
    SELECT id, incident_id, dept, at, due_at, prev_dept,
           lead(at) OVER (PARTITION BY incident_id ORDER BY at, id) AS next_at,
           count(*) OVER (PARTITION BY incident_id) - 1 AS transfers
    FROM receipt_events WHERE prev_dept IS NULL OR prev_dept <> dept
)";

/// The receiving department's first claim of receipt `r`. The unary `+` keeps SQLite on the
/// incident's own events (`incident_events_incident`): left to choose, it took the receiver index
/// and read every later event of the department for each receipt (14 s at 60,000 events).
const CLAIM_OF_RECEIPT: &str = "(SELECT min(c.at) FROM incident_events c
     WHERE c.incident_id = r.incident_id AND c.kind = 'claimed' AND +c.to_department_id = r.dept
       AND c.at >= r.at AND (r.next_at IS NULL OR c.at < r.next_at))";

/// `?1` from, `?2` until, `?3` bucket origin, `?4` bucket length (ms).
fn figures_sql() -> String {
    format!(
        "WITH {receipts},
period AS (
    SELECT incident_id, dept, due_at, transfers, bucket, claimed_at, claimed_at - at AS claim_ms
    FROM (SELECT r.incident_id, r.dept, r.at, r.due_at, r.transfers, (r.at - ?3) / ?4 AS bucket, {claim} AS claimed_at
          FROM receipts r WHERE r.at >= ?1 AND r.at < ?2)
),
received AS (
    SELECT dept, bucket, count(DISTINCT incident_id) AS received,
           count(due_at) AS with_due,
           coalesce(sum(claimed_at <= due_at), 0) AS within,
           count(DISTINCT CASE WHEN transfers >= 3 THEN incident_id END) AS ping_pong
    FROM period GROUP BY dept, bucket
),
claims AS (
    SELECT dept, bucket, max(CASE WHEN rn = (50 * n + 99) / 100 THEN claim_ms END) AS median,
                         max(CASE WHEN rn = (90 * n + 99) / 100 THEN claim_ms END) AS p90
    FROM (SELECT dept, bucket, claim_ms,
                 row_number() OVER (PARTITION BY dept, bucket ORDER BY claim_ms) AS rn,
                 count(*) OVER (PARTITION BY dept, bucket) AS n
          FROM period WHERE claim_ms IS NOT NULL)
    GROUP BY dept, bucket
),
transfers_out AS (
    SELECT prev_dept AS dept, (at - ?3) / ?4 AS bucket, count(*) AS n
    FROM receipts WHERE prev_dept IS NOT NULL AND at >= ?1 AND at < ?2 GROUP BY 1, 2
),
resolutions AS (
    SELECT coalesce(r.dept, i.department_id) AS dept, coalesce(r.at, i.closed_at) AS at,
           coalesce(r.at, i.closed_at) - i.opened_at AS ms
    FROM incidents i
    LEFT JOIN (SELECT incident_id, min(at) AS at, to_department_id AS dept
               FROM incident_events WHERE kind = 'resolved' GROUP BY incident_id) r ON r.incident_id = i.id
    WHERE i.deleted_at IS NULL
),
resolved AS (
    SELECT dept, bucket, count(*) AS n_resolved,
           max(CASE WHEN rn = (50 * n + 99) / 100 THEN ms END) AS median,
           max(CASE WHEN rn = (90 * n + 99) / 100 THEN ms END) AS p90
    FROM (SELECT dept, (at - ?3) / ?4 AS bucket, ms,
                 row_number() OVER (PARTITION BY dept, (at - ?3) / ?4 ORDER BY ms) AS rn,
                 count(*) OVER (PARTITION BY dept, (at - ?3) / ?4) AS n
          FROM resolutions WHERE dept IS NOT NULL AND at >= ?1 AND at < ?2)
    GROUP BY dept, bucket
),
keys AS (
    SELECT dept, bucket FROM received UNION SELECT dept, bucket FROM transfers_out
    UNION SELECT dept, bucket FROM resolved
)
SELECT k.dept AS department_id, d.name AS department, k.bucket,
       coalesce(rc.received, 0) AS received, coalesce(rc.with_due, 0) AS with_due,
       coalesce(rc.within, 0) AS within_sla,
       cl.median AS claim_median_ms, cl.p90 AS claim_p90_ms,
       coalesce(rs.n_resolved, 0) AS resolved, rs.median AS resolve_median_ms, rs.p90 AS resolve_p90_ms,
       coalesce(t.n, 0) AS transfers_out, coalesce(rc.ping_pong, 0) AS ping_pong
FROM keys k JOIN departments d ON d.id = k.dept
LEFT JOIN received rc ON rc.dept = k.dept AND rc.bucket = k.bucket
LEFT JOIN claims cl ON cl.dept = k.dept AND cl.bucket = k.bucket
LEFT JOIN resolved rs ON rs.dept = k.dept AND rs.bucket = k.bucket
LEFT JOIN transfers_out t ON t.dept = k.dept AND t.bucket = k.bucket
ORDER BY k.dept, k.bucket",
        receipts = RECEIPTS.replace("{incidents}", ""),
        claim = CLAIM_OF_RECEIPT,
    )
}

/// The statement behind [`figures`], for the benchmark that runs it in the sqlite3 shell too.
pub fn figures_statement() -> String {
    figures_sql()
}

/// One department's figures over one bucket.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct BucketFigures {
    pub department_id: Id,
    pub department: String,
    pub bucket: i64,
    /// Distinct incidents with a receipt by the department.
    pub received: i64,
    /// Receipts with a claim deadline, and those claimed by it.
    pub with_due: i64,
    pub within_sla: i64,
    pub claim_median_ms: Option<i64>,
    pub claim_p90_ms: Option<i64>,
    pub resolved: i64,
    pub resolve_median_ms: Option<i64>,
    pub resolve_p90_ms: Option<i64>,
    pub transfers_out: i64,
    pub ping_pong: i64,
}

/// Every department's figures for receipts and resolutions in `[from, until)`, per bucket of
/// `bucket_ms` counted from `origin` (`origin` ≤ `from`); departments with nothing in a bucket
/// have no row for it.
pub async fn figures<'e>(db: impl SqliteExecutor<'e>, from: i64, until: i64, origin: i64, bucket_ms: i64) -> Result<Vec<BucketFigures>> {
    Ok(sqlx::query_as(AssertSqlSafe(figures_sql()))
        .bind(from)
        .bind(until)
        .bind(origin)
        .bind(bucket_ms.max(1))
        .fetch_all(db)
        .await?)
}

/// A department's figures over a period (or one week of the trend). Times are milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DepartmentFigures {
    pub department_id: Id,
    pub department: String,
    pub received: i64,
    /// Receipts with a claim deadline, and how many of them it claimed by the deadline.
    pub with_due: i64,
    pub within_sla: i64,
    /// `within_sla / with_due` in percent; none without deadlines.
    pub within_sla_pct: Option<f64>,
    pub claim_median_ms: Option<i64>,
    pub claim_p90_ms: Option<i64>,
    pub resolved: i64,
    pub resolve_median_ms: Option<i64>,
    pub resolve_p90_ms: Option<i64>,
    pub transfers_out: i64,
    pub ping_pong: i64,
}

impl From<BucketFigures> for DepartmentFigures {
    fn from(b: BucketFigures) -> Self {
        DepartmentFigures {
            department_id: b.department_id,
            department: b.department,
            received: b.received,
            with_due: b.with_due,
            within_sla: b.within_sla,
            within_sla_pct: (b.with_due > 0).then(|| b.within_sla as f64 * 100.0 / b.with_due as f64),
            claim_median_ms: b.claim_median_ms,
            claim_p90_ms: b.claim_p90_ms,
            resolved: b.resolved,
            resolve_median_ms: b.resolve_median_ms,
            resolve_p90_ms: b.resolve_p90_ms,
            transfers_out: b.transfers_out,
            ping_pong: b.ping_pong,
        }
    }
}

/// One week of a department's trend; `week` is its Monday (YYYY-MM-DD, workspace zone).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TrendWeek {
    pub week: String,
    pub figures: DepartmentFigures,
}

/// One incident's dispatch facts; the service turns them into figures with the SLA clock.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct IncidentFacts {
    pub opened_at: i64,
    pub transfers: i64,
    pub first_claim_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// Receipts claimed after their `due_at`, or unclaimed past it while still with the department
    /// (unresolved at `now`).
    pub claim_breaches: i64,
    pub severity_class_id: Option<Id>,
    pub department_id: Option<Id>,
}

/// `?1` the incident, `?2` now.
fn incident_sql() -> String {
    format!(
        "WITH {receipts},
resolution AS (
    SELECT coalesce((SELECT min(at) FROM incident_events WHERE incident_id = ?1 AND kind = 'resolved'), i.closed_at) AS at
    FROM incidents i WHERE i.id = ?1
)
SELECT i.opened_at,
       coalesce((SELECT max(transfers) FROM receipts), 0) AS transfers,
       (SELECT min(at) FROM incident_events WHERE incident_id = ?1 AND kind = 'claimed') AS first_claim_at,
       (SELECT at FROM resolution) AS resolved_at,
       (SELECT count(*) FROM receipts r WHERE r.due_at IS NOT NULL
           AND coalesce({claim}, min(coalesce(r.next_at, ?2), coalesce((SELECT at FROM resolution), ?2))) > r.due_at) AS claim_breaches,
       i.severity_class_id, i.department_id
FROM incidents i
WHERE i.id = ?1 AND i.deleted_at IS NULL",
        receipts = RECEIPTS.replace("{incidents}", "AND i.id = ?1"),
        claim = CLAIM_OF_RECEIPT,
    )
}

pub async fn incident<'e>(db: impl SqliteExecutor<'e>, id: Id, now: i64) -> Result<IncidentFacts> {
    sqlx::query_as(AssertSqlSafe(incident_sql()))
        .bind(id)
        .bind(now)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| crate::error::CoreError::not_found("incident", id))
}

/// One incident's `pending` and `resumed` events, in time order.
pub async fn wait_events(conn: &mut sqlx::SqliteConnection, id: Id) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as("SELECT kind, at FROM incident_events WHERE incident_id = ? AND kind IN ('pending', 'resumed') ORDER BY at, id")
        .bind(id)
        .fetch_all(conn)
        .await?)
}
