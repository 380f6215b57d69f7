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
    pub reports_to_id: Option<Id>,
    /// Private: our read of where they stand.
    pub stance: Stance,
    /// Private: how much they trust us, 1–5; None: not recorded yet.
    pub trust: Option<i32>,
    pub power: f64,
    pub interest: f64,
    pub contact_every_days: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Stance {
    Champion,
    Supporter,
    #[default]
    Neutral,
    Sceptic,
    Blocker,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub name: String,
    pub title: String,
    pub department_id: Option<Id>,
    pub reports_to_id: Option<Id>,
    pub stance: Stance,
    /// None: not recorded yet.
    pub trust: Option<i32>,
    pub power: f64,
    pub interest: f64,
    pub contact_every_days: i32,
}

impl Default for PersonInput {
    fn default() -> Self {
        PersonInput {
            name: String::new(),
            title: String::new(),
            department_id: None,
            reports_to_id: None,
            stance: Stance::Neutral,
            trust: None,
            power: 5.0,
            interest: 5.0,
            contact_every_days: 30,
        }
    }
}

const SELECT: &str = "SELECT p.id, p.name, p.name_key, p.title, p.department_id, d.name AS department_name,
        p.reports_to_id, p.stance, CASE WHEN p.trust_recorded = 1 THEN p.trust END AS trust, p.power, p.interest, p.contact_every_days, p.created_at, p.updated_at
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
        "INSERT INTO people (name, name_key, title, department_id, reports_to_id, stance, trust, trust_recorded, power, interest,
             contact_every_days, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.name)
    .bind(name_key)
    .bind(&input.title)
    .bind(input.department_id)
    .bind(input.reports_to_id)
    .bind(input.stance)
    // The column stays NOT NULL: an unrecorded trust keeps the old default, ignored on read.
    .bind(input.trust.unwrap_or(3))
    .bind(input.trust.is_some())
    .bind(input.power)
    .bind(input.interest)
    .bind(input.contact_every_days)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, input: &PersonInput, name_key: &str) -> Result<()> {
    let done = sqlx::query(
        "UPDATE people SET name = ?, name_key = ?, title = ?, department_id = ?, reports_to_id = ?, stance = ?, trust = ?, trust_recorded = ?,
             power = ?, interest = ?, contact_every_days = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&input.name)
    .bind(name_key)
    .bind(&input.title)
    .bind(input.department_id)
    .bind(input.reports_to_id)
    .bind(input.stance)
    // The column stays NOT NULL: an unrecorded trust keeps the old default, ignored on read.
    .bind(input.trust.unwrap_or(3))
    .bind(input.trust.is_some())
    .bind(input.power)
    .bind(input.interest)
    .bind(input.contact_every_days)
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

/// Moves a person on the power/interest grid.
pub async fn place<'e>(db: impl SqliteExecutor<'e>, id: Id, power: f64, interest: f64) -> Result<()> {
    let done = sqlx::query("UPDATE people SET power = ?, interest = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(power)
        .bind(interest)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("person", id));
    }
    Ok(())
}

/// The chain of managers above `id`, nearest first, trashed people included (a cycle through
/// the trash is still a cycle once restored). Stops after `limit` steps.
pub async fn managers_of<'e>(db: impl SqliteExecutor<'e>, id: Id, limit: i64) -> Result<Vec<Id>> {
    Ok(sqlx::query_scalar(
        "WITH RECURSIVE up(id, depth) AS (
             SELECT reports_to_id, 1 FROM people WHERE id = ?1 AND reports_to_id IS NOT NULL
             UNION ALL
             SELECT p.reports_to_id, up.depth + 1 FROM people p JOIN up ON p.id = up.id
             WHERE p.reports_to_id IS NOT NULL AND up.depth < ?2)
         SELECT id FROM up ORDER BY depth",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(db)
    .await?)
}
