//! What every reference list of the workspace settings shares: archiving (hidden from pickers,
//! kept in history) and merging one entry into another, which moves every row that names it.
//! The lists kept only by name (product categories, suppliers) are created and renamed here too.

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::reference::{self as refs, RefTable, TextRef};
use crate::text::{clean, pinyin_key};
use crate::{Id, Workspace};

pub use crate::repo::reference::{MergeCounts, NamedEntry};

pub(crate) const NAME_MAX: usize = 100;

/// One of the workspace's reference lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReferenceList {
    Departments,
    Stores,
    ProductCategories,
    Products,
    Suppliers,
    ProblemTypes,
    SeverityClasses,
}

impl ReferenceList {
    pub(crate) fn table(self) -> RefTable {
        match self {
            ReferenceList::Departments => RefTable::Departments,
            ReferenceList::Stores => RefTable::Stores,
            ReferenceList::ProductCategories => RefTable::ProductCategories,
            ReferenceList::Products => RefTable::Products,
            ReferenceList::Suppliers => RefTable::Suppliers,
            ReferenceList::ProblemTypes => RefTable::ProblemTypes,
            ReferenceList::SeverityClasses => RefTable::SeverityClasses,
        }
    }

    /// The incidents' text column that names entries of this list, for lists kept by name.
    pub(crate) fn text_ref(self) -> Option<TextRef> {
        match self {
            ReferenceList::ProductCategories => Some(TextRef::ProductCategory),
            ReferenceList::Products => Some(TextRef::Product),
            ReferenceList::Suppliers => Some(TextRef::Supplier),
            ReferenceList::ProblemTypes => Some(TextRef::ProblemType),
            ReferenceList::Departments | ReferenceList::Stores | ReferenceList::SeverityClasses => None,
        }
    }
}

/// Hides an entry from pickers (or shows it again); incidents and history keep naming it.
pub async fn archive(ws: &Workspace, list: ReferenceList, id: Id, archived: bool) -> Result<()> {
    refs::set_archived(ws.pool(), list.table(), id, archived).await
}

/// How many incidents, routing rules and other rows a merge of `from` into `into` would move.
pub async fn merge_preview(ws: &Workspace, list: ReferenceList, from: Id, into: Id) -> Result<MergeCounts> {
    let mut conn = ws.pool().acquire().await?;
    check_merge(&mut conn, list, from, into).await?;
    counts(&mut conn, list, from).await
}

/// Moves every row naming `from` to `into`, then moves `from` to the trash, in one transaction.
/// Returns what moved.
pub async fn merge(ws: &Workspace, list: ReferenceList, from: Id, into: Id) -> Result<MergeCounts> {
    let mut tx = ws.write().await?;
    check_merge(&mut tx, list, from, into).await?;
    let moved = counts(&mut tx, list, from).await?;
    match list {
        ReferenceList::Stores => refs::move_store_refs(&mut tx, from, into).await?,
        ReferenceList::Departments => refs::move_department_refs(&mut tx, from, into).await?,
        ReferenceList::SeverityClasses => refs::move_severity_class_refs(&mut tx, from, into).await?,
        ReferenceList::ProductCategories | ReferenceList::Products | ReferenceList::Suppliers | ReferenceList::ProblemTypes => {
            let column = list.text_ref().expect("a list kept by name");
            let from_name = refs::name_of(&mut *tx, list.table(), from).await?;
            let into_name = refs::name_of(&mut *tx, list.table(), into).await?;
            refs::move_text_refs(&mut tx, column, &from_name, &into_name).await?;
            if list == ReferenceList::ProductCategories {
                refs::move_category_products(&mut tx, from, into).await?;
            }
        }
    }
    refs::soft_delete(&mut *tx, list.table(), from).await?;
    tx.commit().await?;
    Ok(moved)
}

async fn check_merge(conn: &mut SqliteConnection, list: ReferenceList, from: Id, into: Id) -> Result<()> {
    if from == into {
        return Err(CoreError::new(ErrorCode::MergeIntoItself).on_field("into"));
    }
    refs::name_of(&mut *conn, list.table(), from).await.map_err(|e| e.on_field("from"))?;
    refs::name_of(&mut *conn, list.table(), into).await.map_err(|e| e.on_field("into"))?;
    Ok(())
}

async fn counts(conn: &mut SqliteConnection, list: ReferenceList, id: Id) -> Result<MergeCounts> {
    match list {
        ReferenceList::Stores => refs::store_refs(conn, id).await,
        ReferenceList::Departments => refs::department_refs(conn, id).await,
        ReferenceList::SeverityClasses => refs::severity_class_refs(conn, id).await,
        _ => {
            let column = list.text_ref().expect("a list kept by name");
            let name = refs::name_of(&mut *conn, list.table(), id).await?;
            let category = (list == ReferenceList::ProductCategories).then_some(id);
            refs::text_refs(conn, column, &name, category).await
        }
    }
}

/// Refuses a name another live entry of the list has (trimmed, case-insensitive).
pub(crate) async fn ensure_name_free(conn: &mut SqliteConnection, list: ReferenceList, name: &str, except: Option<Id>) -> Result<()> {
    if refs::find_by_name(&mut *conn, list.table(), name, except).await?.is_some() {
        return Err(CoreError::new(ErrorCode::NameTaken).with("name", name).on_field("name"));
    }
    Ok(())
}

/// Renames an entry of a list kept by name; the incidents and routing rules naming it follow, in
/// the same transaction. The caller has checked the name.
pub(crate) async fn rename_in(conn: &mut SqliteConnection, list: ReferenceList, id: Id, name: &str) -> Result<()> {
    let old = refs::name_of(&mut *conn, list.table(), id).await?;
    ensure_name_free(conn, list, name, Some(id)).await?;
    refs::rename(&mut *conn, list.table(), id, name, &pinyin_key(name)).await?;
    if let Some(column) = list.text_ref().filter(|_| old != name) {
        refs::move_text_refs(conn, column, &old, name).await?;
    }
    Ok(())
}

/// The entries of a name-only list (product categories or suppliers), archived ones too, that
/// match `search` by name or pinyin, by pinyin.
pub async fn named(ws: &Workspace, list: NameOnlyList, search: &str) -> Result<Vec<NamedEntry>> {
    refs::search_named(ws.pool(), list.list().table(), &refs::search_term(search), true).await
}

/// The lists whose entries are only a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NameOnlyList {
    ProductCategories,
    Suppliers,
}

impl NameOnlyList {
    fn list(self) -> ReferenceList {
        match self {
            NameOnlyList::ProductCategories => ReferenceList::ProductCategories,
            NameOnlyList::Suppliers => ReferenceList::Suppliers,
        }
    }
}

pub async fn create_named(ws: &Workspace, list: NameOnlyList, name: &str) -> Result<NamedEntry> {
    let name = clean(name, "name", NAME_MAX)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, list.list(), &name, None).await?;
    let id = refs::insert_named(&mut *tx, list.list().table(), &name, &pinyin_key(&name)).await?;
    tx.commit().await?;
    Ok(NamedEntry { id, name: name.clone(), name_key: pinyin_key(&name), archived_at: None })
}

/// Renames a category or supplier; incidents and routing rules that name it follow.
pub async fn rename_named(ws: &Workspace, list: NameOnlyList, id: Id, name: &str) -> Result<()> {
    let name = clean(name, "name", NAME_MAX)?;
    let mut tx = ws.write().await?;
    rename_in(&mut tx, list.list(), id, &name).await?;
    tx.commit().await?;
    Ok(())
}
