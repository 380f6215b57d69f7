//! Turns mapped rows into incidents inside the import's transaction: parse and check each cell,
//! find the incident a row updates (external id, else content hash), dispatch new ones, and
//! record assignment events. Rows are written in batches of multi-row statements (per-row
//! statements made an import twelve times slower than the sqlite3 shell), new incidents through a
//! staging table that moves into `incidents` fifty thousand at a time (`incidents::create_staging`).

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use chrono_tz::Tz;
use sqlx::SqliteConnection;

use super::fields::Field;
use super::lists::{key, ListKind, Lookup, NewEntries, TextLists, ValueMapping};
use super::values::{parse_bool, parse_minutes, parse_time};
use super::{ImportReport, RowIssue};
use crate::dispatch::{self, Rule};
use crate::repo::departments::{self, DepartmentInput};
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::incidents::{self, ImportUpdate, IncidentInput, NewIncident, RowKeyColumn};
use crate::repo::stores::{self, StoreInput};
use crate::repo::{problem_types, severity_classes, sla_terms};
use crate::sla::{Book, WorkHours};
use crate::error::{CoreError, ErrorCode, Result};
use crate::text::pinyin_key;
use crate::{Id, Money};

/// One row, checked and typed. Text fields the file does not carry are empty.
pub struct Parsed {
    external_id: Option<String>,
    title: String,
    department: Option<String>,
    problem_type: String,
    product_category: String,
    product: String,
    supplier: String,
    store: Option<String>,
    store_code: Option<String>,
    region: String,
    channel: String,
    customer_ref: String,
    severity_class_id: Option<Id>,
    wait_minutes: Option<i64>,
    complaint: bool,
    cost_fen: i64,
    opened_at: i64,
    closed_at: Option<i64>,
    claimed_at: Option<i64>,
    content_hash: String,
}

/// Rows written per batch; also the most rows a lookup of existing incidents binds.
const BATCH: usize = incidents::INSERT_BATCH;
/// New incidents staged before they move into `incidents` in one statement (see
/// `incidents::create_staging`). Each move keeps a statement journal of the index pages it
/// changes, so fewer, larger moves write less: at 1,000,000 rows 50,000 took a third less system
/// time than 10,000. The staging table spills to a temporary file as SQLite's own `.import` does.
const STAGE_ROWS: usize = 50_000;

#[derive(PartialEq, Eq, Hash)]
enum RowKey {
    External(String),
    Hash(String),
}

struct Pending {
    line: u32,
    key: RowKey,
    hash: u64,
    department_id: Option<Id>,
    store_id: Option<Id>,
    parsed: Parsed,
}

struct NewRow {
    incident: NewIncident,
    rule_id: Option<Id>,
    claimed_at: Option<i64>,
}

/// The incidents the queued rows already have: id, trashed time, owner; by row key.
async fn existing(conn: &mut SqliteConnection, pending: &[Pending]) -> Result<HashMap<RowKey, (Id, Option<i64>, Option<Id>)>> {
    let mut found = HashMap::new();
    let externals: Vec<&str> = pending.iter().filter_map(|p| match &p.key { RowKey::External(e) => Some(e.as_str()), _ => None }).collect();
    let hashes: Vec<&str> = pending.iter().filter_map(|p| match &p.key { RowKey::Hash(h) => Some(h.as_str()), _ => None }).collect();
    for (keys, by, wrap) in [(externals, RowKeyColumn::ExternalId, RowKey::External as fn(String) -> RowKey), (hashes, RowKeyColumn::ContentHash, RowKey::Hash)] {
        let rows = incidents::by_row_keys(&mut *conn, by, &keys, BATCH).await?;
        found.extend(rows.into_iter().map(|(k, id, deleted, dept)| (wrap(k), (id, deleted, dept))));
    }
    Ok(found)
}

pub struct Writer {
    pending: Vec<Pending>,
    /// Hashes of the queued rows' keys: a row for an incident already queued is seen without
    /// comparing it to every queued row.
    pending_keys: HashSet<u64>,
    /// New incidents staged but not yet in `incidents`, with their keys' hashes and their events.
    staged: usize,
    staged_keys: HashSet<u64>,
    staged_events: Vec<NewEvent<'static>>,
    /// New incidents are numbered here: the import holds the write lock from its first statement.
    next_id: Id,
    departments: Lookup,
    stores: Lookup,
    store_codes: Lookup,
    rules: Vec<Rule>,
    /// The SLA terms and working day, read once: each receipt's claim deadline is one call.
    sla: Book,
    work_hours: WorkHours,
    update: ImportUpdate,
}

