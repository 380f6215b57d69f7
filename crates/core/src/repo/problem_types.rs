use sqlx::{AssertSqlSafe, SqliteExecutor};

use super::reference::name_matches;
use crate::error::{CoreError, Result};
use crate::text::pinyin_key;
use crate::Id;

/// Registers a problem type under its severity class; incidents of that type default to it.
pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, severity_class_id: Option<Id>) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO problem_types (name, name_key, severity_class_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(name)
    .bind(pinyin_key(name))
    .bind(severity_class_id)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, name: &str, severity_class_id: Option<Id>) -> Result<()> {
    let done = sqlx::query(
        "UPDATE problem_types SET name = ?, name_key = ?, severity_class_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(name)
    .bind(pinyin_key(name))
    .bind(severity_class_id)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("problem_type", id));
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProblemType {
    pub id: Id,
    pub name: String,
    pub name_key: String,
    pub severity_class_id: Option<Id>,
    /// Set: hidden from pickers, kept in history.
    pub archived_at: Option<i64>,
}

const SELECT: &str = "SELECT id, name, name_key, severity_class_id, archived_at FROM problem_types WHERE deleted_at IS NULL";

/// The types a picker offers: not archived, by pinyin.
pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<ProblemType>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND archived_at IS NULL ORDER BY name_key, id"))).fetch_all(db).await?)
}

/// Every live type, archived ones too, whose name or pinyin contains `term`, by pinyin.
pub async fn search<'e>(db: impl SqliteExecutor<'e>, term: &str) -> Result<Vec<ProblemType>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND {} ORDER BY name_key, id", name_matches(""))))
        .bind(term)
        .fetch_all(db)
        .await?)
}

/// Every live problem type's name and severity class.
pub async fn classes<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Option<Id>)>> {
    Ok(sqlx::query_as("SELECT name, severity_class_id FROM problem_types WHERE deleted_at IS NULL").fetch_all(db).await?)
}
