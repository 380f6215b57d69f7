//! Severity classes as a service desk sets them: a remedy, the time to claim and to resolve, in
//! working or clock hours, and where a department differs, its own SLA.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::reference::search_term;
use crate::repo::{department_slas, departments, severity_classes};
use crate::service::reference::{ensure_name_free, ReferenceList, NAME_MAX};
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

pub use crate::repo::department_slas::DepartmentSla;
pub use crate::repo::severity_classes::{SeverityClass, SeverityClassInput};

/// The longest SLA a class may have: a year.
pub const SLA_MAX_HOURS: i64 = 24 * 365;
const REMEDY_MAX: usize = 500;

/// A class with the departments' own SLAs for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SeverityClassEntry {
    pub class: SeverityClass,
    pub department_slas: Vec<DepartmentSla>,
}

/// What the settings form saves: the class and the departments' own SLAs (replacing the old).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SeverityClassForm {
    pub class: SeverityClassInput,
    pub department_slas: Vec<DepartmentSla>,
}

/// Every class, archived ones too, whose name or pinyin contains `search`, by pinyin.
pub async fn search(ws: &Workspace, search: &str) -> Result<Vec<SeverityClassEntry>> {
    let mut conn = ws.pool().acquire().await?;
    let classes = severity_classes::search(&mut *conn, &search_term(search)).await?;
    let mut out = Vec::with_capacity(classes.len());
    for class in classes {
        let department_slas = department_slas::for_class(&mut *conn, class.id).await?;
        out.push(SeverityClassEntry { class, department_slas });
    }
    Ok(out)
}

pub async fn create(ws: &Workspace, form: SeverityClassForm) -> Result<Id> {
    let class = validate(form.class)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, ReferenceList::SeverityClasses, &class.name, None).await?;
    let id = severity_classes::insert_at(&mut *tx, &class, None).await?;
    save_slas(&mut tx, id, &form.department_slas).await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves a class and its departments' SLAs; open incidents follow at once.
pub async fn update(ws: &Workspace, id: Id, form: SeverityClassForm) -> Result<()> {
    let class = validate(form.class)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, ReferenceList::SeverityClasses, &class.name, Some(id)).await?;
    severity_classes::save(&mut *tx, id, &class).await?;
    save_slas(&mut tx, id, &form.department_slas).await?;
    tx.commit().await?;
    Ok(())
}

/// An SLA in hours must be 1 up to a year.
pub fn check_hours(hours: i64, field: &str) -> Result<i64> {
    if !(1..=SLA_MAX_HOURS).contains(&hours) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", SLA_MAX_HOURS).with("value", hours).on_field(field));
    }
    Ok(hours)
}

pub(crate) fn validate(c: SeverityClassInput) -> Result<SeverityClassInput> {
    Ok(SeverityClassInput {
        name: clean(&c.name, "name", NAME_MAX)?,
        remedy: bounded(&c.remedy, "remedy", REMEDY_MAX)?,
        claim_hours: c.claim_hours.map(|h| check_hours(h, "claimHours")).transpose()?,
        sla_hours: check_hours(c.sla_hours, "slaHours")?,
        working_hours: c.working_hours,
    })
}

async fn save_slas(conn: &mut sqlx::SqliteConnection, class_id: Id, slas: &[DepartmentSla]) -> Result<()> {
    department_slas::clear(&mut *conn, class_id).await?;
    let mut seen = HashSet::new();
    for (i, sla) in slas.iter().enumerate() {
        let at = |e: CoreError| e.with("row", i + 1);
        departments::get(&mut *conn, sla.department_id).await.map_err(|e| at(e.on_field("departmentId")))?;
        if !seen.insert(sla.department_id) {
            return Err(at(CoreError::new(ErrorCode::InvalidChoice).on_field("departmentId")));
        }
        let checked = DepartmentSla {
            department_id: sla.department_id,
            claim_hours: sla.claim_hours.map(|h| check_hours(h, "claimHours")).transpose().map_err(at)?,
            resolve_hours: check_hours(sla.resolve_hours, "resolveHours").map_err(at)?,
        };
        department_slas::insert(&mut *conn, class_id, &checked).await?;
    }
    Ok(())
}
