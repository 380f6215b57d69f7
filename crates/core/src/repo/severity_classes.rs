use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqliteExecutor};

use super::reference::name_matches;
use crate::error::Result;
use crate::text::pinyin_key;
use crate::Id;

/// A group of problem types with the same preset remedy and SLA.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SeverityClass {
    pub id: Id,
    pub name: String,
    pub name_key: String,
    pub remedy: String,
    /// Time to resolve.
    pub sla_hours: i64,
    /// Time to claim; None: not measured.
    pub claim_hours: Option<i64>,
    /// Counted in the workspace's working hours (true) or in clock hours.
    pub working_hours: bool,
    /// Set: hidden from pickers, kept in history.
    pub archived_at: Option<i64>,
}

/// A class as the settings form saves it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SeverityClassInput {
    pub name: String,
    pub remedy: String,
    pub claim_hours: Option<i64>,
    pub sla_hours: i64,
    pub working_hours: bool,
}

impl From<SeverityClass> for SeverityClassInput {
    fn from(c: SeverityClass) -> Self {
        SeverityClassInput { name: c.name, remedy: c.remedy, claim_hours: c.claim_hours, sla_hours: c.sla_hours, working_hours: c.working_hours }
    }
}

const SELECT: &str = "SELECT id, name, name_key, remedy, sla_hours, claim_hours, working_hours, archived_at
    FROM severity_classes WHERE deleted_at IS NULL";

/// The classes a picker offers: not archived, in their order.
pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<SeverityClass>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND archived_at IS NULL ORDER BY position, id")))
        .fetch_all(db)
        .await?)
}

/// Every live class, archived ones too, whose name or pinyin contains `term`, by pinyin.
pub async fn search<'e>(db: impl SqliteExecutor<'e>, term: &str) -> Result<Vec<SeverityClass>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND {} ORDER BY name_key, id", name_matches(""))))
        .bind(term)
        .fetch_all(db)
        .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, remedy: &str, sla_hours: i64, position: i64) -> Result<Id> {
    let input = SeverityClassInput { name: name.into(), remedy: remedy.into(), sla_hours, ..Default::default() };
    insert_at(db, &input, Some(position)).await
}

/// Adds a class at `position`, or after the last one.
pub async fn insert_at<'e>(db: impl SqliteExecutor<'e>, c: &SeverityClassInput, position: Option<i64>) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO severity_classes (name, name_key, remedy, sla_hours, claim_hours, working_hours, position, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, (SELECT coalesce(max(position) + 1, 0) FROM severity_classes)), ?8, ?8)",
    )
    .bind(&c.name)
    .bind(pinyin_key(&c.name))
    .bind(&c.remedy)
    .bind(c.sla_hours)
    .bind(c.claim_hours)
    .bind(c.working_hours)
    .bind(position)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

/// Saves every field of a class; incidents of the class follow its SLA at once.
pub async fn save<'e>(db: impl SqliteExecutor<'e>, id: Id, c: &SeverityClassInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE severity_classes SET name = ?, name_key = ?, remedy = ?, sla_hours = ?, claim_hours = ?, working_hours = ?,
             updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&c.name)
    .bind(pinyin_key(&c.name))
    .bind(&c.remedy)
    .bind(c.sla_hours)
    .bind(c.claim_hours)
    .bind(c.working_hours)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(crate::CoreError::not_found("severity_class", id));
    }
    Ok(())
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<SeverityClass> {
    sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| crate::CoreError::not_found("severity_class", id))
}

/// The class a problem type belongs to, which a new incident of that type defaults to.
pub async fn for_problem_type<'e>(db: impl SqliteExecutor<'e>, problem_type: &str) -> Result<Option<Id>> {
    Ok(sqlx::query_scalar(
        "SELECT severity_class_id FROM problem_types WHERE lower(trim(name)) = lower(trim(?)) AND deleted_at IS NULL",
    )
    .bind(problem_type)
    .fetch_optional(db)
    .await?
    .flatten())
}

/// Every live severity class's name and id.
pub async fn names<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Id)>> {
    Ok(sqlx::query_as("SELECT name, id FROM severity_classes WHERE deleted_at IS NULL").fetch_all(db).await?)
}
