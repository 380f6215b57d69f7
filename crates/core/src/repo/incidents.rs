use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::{Id, Money};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Normal,
    High,
    Critical,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Incident {
    pub id: Id,
    pub title: String,
    pub department_id: Option<Id>,
    pub department_name: Option<String>,
    pub problem_type: String,
    pub product_category: String,
    pub product: String,
    pub supplier: String,
    pub store_id: Option<Id>,
    pub store_name: Option<String>,
    pub severity: Severity,
    pub severity_class: Option<String>,
    pub external_id: Option<String>,
    pub status: String,
    pub wait_minutes: Option<i64>,
    pub complaint: bool,
    pub cost: Money,
    pub opened_at: i64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IncidentInput {
    pub title: String,
    pub department_id: Option<Id>,
    pub problem_type: String,
    pub product_category: String,
    pub product: String,
    pub supplier: String,
    pub store_id: Option<Id>,
    pub severity: Severity,
    pub severity_class_id: Option<Id>,
    pub wait_minutes: Option<i64>,
    pub complaint: bool,
    pub cost: Money,
    pub opened_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Id,
    title: String,
    department_id: Option<Id>,
    department_name: Option<String>,
    problem_type: String,
    product_category: String,
    product: String,
    supplier: String,
    store_id: Option<Id>,
    store_name: Option<String>,
    severity: Severity,
    severity_class: Option<String>,
    external_id: Option<String>,
    status: String,
    wait_minutes: Option<i64>,
    complaint: bool,
    cost_fen: Money,
    opened_at: i64,
}

impl From<Row> for Incident {
    fn from(r: Row) -> Self {
        Incident {
            id: r.id,
            title: r.title,
            department_id: r.department_id,
            department_name: r.department_name,
            problem_type: r.problem_type,
            product_category: r.product_category,
            product: r.product,
            supplier: r.supplier,
            store_id: r.store_id,
            store_name: r.store_name,
            severity: r.severity,
            severity_class: r.severity_class,
            external_id: r.external_id,
            status: r.status,
            wait_minutes: r.wait_minutes,
            complaint: r.complaint,
            cost: r.cost_fen,
            opened_at: r.opened_at,
        }
    }
}

/// The newest `limit` live incidents.
pub async fn list_recent<'e>(db: impl SqliteExecutor<'e>, limit: i64) -> Result<Vec<Incident>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT i.id, i.title, i.department_id, d.name AS department_name, i.problem_type,
                i.product_category, i.product, i.supplier, i.store_id, s.name AS store_name,
                i.severity, c.name AS severity_class, i.external_id, i.status, i.wait_minutes, i.complaint,
                i.cost_fen, i.opened_at
         FROM incidents i
         LEFT JOIN severity_classes c ON c.id = i.severity_class_id
         LEFT JOIN departments d ON d.id = i.department_id AND d.deleted_at IS NULL
         LEFT JOIN stores s ON s.id = i.store_id AND s.deleted_at IS NULL
         WHERE i.deleted_at IS NULL ORDER BY i.opened_at DESC, i.id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(Incident::from).collect())
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &IncidentInput) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query(
        "INSERT INTO incidents (title, department_id, problem_type, product_category, product, supplier,
             store_id, severity, severity_class_id, wait_minutes, complaint, cost_fen, opened_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.title)
    .bind(input.department_id)
    .bind(&input.problem_type)
    .bind(&input.product_category)
    .bind(&input.product)
    .bind(&input.supplier)
    .bind(input.store_id)
    .bind(input.severity)
    .bind(input.severity_class_id)
    .bind(input.wait_minutes)
    .bind(input.complaint)
    .bind(input.cost)
    .bind(input.opened_at)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

/// One cell of the board's pivot: owning department × problem type × month (workspace time).
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
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

/// Counts and sums of wait and cost by department × type × month over all live incidents.
/// `utc_offset_seconds` is the workspace zone's offset (Asia/Shanghai: +8 h, no DST).
pub async fn pivot<'e>(db: impl SqliteExecutor<'e>, utc_offset_seconds: i64) -> Result<Vec<PivotCell>> {
    Ok(sqlx::query_as(
        "SELECT p.department_id, d.name AS department_name, p.problem_type, p.month, p.count, p.wait_minutes, p.cost
         FROM (SELECT department_id, problem_type,
                      strftime('%Y-%m', opened_at / 1000 + ?, 'unixepoch') AS month,
                      count(*) AS count, coalesce(sum(wait_minutes), 0) AS wait_minutes, sum(cost_fen) AS cost
               FROM incidents WHERE deleted_at IS NULL
               GROUP BY department_id, problem_type, month) p
         LEFT JOIN departments d ON d.id = p.department_id
         ORDER BY d.name_key, p.problem_type, p.month",
    )
    .bind(utc_offset_seconds)
    .fetch_all(db)
    .await?)
}
