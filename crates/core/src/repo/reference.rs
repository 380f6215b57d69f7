//! SQL the reference lists share (departments, stores, product categories, products, suppliers,
//! problem types, severity classes): archiving, name lookups, and the rows in other tables that
//! name an entry, which a merge or a rename counts and moves. The name-only lists
//! (`product_categories`, `suppliers`) have all their SQL here.

use serde::Serialize;
use sqlx::{AssertSqlSafe, SqliteConnection, SqliteExecutor};

use crate::error::{CoreError, Result};
use crate::Id;

/// A reference list's table. Its name is always one of ours, never user input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefTable {
    Departments,
    Stores,
    ProductCategories,
    Products,
    Suppliers,
    ProblemTypes,
    SeverityClasses,
}

impl RefTable {
    fn table(self) -> &'static str {
        match self {
            RefTable::Departments => "departments",
            RefTable::Stores => "stores",
            RefTable::ProductCategories => "product_categories",
            RefTable::Products => "products",
            RefTable::Suppliers => "suppliers",
            RefTable::ProblemTypes => "problem_types",
            RefTable::SeverityClasses => "severity_classes",
        }
    }

    pub fn entity(self) -> &'static str {
        match self {
            RefTable::Departments => "department",
            RefTable::Stores => "store",
            RefTable::ProductCategories => "product_category",
            RefTable::Products => "product",
            RefTable::Suppliers => "supplier",
            RefTable::ProblemTypes => "problem_type",
            RefTable::SeverityClasses => "severity_class",
        }
    }
}

/// The incidents' and routing rules' text column that names an entry of a list kept by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRef {
    ProblemType,
    ProductCategory,
    Product,
    Supplier,
}

impl TextRef {
    fn column(self) -> &'static str {
        match self {
            TextRef::ProblemType => "problem_type",
            TextRef::ProductCategory => "product_category",
            TextRef::Product => "product",
            TextRef::Supplier => "supplier",
        }
    }
}

/// How many rows name an entry: what a merge will move.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MergeCounts {
    /// Incidents not in the trash (those in the trash move too).
    pub incidents: i64,
    pub routing_rules: i64,
    /// Other rows: people, problems, commitments, SLAs, products of a category, problem types of a class…
    pub other: i64,
}

/// The pattern a search term matches against a name and its pinyin key ('' matches all).
pub fn search_term(search: &str) -> String {
    search.split_whitespace().collect::<String>().to_lowercase()
}

/// A WHERE condition: the name or its pinyin key (full or initials) of the table aliased
/// `prefix` ("" or "p.") contains the term bound as `?1` (from `search_term`).
pub fn name_matches(prefix: &str) -> String {
    format!("(?1 = '' OR instr(lower({prefix}name), ?1) > 0 OR instr({prefix}name_key, ?1) > 0)")
}

/// An entry of a list that is only a name: a product category, a supplier.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NamedEntry {
    pub id: Id,
    pub name: String,
    pub name_key: String,
    /// Set: hidden from pickers, kept in history.
    pub archived_at: Option<i64>,
}

pub async fn set_archived<'e>(db: impl SqliteExecutor<'e>, t: RefTable, id: Id, archived: bool) -> Result<()> {
    let now = crate::time::now_ms();
    let done = sqlx::query(AssertSqlSafe(format!(
        "UPDATE {} SET archived_at = CASE WHEN ?1 THEN coalesce(archived_at, ?2) END, updated_at = ?2
         WHERE id = ?3 AND deleted_at IS NULL",
        t.table()
    )))
    .bind(archived)
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found(t.entity(), id));
    }
    Ok(())
}

/// Moves an entry to the trash.
pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, t: RefTable, id: Id) -> Result<()> {
    super::soft_delete(db, t.table(), t.entity(), id).await
}

/// The live entry whose name matches `name` (trimmed, case-insensitive), other than `except`.
pub async fn find_by_name<'e>(db: impl SqliteExecutor<'e>, t: RefTable, name: &str, except: Option<Id>) -> Result<Option<Id>> {
    Ok(sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM {} WHERE deleted_at IS NULL AND lower(trim(name)) = lower(trim(?1)) AND id IS NOT ?2",
        t.table()
    )))
    .bind(name)
    .bind(except)
    .fetch_optional(db)
    .await?)
}

/// A live entry's name.
pub async fn name_of<'e>(db: impl SqliteExecutor<'e>, t: RefTable, id: Id) -> Result<String> {
    sqlx::query_scalar(AssertSqlSafe(format!("SELECT name FROM {} WHERE id = ? AND deleted_at IS NULL", t.table())))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found(t.entity(), id))
}

