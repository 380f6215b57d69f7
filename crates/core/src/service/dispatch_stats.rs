//! Dispatch measured: the league table of departments over a period, its weekly trend, one
//! incident's dispatch figures, the table as an XLSX file, and the ticket system's event history
//! imported so the figures cover what the laptop never saw. The definitions (receipts, claims
//! within SLA, nearest-rank percentiles) are in `repo::dispatch_stats`.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::{CoreError, ErrorCode, Result};
use crate::export::dispatch as table_file;
use crate::import::history;
use crate::lang::Lang;
use crate::repo::dispatch_stats as stats;
use crate::repo::{settings, sla_terms};
use crate::{Id, Workspace};

pub use crate::import::history::HistoryReport;
pub use crate::import::source::TextEncoding;
pub use crate::repo::dispatch_stats::{DepartmentFigures, TrendWeek};
/// The league table's statement, for the benchmark that times it in the sqlite3 shell as well.
#[doc(hidden)]
pub use crate::repo::dispatch_stats::figures_statement;
/// How the history import brings the incidents up to their newest event, for the same benchmark.
#[doc(hidden)]
pub use crate::repo::incident_history::{APPLY_LAST as HISTORY_APPLY_LAST, COLLECT_LAST as HISTORY_COLLECT_LAST, CREATE_LAST as HISTORY_CREATE_LAST};

const DAY_MS: i64 = 86_400_000;
const WEEK_MS: i64 = 7 * DAY_MS;

/// A period of whole days in the workspace zone, `[from, until)` in UTC ms.
struct Period {
    from: i64,
    until: i64,
    zone: Tz,
}

fn day(value: &str, field: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| CoreError::new(ErrorCode::InvalidDate).with("value", value).on_field(field))
}

fn start_of(d: NaiveDate, zone: Tz) -> i64 {
    crate::import::values::local_to_utc(d.and_time(chrono::NaiveTime::MIN), zone).unwrap_or_else(|| d.and_time(chrono::NaiveTime::MIN).and_utc().timestamp_millis())
}

/// `from` is the first day, `until` the day after the last (both YYYY-MM-DD).
async fn period(ws: &Workspace, from: &str, until: &str) -> Result<(Period, NaiveDate)> {
    let (first, end) = (day(from, "from")?, day(until, "until")?);
    if end <= first {
        return Err(CoreError::new(ErrorCode::PeriodEndsBeforeStart).on_field("until"));
    }
    let zone = settings::time_zone(ws.pool()).await?;
    Ok((Period { from: start_of(first, zone), until: start_of(end, zone), zone }, first))
}

/// The league table: every department with a receipt, a resolution or a transfer out in the
/// period, in department order (the page sorts it).
pub async fn departments(ws: &Workspace, from: &str, until: &str) -> Result<Vec<DepartmentFigures>> {
    let (p, _) = period(ws, from, until).await?;
    let rows = stats::figures(ws.pool(), p.from, p.until, p.from, p.until - p.from).await?;
    Ok(rows.into_iter().map(DepartmentFigures::from).collect())
}

/// The same figures week by week (weeks start on Monday in the workspace zone; a week is counted
/// as 7 × 24 h, so a daylight-saving change shifts the cut by an hour).
pub async fn trend(ws: &Workspace, from: &str, until: &str) -> Result<Vec<TrendWeek>> {
    let (p, first) = period(ws, from, until).await?;
    let monday = first - chrono::Days::new(u64::from(first.weekday().num_days_from_monday()));
    let origin = start_of(monday, p.zone);
    let rows = stats::figures(ws.pool(), p.from, p.until, origin, WEEK_MS).await?;
    Ok(rows
        .into_iter()
        .map(|b| {
            let week = monday + chrono::Days::new(7 * b.bucket.max(0) as u64);
            TrendWeek { week: week.format("%Y-%m-%d").to_string(), figures: b.into() }
        })
        .collect())
}

/// One incident's dispatch figures (times in ms).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IncidentFigures {
    pub transfers: i64,
    /// First claim − creation.
    pub time_to_claim_ms: Option<i64>,
    /// Resolution − creation.
    pub time_to_resolve_ms: Option<i64>,
    /// Receipts claimed late or left unclaimed past their deadline.
    pub claim_breaches: i64,
    /// Resolved (or still open at `now`) past the resolve SLA of its class and owner, counted as
    /// the SLA engine counts it (working or clock hours, waits left out).
    pub resolve_breached: bool,
}

pub async fn incident(ws: &Workspace, id: Id, now: i64) -> Result<IncidentFigures> {
    let mut conn = ws.pool().acquire().await?;
    let f = stats::incident(&mut *conn, id, now).await?;
    let book = sla_terms::book(&mut conn).await?;
    let resolve_breached = match f.severity_class_id.and_then(|c| book.terms(c, f.department_id)) {
        Some(terms) => {
            let work = sla_terms::work_hours(&mut conn).await?;
            let events = stats::wait_events(&mut conn, id).await?;
            let pauses = crate::sla::waits(events.iter().map(|(kind, at)| (kind.as_str(), *at)));
            terms.hours(&work).running(f.opened_at, f.resolved_at.unwrap_or(now), &pauses) > terms.resolve_ms
        }
        None => false,
    };
    Ok(IncidentFigures {
        transfers: f.transfers,
        time_to_claim_ms: f.first_claim_at.map(|c| c - f.opened_at),
        time_to_resolve_ms: f.resolved_at.map(|r| r - f.opened_at),
        claim_breaches: f.claim_breaches,
        resolve_breached,
    })
}

/// Writes the league table and the weekly trend of the period to `path` (XLSX), whole or not at all.
pub async fn export_xlsx(ws: &Workspace, from: &str, until: &str, path: &Path, lang: Lang) -> Result<()> {
    let table = departments(ws, from, until).await?;
    let weeks = trend(ws, from, until).await?;
    table_file::write(path, &table, &weeks, lang)
}

/// Checks every row of an event-history file without writing anything.
pub async fn preview_history(ws: &Workspace, path: &Path, encoding: Option<TextEncoding>, cancel: &AtomicBool) -> Result<HistoryReport> {
    history::run(ws, path, encoding, true, &|_| {}, cancel).await
}

/// Imports an event history in one transaction: all of it, or nothing when any row is bad.
pub async fn import_history(ws: &Workspace, path: &Path, encoding: Option<TextEncoding>, progress: &(dyn Fn(f64) + Sync), cancel: &AtomicBool) -> Result<HistoryReport> {
    history::run(ws, path, encoding, false, progress, cancel).await
}
