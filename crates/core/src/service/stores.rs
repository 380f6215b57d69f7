//! The stores incidents come from (S2): their region and city tier feed the evidence chain.

use crate::error::Result;
use crate::repo::stores;
use crate::text::{bounded, clean};
use crate::Workspace;

pub use crate::repo::stores::{Store, StoreInput};

pub async fn list(ws: &Workspace) -> Result<Vec<Store>> {
    stores::list(ws.pool()).await
}

pub async fn create(ws: &Workspace, input: StoreInput) -> Result<Store> {
    let input = StoreInput {
        name: clean(&input.name, "name", 100)?,
        city: bounded(&input.city, "city", 60)?,
        region: bounded(&input.region, "region", 60)?,
        ..input
    };
    let id = stores::insert(ws.pool(), &input).await?;
    stores::get(ws.pool(), id).await
}
