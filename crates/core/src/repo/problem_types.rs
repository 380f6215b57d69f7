use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

/// Registers a problem type under its severity class; incidents of that type default to it.
pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, severity_class_id: Option<Id>) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query("INSERT INTO problem_types (name, severity_class_id, created_at, updated_at) VALUES (?, ?, ?, ?)")
        .bind(name)
        .bind(severity_class_id)
        .bind(now)
        .bind(now)
        .execute(db)
        .await?
        .last_insert_rowid())
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProblemType {
    pub id: Id,
    pub name: String,
    pub severity_class_id: Option<Id>,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<ProblemType>> {
    Ok(sqlx::query_as("SELECT id, name, severity_class_id FROM problem_types WHERE deleted_at IS NULL ORDER BY name")
        .fetch_all(db)
        .await?)
}

/// Every live problem type's name and severity class.
pub async fn classes<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Option<Id>)>> {
    Ok(sqlx::query_as("SELECT name, severity_class_id FROM problem_types WHERE deleted_at IS NULL").fetch_all(db).await?)
}
