use serde::Serialize;
use sqlx::{AssertSqlSafe, SqliteExecutor};

use super::reference::name_matches;
use crate::error::{CoreError, Result};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub id: Id,
    pub name: String,
    pub name_key: String,
    pub category_id: Option<Id>,
    pub category_name: Option<String>,
    pub archived_at: Option<i64>,
}

/// Live products, archived ones only with `include_archived`, whose name or pinyin contains
/// `term`, by pinyin.
pub async fn search<'e>(db: impl SqliteExecutor<'e>, term: &str, include_archived: bool) -> Result<Vec<Product>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "SELECT p.id, p.name, p.name_key, p.category_id, c.name AS category_name, p.archived_at
         FROM products p LEFT JOIN product_categories c ON c.id = p.category_id AND c.deleted_at IS NULL
         WHERE p.deleted_at IS NULL AND {} AND (?2 OR p.archived_at IS NULL) ORDER BY p.name_key, p.id",
        name_matches("p.")
    )))
    .bind(term)
    .bind(include_archived)
    .fetch_all(db)
    .await?)
}

pub async fn set_category<'e>(db: impl SqliteExecutor<'e>, id: Id, category_id: Option<Id>) -> Result<()> {
    let done = sqlx::query("UPDATE products SET category_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(category_id)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("product", id));
    }
    Ok(())
}
