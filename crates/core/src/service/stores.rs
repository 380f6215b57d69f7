//! The stores incidents come from (S2): their code, region, city tier and opening dates feed the
//! evidence chain; prevalence divides by their count.

use sqlx::SqliteConnection;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::reference::search_term;
use crate::repo::stores;
use crate::service::projects::parse_day;
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

pub use crate::repo::stores::{Store, StoreInput};

const NAME_MAX: usize = 100;
const CODE_MAX: usize = 40;
const PLACE_MAX: usize = 60;
const TIER_MAX: i32 = 6;

/// The stores a picker offers (archived ones left out), by pinyin.
pub async fn list(ws: &Workspace) -> Result<Vec<Store>> {
    stores::list(ws.pool()).await
}

/// Every store, archived ones too, whose name, pinyin or code contains `search`, by pinyin.
pub async fn search(ws: &Workspace, search: &str) -> Result<Vec<Store>> {
    stores::search(ws.pool(), &search_term(search)).await
}

pub async fn create(ws: &Workspace, input: StoreInput) -> Result<Store> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_free(&mut tx, &input, None).await?;
    let id = stores::insert(&mut *tx, &input).await?;
    let created = stores::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

pub async fn update(ws: &Workspace, id: Id, input: StoreInput) -> Result<Store> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_free(&mut tx, &input, Some(id)).await?;
    stores::update(&mut *tx, id, &input).await?;
    let updated = stores::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Trims and checks every field: a code (optional), a name, a city tier of 1–6, dates as
/// YYYY-MM-DD with the closing not before the opening.
pub(crate) fn validate(input: StoreInput) -> Result<StoreInput> {
    let code = input.code.as_deref().map(|c| bounded(c, "code", CODE_MAX)).transpose()?.filter(|c| !c.is_empty());
    if let Some(tier) = input.city_tier.filter(|t| !(1..=TIER_MAX).contains(t)) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", TIER_MAX).with("value", tier).on_field("cityTier"));
    }
    let day = |value: &Option<String>, field: &str| -> Result<Option<String>> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => Ok(Some(parse_day(v, field)?.format("%Y-%m-%d").to_string())),
            None => Ok(None),
        }
    };
    let opened_on = day(&input.opened_on, "openedOn")?;
    let closed_on = day(&input.closed_on, "closedOn")?;
    if let (Some(opened), Some(closed)) = (&opened_on, &closed_on) {
        if closed < opened {
            return Err(CoreError::new(ErrorCode::PeriodEndsBeforeStart).on_field("closedOn"));
        }
    }
    Ok(StoreInput {
        code,
        name: clean(&input.name, "name", NAME_MAX)?,
        city: bounded(&input.city, "city", PLACE_MAX)?,
        region: bounded(&input.region, "region", PLACE_MAX)?,
        city_tier: input.city_tier,
        opened_on,
        closed_on,
    })
}

async fn ensure_free(conn: &mut SqliteConnection, input: &StoreInput, except: Option<Id>) -> Result<()> {
    if let Some(code) = &input.code {
        if stores::find_by_code(&mut *conn, code, except).await?.is_some() {
            return Err(CoreError::new(ErrorCode::StoreCodeTaken).with("code", code).on_field("code"));
        }
    }
    if crate::repo::reference::find_by_name(&mut *conn, crate::repo::reference::RefTable::Stores, &input.name, except).await?.is_some() {
        return Err(CoreError::new(ErrorCode::StoreNameTaken).with("name", &input.name).on_field("name"));
    }
    Ok(())
}
