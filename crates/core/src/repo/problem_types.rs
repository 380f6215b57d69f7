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
