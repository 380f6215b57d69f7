//! The reference lists an incident import matches a file's values against (departments, stores,
//! product categories, products, suppliers, problem types), read and extended by name. Each list's
//! own screen has its table's module; this is the import's one uniform view over all six.

use serde::Serialize;
use sqlx::{AssertSqlSafe, SqliteExecutor};

use crate::error::Result;
use crate::import::fields::ListKind;
use crate::Id;

/// An entry a value can be mapped to.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ListEntry {
    pub id: Id,
    pub name: String,
    /// Pinyin of the name for search; empty for entries written before the lists kept one.
    pub name_key: String,
}

fn table(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Store => "stores",
        ListKind::Product => "products",
        ListKind::ProductCategory => "product_categories",
        ListKind::Supplier => "suppliers",
        ListKind::ProblemType => "problem_types",
        ListKind::Department => "departments",
    }
}

/// Every live entry's name and id, archived ones too: a value that names an archived entry is
/// that entry, not a new one.
pub async fn names<'e>(db: impl SqliteExecutor<'e>, kind: ListKind) -> Result<Vec<(String, Id)>> {
    let sql = format!("SELECT name, id FROM {} WHERE deleted_at IS NULL", table(kind));
    Ok(sqlx::query_as(AssertSqlSafe(sql)).fetch_all(db).await?)
}

/// Every live store's code and id.
pub async fn store_codes<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<(String, Id)>> {
    Ok(sqlx::query_as("SELECT code, id FROM stores WHERE deleted_at IS NULL AND code IS NOT NULL").fetch_all(db).await?)
}

/// The entries a picker offers: live and not archived, in pinyin order.
pub async fn pickable<'e>(db: impl SqliteExecutor<'e>, kind: ListKind) -> Result<Vec<ListEntry>> {
    let sql = format!("SELECT id, name, name_key FROM {} WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY name_key, name, id", table(kind));
    Ok(sqlx::query_as(AssertSqlSafe(sql)).fetch_all(db).await?)
}

/// A new entry with only its name (a problem type without a class, a product without a category).
pub async fn insert<'e>(db: impl SqliteExecutor<'e>, kind: ListKind, name: &str, name_key: &str) -> Result<Id> {
    let sql = format!("INSERT INTO {} (name, name_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)", table(kind));
    let now = crate::time::now_ms();
    Ok(sqlx::query(AssertSqlSafe(sql)).bind(name).bind(name_key).bind(now).execute(db).await?.last_insert_rowid())
}

pub async fn insert_product<'e>(db: impl SqliteExecutor<'e>, name: &str, name_key: &str, category_id: Option<Id>) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query("INSERT INTO products (name, name_key, category_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)")
        .bind(name)
        .bind(name_key)
        .bind(category_id)
        .bind(now)
        .execute(db)
        .await?
        .last_insert_rowid())
}

pub async fn insert_store<'e>(db: impl SqliteExecutor<'e>, name: &str, name_key: &str, code: Option<&str>, region: &str) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query("INSERT INTO stores (name, name_key, code, region, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
        .bind(name)
        .bind(name_key)
        .bind(code)
        .bind(region)
        .bind(now)
        .execute(db)
        .await?
        .last_insert_rowid())
}