/// Every live entry's lower-cased, trimmed name and id: what an import matches rows against.
pub async fn ids_by_name<'e>(db: impl SqliteExecutor<'e>, t: RefTable) -> Result<Vec<(String, Id)>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "SELECT lower(trim(name)), id FROM {} WHERE deleted_at IS NULL",
        t.table()
    )))
    .fetch_all(db)
    .await?)
}

/// Live entries of a name-only list (categories, suppliers), archived ones only with
/// `include_archived`, whose name or pinyin contains `term`, by pinyin.
pub async fn search_named<'e>(db: impl SqliteExecutor<'e>, t: RefTable, term: &str, include_archived: bool) -> Result<Vec<NamedEntry>> {
    Ok(sqlx::query_as(AssertSqlSafe(format!(
        "SELECT id, name, name_key, archived_at FROM {}
         WHERE deleted_at IS NULL AND {} AND (?2 OR archived_at IS NULL) ORDER BY name_key, id",
        t.table(),
        name_matches("")
    )))
    .bind(term)
    .bind(include_archived)
    .fetch_all(db)
    .await?)
}

/// Names a list kept by name and used by text: a category, a product, a supplier.
pub async fn insert_named<'e>(db: impl SqliteExecutor<'e>, t: RefTable, name: &str, name_key: &str) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO {} (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)",
        t.table()
    )))
    .bind(name)
    .bind(name_key)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn rename<'e>(db: impl SqliteExecutor<'e>, t: RefTable, id: Id, name: &str, name_key: &str) -> Result<()> {
    let done = sqlx::query(AssertSqlSafe(format!(
        "UPDATE {} SET name = ?, name_key = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
        t.table()
    )))
    .bind(name)
    .bind(name_key)
    .bind(crate::time::now_ms())
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found(t.entity(), id));
    }
    Ok(())
}

async fn count<'a, T>(conn: &mut SqliteConnection, sql: &str, id: T) -> Result<i64>
where
    T: 'a + Send + sqlx::Encode<'a, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
{
    Ok(sqlx::query_scalar(AssertSqlSafe(sql.to_owned())).bind(id).fetch_one(conn).await?)
}

