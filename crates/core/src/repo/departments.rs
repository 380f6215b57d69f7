use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;
use sqlx::SqliteExecutor;

use super::reference::name_matches;
use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Department {
    pub id: Id,
    pub name: String,
    /// Pinyin of the name (full, then initials) for search and sort.
    pub name_key: String,
    pub head: String,
    /// Who hears of an escalation past the head (e.g. their VP).
    pub escalation_contact: String,
    pub kpis: String,
    pub people_count: i64,
    /// Set: hidden from pickers, kept in history.
    pub archived_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DepartmentInput {
    pub name: String,
    pub head: String,
    pub kpis: String,
    #[serde(default)]
    pub escalation_contact: String,
}

const SELECT: &str = "SELECT d.id, d.name, d.name_key, d.head, d.escalation_contact, d.kpis, d.archived_at, d.created_at, d.updated_at,
        (SELECT count(*) FROM people p WHERE p.department_id = d.id AND p.deleted_at IS NULL) AS people_count
    FROM departments d WHERE d.deleted_at IS NULL";

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Department>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} ORDER BY d.name_key, d.id"))).fetch_all(db).await?)
}

/// Every live department, archived ones too, whose name or pinyin contains `term` (lower-case, ''
/// for all), by pinyin.
pub async fn search<'e>(db: impl SqliteExecutor<'e>, term: &str) -> Result<Vec<Department>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND {} ORDER BY d.name_key, d.id", name_matches("d.")))).bind(term).fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Department> {
    sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND d.id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("department", id))
}

/// The live department whose name matches `name` (trimmed, case-insensitive), other than `except`.
pub async fn find_by_name<'e>(db: impl SqliteExecutor<'e>, name: &str, except: Option<Id>) -> Result<Option<Id>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM departments WHERE deleted_at IS NULL AND lower(trim(name)) = lower(trim(?1))
         AND id IS NOT ?2",
    )
    .bind(name)
    .bind(except)
    .fetch_optional(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &DepartmentInput, name_key: &str) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query(
        "INSERT INTO departments (name, name_key, head, escalation_contact, kpis, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.name)
    .bind(name_key)
    .bind(&input.head)
    .bind(&input.escalation_contact)
    .bind(&input.kpis)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, input: &DepartmentInput, name_key: &str) -> Result<()> {
    let done = sqlx::query(
        "UPDATE departments SET name = ?, name_key = ?, head = ?, escalation_contact = ?, kpis = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&input.name)
    .bind(name_key)
    .bind(&input.head)
    .bind(&input.escalation_contact)
    .bind(&input.kpis)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("department", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "departments", "department", id).await
}

/// Every live department's name and id.
pub async fn names<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Id)>> {
    Ok(sqlx::query_as("SELECT name, id FROM departments WHERE deleted_at IS NULL").fetch_all(db).await?)
}
