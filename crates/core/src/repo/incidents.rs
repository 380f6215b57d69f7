use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, QueryBuilder, Sqlite, SqliteExecutor, SqlitePool};

use crate::dispatch::{facts_of, Facts};
use crate::import::fields::Field;
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

/// What a claim, transfer or pause needs to know of an incident.
#[derive(sqlx::FromRow)]
pub struct Current {
    pub department_id: Option<Id>,
    pub severity_class_id: Option<Id>,
    pub status: String,
    pub pending_since: Option<i64>,
}

pub async fn current(conn: &mut sqlx::SqliteConnection, id: Id) -> Result<Current> {
    sqlx::query_as("SELECT department_id, severity_class_id, status, pending_since FROM incidents WHERE id = ? AND deleted_at IS NULL")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| CoreError::not_found("incident", id))
}

/// The owner claims: the time to claim stops at its first claim.
pub async fn set_claimed(conn: &mut sqlx::SqliteConnection, id: Id, at: i64, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE incidents SET status = CASE status WHEN 'open' THEN 'claimed' ELSE status END,
                claimed_at = coalesce(claimed_at, ?), updated_at = ? WHERE id = ?",
    )
    .bind(at)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A new owner: the incident is open again, its time to claim starts at `at` and its escalation
/// starts over.
pub async fn hand_over(conn: &mut sqlx::SqliteConnection, id: Id, to: Id, at: i64, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE incidents SET department_id = ?, status = 'open', assigned_at = ?, claimed_at = NULL,
                escalated_at = NULL, escalation_level = 0, updated_at = ? WHERE id = ?",
    )
    .bind(to)
    .bind(at)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Starts a wait on the customer or a supplier: the SLA clocks stand still from `since`.
pub async fn set_pending(conn: &mut sqlx::SqliteConnection, id: Id, since: i64, reason: &str, now: i64) -> Result<()> {
    sqlx::query("UPDATE incidents SET pending_since = ?, pending_reason = ?, updated_at = ? WHERE id = ?")
        .bind(since)
        .bind(reason)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends a wait: the clocks run again, `paused` (in the class's hours) added to the time they stood.
pub async fn clear_pending(conn: &mut sqlx::SqliteConnection, id: Id, paused: i64, now: i64) -> Result<()> {
    sqlx::query("UPDATE incidents SET pending_since = NULL, pending_reason = '', paused_ms = paused_ms + ?, updated_at = ? WHERE id = ?")
        .bind(paused)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// An incident whose SLA clocks may have run out, with what an escalation names.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SlaRow {
    pub id: Id,
    pub title: String,
    pub department_id: Option<Id>,
    pub department: Option<String>,
    pub head: String,
    pub escalation_contact: String,
    pub severity_class_id: Id,
    pub class: String,
    pub opened_at: i64,
    pub assigned_at: i64,
    pub claimed_at: Option<i64>,
    pub pending_since: Option<i64>,
    pub pending_reason: String,
    pub escalation_level: i64,
}

/// Live incidents not yet resolved, with a severity class, opened before `opened_before`: no
/// clock of a younger one can have run out. `only` narrows it to one incident.
const SLA_CANDIDATES: &str = "FROM incidents i
     JOIN severity_classes c ON c.id = i.severity_class_id
     LEFT JOIN departments d ON d.id = i.department_id
     WHERE i.deleted_at IS NULL AND i.status NOT IN ('resolved', 'closed') AND i.opened_at < ?1
       AND (?2 IS NULL OR i.id = ?2)";

pub async fn sla_candidates(conn: &mut sqlx::SqliteConnection, opened_before: i64, only: Option<Id>) -> Result<Vec<SlaRow>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "SELECT i.id, i.title, i.department_id, d.name AS department, coalesce(d.head, '') AS head,
                coalesce(d.escalation_contact, '') AS escalation_contact, i.severity_class_id, c.name AS class,
                i.opened_at, coalesce(i.assigned_at, i.opened_at) AS assigned_at,
                -- An imported incident past 'open' was claimed, even if the file gave no time.
                CASE WHEN i.claimed_at IS NULL AND i.status <> 'open' THEN coalesce(i.assigned_at, i.opened_at) ELSE i.claimed_at END AS claimed_at,
                i.pending_since,
                i.pending_reason, i.escalation_level
         {SLA_CANDIDATES}"
    )))
    .bind(opened_before)
    .bind(only)
    .fetch_all(conn)
    .await?)
}

/// The `pending`/`resumed` events of those candidates that wait or have waited, by incident and
/// time: `(incident, kind, at)`.
pub async fn sla_pauses(conn: &mut sqlx::SqliteConnection, opened_before: i64, only: Option<Id>) -> Result<Vec<(Id, String, i64)>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "SELECT e.incident_id, e.kind, e.at FROM incident_events e
         WHERE e.kind IN ('pending', 'resumed')
           AND e.incident_id IN (SELECT i.id {SLA_CANDIDATES} AND (i.paused_ms > 0 OR i.pending_since IS NOT NULL))
         ORDER BY e.incident_id, e.at, e.id"
    )))
    .bind(opened_before)
    .bind(only)
    .fetch_all(conn)
    .await?)
}

pub async fn set_escalation_level(conn: &mut sqlx::SqliteConnection, id: Id, level: i64, now: i64) -> Result<()> {
    sqlx::query("UPDATE incidents SET escalation_level = ?, escalated_at = coalesce(escalated_at, ?) WHERE id = ?")
        .bind(level)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A recurring pattern worth making a problem of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub problem_type: String,
    pub product: String,
    pub supplier: String,
    pub stores: i64,
    pub incidents: i64,
    /// Incidents in the second half of the window against the first; above 1 means growing.
    pub growth: Option<f64>,
    /// Already linked to some problem.
    pub linked: i64,
}

