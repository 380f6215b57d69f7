//! Importing a reference list (a store master list, departments, products…) from CSV or XLSX,
//! read by the incident importer's `import::source`. Columns are recognised by their headers. Every
//! row is checked first, with its line number; a key used twice names both lines. Rows update the
//! entry with the same key (a store's code, else the name) or add one, all in one transaction, and
//! any bad row means nothing is written.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::error::{CoreError, ErrorCode, Result};
use crate::import::source::{Unreadable, MAX_COLUMNS};
use crate::import::values::parse_bool;
use crate::import::{headers, open, RowIssue};
use crate::repo::reference::{self as refs, RefTable};
use crate::repo::{departments, problem_types, products, severity_classes, stores};
use crate::service::reference::{ReferenceList, NAME_MAX};
use crate::service::{departments as department_rules, severity_classes as class_rules, stores as store_rules};
use crate::text::{bounded, clean, pinyin_key};
use crate::Workspace;

use crate::repo::departments::DepartmentInput;
use crate::repo::severity_classes::SeverityClassInput;
use crate::repo::stores::StoreInput;

/// Bad rows kept for the preview; the count goes on past it.
const MAX_ISSUES: usize = 1000;

/// A column a reference list's file can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum RefField {
    Code,
    Name,
    Region,
    City,
    CityTier,
    OpenedOn,
    ClosedOn,
    Head,
    EscalationContact,
    Kpis,
    Category,
    SeverityClass,
    Remedy,
    ClaimHours,
    SlaHours,
    WorkingHours,
}

impl RefField {
    /// Headers that name the column, lower-case without spaces, in Chinese and English.
    fn headers(self) -> &'static [&'static str] {
        match self {
            RefField::Code => &["门店编码", "门店编号", "编码", "编号", "代码", "code", "storecode", "storeid"],
            RefField::Name => &["名称", "门店名称", "门店", "部门", "部门名称", "品类", "品类名称", "产品", "产品名称", "供应商", "供应商名称",
                "问题类型", "类型", "严重等级", "等级", "name", "store", "department", "category", "product", "supplier", "problemtype", "severityclass"],
            RefField::Region => &["区域", "大区", "region"],
            RefField::City => &["城市", "city"],
            RefField::CityTier => &["城市级别", "城市等级", "城市线级", "线级", "tier", "citytier"],
            RefField::OpenedOn => &["开业日期", "开店日期", "opened", "openedon", "opendate"],
            RefField::ClosedOn => &["关店日期", "闭店日期", "停业日期", "closed", "closedon", "closedate"],
            RefField::Head => &["负责人", "head"],
            RefField::EscalationContact => &["升级联系人", "escalationcontact", "escalation"],
            RefField::Kpis => &["kpi", "kpis", "考核指标"],
            RefField::Category => &["所属品类", "产品品类", "productcategory"],
            RefField::SeverityClass => &["所属等级", "所属严重等级", "classname"],
            RefField::Remedy => &["处置方式", "处置", "remedy"],
            RefField::ClaimHours => &["认领时限", "认领时限小时", "claimhours", "timetoclaim"],
            RefField::SlaHours => &["解决时限", "解决时限小时", "sla", "slahours", "timetoresolve", "resolvehours"],
            RefField::WorkingHours => &["按工作时间", "工作时间", "workinghours"],
        }
    }
}