/// Checks and types rows. It owns what it needs (nothing of the connection), so the import runs
/// it on a thread of its own while SQLite writes the rows before; it also notes the new values of
/// the text-named lists there.
pub struct Parser {
    mapping: Vec<Option<Field>>,
    zone: Tz,
    classes: HashMap<String, Id>,
    type_classes: HashMap<String, Option<Id>>,
    lists: TextLists,
}

fn name_map(rows: Vec<(String, Id)>) -> HashMap<String, Id> {
    rows.into_iter().map(|(n, id)| (key(&n), id)).collect()
}

impl Writer {
    pub async fn prepare(conn: &mut SqliteConnection, mapping: &[Option<Field>], values: &[ValueMapping]) -> Result<(Writer, Parser)> {
        let zone = crate::repo::settings::time_zone(&mut *conn).await?;
        let type_rows = problem_types::classes(&mut *conn).await?;
        let next_id = incidents::next_id(&mut *conn).await?;
        incidents::create_staging(&mut *conn).await?;
        let parser = Parser {
            mapping: mapping.to_vec(),
            zone,
            classes: name_map(severity_classes::names(&mut *conn).await?),
            type_classes: type_rows.into_iter().map(|(n, c)| (key(&n), c)).collect(),
            lists: TextLists::load(&mut *conn, values).await?,
        };
        let writer = Writer {
            pending: Vec::new(),
            pending_keys: HashSet::new(),
            staged: 0,
            staged_keys: HashSet::new(),
            staged_events: Vec::new(),
            next_id,
            departments: Lookup::load(&mut *conn, ListKind::Department, values).await?,
            stores: Lookup::load(&mut *conn, ListKind::Store, values).await?,
            store_codes: Lookup::new(stores::ids_by_code(&mut *conn).await?),
            rules: crate::repo::routing_rules::enabled(&mut *conn).await?,
            sla: sla_terms::book(&mut *conn).await?,
            work_hours: sla_terms::work_hours(&mut *conn).await?,
            // Only the fields the file carries are updated on a re-import; the user's other edits stay.
            update: ImportUpdate::new(mapping),
        };
        Ok((writer, parser))
    }

    /// The stores and departments the import created, as the file spells them.
    pub fn new_entries(&mut self) -> [NewEntries; 2] {
        [
            NewEntries { kind: ListKind::Store, names: std::mem::take(&mut self.stores.new) },
            NewEntries { kind: ListKind::Department, names: std::mem::take(&mut self.departments.new) },
        ]
    }

    /// Queues a checked row; rows are written a batch at a time by `flush`, new ones staged.
    pub async fn write(&mut self, conn: &mut SqliteConnection, line: u64, p: Parsed, report: &mut ImportReport) -> Result<()> {
        let department_id = match &p.department {
            Some(name) => Some(self.department(conn, name).await?),
            None => None,
        };
        let store_id = match (&p.store, &p.store_code) {
            (None, None) => None,
            (name, code) => Some(self.store(conn, name.as_deref(), code.as_deref(), &p.region).await?),
        };
        let key = match &p.external_id {
            Some(ext) => RowKey::External(ext.clone()),
            None => RowKey::Hash(p.content_hash.clone()),
        };
        // A second row for the same incident updates the first: write the first one before.
        let hash = key_hash(&key);
        let queued = self.pending_keys.contains(&hash) && self.pending.iter().any(|q| q.key == key);
        if queued || self.pending.len() >= BATCH {
            self.flush(conn, report).await?;
        }
        self.pending_keys.insert(hash);
        self.pending.push(Pending { line: line as u32, key, hash, department_id, store_id, parsed: p });
        Ok(())
    }

    /// Writes what is queued and staged; call once after the last row.
    pub async fn finish(&mut self, conn: &mut SqliteConnection, report: &mut ImportReport) -> Result<()> {
        self.flush(conn, report).await?;
        self.move_staged(conn).await?;
        incidents::drop_staging(conn).await
    }

    /// Moves the staged incidents into `incidents`, then writes their events.
    async fn move_staged(&mut self, conn: &mut SqliteConnection) -> Result<()> {
        incidents::move_staged(conn).await?;
        events::insert_many(conn, &self.staged_events).await?;
        self.staged_events.clear();
        self.staged_keys.clear();
        self.staged = 0;
        Ok(())
    }

