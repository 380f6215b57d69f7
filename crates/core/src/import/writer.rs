//! Turns mapped rows into incidents inside the import's transaction: parse and check each cell,
//! find the incident a row updates (external id, else content hash), dispatch new ones, and
//! record assignment events. Rows are written in batches of multi-row statements (per-row
//! statements made an import twelve times slower than the sqlite3 shell), new incidents through a
//! staging table that moves into `incidents` fifty thousand at a time (`incidents::create_staging`).

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use chrono_tz::Tz;
use sqlx::{AssertSqlSafe, QueryBuilder, Sqlite, SqliteConnection};

use super::fields::Field;
use super::values::{parse_bool, parse_minutes, parse_time};
use super::{ImportReport, RowIssue};
use crate::dispatch::{self, Rule};
use crate::repo::departments::{self, DepartmentInput};
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::incidents::{self, IncidentInput, NewIncident};
use crate::repo::stores::{self, StoreInput};
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
    for (keys, sql, wrap) in [
        (externals, "SELECT external_id, id, deleted_at, department_id FROM incidents WHERE external_id IN (", RowKey::External as fn(String) -> RowKey),
        (hashes, "SELECT content_hash, id, deleted_at, department_id FROM incidents WHERE external_id IS NULL AND content_hash IN (", RowKey::Hash),
    ] {
        if keys.is_empty() {
            continue;
        }
        let keep = crate::repo::keep_prepared(keys.len(), BATCH);
        let mut q = QueryBuilder::<Sqlite>::new(sql);
        let mut list = q.separated(", ");
        for k in keys {
            list.push_bind(k);
        }
        list.push_unseparated(")");
        let rows: Vec<(String, Id, Option<i64>, Option<Id>)> = q.build_query_as().persistent(keep).fetch_all(&mut *conn).await?;
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
    departments: HashMap<String, Id>,
    stores: HashMap<String, Id>,
    rules: Vec<Rule>,
    /// The columns a re-import updates, in the order of `update_sql`'s placeholders.
    update_fields: Vec<Field>,
    update_sql: String,
    created_departments: Vec<String>,
    created_stores: Vec<String>,
}

/// Checks and types rows. It owns what it needs (nothing of the connection), so the import runs
/// it on a thread of its own while SQLite writes the rows before.
#[derive(Clone)]
pub struct Parser {
    mapping: Vec<Option<Field>>,
    zone: Tz,
    classes: HashMap<String, Id>,
    type_classes: HashMap<String, Option<Id>>,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

async fn name_map(conn: &mut SqliteConnection, sql: &'static str) -> Result<HashMap<String, Id>> {
    let rows: Vec<(String, Id)> = sqlx::query_as(sql).fetch_all(&mut *conn).await?;
    Ok(rows.into_iter().map(|(n, id)| (key(&n), id)).collect())
}

/// The incident column a field updates; None for fields that are not a column.
fn column(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::ExternalId | Field::ClaimedAt => return None,
        Field::Title => "title",
        Field::Department => "department_id",
        Field::ProblemType => "problem_type",
        Field::ProductCategory => "product_category",
        Field::Product => "product",
        Field::Supplier => "supplier",
        Field::Store => "store_id",
        Field::Region => "region",
        Field::Channel => "channel",
        Field::CustomerRef => "customer_ref",
        Field::SeverityClass => "severity_class_id",
        Field::WaitMinutes => "wait_minutes",
        Field::Complaint => "complaint",
        Field::Cost | Field::CostFen => "cost_fen",
        Field::OpenedAt => "opened_at",
        Field::ClosedAt => "closed_at",
    })
}

