use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, QueryBuilder, Sqlite, SqliteExecutor, SqlitePool};

use crate::dispatch::{facts_of, Facts};
use crate::error::{CoreError, Result};
use crate::{Id, Money};

/// Statuses in the order the board shows them.
pub const STATUSES: [&str; 5] = ["open", "claimed", "in_progress", "resolved", "closed"];

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Incident {
    pub id: Id,
    pub external_id: Option<String>,
    pub title: String,
    pub department_id: Option<Id>,
    pub department_name: Option<String>,
    pub problem_type: String,
    pub product_category: String,
    pub product: String,
    pub supplier: String,
    pub store_id: Option<Id>,
    pub store_name: Option<String>,
    pub region: String,
    pub channel: String,
    pub customer_ref: String,
    pub severity_class_id: Option<Id>,
    pub severity_class: Option<String>,
    pub sla_hours: Option<i64>,
    pub wait_minutes: Option<i64>,
    pub complaint: bool,
    #[sqlx(rename = "cost_fen")]
    pub cost: Money,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    pub status: String,
    pub escalated_at: Option<i64>,
}

/// Everything a user or an import sets on an incident.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IncidentInput {
    pub external_id: Option<String>,
    pub title: String,
    pub department_id: Option<Id>,
    pub problem_type: String,
    pub product_category: String,
    pub product: String,
    pub supplier: String,
    pub store_id: Option<Id>,
    pub region: String,
    pub channel: String,
    pub customer_ref: String,
    pub severity_class_id: Option<Id>,
    pub wait_minutes: Option<i64>,
    pub complaint: bool,
    pub cost: Money,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    pub status: String,
}

/// A row to insert; `id` is given by bulk writers that number rows themselves.
pub struct NewIncident {
    pub id: Option<Id>,
    pub content_hash: Option<String>,
    pub record: IncidentInput,
}

pub(crate) const SELECT: &str = "SELECT i.id, i.external_id, i.title, i.department_id, d.name AS department_name, i.problem_type,
        i.product_category, i.product, i.supplier, i.store_id, s.name AS store_name, i.region, i.channel,
        i.customer_ref, i.severity_class_id, c.name AS severity_class, c.sla_hours, i.wait_minutes,
        i.complaint, i.cost_fen, i.opened_at, i.closed_at, i.status, i.escalated_at
     FROM incidents i
     LEFT JOIN severity_classes c ON c.id = i.severity_class_id
     LEFT JOIN departments d ON d.id = i.department_id
     LEFT JOIN stores s ON s.id = i.store_id";