/// Runs each statement with `from` as ?1 and `into` as ?2.
async fn run_all(conn: &mut SqliteConnection, statements: &[&str], from: Id, into: Id) -> Result<()> {
    for sql in statements {
        sqlx::query(AssertSqlSafe(sql.to_string())).bind(from).bind(into).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Rows naming a store.
pub async fn store_refs(conn: &mut SqliteConnection, id: Id) -> Result<MergeCounts> {
    Ok(MergeCounts {
        incidents: count(conn, "SELECT count(*) FROM incidents WHERE store_id = ? AND deleted_at IS NULL", id).await?,
        routing_rules: count(conn, "SELECT count(*) FROM routing_rules WHERE store_id = ? AND deleted_at IS NULL", id).await?,
        other: count(conn, "SELECT count(*) FROM problem_stores WHERE store_id = ?", id).await?,
    })
}

/// Points every row naming store `from` at `into`. A problem's store set keeps one row per store;
/// `problem_incidents.store_id` follows the incidents (trigger `incidents_problem_copy`).
pub async fn move_store_refs(conn: &mut SqliteConnection, from: Id, into: Id) -> Result<()> {
    let statements = [
        "UPDATE incidents SET store_id = ?2 WHERE store_id = ?1",
        "UPDATE routing_rules SET store_id = ?2 WHERE store_id = ?1",
        "UPDATE OR IGNORE problem_stores SET store_id = ?2 WHERE store_id = ?1",
        "DELETE FROM problem_stores WHERE store_id = ?1 AND ?2 IS NOT NULL",
        "UPDATE problem_incidents SET store_id = ?2 WHERE store_id = ?1",
    ];
    run_all(conn, &statements, from, into).await
}

/// Rows naming a department, in every table with a foreign key to it.
pub async fn department_refs(conn: &mut SqliteConnection, id: Id) -> Result<MergeCounts> {
    let other = "SELECT (SELECT count(*) FROM people WHERE department_id = ?1 AND deleted_at IS NULL)
        + (SELECT count(*) FROM problems WHERE owner_department_id = ?1 AND deleted_at IS NULL)
        + (SELECT count(*) FROM commitments WHERE department_id = ?1 AND deleted_at IS NULL)
        + (SELECT count(*) FROM project_metrics WHERE department_id = ?1 AND deleted_at IS NULL)
        + (SELECT count(*) FROM department_slas WHERE department_id = ?1)";
    Ok(MergeCounts {
        incidents: count(conn, "SELECT count(*) FROM incidents WHERE department_id = ? AND deleted_at IS NULL", id).await?,
        routing_rules: count(conn, "SELECT count(*) FROM routing_rules WHERE department_id = ? AND deleted_at IS NULL", id).await?,
        other: count(conn, other, id).await?,
    })
}

/// Points every foreign key naming department `from` at `into`; where `into` has its own SLA for
/// a class, that one is kept.
pub async fn move_department_refs(conn: &mut SqliteConnection, from: Id, into: Id) -> Result<()> {
    let statements = [
        "UPDATE incidents SET department_id = ?2 WHERE department_id = ?1",
        "UPDATE routing_rules SET department_id = ?2 WHERE department_id = ?1",
        "UPDATE people SET department_id = ?2 WHERE department_id = ?1",
        "UPDATE problems SET owner_department_id = ?2 WHERE owner_department_id = ?1",
        "UPDATE commitments SET department_id = ?2 WHERE department_id = ?1",
        "UPDATE project_metrics SET department_id = ?2 WHERE department_id = ?1",
        "UPDATE incident_events SET from_department_id = ?2 WHERE from_department_id = ?1",
        "UPDATE incident_events SET to_department_id = ?2 WHERE to_department_id = ?1",
        "UPDATE OR IGNORE department_slas SET department_id = ?2 WHERE department_id = ?1",
        "DELETE FROM department_slas WHERE department_id = ?1 AND ?2 IS NOT NULL",
    ];
    run_all(conn, &statements, from, into).await
}

/// Rows naming a severity class.
pub async fn severity_class_refs(conn: &mut SqliteConnection, id: Id) -> Result<MergeCounts> {
    let other = "SELECT (SELECT count(*) FROM problem_types WHERE severity_class_id = ?1 AND deleted_at IS NULL)
        + (SELECT count(*) FROM department_slas WHERE severity_class_id = ?1)";
    Ok(MergeCounts {
        incidents: count(conn, "SELECT count(*) FROM incidents WHERE severity_class_id = ? AND deleted_at IS NULL", id).await?,
        routing_rules: 0,
        other: count(conn, other, id).await?,
    })
}

/// Points every row naming class `from` at `into`; where `into` has a department's SLA already,
/// that one is kept.
pub async fn move_severity_class_refs(conn: &mut SqliteConnection, from: Id, into: Id) -> Result<()> {
    let statements = [
        "UPDATE incidents SET severity_class_id = ?2 WHERE severity_class_id = ?1",
        "UPDATE problem_types SET severity_class_id = ?2 WHERE severity_class_id = ?1",
        "UPDATE OR IGNORE department_slas SET severity_class_id = ?2 WHERE severity_class_id = ?1",
        "DELETE FROM department_slas WHERE severity_class_id = ?1 AND ?2 IS NOT NULL",
    ];
    run_all(conn, &statements, from, into).await
}

/// Incidents and routing rules whose text names `name`; for a category, also its products.
pub async fn text_refs(conn: &mut SqliteConnection, r: TextRef, name: &str, category_id: Option<Id>) -> Result<MergeCounts> {
    let col = r.column();
    let products = match category_id {
        Some(id) => count(conn, "SELECT count(*) FROM products WHERE category_id = ? AND deleted_at IS NULL", id).await?,
        None => 0,
    };
    Ok(MergeCounts {
        incidents: count(conn, &format!("SELECT count(*) FROM incidents WHERE {col} = ? AND deleted_at IS NULL"), name).await?,
        routing_rules: count(conn, &format!("SELECT count(*) FROM routing_rules WHERE {col} = ? AND deleted_at IS NULL"), name).await?,
        other: products,
    })
}

/// Renames the text `from` to `into` in the incidents and routing rules that name it: a rename,
/// or a merge of two entries kept by name.
pub async fn move_text_refs(conn: &mut SqliteConnection, r: TextRef, from: &str, into: &str) -> Result<()> {
    let col = r.column();
    for table in ["incidents", "routing_rules"] {
        sqlx::query(AssertSqlSafe(format!("UPDATE {table} SET {col} = ?2 WHERE {col} = ?1")))
            .bind(from)
            .bind(into)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Moves the products of category `from` to `into`.
pub async fn move_category_products(conn: &mut SqliteConnection, from: Id, into: Id) -> Result<()> {
    run_all(conn, &["UPDATE products SET category_id = ?2 WHERE category_id = ?1"], from, into).await
}