impl Writer {
    pub async fn prepare(conn: &mut SqliteConnection, mapping: &[Option<Field>]) -> Result<(Writer, Parser)> {
        let zone = crate::repo::settings::time_zone(&mut *conn).await?;
        let type_rows: Vec<(String, Option<Id>)> =
            sqlx::query_as("SELECT name, severity_class_id FROM problem_types WHERE deleted_at IS NULL")
                .fetch_all(&mut *conn)
                .await?;
        // Only the fields the file carries are updated on a re-import; the user's other edits stay.
        let mut update_fields: Vec<Field> = mapping.iter().flatten().copied().filter(|f| column(*f).is_some()).collect();
        update_fields.sort_unstable_by_key(|f| column(*f));
        update_fields.dedup_by_key(|f| column(*f));
        let update_sql = format!(
            "UPDATE incidents SET {}updated_at = ? WHERE id = ?",
            update_fields.iter().filter_map(|f| column(*f)).map(|c| format!("{c} = ?, ")).collect::<String>()
        );
        let next_id: Id = sqlx::query_scalar("SELECT coalesce(max(id), 0) + 1 FROM incidents").fetch_one(&mut *conn).await?;
        incidents::create_staging(&mut *conn).await?;
        let parser = Parser {
            mapping: mapping.to_vec(),
            zone,
            classes: name_map(conn, "SELECT name, id FROM severity_classes WHERE deleted_at IS NULL").await?,
            type_classes: type_rows.into_iter().map(|(n, c)| (key(&n), c)).collect(),
        };
        let writer = Writer {
            pending: Vec::new(),
            pending_keys: HashSet::new(),
            staged: 0,
            staged_keys: HashSet::new(),
            staged_events: Vec::new(),
            next_id,
            departments: name_map(conn, "SELECT name, id FROM departments WHERE deleted_at IS NULL").await?,
            stores: name_map(conn, "SELECT name, id FROM stores WHERE deleted_at IS NULL").await?,
            rules: crate::repo::routing_rules::enabled(&mut *conn).await?,
            update_fields,
            update_sql,
            created_departments: Vec::new(),
            created_stores: Vec::new(),
        };
        Ok((writer, parser))
    }

    pub fn created_departments(&self) -> Vec<String> {
        self.created_departments.clone()
    }

    pub fn created_stores(&self) -> Vec<String> {
        self.created_stores.clone()
    }