    /// Writes the queued rows: one lookup for the incidents they update, multi-row inserts for new ones.
    async fn flush(&mut self, conn: &mut SqliteConnection, report: &mut ImportReport) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        self.pending_keys.clear();
        // A queued row for an incident still staged: the lookup must find it in `incidents`.
        if pending.iter().any(|p| self.staged_keys.contains(&p.hash)) {
            self.move_staged(conn).await?;
        }
        let existing = existing(conn, &pending).await?;
        let now = crate::time::now_ms();
        let mut new = Vec::with_capacity(pending.len());
        let new_events = &mut self.staged_events;
        for Pending { line, key, hash, department_id, store_id, parsed: p } in pending {
            match existing.get(&key) {
                Some((_, Some(_), _)) => {
                    let label = p.external_id.clone().unwrap_or_else(|| p.title.clone());
                    report.in_trash.push(RowIssue { line, error: CoreError::new(ErrorCode::ImportInTrash).with("incident", label) });
                }
                Some(&(id, None, old_department)) => {
                    incidents::import_update(conn, &self.update, id, &record(p, department_id, store_id), now).await?;
                    if department_id.is_some() && department_id != old_department {
                        new_events.push(NewEvent { incident_id: id, kind: "transferred", source: "import", from_department_id: old_department, to_department_id: department_id, rule_id: None, reason: "", at: now, ..Default::default() });
                    }
                    report.updated += 1;
                }
                None => {
                    let id = self.next_id;
                    self.next_id += 1;
                    self.staged_keys.insert(hash);
                    let row = new_incident(&self.rules, id, p, department_id, store_id);
                    let record = &row.incident.record;
                    let assigned = NewEvent {
                        incident_id: id,
                        kind: "assigned",
                        // An owner given in the file counts as the first assignment.
                        source: if row.rule_id.is_some() { "rule" } else { "import" },
                        from_department_id: None,
                        to_department_id: record.department_id,
                        rule_id: row.rule_id,
                        reason: "",
                        at: record.opened_at,
                        due_at: self.sla.claim_due(record.severity_class_id, record.department_id, record.opened_at, &self.work_hours),
                        ..Default::default()
                    };
                    if assigned.to_department_id.is_some() {
                        report.dispatched_by_rule += u32::from(row.rule_id.is_some());
                        new_events.push(assigned);
                        if let Some(at) = row.claimed_at {
                            new_events.push(NewEvent { kind: "claimed", source: "import", rule_id: None, at, due_at: None, ..assigned });
                        }
                    } else {
                        report.to_triage += 1;
                    }
                    report.inserted += 1;
                    new.push(row.incident);
                }
            }
        }
        incidents::stage_many(conn, &new).await?;
        self.staged += new.len();
        if self.staged >= STAGE_ROWS {
            self.move_staged(conn).await?;
        }
        Ok(())
    }

    /// The department of that name (or the one the user mapped it to), created when the workspace
    /// has none yet.
    async fn department(&mut self, conn: &mut SqliteConnection, name: &str) -> Result<Id> {
        if let Some(id) = self.departments.get(name) {
            return Ok(id);
        }
        let input = DepartmentInput { name: name.to_owned(), ..Default::default() };
        let id = departments::insert(&mut *conn, &input, &pinyin_key(name)).await?;
        self.departments.add(name, id);
        Ok(id)
    }

    /// The store of the row's store-code column, else the store whose code, then whose name, the
    /// store column gives (or the one the user mapped it to); created with that name and code when
    /// the workspace has none yet.
    async fn store(&mut self, conn: &mut SqliteConnection, name: Option<&str>, code: Option<&str>, region: &str) -> Result<Id> {
        // Only a code: the store goes by it until someone names it.
        let label = name.or(code).unwrap_or_default();
        let found = code
            .and_then(|c| self.store_codes.get(c))
            .or_else(|| self.store_codes.get(name?))
            .or_else(|| self.stores.get(label));
        if let Some(id) = found {
            return Ok(id);
        }
        let input = StoreInput { code: code.map(str::to_owned), name: label.to_owned(), region: region.to_owned(), ..Default::default() };
        let id = stores::insert(&mut *conn, &input).await?;
        self.stores.add(label, id);
        if let Some(code) = code {
            self.store_codes.know(code, id);
        }
        Ok(id)
    }
}

/// The row as an incident record: `status` from its closing and claiming times.
fn record(p: Parsed, department_id: Option<Id>, store_id: Option<Id>) -> IncidentInput {
    let status = if p.closed_at.is_some() { "closed" } else if p.claimed_at.is_some() { "claimed" } else { "open" };
    IncidentInput {
        external_id: p.external_id,
        title: p.title,
        department_id,
        problem_type: p.problem_type,
        product_category: p.product_category,
        product: p.product,
        supplier: p.supplier,
        store_id,
        region: p.region,
        channel: p.channel,
        customer_ref: p.customer_ref,
        severity_class_id: p.severity_class_id,
        wait_minutes: p.wait_minutes,
        complaint: p.complaint,
        cost: Money::from_fen(p.cost_fen),
        opened_at: p.opened_at,
        closed_at: p.closed_at,
        status: status.to_owned(),
    }
}

