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
