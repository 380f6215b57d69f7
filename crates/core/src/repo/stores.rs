use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Store {
    pub id: Id,
    pub name: String,
    pub city: String,
    pub region: String,
    pub city_tier: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StoreInput {
    pub name: String,
    pub city: String,
    pub region: String,
    pub city_tier: Option<i32>,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Store>> {
    Ok(sqlx::query_as(
        "SELECT id, name, city, region, city_tier FROM stores WHERE deleted_at IS NULL ORDER BY region, city, name",
    )
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, input: &StoreInput) -> Result<Id> {
    let now = crate::time::now_ms();
    let done = sqlx::query(
        "INSERT INTO stores (name, city, region, city_tier, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&input.name)
    .bind(&input.city)
    .bind(&input.region)
    .bind(input.city_tier)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Store> {
    sqlx::query_as("SELECT id, name, city, region, city_tier FROM stores WHERE id = ? AND deleted_at IS NULL")
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| crate::CoreError::not_found("store", id))
}
