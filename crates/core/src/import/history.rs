//! The ticket system's event history (incident number, event, department, time, optional reason),
//! read through `source` like an incident file and written in one transaction: any bad row, and
//! nothing is written. Each event is keyed by its incident number and a stable hash of number,
//! event, department and time, so importing the same history again adds nothing. Receipts get
//! their claim deadline, and each incident's own columns follow its newest imported event when
//! that is news.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono_tz::Tz;
use serde::Serialize;

use super::source::{file_error, TextEncoding};
use super::values::parse_time;
use super::{Checked, RowIssue, RowParser, MAX_ISSUES};
use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::incident_history::{self as repo, HistoryEvent};
use crate::repo::{departments, settings, sla_terms};
use crate::sla::{Book, WorkHours};
use crate::{Id, Workspace};

const REASON_MAX: usize = 500;

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HistoryReport {
    pub rows: u32,
    /// Events new to the workspace; the rest were imported before (or repeat in the file).
    pub inserted: u32,
    pub already_there: u32,
    pub invalid: u32,
    /// The first bad rows, with line numbers and reasons.
    pub issues: Vec<RowIssue>,
    /// Incidents whose owner, status or times now follow their newest imported event.
    pub incidents_updated: u32,
    /// False for a preview, and when a bad row stopped the import.
    pub committed: bool,
}

/// An event of the history, as `incident_events` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Created,
    Claimed,
    Transferred,
    Pending,
    Resumed,
    Resolved,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Created => "created",
            Kind::Claimed => "claimed",
            Kind::Transferred => "transferred",
            Kind::Pending => "pending",
            Kind::Resumed => "resumed",
            Kind::Resolved => "resolved",
        }
    }

    /// The words ticket systems write for each event, in English and Chinese.
    fn parse(raw: &str) -> Option<Kind> {
        let word = raw.trim().to_lowercase();
        let kind = match word.as_str() {
            "created" | "create" | "opened" | "open" | "new" | "创建" | "新建" | "提交" | "建单" => Kind::Created,
            "claimed" | "claim" | "accepted" | "认领" | "受理" | "接单" => Kind::Claimed,
            "transferred" | "transfer" | "reassigned" | "转派" | "转交" | "转办" | "改派" => Kind::Transferred,
            "pending" | "on hold" | "paused" | "挂起" | "暂停" | "等待" => Kind::Pending,
            "resumed" | "resume" | "恢复" | "解除挂起" | "继续处理" => Kind::Resumed,
            "resolved" | "resolve" | "closed" | "solved" | "解决" | "已解决" | "完成" | "关闭" | "结单" => Kind::Resolved,
            _ => return None,
        };
        Some(kind)
    }

    /// A receipt starts a claim deadline; these kinds must name the department.
    fn is_receipt(self) -> bool {
        matches!(self, Kind::Created | Kind::Transferred)
    }

    fn needs_department(self) -> bool {
        matches!(self, Kind::Created | Kind::Transferred | Kind::Claimed)
    }
}

/// Where each field is in the file.
struct Columns {
    incident: usize,
    event: usize,
    department: usize,
    time: usize,
    reason: Option<usize>,
}

const HEADER_WORDS: [(&str, &[&str]); 5] = [
    ("incident", &["incident", "incidentnumber", "incidentno", "ticket", "ticketid", "ticketnumber", "number", "externalid", "工单号", "工单编号", "问题编号", "单号", "编号"]),
    ("event", &["event", "action", "kind", "type", "事件", "动作", "操作", "事件类型"]),
    ("department", &["department", "dept", "team", "部门", "处理部门", "责任部门"]),
    ("time", &["time", "at", "timestamp", "datetime", "date", "时间", "发生时间", "操作时间", "日期"]),
    ("reason", &["reason", "note", "comment", "remark", "原因", "备注", "说明"]),
];

impl Columns {
    fn find(headers: &[String]) -> Result<Columns> {
        let normal: Vec<String> = headers.iter().map(|h| h.to_lowercase().chars().filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-')).collect()).collect();
        let find = |field: usize| normal.iter().position(|h| HEADER_WORDS[field].1.contains(&h.as_str()));
        let required = |field: usize| find(field).ok_or_else(|| CoreError::new(ErrorCode::ImportFieldNotMapped).with("field", HEADER_WORDS[field].0));
        Ok(Columns { incident: required(0)?, event: required(1)?, department: required(2)?, time: required(3)?, reason: find(4) })
    }
}

/// One row, checked, before its incident is looked up.
struct Parsed {
    line: u64,
    number: String,
    kind: Kind,
    department_id: Option<Id>,
    reason: String,
    at: i64,
    key: String,
}

struct Parser {
    columns: Columns,
    zone: Tz,
    departments: HashMap<String, Id>,
}

impl RowParser for Parser {
    type Parsed = Parsed;
    type Done = ();

    fn finish(self) {}

