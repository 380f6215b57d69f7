use serde::{Deserialize, Serialize};
use sqlx::{AssertSqlSafe, SqliteExecutor};

use super::reference::name_matches;
use crate::error::Result;
use crate::text::pinyin_key;
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Store {
    pub id: Id,
    /// The ticket system's store code, unique among live stores.
    pub code: Option<String>,
    pub name: String,
    pub name_key: String,
    pub city: String,
    pub region: String,
    pub city_tier: Option<i32>,
    /// YYYY-MM-DD.
    pub opened_on: Option<String>,
    pub closed_on: Option<String>,
    /// Set: hidden from pickers, kept in history.
    pub archived_at: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StoreInput {
    #[serde(default)]
    pub code: Option<String>,
    pub name: String,
    pub city: String,
    pub region: String,
    pub city_tier: Option<i32>,
    #[serde(default)]
    pub opened_on: Option<String>,
    #[serde(default)]
    pub closed_on: Option<String>,
}

const SELECT: &str = "SELECT id, code, name, name_key, city, region, city_tier, opened_on, closed_on, archived_at
    FROM stores WHERE deleted_at IS NULL";

/// The stores a picker offers: live and not archived, by pinyin.
pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Store>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND archived_at IS NULL ORDER BY name_key, id")))
        .fetch_all(db)
        .await?)
}

/// Every live store, archived ones too, whose name, pinyin or code contains `term` (lower-case,
/// '' for all), by pinyin.
pub async fn search<'e>(db: impl SqliteExecutor<'e>, term: &str) -> Result<Vec<Store>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} AND ({} OR instr(lower(coalesce(code, '')), ?1) > 0) ORDER BY name_key, id",
        name_matches("")
    )))
    .bind(term)
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &StoreInput) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query(
        "INSERT INTO stores (code, name, name_key, city, region, city_tier, opened_on, closed_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.code)
    .bind(&input.name)
    .bind(pinyin_key(&input.name))
    .bind(&input.city)
    .bind(&input.region)
    .bind(input.city_tier)
    .bind(&input.opened_on)
    .bind(&input.closed_on)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, input: &StoreInput) -> Result<()> {
    let done = sqlx::query(
        "UPDATE stores SET code = ?, name = ?, name_key = ?, city = ?, region = ?, city_tier = ?, opened_on = ?,
             closed_on = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(&input.code)
    .bind(&input.name)
    .bind(pinyin_key(&input.name))
    .bind(&input.city)
    .bind(&input.region)
    .bind(input.city_tier)
    .bind(&input.opened_on)
    .bind(&input.closed_on)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(crate::CoreError::not_found("store", id));
    }
    Ok(())
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Store> {
    sqlx::query_as(AssertSqlSafe(format!("{SELECT} AND id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| crate::CoreError::not_found("store", id))
}

/// The live store with this code (trimmed, case-insensitive), other than `except`.
pub async fn find_by_code<'e>(db: impl SqliteExecutor<'e>, code: &str, except: Option<Id>) -> Result<Option<Id>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM stores WHERE deleted_at IS NULL AND lower(trim(code)) = lower(trim(?1)) AND id IS NOT ?2",
    )
    .bind(code)
    .bind(except)
    .fetch_optional(db)
    .await?)
}

/// Every live store's lower-cased code and id, for an import to match rows by code.
pub async fn ids_by_code<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Id)>> {
    Ok(sqlx::query_as("SELECT lower(trim(code)), id FROM stores WHERE deleted_at IS NULL AND code IS NOT NULL")
        .fetch_all(db)
        .await?)
}