    /// Queues a checked row; rows are written a batch at a time by `flush`, new ones staged.
    pub async fn write(&mut self, conn: &mut SqliteConnection, line: u64, p: Parsed, report: &mut ImportReport) -> Result<()> {
        let department_id = match &p.department {
            Some(name) => Some(self.department(conn, name).await?),
            None => None,
        };
        let store_id = match &p.store {
            Some(name) => Some(self.store(conn, name, &p.region).await?),
            None => None,
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
                    update(conn, &self.update_sql, &self.update_fields, id, &p, department_id, store_id, now).await?;
                    if department_id.is_some() && department_id != old_department {
                        new_events.push(NewEvent { incident_id: id, kind: "transferred", source: "import", from_department_id: old_department, to_department_id: department_id, rule_id: None, reason: "", at: now });
                    }
                    report.updated += 1;
                }
                None => {
                    let id = self.next_id;
                    self.next_id += 1;
                    self.staged_keys.insert(hash);
                    let row = new_incident(&self.rules, id, p, department_id, store_id);
                    let assigned = NewEvent {
                        incident_id: id,
                        kind: "assigned",
                        // An owner given in the file counts as the first assignment.
                        source: if row.rule_id.is_some() { "rule" } else { "import" },
                        from_department_id: None,
                        to_department_id: row.incident.record.department_id,
                        rule_id: row.rule_id,
                        reason: "",
                        at: row.incident.record.opened_at,
                    };
                    if assigned.to_department_id.is_some() {
                        report.dispatched_by_rule += u32::from(row.rule_id.is_some());
                        new_events.push(assigned);
                        if let Some(at) = row.claimed_at {
                            new_events.push(NewEvent { kind: "claimed", source: "import", rule_id: None, at, ..assigned });
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

    /// The department of that name, created (and reported) when the workspace has none yet.
    async fn department(&mut self, conn: &mut SqliteConnection, name: &str) -> Result<Id> {
        if let Some(id) = self.departments.get(&key(name)) {
            return Ok(*id);
        }
        let input = DepartmentInput { name: name.to_owned(), ..Default::default() };
        let id = departments::insert(&mut *conn, &input, &pinyin_key(name)).await?;
        self.departments.insert(key(name), id);
        self.created_departments.push(name.to_owned());
        Ok(id)
    }

    async fn store(&mut self, conn: &mut SqliteConnection, name: &str, region: &str) -> Result<Id> {
        if let Some(id) = self.stores.get(&key(name)) {
            return Ok(*id);
        }
        let input = StoreInput { name: name.to_owned(), region: region.to_owned(), ..Default::default() };
        let id = stores::insert(&mut *conn, &input).await?;
        self.stores.insert(key(name), id);
        self.created_stores.push(name.to_owned());
        Ok(id)
    }
}

/// A row not yet in the registry, dispatched by the rules when the file names no owner.
fn new_incident(rules: &[Rule], id: Id, p: Parsed, department_id: Option<Id>, store_id: Option<Id>) -> NewRow {
    let status = if p.closed_at.is_some() { "closed" } else if p.claimed_at.is_some() { "claimed" } else { "open" };
    let content_hash = p.external_id.is_none().then_some(p.content_hash);
    let mut record = IncidentInput {
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
    };
    let mut rule_id = None;
    if record.department_id.is_none() {
        if let Some(rule) = dispatch::route(rules, &record.facts()) {
            record.department_id = Some(rule.department_id);
            rule_id = Some(rule.id);
        }
    }
    NewRow { rule_id, claimed_at: p.claimed_at, incident: NewIncident { id: Some(id), content_hash, record } }
}

/// Writes the fields the file carries to an incident it updates.
#[allow(clippy::too_many_arguments)]
async fn update(conn: &mut SqliteConnection, sql: &str, fields: &[Field], id: Id, p: &Parsed, department_id: Option<Id>, store_id: Option<Id>, now: i64) -> Result<()> {
    let mut q = sqlx::query(AssertSqlSafe(sql.to_owned()));
    for field in fields {
        q = match field {
            Field::Title => q.bind(&p.title),
            Field::Department => q.bind(department_id),
            Field::ProblemType => q.bind(&p.problem_type),
            Field::ProductCategory => q.bind(&p.product_category),
            Field::Product => q.bind(&p.product),
            Field::Supplier => q.bind(&p.supplier),
            Field::Store => q.bind(store_id),
            Field::Region => q.bind(&p.region),
            Field::Channel => q.bind(&p.channel),
            Field::CustomerRef => q.bind(&p.customer_ref),
            Field::SeverityClass => q.bind(p.severity_class_id),
            Field::WaitMinutes => q.bind(p.wait_minutes),
            Field::Complaint => q.bind(p.complaint),
            Field::Cost | Field::CostFen => q.bind(p.cost_fen),
            Field::OpenedAt => q.bind(p.opened_at),
            Field::ClosedAt => q.bind(p.closed_at),
            Field::ExternalId | Field::ClaimedAt => q,
        };
    }
    q.bind(now).bind(id).execute(&mut *conn).await?;
    Ok(())
}

impl Parser {
    /// Checks and types one row's cells; the first bad cell is the row's error.
    pub fn parse(&self, cells: &[String]) -> Result<Parsed> {
        let mut p = Parsed {
            external_id: None,
            title: String::new(),
            department: None,
            problem_type: String::new(),
            product_category: String::new(),
            product: String::new(),
            supplier: String::new(),
            store: None,
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
                Field::ProblemType => p.problem_type = raw.to_owned(),
                Field::ProductCategory => p.product_category = raw.to_owned(),
                Field::Product => p.product = raw.to_owned(),
                Field::Supplier => p.supplier = raw.to_owned(),
                Field::Store => p.store = optional(raw),
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
        Ok(p)
    }
}

fn key_hash(key: &RowKey) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish()
}

/// FNV-1a over the row's cells: a stable key for rows without an external id.
fn content_hash(cells: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for cell in cells {
        for byte in cell.trim().bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