    fn parse(&mut self, line: u64, cells: &[String]) -> Result<Parsed> {
        let cell = |i: usize| cells.get(i).map(|c| c.trim()).unwrap_or("");
        let number = cell(self.columns.incident);
        if number.is_empty() {
            return Err(CoreError::required("incident"));
        }
        let raw_kind = cell(self.columns.event);
        let kind = Kind::parse(raw_kind).ok_or_else(|| CoreError::new(ErrorCode::HistoryUnknownEvent).with("value", raw_kind))?;
        let department = cell(self.columns.department);
        let department_id = match department {
            "" if kind.needs_department() => return Err(CoreError::required("department")),
            "" => None,
            name => Some(
                *self
                    .departments
                    .get(&name.to_lowercase())
                    .ok_or_else(|| CoreError::new(ErrorCode::HistoryUnknownDepartment).with("value", name))?,
            ),
        };
        let at = parse_time(cell(self.columns.time), self.zone)?;
        let reason = crate::text::bounded(self.columns.reason.map(cell).unwrap_or(""), "reason", REASON_MAX)?;
        // The number first, then a hash of the whole event: an incident's events sit together in
        // the key's index, so a history written incident by incident fills it in order (a bare
        // hash scattered every insert across the index).
        let hash = super::writer::content_hash(&[number.to_owned(), kind.as_str().to_owned(), department.to_lowercase(), at.to_string()]);
        let key = format!("{number}\u{1f}{hash}");
        Ok(Parsed { line, number: number.to_owned(), kind, department_id, reason, at, key })
    }
}

/// Rows looked up and written together.
const BATCH: usize = repo::BATCH;

struct Import {
    report: HistoryReport,
    book: Book,
    work: WorkHours,
    now: i64,
}

impl Import {
    fn issue(&mut self, line: u64, error: CoreError) {
        self.report.invalid += 1;
        if self.report.issues.len() < MAX_ISSUES {
            self.report.issues.push(RowIssue { line: line as u32, error });
        }
    }

    /// Looks the batch's incidents up and, while no row has failed, writes its events.
    async fn flush(&mut self, conn: &mut sqlx::SqliteConnection, batch: &mut Vec<Parsed>) -> Result<()> {
        let numbers: Vec<&str> = batch.iter().map(|p| p.number.as_str()).collect::<HashSet<_>>().into_iter().collect();
        let incidents: HashMap<String, (Id, Option<Id>)> =
            repo::incidents_by_number(&mut *conn, &numbers).await?.into_iter().map(|(n, id, class)| (n, (id, class))).collect();
        let mut events = Vec::with_capacity(batch.len());
        for p in batch.drain(..) {
            let Some(&(incident_id, class)) = incidents.get(&p.number) else {
                self.issue(p.line, CoreError::new(ErrorCode::HistoryUnknownIncident).with("value", &p.number));
                continue;
            };
            let due_at = match (p.kind.is_receipt(), p.department_id) {
                (true, Some(d)) => self.book.claim_due(class, Some(d), p.at, &self.work),
                _ => None,
            };
            events.push(HistoryEvent { incident_id, kind: p.kind.as_str(), department_id: p.department_id, reason: p.reason, at: p.at, due_at, external_key: p.key });
        }
        if self.report.invalid == 0 {
            let inserted = repo::insert_new(conn, &events, self.now).await?;
            self.report.inserted += inserted as u32;
            self.report.already_there += (events.len() as u64 - inserted) as u32;
        }
        Ok(())
    }
}

/// Checks every row and, unless `dry_run` or a row is bad, imports the history in one
/// transaction. `progress` gets the share done (0..=1); `cancel` stops it with nothing written.
pub async fn run(
    ws: &Workspace,
    path: &Path,
    encoding: Option<TextEncoding>,
    dry_run: bool,
    progress: &(dyn Fn(f64) + Sync),
    cancel: &AtomicBool,
) -> Result<HistoryReport> {
    let (_, mut rows, _, _) = super::open(path, None, encoding)?;
    let headers = super::headers(path, &mut rows)?;
    let columns = Columns::find(&headers)?;
    let total_bytes = std::fs::metadata(path).map(|m| m.len().max(1)).unwrap_or(1);

    let mut tx = ws.write().await?;
    let parser = Parser {
        columns,
        zone: settings::time_zone(&mut *tx).await?,
        departments: departments::names(&mut *tx).await?.into_iter().map(|(n, id)| (n.trim().to_lowercase(), id)).collect(),
    };
    let before_id = repo::last_event_id(&mut tx).await?;
    let mut import = Import {
        report: HistoryReport::default(),
        book: sla_terms::book(&mut tx).await?,
        work: sla_terms::work_hours(&mut tx).await?,
        now: crate::time::now_ms(),
    };
    let (reader, mut received) = super::spawn_reader(rows, parser, total_bytes, path)?;
    let mut batch = Vec::with_capacity(BATCH);
    while let Some(chunk) = received.recv().await {
        if cancel.load(Ordering::Relaxed) {
            return Err(CoreError::new(ErrorCode::Cancelled));
        }
        for checked in chunk.rows {
            import.report.rows += 1;
            match checked {
                Checked::Row(_, parsed) => batch.push(parsed),
                Checked::Bad(line, error) => import.issue(line, error),
                Checked::Unreadable(error) => return Err(error),
            }
            if batch.len() == BATCH {
                import.flush(&mut tx, &mut batch).await?;
            }
        }
        progress(chunk.done);
    }
    // The channel also closes when the reading thread panicked: never commit a partial import.
    reader.join().map_err(|_| file_error(ErrorCode::ImportUnreadable, path))?;
    import.flush(&mut tx, &mut batch).await?;
    if import.report.rows == 0 {
        return Err(file_error(ErrorCode::ImportEmptyFile, path));
    }
    let mut report = import.report;
    // Cells are checked as they are read, incidents looked up a batch later: report in line order.
    report.issues.sort_by_key(|i| i.line);
    if report.invalid == 0 {
        report.incidents_updated = repo::apply_last(&mut tx, before_id, import.now).await? as u32;
    }
    progress(1.0);
    if dry_run || report.invalid > 0 {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        report.committed = true;
    }
    Ok(report)
}