impl ReferenceList {
    /// The columns a file of this list may have; the name is always one.
    fn fields(self) -> &'static [RefField] {
        use RefField::*;
        match self {
            ReferenceList::Stores => &[Code, Name, Region, City, CityTier, OpenedOn, ClosedOn],
            ReferenceList::Departments => &[Name, Head, EscalationContact, Kpis],
            ReferenceList::ProductCategories | ReferenceList::Suppliers => &[Name],
            ReferenceList::Products => &[Name, Category],
            ReferenceList::ProblemTypes => &[Name, SeverityClass],
            ReferenceList::SeverityClasses => &[Name, Remedy, ClaimHours, SlaHours, WorkingHours],
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReferenceImportReport {
    pub headers: Vec<String>,
    /// For each column of the file, the field it was recognised as (None: ignored).
    pub columns: Vec<Option<RefField>>,
    pub rows: u32,
    pub inserted: u32,
    pub updated: u32,
    pub invalid: u32,
    /// The first bad rows, with line numbers and reasons.
    pub issues: Vec<RowIssue>,
    /// Product categories a product file named that did not exist yet, added by the import.
    pub created_categories: Vec<String>,
    /// False for a preview, and when bad rows stopped the import.
    pub committed: bool,
}

impl ReferenceImportReport {
    fn issue(&mut self, line: u64, error: CoreError) {
        self.invalid += 1;
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(RowIssue { line: line as u32, error });
        }
    }
}

/// One row, checked.
enum Entry {
    Department(DepartmentInput),
    Store(StoreInput),
    Named(String),
    Product { name: String, category: Option<String> },
    ProblemType { name: String, class: Option<String> },
    SeverityClass(SeverityClassInput),
}

impl Entry {
    fn name(&self) -> &str {
        match self {
            Entry::Department(d) => &d.name,
            Entry::Store(s) => &s.name,
            Entry::Named(name) | Entry::Product { name, .. } | Entry::ProblemType { name, .. } => name,
            Entry::SeverityClass(c) => &c.name,
        }
    }
}

/// Checks every row of the file; writes nothing.
pub async fn preview(ws: &Workspace, list: ReferenceList, path: &Path) -> Result<ReferenceImportReport> {
    import(ws, list, path, true).await
}

/// Checks every row and, if none is bad, imports them all in one transaction.
pub async fn run(ws: &Workspace, list: ReferenceList, path: &Path) -> Result<ReferenceImportReport> {
    import(ws, list, path, false).await
}

async fn import(ws: &Workspace, list: ReferenceList, path: &Path, dry_run: bool) -> Result<ReferenceImportReport> {
    let (entries, mut report) = read(list, path)?;
    if report.invalid > 0 {
        return Ok(report);
    }
    let mut tx = ws.write().await?;
    write(&mut tx, list, entries, &mut report).await?;
    if dry_run || report.invalid > 0 {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        report.committed = true;
    }
    Ok(report)
}

/// Reads and checks every row: each entry with its line, and the bad rows in the report.
fn read(list: ReferenceList, path: &Path) -> Result<(Vec<(u64, Entry)>, ReferenceImportReport)> {
    let (_, mut rows, _, _) = open(path, None, None)?;
    let headers = headers(path, &mut rows)?;
    let columns = recognise(list, &headers);
    if !columns.contains(&Some(RefField::Name)) {
        return Err(CoreError::new(ErrorCode::ImportFieldNotMapped).with("field", "name"));
    }
    if list == ReferenceList::SeverityClasses && !columns.contains(&Some(RefField::SlaHours)) {
        return Err(CoreError::new(ErrorCode::ImportFieldNotMapped).with("field", "slaHours"));
    }
    let mut report = ReferenceImportReport { headers, columns: columns.clone(), ..Default::default() };
    let mut entries = Vec::new();
    // Key -> the line that used it first.
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut seen_names: HashMap<String, u64> = HashMap::new();
    while let Some(next) = rows.next_row() {
        let (line, cells) = match next {
            Ok(row) if row.cells.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(row) if row.cells.len() > MAX_COLUMNS => {
                report.rows += 1;
                let error = CoreError::new(ErrorCode::ImportTooManyColumns).with("count", row.cells.len()).with("max", MAX_COLUMNS);
                report.issue(row.line, error);
                continue;
            }
            Ok(row) => (row.line, row.cells),
            Err(Unreadable::Row(line, error)) => {
                report.rows += 1;
                report.issue(line, error);
                continue;
            }
            Err(Unreadable::File(error)) => return Err(error),
        };
        report.rows += 1;
        let cell = |field: RefField| -> &str {
            columns.iter().position(|c| *c == Some(field)).and_then(|i| cells.get(i)).map_or("", |c| c.trim())
        };
        let entry = match parse(list, &cell) {
            Ok(entry) => entry,
            Err(error) => {
                report.issue(line, error);
                continue;
            }
        };
        let name = entry.name().to_lowercase();
        let code = match &entry {
            Entry::Store(s) => s.code.as_ref().map(|c| c.to_lowercase()),
            _ => None,
        };
        if let Some(code) = &code {
            if let Some(first) = seen.insert(code.clone(), line) {
                seen.insert(code.clone(), first);
                report.issue(line, duplicate(cell(RefField::Code), first, line, "code"));
                continue;
            }
        }
        if let Some(first) = seen_names.insert(name.clone(), line) {
            seen_names.insert(name, first);
            report.issue(line, duplicate(entry.name(), first, line, "name"));
            continue;
        }
        entries.push((line, entry));
    }
    Ok((entries, report))
}

fn duplicate(value: &str, first: u64, line: u64, field: &str) -> CoreError {
    CoreError::new(ErrorCode::ImportDuplicateKey).with("value", value).with("firstLine", first).with("line", line).on_field(field)
}

/// Which field each header names (each field at most once, the first column that names it).
fn recognise(list: ReferenceList, headers: &[String]) -> Vec<Option<RefField>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let h: String = h.split_whitespace().collect::<String>().replace(['_', '-', '（', '）', '(', ')'], "").to_lowercase();
            let h = h.trim_end_matches("小时").trim_end_matches("h");
            let field = list.fields().iter().copied().find(|f| !taken.contains(f) && f.headers().iter().any(|a| a.trim_end_matches("小时") == h))?;
            taken.push(field);
            Some(field)
        })
        .collect()
}

