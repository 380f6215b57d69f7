use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

/// Appends a rule that sends incidents of `problem_type` to `department_id`.
pub async fn insert_for_type<'e>(db: impl SqliteExecutor<'e>, position: i64, name: &str, problem_type: &str, department_id: Id) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO routing_rules (position, name, problem_type, department_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(position)
    .bind(name)
    .bind(problem_type)
    .bind(department_id)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}
