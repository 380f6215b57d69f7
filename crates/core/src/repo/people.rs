use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: Id,
    pub name: String,
    /// Pinyin of the name (full, then initials) for search and sort.
    pub name_key: String,
    pub title: String,
    pub department_id: Option<Id>,
    /// None when the person has no department or it is in the trash.
    pub department_name: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub name: String,
    pub title: String,
    pub department_id: Option<Id>,
}

const SELECT: &str = "SELECT p.id, p.name, p.name_key, p.title, p.department_id, d.name AS department_name,
        p.created_at, p.updated_at
    FROM people p LEFT JOIN departments d ON d.id = p.department_id AND d.deleted_at IS NULL
    WHERE p.deleted_at IS NULL";

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Person>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} ORDER BY p.name_key, p.id"))).fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Person> {
    sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND p.id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("person", id))
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &PersonInput, name_key: &str) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query(
        "INSERT INTO people (name, name_key, title, department_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.name)
    .bind(name_key)
    .bind(&input.title)
    .bind(input.department_id)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, input: &PersonInput, name_key: &str) -> Result<()> {
    let done = sqlx::query(
        "UPDATE people SET name = ?, name_key = ?, title = ?, department_id = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&input.name)
    .bind(name_key)
    .bind(&input.title)
    .bind(input.department_id)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("person", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "people", "person", id).await
}