/// A row not yet in the registry, dispatched by the rules when the file names no owner.
fn new_incident(rules: &[Rule], id: Id, mut p: Parsed, department_id: Option<Id>, store_id: Option<Id>) -> NewRow {
    let content_hash = p.external_id.is_none().then(|| std::mem::take(&mut p.content_hash));
    let claimed_at = p.claimed_at;
    let mut record = record(p, department_id, store_id);
    let mut rule_id = None;
    if record.department_id.is_none() {
        if let Some(rule) = dispatch::route(rules, &record.facts()) {
            record.department_id = Some(rule.department_id);
            rule_id = Some(rule.id);
        }
    }
    NewRow { rule_id, claimed_at, incident: NewIncident { id: Some(id), content_hash, record } }
}

impl Parser {
    /// Checks and types one row's cells; the first bad cell is the row's error.
    pub fn parse(&mut self, cells: &[String]) -> Result<Parsed> {
        let mut p = Parsed {
            external_id: None,
            title: String::new(),
            department: None,
            problem_type: String::new(),
            product_category: String::new(),
            product: String::new(),
            supplier: String::new(),
            store: None,
            store_code: None,
            region: String::new(),
            channel: String::new(),
            customer_ref: String::new(),
            severity_class_id: None,
            wait_minutes: None,
            complaint: false,
            cost_fen: 0,
            opened_at: 0,
            closed_at: None,
            claimed_at: None,
            content_hash: content_hash(cells),
        };
        let mut opened = None;
        for (i, field) in self.mapping.iter().enumerate() {
            let Some(field) = field else { continue };
            let raw = cells.get(i).map(|c| c.trim()).unwrap_or("");
            let in_column = |e: CoreError| e.with("column", i + 1);
            let optional = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            let time = |s: &str| -> Result<Option<i64>> {
                if s.is_empty() { Ok(None) } else { parse_time(s, self.zone).map(Some).map_err(in_column) }
            };
            match field {
                Field::ExternalId => p.external_id = optional(raw),
                Field::Title => p.title = raw.to_owned(),
                Field::Department => p.department = optional(raw),
                Field::ProblemType => p.problem_type = self.lists.problem_types.resolve(raw),
                Field::ProductCategory => p.product_category = self.lists.categories.resolve(raw),
                Field::Product => p.product = self.lists.products.resolve(raw),
                Field::Supplier => p.supplier = self.lists.suppliers.resolve(raw),
                Field::Store => p.store = optional(raw),
                Field::StoreCode => p.store_code = optional(raw),
                Field::Region => p.region = raw.to_owned(),
                Field::Channel => p.channel = raw.to_owned(),
                Field::CustomerRef => p.customer_ref = raw.to_owned(),
                Field::SeverityClass if raw.is_empty() => {}
                Field::SeverityClass => {
                    p.severity_class_id = Some(*self.classes.get(&key(raw)).ok_or_else(|| {
                        in_column(CoreError::new(ErrorCode::UnknownSeverityClass).with("value", raw))
                    })?)
                }
                Field::WaitMinutes => p.wait_minutes = if raw.is_empty() { None } else { Some(parse_minutes(raw).map_err(in_column)?) },
                Field::Complaint => p.complaint = parse_bool(raw).map_err(in_column)?,
                Field::Cost => p.cost_fen = if raw.is_empty() { 0 } else { Money::parse(raw).map_err(in_column)?.fen() },
                Field::CostFen => {
                    p.cost_fen = if raw.is_empty() {
                        0
                    } else {
                        raw.parse().map_err(|_| in_column(CoreError::new(ErrorCode::InvalidNumber).with("value", raw)))?
                    }
                }
                Field::OpenedAt => opened = time(raw)?,
                Field::ClosedAt => p.closed_at = time(raw)?,
                Field::ClaimedAt => p.claimed_at = time(raw)?,
            }
        }
        p.opened_at = opened.ok_or_else(|| CoreError::required("opened_at"))?;
        if p.title.is_empty() {
            // Ticket exports often have no title: the problem type and store say what happened.
            p.title = [p.problem_type.as_str(), p.store.as_deref().unwrap_or("")]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · ");
        }
        if p.title.is_empty() {
            return Err(CoreError::required("title"));
        }
        if p.severity_class_id.is_none() {
            p.severity_class_id = self.type_classes.get(&key(&p.problem_type)).copied().flatten();
        }
        self.lists.meet(&p.product_category, &p.product, &p.supplier, &p.problem_type);
        Ok(p)
    }

    /// The text-named lists as the checked rows met them.
    pub(super) fn into_lists(self) -> TextLists {
        self.lists
    }
}

fn key_hash(key: &RowKey) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

/// FNV-1a over the row's cells: a stable key for rows without an external id.
pub(super) fn content_hash(cells: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for cell in cells {
        for byte in cell.trim().bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
