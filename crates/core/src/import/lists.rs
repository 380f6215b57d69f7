//! What an import meets in a file's reference columns (stores, products, product categories,
//! suppliers, problem types, departments): values that name an entry, values the user mapped to
//! an entry, and new values, which the import creates with the incidents and the preview names.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use sqlx::SqliteConnection;

pub use super::fields::{ListKind, ValueMapping};
use crate::error::Result;
use crate::repo::products;
use crate::repo::reference::{self, RefTable};
use crate::text::pinyin_key;
use crate::Id;

/// The entries of one list an import creates, as the file spells them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NewEntries {
    pub kind: ListKind,
    pub names: Vec<String>,
}

/// Names match trimmed and case-blind, as the lists' unique indexes compare them.
pub(super) fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The table a list is kept in.
pub fn table(kind: ListKind) -> RefTable {
    match kind {
        ListKind::Store => RefTable::Stores,
        ListKind::Product => RefTable::Products,
        ListKind::ProductCategory => RefTable::ProductCategories,
        ListKind::Supplier => RefTable::Suppliers,
        ListKind::ProblemType => RefTable::ProblemTypes,
        ListKind::Department => RefTable::Departments,
    }
}

/// The user's mappings of one kind whose entry still exists (among `ids`, the list's live
/// entries by name key): each value's key and the entry's id.
fn mapped(mappings: &[ValueMapping], kind: ListKind, ids: &[(String, Id)]) -> Vec<(String, Id)> {
    mappings.iter().filter(|m| m.kind == kind && ids.iter().any(|(_, id)| *id == m.to)).map(|m| (key(&m.value), m.to)).collect()
}

/// A list whose entries the import needs by id (stores, departments), found by name key.
pub(super) struct Lookup {
    by_key: HashMap<String, Id>,
    /// Each value as the file spells it, with what it found: a value met again costs one hash
    /// lookup and no allocation, which a million rows notice.
    by_value: HashMap<String, Option<Id>>,
    pub(super) new: Vec<String>,
}

impl Lookup {
    pub(super) fn new(entries: Vec<(String, Id)>) -> Lookup {
        let by_key = entries.into_iter().map(|(name, id)| (key(&name), id)).collect();
        Lookup { by_key, by_value: HashMap::new(), new: Vec::new() }
    }

    pub(super) async fn load(conn: &mut SqliteConnection, kind: ListKind, mappings: &[ValueMapping]) -> Result<Lookup> {
        let ids = reference::ids_by_name(&mut *conn, table(kind)).await?;
        let aliases = mapped(mappings, kind, &ids);
        let mut lookup = Lookup::new(ids);
        lookup.by_key.extend(aliases);
        Ok(lookup)
    }

    pub(super) fn get(&mut self, value: &str) -> Option<Id> {
        if let Some(found) = self.by_value.get(value) {
            return *found;
        }
        let found = self.by_key.get(&key(value)).copied();
        self.by_value.insert(value.to_owned(), found);
        found
    }

    /// Records an entry the import created for `value`.
    pub(super) fn add(&mut self, value: &str, id: Id) {
        self.know(value, id);
        self.new.push(value.to_owned());
    }

    /// Records that `value` now names entry `id`.
    pub(super) fn know(&mut self, value: &str, id: Id) {
        // A spelling that found nothing before may name this entry.
        self.by_value.retain(|_, found| found.is_some());
        self.by_key.insert(key(value), id);
        self.by_value.insert(value.to_owned(), Some(id));
    }
}

/// A list incidents name by text (products, product categories, suppliers, problem types): the
/// import needs only to know which values are new, and what a mapped value becomes.
#[derive(Default)]
pub(super) struct TextList {
    known: HashSet<String>,
    /// Mapped values' keys, with the name of the entry they stand for.
    aliases: HashMap<String, String>,
    seen: HashSet<String>,
    new: Vec<String>,
}

