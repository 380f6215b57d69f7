//! How much the open workspace holds, for the welcome summary.

use serde::Serialize;

use crate::error::Result;
use crate::repo;
use crate::Workspace;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OverviewCounts {
    pub departments: i64,
    pub people: i64,
    pub stores: i64,
    pub projects: i64,
    pub incidents: i64,
}

pub async fn counts(ws: &Workspace) -> Result<OverviewCounts> {
    let pool = ws.pool();
    Ok(OverviewCounts {
        departments: repo::count_live(pool, "departments").await?,
        people: repo::count_live(pool, "people").await?,
        stores: repo::count_live(pool, "stores").await?,
        projects: repo::count_live(pool, "projects").await?,
        incidents: repo::count_live(pool, "incidents").await?,
    })
}
