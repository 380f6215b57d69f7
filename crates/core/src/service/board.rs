//! The incident board's reads: the filtered list and kanban cards, what the pickers choose from,
//! the month × type pivot; the severity classes' remedy and SLA; the filtered list as a file.

use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::export::incidents as list_file;
use crate::lang::Lang;
use crate::repo::{incident_filter as filter, incidents, problem_types, settings, severity_classes, stores};
use crate::{Id, Workspace};

pub use crate::export::incidents::ListFormat;
pub use crate::repo::incident_filter::{Cards, Facets, IncidentFilter, IncidentPage, IncidentSort};
pub use crate::repo::incidents::{Incident, PivotCell};
pub use crate::repo::problem_types::ProblemType;
pub use crate::repo::severity_classes::SeverityClass;
use crate::repo::severity_classes::SeverityClassInput;
pub use crate::repo::stores::Store;
/// The pivot's statement, for the import benchmark, which times it in the sqlite3 shell as well.
#[doc(hidden)]
pub use crate::repo::incidents::PIVOT_SQL;


const CARDS_MAX: u32 = 50_000;

pub async fn page(ws: &Workspace, f: &IncidentFilter, sort: IncidentSort, offset: u32, limit: u32) -> Result<IncidentPage> {
    let offset_seconds = settings::month_offset_seconds(ws.pool()).await?;
    let mut conn = ws.pool().acquire().await?;
    filter::page(&mut conn, f, sort, i64::from(offset), i64::from(limit), offset_seconds).await
}

pub async fn cards(ws: &Workspace, f: &IncidentFilter, limit: u32) -> Result<Cards> {
    let offset_seconds = settings::month_offset_seconds(ws.pool()).await?;
    let mut conn = ws.pool().acquire().await?;
    filter::cards(&mut conn, f, i64::from(limit.min(CARDS_MAX)), offset_seconds).await
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BoardLists {
    pub facets: Facets,
    pub stores: Vec<Store>,
    pub severity_classes: Vec<SeverityClass>,
    pub problem_types: Vec<ProblemType>,
}

/// Everything the filter pickers and the record form choose from.
pub async fn lists(ws: &Workspace) -> Result<BoardLists> {
    let mut conn = ws.pool().acquire().await?;
    Ok(BoardLists {
        facets: filter::facets(&mut conn).await?,
        stores: stores::list(&mut *conn).await?,
        severity_classes: severity_classes::list(&mut *conn).await?,
        problem_types: problem_types::list(&mut *conn).await?,
    })
}

pub async fn pivot(ws: &Workspace) -> Result<Vec<PivotCell>> {
    incidents::pivot(ws.pool()).await
}

/// The newest incidents, at most 1,000.
pub async fn recent(ws: &Workspace, limit: u32) -> Result<Vec<Incident>> {
    incidents::list_recent(ws.pool(), i64::from(limit.min(1000))).await
}

pub async fn incident(ws: &Workspace, id: Id) -> Result<Incident> {
    incidents::get(ws.pool(), id).await
}

/// Changes a class's remedy and SLA; open incidents of the class follow it. Returns every class.
pub async fn update_severity_class(ws: &Workspace, id: Id, remedy: &str, sla_hours: u32) -> Result<Vec<SeverityClass>> {
    let mut tx = ws.write().await?;
    let class = severity_classes::get(&mut *tx, id).await?;
    let input = SeverityClassInput { remedy: remedy.into(), sla_hours: i64::from(sla_hours), ..class.into() };
    severity_classes::save(&mut *tx, id, &crate::service::severity_classes::validate(input)?).await?;
    tx.commit().await?;
    severity_classes::list(ws.pool()).await
}

/// Writes the incidents the filter matches to `path` as CSV or XLSX; returns how many rows.
pub async fn export(ws: &Workspace, f: &IncidentFilter, format: ListFormat, path: &Path, lang: Lang) -> Result<u64> {
    list_file::write(ws, f, format, path, lang).await
}
