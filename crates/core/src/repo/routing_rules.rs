use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::dispatch::Rule;
use crate::error::Result;
use crate::Id;

/// A rule as the editor shows and saves it; the list's order is the rules' order.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RuleDraft {
    pub name: String,
    pub problem_type: Option<String>,
    pub product_category: Option<String>,
    pub product: Option<String>,
    pub supplier: Option<String>,
    pub store_id: Option<Id>,
    pub region: Option<String>,
    pub department_id: Id,
    pub enabled: bool,
}

/// Appends a rule that sends incidents of `problem_type` to `department_id`.
pub async fn insert_for_type<'e>(db: impl SqliteExecutor<'e>, position: i64, name: &str, problem_type: &str, department_id: Id) -> Result<Id> {
    let draft = RuleDraft { name: name.into(), problem_type: Some(problem_type.into()), department_id, enabled: true, ..Default::default() };
    insert(db, position, &draft).await
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, position: i64, r: &RuleDraft) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(
        "INSERT INTO routing_rules (position, name, problem_type, product_category, product, supplier, store_id, region,
             department_id, enabled, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(position)
    .bind(&r.name)
    .bind(&r.problem_type)
    .bind(&r.product_category)
    .bind(&r.product)
    .bind(&r.supplier)
    .bind(r.store_id)
    .bind(&r.region)
    .bind(r.department_id)
    .bind(r.enabled)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

/// Every live rule, disabled ones included, in order.
pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<RuleDraft>> {
    Ok(sqlx::query_as(
        "SELECT name, problem_type, product_category, product, supplier, store_id, region, department_id, enabled
         FROM routing_rules WHERE deleted_at IS NULL ORDER BY position, id",
    )
    .fetch_all(db)
    .await?)
}

/// Retires every live rule; past assignments keep pointing at the rule that made them.
pub async fn retire_all<'e>(db: impl SqliteExecutor<'e>) -> Result<()> {
    let now = crate::time::now_ms();
    sqlx::query("UPDATE routing_rules SET deleted_at = ?, updated_at = ? WHERE deleted_at IS NULL")
        .bind(now)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// The enabled rules in order, those of deleted departments left out: what routing applies.
pub async fn enabled<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Rule>> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.position, r.name, r.problem_type, r.product_category, r.product, r.supplier,
                r.store_id, r.region, r.department_id
         FROM routing_rules r JOIN departments d ON d.id = r.department_id AND d.deleted_at IS NULL
         WHERE r.enabled = 1 AND r.deleted_at IS NULL ORDER BY r.position, r.id",
    )
    .fetch_all(db)
    .await?)
}