/// The newest `limit` live incidents.
pub async fn list_recent<'e>(db: impl SqliteExecutor<'e>, limit: i64) -> Result<Vec<Incident>> {
    let mut q = QueryBuilder::<Sqlite>::new(SELECT);
    q.push(" WHERE i.deleted_at IS NULL ORDER BY i.opened_at DESC, i.id DESC LIMIT ").push_bind(limit);
    Ok(q.build_query_as().fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Incident> {
    let mut q = QueryBuilder::<Sqlite>::new(SELECT);
    q.push(" WHERE i.deleted_at IS NULL AND i.id = ").push_bind(id);
    q.build_query_as().fetch_optional(db).await?.ok_or_else(|| CoreError::not_found("incident", id))
}

/// SQLite allows 32,766 bound values per statement; 22 columns per row.
pub const INSERT_BATCH: usize = 1_000;

const COLUMNS: &str = "id, external_id, content_hash, title, department_id, problem_type, product_category,
    product, supplier, store_id, region, channel, customer_ref, severity_class_id, wait_minutes,
    complaint, cost_fen, opened_at, closed_at, status, created_at, updated_at";

/// Writes rows to `table` in multi-row statements.
async fn insert_into(conn: &mut sqlx::SqliteConnection, table: &str, rows: &[NewIncident]) -> Result<()> {
    let now = crate::time::now_ms();
    for chunk in rows.chunks(INSERT_BATCH) {
        let mut q = QueryBuilder::<Sqlite>::new(format!("INSERT INTO {table} ({COLUMNS}) "));
        // Text is bound by reference: the driver copies it once, no clone of each value first.
        q.push_values(chunk, |mut b, row| {
            let r = &row.record;
            b.push_bind(row.id)
                .push_bind(r.external_id.as_deref())
                .push_bind(row.content_hash.as_deref())
                .push_bind(r.title.as_str())
                .push_bind(r.department_id)
                .push_bind(r.problem_type.as_str())
                .push_bind(r.product_category.as_str())
                .push_bind(r.product.as_str())
                .push_bind(r.supplier.as_str())
                .push_bind(r.store_id)
                .push_bind(r.region.as_str())
                .push_bind(r.channel.as_str())
                .push_bind(r.customer_ref.as_str())
                .push_bind(r.severity_class_id)
                .push_bind(r.wait_minutes)
                .push_bind(r.complaint)
                .push_bind(r.cost)
                .push_bind(r.opened_at)
                .push_bind(r.closed_at)
                .push_bind(r.status.as_str())
                .push_bind(now)
                .push_bind(now);
        });
        q.build().persistent(super::keep_prepared(chunk.len(), INSERT_BATCH)).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Inserts rows in multi-row statements; returns the id of the last row.
pub async fn insert_many(conn: &mut sqlx::SqliteConnection, rows: &[NewIncident]) -> Result<Id> {
    insert_into(conn, "incidents", rows).await?;
    Ok(sqlx::query_scalar("SELECT last_insert_rowid()").fetch_one(&mut *conn).await?)
}

/// A staging table for bulk writers, in the connection's temporary schema: rows go there in
/// small statements, then into `incidents` many thousands at a time with [`move_staged`].
///
/// Every statement that inserts into `incidents` keeps a statement journal of each page it
/// changes (its triggers call functions, so it may abort half-way): a statement per thousand
/// rows copied the same index pages again and again (112,000 page writes for 100,000 rows).
/// The staging table has no constraint, index or trigger, so its inserts keep no journal.
/// Create it inside the transaction that moves the rows, so a rollback removes it too.
pub async fn create_staging(conn: &mut sqlx::SqliteConnection) -> Result<()> {
    sqlx::query(AssertSqlSafe(format!("CREATE TEMP TABLE IF NOT EXISTS incidents_staged ({COLUMNS})"))).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM temp.incidents_staged").execute(&mut *conn).await?;
    Ok(())
}

pub async fn stage_many(conn: &mut sqlx::SqliteConnection, rows: &[NewIncident]) -> Result<()> {
    insert_into(conn, "temp.incidents_staged", rows).await
}

/// Inserts every staged row into `incidents` in one statement, in the order staged.
pub async fn move_staged(conn: &mut sqlx::SqliteConnection) -> Result<()> {
    sqlx::query(AssertSqlSafe(format!("INSERT INTO incidents ({COLUMNS}) SELECT {COLUMNS} FROM temp.incidents_staged ORDER BY rowid")))
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM temp.incidents_staged").execute(&mut *conn).await?;
    Ok(())
}

pub async fn drop_staging(conn: &mut sqlx::SqliteConnection) -> Result<()> {
    sqlx::query("DROP TABLE IF EXISTS temp.incidents_staged").execute(&mut *conn).await?;
    Ok(())
}

pub async fn insert(conn: &mut sqlx::SqliteConnection, input: &IncidentInput) -> Result<Id> {
    insert_many(conn, &[NewIncident { id: None, content_hash: None, record: input.clone() }]).await
}

/// Writes every user-editable field but the owner, which only changes through a transfer.
pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, r: &IncidentInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE incidents SET external_id = ?, title = ?, problem_type = ?, product_category = ?, product = ?,
             supplier = ?, store_id = ?, region = ?, channel = ?, customer_ref = ?, severity_class_id = ?,
             wait_minutes = ?, complaint = ?, cost_fen = ?, opened_at = ?, closed_at = ?, status = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&r.external_id)
    .bind(&r.title)
    .bind(&r.problem_type)
    .bind(&r.product_category)
    .bind(&r.product)
    .bind(&r.supplier)
    .bind(r.store_id)
    .bind(&r.region)
    .bind(&r.channel)
    .bind(&r.customer_ref)
    .bind(r.severity_class_id)
    .bind(r.wait_minutes)
    .bind(r.complaint)
    .bind(r.cost)
    .bind(r.opened_at)
    .bind(r.closed_at)
    .bind(&r.status)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("incident", id));
    }
    Ok(())
}

pub async fn external_id_taken<'e>(db: impl SqliteExecutor<'e>, external_id: &str, except: Option<Id>) -> Result<bool> {
    let found: Option<Id> = sqlx::query_scalar("SELECT id FROM incidents WHERE external_id = ? AND id IS NOT ?")
        .bind(external_id)
        .bind(except)
        .fetch_optional(db)
        .await?;
    Ok(found.is_some())
}

/// One cell of the board's pivot: owning department × problem type × month (workspace time).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PivotCell {
    pub department_id: Option<Id>,
    pub department_name: Option<String>,
    pub problem_type: String,
    pub month: String,
    pub count: i64,
    pub wait_minutes: i64,
    pub cost: Money,
}

/// Counts and sums of wait and cost by department × type × month over all live incidents, read
/// from the aggregate the triggers of migration 0003 keep in step with every write; departments
/// by pinyin (triage first), then type and month.
///
/// The 864 cells of a large workspace are read with `raw_rows`: through sqlx's rows they took
/// 4.8 ms, as one JSON array 1.1–1.4 ms, stepped directly 0.75 ms.
pub async fn pivot(pool: &SqlitePool) -> Result<Vec<PivotCell>> {
    let mut conn = pool.acquire().await?;
    super::raw_rows::read(&mut conn, PIVOT_SQL, |row| PivotCell {
        department_id: row.opt_int(0),
        department_name: row.text(1),
        problem_type: row.text(2).unwrap_or_default(),
        month: row.text(3).unwrap_or_default(),
        count: row.int(4),
        wait_minutes: row.int(5),
        cost: Money::from_fen(row.int(6)),
    })
    .await
}

/// Public so the import benchmark can give the sqlite3 shell the very same statement.
pub const PIVOT_SQL: &std::ffi::CStr = c"SELECT nullif(p.department_id, 0), d.name, p.problem_type, p.month, p.count, p.wait_minutes, p.cost_fen
     FROM incident_pivot p LEFT JOIN departments d ON d.id = p.department_id
     ORDER BY d.name_key, p.problem_type, p.month";

impl IncidentInput {
    /// What routing rules look at in the record being saved.
    pub fn facts(&self) -> Facts<'_> {
        facts_of!(self)
    }
}

impl Incident {
    /// What routing rules look at in a stored incident.
    pub fn facts(&self) -> Facts<'_> {
        facts_of!(self)
    }
}
