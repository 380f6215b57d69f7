//! The evidence chain's aggregate reads: a problem's live linked incidents, counted from the copy
//! each link keeps in `problem_incidents`, and the complaints among all incidents.

use sqlx::{AssertSqlSafe, QueryBuilder, Sqlite, SqliteConnection, SqliteExecutor};

use super::incident_filter::IncidentFilter;

use crate::error::Result;
use crate::Id;

/// What the chain needs of a problem's live linked incidents, counted by SQLite from the copy
/// each link keeps (migration 0007) so that only totals cross into Rust: decoding one row per
/// incident cost more than all the counting (0.17 s of 0.24 s at 111,000 incidents).
pub struct Linked {
    pub count: i64,
    pub cost: i64,
    pub complaints: i64,
    pub first: Option<i64>,
    pub last: Option<i64>,
    /// The wait distribution: (minutes, incidents with that wait, lowest such incident id), by wait.
    pub waits: Vec<(i64, i64, Id)>,
    /// Events per local day, in day order.
    pub days: Vec<(i64, i64)>,
    /// The distinct stores of the incidents.
    pub stores: Vec<Id>,
}

/// The local day number (since 1970-01-01) of `opened_at`, as `(opened_at / 1000 + offset).div_euclid(86400)`
/// computes it: SQLite's `/` and `%` truncate like Rust's, the second `%` makes the remainder Euclidean.
/// `?2` is the zone offset in seconds.
const LOCAL_DAY: &str = "((opened_at / 1000 + ?2) - (((opened_at / 1000 + ?2) % 86400) + 86400) % 86400) / 86400";

pub async fn linked(conn: &mut SqliteConnection, problem_id: Id, offset_s: i64) -> Result<Linked> {
    let (count, cost, complaints, first, last): (i64, i64, i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT count(*), coalesce(sum(cost_fen), 0), coalesce(sum(complaint <> 0), 0), min(opened_at), max(opened_at)
         FROM problem_incidents WHERE problem_id = ? AND live = 1",
    )
    .bind(problem_id)
    .fetch_one(&mut *conn)
    .await?;
    // In wait order straight from the index problem_incidents_wait (migration 0010).
    let waits = sqlx::query_as(
        "SELECT wait_minutes, count(*), min(incident_id) FROM problem_incidents
         WHERE problem_id = ? AND live = 1 AND wait_minutes IS NOT NULL GROUP BY wait_minutes ORDER BY wait_minutes",
    )
    .bind(problem_id)
    .fetch_all(&mut *conn)
    .await?;
    // An event is one store on one day; an incident without a store is an event of its own.
    let days = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT d, count(*) FROM (
             SELECT DISTINCT store_id, {LOCAL_DAY} AS d FROM problem_incidents WHERE problem_id = ?1 AND live = 1 AND store_id IS NOT NULL
             UNION ALL
             SELECT NULL, {LOCAL_DAY} FROM problem_incidents WHERE problem_id = ?1 AND live = 1 AND store_id IS NULL)
         GROUP BY d ORDER BY d"
    )))
    .bind(problem_id)
    .bind(offset_s)
    .fetch_all(&mut *conn)
    .await?;
    let stores = sqlx::query_scalar("SELECT DISTINCT store_id FROM problem_incidents WHERE problem_id = ? AND live = 1 AND store_id IS NOT NULL")
        .bind(problem_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Linked { count, cost, complaints, first, last, waits, days, stores })
}

/// Events (store-days) at the given stores.
pub async fn events_at<'e>(db: impl SqliteExecutor<'e>, problem_id: Id, stores: &[Id], offset_s: i64) -> Result<i64> {
    // ?1 and ?2 are the problem and the offset; the stores follow as ?3, ?4, …
    let list = (3..stores.len() + 3).map(|n| format!("?{n}")).collect::<Vec<_>>().join(", ");
    let mut query = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM (SELECT DISTINCT store_id, {LOCAL_DAY} FROM problem_incidents
         WHERE problem_id = ?1 AND live = 1 AND store_id IN ({list}))"
    )))
    .bind(problem_id)
    .bind(offset_s);
    for s in stores {
        query = query.bind(*s);
    }
    Ok(query.fetch_one(db).await?)
}

/// The customer references among a problem's live linked incidents.
pub struct CustomerRefs {
    /// Distinct non-empty references.
    pub distinct: i64,
    /// Incidents that carry one.
    pub incidents: i64,
}