impl TextList {
    async fn load(conn: &mut SqliteConnection, kind: ListKind, mappings: &[ValueMapping]) -> Result<TextList> {
        let ids = reference::ids_by_name(&mut *conn, table(kind)).await?;
        let mut aliases = HashMap::new();
        for (value, id) in mapped(mappings, kind, &ids) {
            aliases.insert(value, reference::name_of(&mut *conn, table(kind), id).await?);
        }
        let known = ids.into_iter().map(|(name, _)| key(&name)).collect();
        Ok(TextList { known, aliases, ..Default::default() })
    }

    /// The cell's value as the incident keeps it: the mapped entry's name, or the cell itself.
    pub(super) fn resolve(&self, raw: &str) -> String {
        if !self.aliases.is_empty() {
            if let Some(name) = self.aliases.get(&key(raw)) {
                return name.clone();
            }
        }
        raw.to_owned()
    }

    /// Notes a value of a row that will be imported; true when it is new to the list.
    fn meet(&mut self, value: &str) -> bool {
        if value.is_empty() || self.seen.contains(value) {
            return false;
        }
        self.seen.insert(value.to_owned());
        let new = self.known.insert(key(value));
        if new {
            self.new.push(value.to_owned());
        }
        new
    }
}

/// The text-named lists, as the rows checked so far met them.
pub(super) struct TextLists {
    pub(super) categories: TextList,
    pub(super) products: TextList,
    pub(super) suppliers: TextList,
    pub(super) problem_types: TextList,
    /// For each new product, the category of the row it first appeared on.
    product_categories: Vec<String>,
}

impl TextLists {
    pub(super) async fn load(conn: &mut SqliteConnection, mappings: &[ValueMapping]) -> Result<TextLists> {
        Ok(TextLists {
            categories: TextList::load(&mut *conn, ListKind::ProductCategory, mappings).await?,
            products: TextList::load(&mut *conn, ListKind::Product, mappings).await?,
            suppliers: TextList::load(&mut *conn, ListKind::Supplier, mappings).await?,
            problem_types: TextList::load(&mut *conn, ListKind::ProblemType, mappings).await?,
            product_categories: Vec::new(),
        })
    }

    /// Notes a checked row's values (after mapping).
    pub(super) fn meet(&mut self, category: &str, product: &str, supplier: &str, problem_type: &str) {
        self.categories.meet(category);
        if self.products.meet(product) {
            self.product_categories.push(category.to_owned());
        }
        self.suppliers.meet(supplier);
        self.problem_types.meet(problem_type);
    }

    /// Creates the new entries (products under their row's category) and names them by kind.
    pub(super) async fn create(self, conn: &mut SqliteConnection) -> Result<[NewEntries; 4]> {
        for name in &self.categories.new {
            reference::insert_named(&mut *conn, RefTable::ProductCategories, name, &pinyin_key(name)).await?;
        }
        if !self.products.new.is_empty() {
            let mut categories = Lookup::new(reference::ids_by_name(&mut *conn, RefTable::ProductCategories).await?);
            for (name, category) in self.products.new.iter().zip(&self.product_categories) {
                let id = reference::insert_named(&mut *conn, RefTable::Products, name, &pinyin_key(name)).await?;
                if let Some(category_id) = categories.get(category) {
                    products::set_category(&mut *conn, id, Some(category_id)).await?;
                }
            }
        }
        for (t, list) in [(RefTable::Suppliers, &self.suppliers), (RefTable::ProblemTypes, &self.problem_types)] {
            for name in &list.new {
                reference::insert_named(&mut *conn, t, name, &pinyin_key(name)).await?;
            }
        }
        let entries = |kind, list: TextList| NewEntries { kind, names: list.new };
        Ok([
            entries(ListKind::Product, self.products),
            entries(ListKind::ProductCategory, self.categories),
            entries(ListKind::Supplier, self.suppliers),
            entries(ListKind::ProblemType, self.problem_types),
        ])
    }
}
