//! Products and the category each belongs to. Incidents and routing rules name a product by its
//! text, so a rename carries over to them.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::repo::products;
use crate::repo::reference::{self as refs, search_term, RefTable};
use crate::service::reference::{ensure_name_free, rename_in, ReferenceList, NAME_MAX};
use crate::text::{clean, pinyin_key};
use crate::{Id, Workspace};

pub use crate::repo::products::Product;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProductInput {
    pub name: String,
    pub category_id: Option<Id>,
}

/// Every product, archived ones too, whose name or pinyin contains `search`, by pinyin.
pub async fn products(ws: &Workspace, search: &str) -> Result<Vec<Product>> {
    products::search(ws.pool(), &search_term(search), true).await
}

pub async fn create_product(ws: &Workspace, input: ProductInput) -> Result<Id> {
    let name = clean(&input.name, "name", NAME_MAX)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, ReferenceList::Products, &name, None).await?;
    if let Some(category) = input.category_id {
        refs::name_of(&mut *tx, RefTable::ProductCategories, category).await.map_err(|e| e.on_field("categoryId"))?;
    }
    let id = refs::insert_named(&mut *tx, RefTable::Products, &name, &pinyin_key(&name)).await?;
    products::set_category(&mut *tx, id, input.category_id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames a product (incidents and routing rules follow) and sets its category.
pub async fn update_product(ws: &Workspace, id: Id, input: ProductInput) -> Result<()> {
    let name = clean(&input.name, "name", NAME_MAX)?;
    let mut tx = ws.write().await?;
    if let Some(category) = input.category_id {
        refs::name_of(&mut *tx, RefTable::ProductCategories, category).await.map_err(|e| e.on_field("categoryId"))?;
    }
    rename_in(&mut tx, ReferenceList::Products, id, &name).await?;
    products::set_category(&mut *tx, id, input.category_id).await?;
    tx.commit().await?;
    Ok(())
}