/// The same type/product/supplier at `min_stores` or more stores between `from` and `until`, most
/// widespread first, then fastest growing (incidents after `middle` against before).
pub async fn recurring<'e>(db: impl SqliteExecutor<'e>, from: i64, until: i64, middle: i64, min_stores: u32) -> Result<Vec<Suggestion>> {
    Ok(sqlx::query_as(
        "SELECT problem_type, product, supplier, count(DISTINCT store_id) AS stores, count(*) AS incidents,
                CAST(sum(opened_at >= ?3) AS REAL) / nullif(sum(opened_at < ?3), 0) AS growth,
                sum(id IN (SELECT incident_id FROM problem_incidents)) AS linked
         FROM incidents WHERE deleted_at IS NULL AND opened_at >= ?1 AND opened_at <= ?2
         GROUP BY problem_type, product, supplier HAVING count(DISTINCT store_id) >= ?4
         ORDER BY stores DESC, growth DESC NULLS LAST LIMIT 50",
    )
    .bind(from)
    .bind(until)
    .bind(middle)
    .bind(min_stores)
    .fetch_all(db)
    .await?)
}

/// The number the next new incident gets; an import numbers its rows itself, holding the write lock.
pub async fn next_id(conn: &mut sqlx::SqliteConnection) -> Result<Id> {
    Ok(sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM incidents").fetch_one(conn).await?)
}

/// What identifies an imported row: its ticket id, or (without one) a hash of its content.
#[derive(Clone, Copy)]
pub enum RowKeyColumn {
    ExternalId,
    ContentHash,
}

/// The incidents with these row keys: (key, id, trashed at, owner). `batch` is the import's batch
/// size: a full batch's statement is kept prepared, a smaller last one is not.
pub async fn by_row_keys(conn: &mut sqlx::SqliteConnection, by: RowKeyColumn, keys: &[&str], batch: usize) -> Result<Vec<(String, Id, Option<i64>, Option<Id>)>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let sql = match by {
        RowKeyColumn::ExternalId => "SELECT external_id, id, deleted_at, department_id FROM incidents WHERE external_id IN (",
        RowKeyColumn::ContentHash => "SELECT content_hash, id, deleted_at, department_id FROM incidents WHERE external_id IS NULL AND content_hash IN (",
    };
    let mut q = QueryBuilder::<Sqlite>::new(sql);
    let mut list = q.separated(", ");
    for k in keys {
        list.push_bind(*k);
    }
    list.push_unseparated(")");
    Ok(q.build_query_as().persistent(super::keep_prepared(keys.len(), batch)).fetch_all(conn).await?)
}

/// The incident column a field updates; None for fields that are not a column.
fn column(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::ExternalId | Field::ClaimedAt => return None,
        Field::Title => "title",
        Field::Department => "department_id",
        Field::ProblemType => "problem_type",
        Field::ProductCategory => "product_category",
        Field::Product => "product",
        Field::Supplier => "supplier",
        Field::Store | Field::StoreCode => "store_id",
        Field::Region => "region",
        Field::Channel => "channel",
        Field::CustomerRef => "customer_ref",
        Field::SeverityClass => "severity_class_id",
        Field::WaitMinutes => "wait_minutes",
        Field::Complaint => "complaint",
        Field::Cost | Field::CostFen => "cost_fen",
        Field::OpenedAt => "opened_at",
        Field::ClosedAt => "closed_at",
    })
}

/// The UPDATE a re-import runs: only the columns the file carries.
pub struct ImportUpdate {
    /// In the order of the statement's placeholders.
    fields: Vec<Field>,
    sql: String,
}

impl ImportUpdate {
    pub fn new(mapping: &[Option<Field>]) -> ImportUpdate {
        let mut fields: Vec<Field> = mapping.iter().flatten().copied().filter(|f| column(*f).is_some()).collect();
        fields.sort_unstable_by_key(|f| column(*f));
        fields.dedup_by_key(|f| column(*f));
        let sql = format!("UPDATE incidents SET {}updated_at = ? WHERE id = ?", fields.iter().filter_map(|f| column(*f)).map(|c| format!("{c} = ?, ")).collect::<String>());
        ImportUpdate { fields, sql }
    }
}

/// Writes the columns of `u` from `r` to incident `id`.
pub async fn import_update(conn: &mut sqlx::SqliteConnection, u: &ImportUpdate, id: Id, r: &IncidentInput, now: i64) -> Result<()> {
    let mut q = sqlx::query(AssertSqlSafe(u.sql.clone()));
    for field in &u.fields {
        q = match field {
            Field::Title => q.bind(&r.title),
            Field::Department => q.bind(r.department_id),
            Field::ProblemType => q.bind(&r.problem_type),
            Field::ProductCategory => q.bind(&r.product_category),
            Field::Product => q.bind(&r.product),
            Field::Supplier => q.bind(&r.supplier),
            Field::Store | Field::StoreCode => q.bind(r.store_id),
            Field::Region => q.bind(&r.region),
            Field::Channel => q.bind(&r.channel),
            Field::CustomerRef => q.bind(&r.customer_ref),
            Field::SeverityClass => q.bind(r.severity_class_id),
            Field::WaitMinutes => q.bind(r.wait_minutes),
            Field::Complaint => q.bind(r.complaint),
            Field::Cost | Field::CostFen => q.bind(r.cost.fen()),
            Field::OpenedAt => q.bind(r.opened_at),
            Field::ClosedAt => q.bind(r.closed_at),
            Field::ExternalId | Field::ClaimedAt => q,
        };
    }
    q.bind(now).bind(id).execute(conn).await?;
    Ok(())
}