/// Checks one row as the list's form would.
fn parse<'c>(list: ReferenceList, cell: &dyn Fn(RefField) -> &'c str) -> Result<Entry> {
    let text = |f: RefField, field: &str| bounded(cell(f), field, NAME_MAX);
    let optional = |f: RefField| Some(cell(f).to_owned()).filter(|v| !v.is_empty());
    let number = |f: RefField, field: &str| -> Result<Option<i64>> {
        match cell(f) {
            "" => Ok(None),
            v => v.parse::<i64>().map(Some).map_err(|_| CoreError::new(ErrorCode::InvalidNumber).with("value", v).on_field(field)),
        }
    };
    Ok(match list {
        ReferenceList::Stores => Entry::Store(store_rules::validate(StoreInput {
            code: optional(RefField::Code),
            name: cell(RefField::Name).to_owned(),
            region: cell(RefField::Region).to_owned(),
            city: cell(RefField::City).to_owned(),
            city_tier: number(RefField::CityTier, "cityTier")?.map(|t| i32::try_from(t).unwrap_or(i32::MAX)),
            opened_on: optional(RefField::OpenedOn),
            closed_on: optional(RefField::ClosedOn),
        })?),
        ReferenceList::Departments => Entry::Department(department_rules::validate(DepartmentInput {
            name: cell(RefField::Name).to_owned(),
            head: cell(RefField::Head).to_owned(),
            escalation_contact: cell(RefField::EscalationContact).to_owned(),
            kpis: cell(RefField::Kpis).to_owned(),
        })?),
        ReferenceList::ProductCategories | ReferenceList::Suppliers => Entry::Named(clean(cell(RefField::Name), "name", NAME_MAX)?),
        ReferenceList::Products => Entry::Product {
            name: clean(cell(RefField::Name), "name", NAME_MAX)?,
            category: Some(text(RefField::Category, "category")?).filter(|c| !c.is_empty()),
        },
        ReferenceList::ProblemTypes => Entry::ProblemType {
            name: clean(cell(RefField::Name), "name", NAME_MAX)?,
            class: Some(text(RefField::SeverityClass, "severityClass")?).filter(|c| !c.is_empty()),
        },
        ReferenceList::SeverityClasses => Entry::SeverityClass(class_rules::validate(SeverityClassInput {
            name: cell(RefField::Name).to_owned(),
            remedy: cell(RefField::Remedy).to_owned(),
            claim_hours: number(RefField::ClaimHours, "claimHours")?,
            sla_hours: number(RefField::SlaHours, "slaHours")?.ok_or_else(|| CoreError::required("slaHours"))?,
            working_hours: parse_bool(cell(RefField::WorkingHours)).map_err(|e| e.on_field("workingHours"))?,
        })?),
    })
}

/// Lower-cased keys of live entries -> id.
async fn keyed(conn: &mut SqliteConnection, t: RefTable) -> Result<HashMap<String, crate::Id>> {
    Ok(refs::ids_by_name(&mut *conn, t).await?.into_iter().collect())
}

