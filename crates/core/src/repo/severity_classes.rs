use serde::Serialize;
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

/// A group of problem types with the same preset remedy and SLA.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SeverityClass {
    pub id: Id,
    pub name: String,
    pub remedy: String,
    pub sla_hours: i64,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<SeverityClass>> {
    Ok(sqlx::query_as("SELECT id, name, remedy, sla_hours FROM severity_classes WHERE deleted_at IS NULL ORDER BY position, id")
        .fetch_all(db)
        .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, remedy: &str, sla_hours: i64, position: i64) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO severity_classes (name, remedy, sla_hours, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(name)
    .bind(remedy)
    .bind(sla_hours)
    .bind(position)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<SeverityClass> {
    sqlx::query_as("SELECT id, name, remedy, sla_hours FROM severity_classes WHERE id = ? AND deleted_at IS NULL")
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

/// Changes a class's remedy and SLA; incidents of the class follow the new SLA at once.
pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, remedy: &str, sla_hours: i64) -> Result<()> {
    let done = sqlx::query("UPDATE severity_classes SET remedy = ?, sla_hours = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(remedy)
        .bind(sla_hours)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    if done.rows_affected() == 0 {
        return Err(crate::CoreError::not_found("severity_class", id));
    }
    Ok(())
}

/// Every live severity class's name and id.
pub async fn names<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Id)>> {
    Ok(sqlx::query_as("SELECT name, id FROM severity_classes WHERE deleted_at IS NULL").fetch_all(db).await?)
}