pub async fn customer_refs<'e>(db: impl SqliteExecutor<'e>, problem_id: Id) -> Result<CustomerRefs> {
    // The non-empty ones (`> ''`: the column is NOT NULL text) come distinct from the index.
    let (distinct, incidents) = sqlx::query_as(
        "SELECT count(DISTINCT customer_ref), count(*) FROM problem_incidents WHERE problem_id = ? AND live = 1 AND customer_ref > ''",
    )
    .bind(problem_id)
    .fetch_one(db)
    .await?;
    Ok(CustomerRefs { distinct, incidents })
}

/// Complaints of every kind, live, opened between `from` and `to` inclusive.
pub async fn complaints_opened_between<'e>(db: impl SqliteExecutor<'e>, from: i64, to: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM incidents WHERE deleted_at IS NULL AND complaint = 1 AND opened_at BETWEEN ? AND ?")
        .bind(from)
        .bind(to)
        .fetch_one(db)
        .await?)
}

/// The stores a share of stores is taken of: those in the lists and in operation (an archived
/// store is closed or sold; it stays in history but no longer counts).
pub async fn stores_in_operation<'e>(db: impl SqliteExecutor<'e>) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM stores WHERE deleted_at IS NULL AND archived_at IS NULL").fetch_one(db).await?)
}

/// The stores a before/after comparison counts: those in operation on both `first_day` and
/// `last_day` (YYYY-MM-DD), within the problem's scope when it has one.
fn push_stores_compared(q: &mut QueryBuilder<Sqlite>, problem_id: Id, first_day: &str, last_day: &str) {
    q.push("SELECT id FROM stores WHERE deleted_at IS NULL AND (opened_on IS NULL OR opened_on <= ")
        .push_bind(first_day.to_owned())
        .push(") AND (closed_on IS NULL OR closed_on >= ")
        .push_bind(last_day.to_owned())
        .push(") AND (NOT EXISTS (SELECT 1 FROM problem_stores WHERE set_name = 'scope' AND problem_id = ")
        .push_bind(problem_id)
        .push(") OR id IN (SELECT store_id FROM problem_stores WHERE set_name = 'scope' AND problem_id = ")
        .push_bind(problem_id)
        .push("))");
}

/// Incidents before and after a launch, counted over the same stores in both windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BeforeAfter {
    pub before: i64,
    pub after: i64,
    /// The stores compared; None when the workspace keeps no store list and every incident counts.
    pub stores: Option<i64>,
}

/// Incidents matching `filter` opened in `[from, launch)` and in `[launch, to)` (UTC ms), at the
/// stores in operation from `first_day` to `last_day`.
pub async fn before_after(
    conn: &mut SqliteConnection,
    filter: &IncidentFilter,
    problem_id: Id,
    (from, launch, to): (i64, i64, i64),
    (first_day, last_day): (&str, &str),
    offset_s: i64,
) -> Result<BeforeAfter> {
    let any_store: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM stores WHERE deleted_at IS NULL)").fetch_one(&mut *conn).await?;
    let stores = if any_store {
        let mut q = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM (");
        push_stores_compared(&mut q, problem_id, first_day, last_day);
        q.push(")");
        Some(q.build_query_scalar::<i64>().fetch_one(&mut *conn).await?)
    } else {
        None
    };
    let mut q = QueryBuilder::<Sqlite>::new("SELECT coalesce(sum(i.opened_at < ");
    q.push_bind(launch).push("), 0), coalesce(sum(i.opened_at >= ").push_bind(launch).push("), 0) FROM incidents i");
    filter.push_where(&mut q, offset_s)?;
    q.push(" AND i.opened_at >= ").push_bind(from).push(" AND i.opened_at < ").push_bind(to);
    if any_store {
        q.push(" AND i.store_id IN (");
        push_stores_compared(&mut q, problem_id, first_day, last_day);
        q.push(")");
    }
    let (before, after): (i64, i64) = q.build_query_as().fetch_one(&mut *conn).await?;
    Ok(BeforeAfter { before, after, stores })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The local day SQLite computes is Rust's `div_euclid` day, before 1970 and at midnight too.
    #[tokio::test]
    async fn local_days_in_sql_equal_rusts() {
        let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
        let times = [0, 1, -1, 999, -999, -1000, -1001, 86_399_999, 86_400_000, -86_400_000, -86_400_001, 1_711_900_800_000, 1_711_929_599_999, -1_711_900_800_123];
        for offset in [0i64, 28_800, -18_000, 19_800, 86_399, -86_399] {
            for opened_at in times {
                let sql = format!("SELECT {}", LOCAL_DAY.replace("opened_at", "?1"));
                let day: i64 = sqlx::query_scalar(AssertSqlSafe(sql)).bind(opened_at).bind(offset).fetch_one(&pool).await.unwrap();
                assert_eq!(day, (opened_at / 1000 + offset).div_euclid(86_400), "{opened_at} at {offset}");
            }
        }
    }
}