/// Adds or updates every entry; a row whose name belongs to another entry than the one its key
/// matched is a bad row.
async fn write(conn: &mut SqliteConnection, list: ReferenceList, entries: Vec<(u64, Entry)>, report: &mut ReferenceImportReport) -> Result<()> {
    let t = list.table();
    let mut by_name = keyed(conn, t).await?;
    let by_code: HashMap<String, crate::Id> = match list {
        ReferenceList::Stores => stores::ids_by_code(&mut *conn).await?.into_iter().collect(),
        _ => HashMap::new(),
    };
    let mut lookup = Lookups::default();
    for (line, entry) in entries {
        let name_key = entry.name().to_lowercase();
        let named = by_name.get(&name_key).copied();
        let existing = match &entry {
            Entry::Store(s) => match s.code.as_ref().and_then(|c| by_code.get(&c.to_lowercase())) {
                Some(&id) => {
                    if named.is_some_and(|n| n != id) {
                        report.issue(line, CoreError::new(ErrorCode::StoreNameTaken).with("name", &s.name).on_field("name"));
                        continue;
                    }
                    Some(id)
                }
                None => named,
            },
            _ => named,
        };
        match write_one(conn, t, &entry, existing, &mut lookup, report).await {
            Ok(id) => {
                by_name.insert(name_key, id);
                if existing.is_some() {
                    report.updated += 1;
                } else {
                    report.inserted += 1;
                }
            }
            Err(error) if error.code == ErrorCode::Storage => return Err(error),
            Err(error) => report.issue(line, error),
        }
    }
    Ok(())
}

/// Severity classes and categories by lower-cased name, read once per import.
#[derive(Default)]
struct Lookups {
    classes: Option<HashMap<String, crate::Id>>,
    categories: Option<HashMap<String, crate::Id>>,
}

async fn write_one(
    conn: &mut SqliteConnection,
    t: RefTable,
    entry: &Entry,
    existing: Option<crate::Id>,
    lookup: &mut Lookups,
    report: &mut ReferenceImportReport,
) -> Result<crate::Id> {
    match (entry, existing) {
        (Entry::Store(s), Some(id)) => stores::update(&mut *conn, id, s).await.map(|_| id),
        (Entry::Store(s), None) => stores::insert(&mut *conn, s).await,
        (Entry::Department(d), Some(id)) => departments::update(&mut *conn, id, d, &pinyin_key(&d.name)).await.map(|_| id),
        (Entry::Department(d), None) => departments::insert(&mut *conn, d, &pinyin_key(&d.name)).await,
        (Entry::Named(_), Some(id)) => Ok(id),
        (Entry::Named(name), None) => refs::insert_named(&mut *conn, t, name, &pinyin_key(name)).await,
        (Entry::Product { name, category }, existing) => {
            let category_id = match category {
                Some(c) => Some(category_id(conn, c, lookup, report).await?),
                None => None,
            };
            let id = match existing {
                Some(id) => id,
                None => refs::insert_named(&mut *conn, RefTable::Products, name, &pinyin_key(name)).await?,
            };
            products::set_category(&mut *conn, id, category_id).await?;
            Ok(id)
        }
        (Entry::ProblemType { name, class }, existing) => {
            let classes = match &mut lookup.classes {
                Some(c) => c,
                empty => empty.insert(keyed(conn, RefTable::SeverityClasses).await?),
            };
            let class_id = match class {
                Some(c) => Some(*classes.get(&c.to_lowercase()).ok_or_else(|| {
                    CoreError::new(ErrorCode::UnknownSeverityClass).with("value", c).on_field("severityClass")
                })?),
                None => None,
            };
            match existing {
                Some(id) => problem_types::update(&mut *conn, id, name, class_id).await.map(|_| id),
                None => problem_types::insert(&mut *conn, name, class_id).await,
            }
        }
        (Entry::SeverityClass(c), Some(id)) => severity_classes::save(&mut *conn, id, c).await.map(|_| id),
        (Entry::SeverityClass(c), None) => severity_classes::insert_at(&mut *conn, c, None).await,
    }
}

/// The category named `name`, added (and reported) if the workspace has none by that name.
async fn category_id(conn: &mut SqliteConnection, name: &str, lookup: &mut Lookups, report: &mut ReferenceImportReport) -> Result<crate::Id> {
    let categories = match &mut lookup.categories {
        Some(c) => c,
        empty => empty.insert(keyed(conn, RefTable::ProductCategories).await?),
    };
    if let Some(&id) = categories.get(&name.to_lowercase()) {
        return Ok(id);
    }
    let id = refs::insert_named(&mut *conn, RefTable::ProductCategories, name, &pinyin_key(name)).await?;
    categories.insert(name.to_lowercase(), id);
    report.created_categories.push(name.to_owned());
    Ok(id)
}
