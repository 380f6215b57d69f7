//! The director's actions on an incident: claims (认领), transfers (转派) with a reason, and waits
//! on the customer or a supplier (挂起), which stop its SLA clocks. Each is an event in the
//! incident's history; a receipt carries the claim deadline it started.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::departments;
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::incidents::{self, Current};
use crate::repo::sla_terms;

pub use crate::repo::incident_events::IncidentEvent;
use crate::text::bounded;
use crate::{Id, Workspace};

const REASON_MAX: usize = 500;

/// What an incident waits on while its SLA clocks stand still.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum WaitingOn {
    Customer,
    Supplier,
}

impl WaitingOn {
    fn as_str(self) -> &'static str {
        match self {
            WaitingOn::Customer => "customer",
            WaitingOn::Supplier => "supplier",
        }
    }
}

async fn record(conn: &mut sqlx::SqliteConnection, event: NewEvent<'_>) -> Result<()> {
    events::insert(conn, &NewEvent { source: "user", ..event }).await
}

/// The owning department claims the incident. `at` may be in the past (back-dating).
pub async fn claim(ws: &Workspace, id: Id, at: Option<i64>) -> Result<()> {
    let mut tx = ws.write().await?;
    let now = crate::time::now_ms();
    let at = at.unwrap_or(now);
    let cur = incidents::current(&mut tx, id).await?;
    let department = cur.department_id.ok_or_else(|| CoreError::new(ErrorCode::IncidentUnassigned))?;
    record(&mut tx, NewEvent { incident_id: id, kind: "claimed", to_department_id: Some(department), at, ..Default::default() }).await?;
    incidents::set_claimed(&mut tx, id, at, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Hands the incident to another department; a transfer needs a reason. The new owner's time to
/// claim starts at `at`.
pub async fn transfer(ws: &Workspace, id: Id, to: Id, reason: &str, at: Option<i64>) -> Result<()> {
    let reason = bounded(reason, "reason", REASON_MAX)?;
    if reason.is_empty() {
        return Err(CoreError::required("reason"));
    }
    let mut tx = ws.write().await?;
    let now = crate::time::now_ms();
    let at = at.unwrap_or(now);
    let cur = incidents::current(&mut tx, id).await?;
    departments::get(&mut *tx, to).await.map_err(|e| e.on_field("departmentId"))?;
    if cur.department_id == Some(to) {
        return Err(CoreError::new(ErrorCode::TransferToSameDepartment).on_field("departmentId"));
    }
    let sla = sla_terms::context(&mut tx).await?;
    let due_at = sla.book.claim_due(cur.severity_class_id, Some(to), at, &sla.work);
    let kind = if cur.department_id.is_some() { "transferred" } else { "assigned" };
    let event = NewEvent { incident_id: id, kind, from_department_id: cur.department_id, to_department_id: Some(to), reason: &reason, at, due_at, ..Default::default() };
    record(&mut tx, event).await?;
    incidents::hand_over(&mut tx, id, to, at, now).await?;
    tx.commit().await?;
    Ok(())
}

fn still_open(cur: &Current) -> Result<()> {
    if matches!(cur.status.as_str(), "resolved" | "closed") {
        return Err(CoreError::new(ErrorCode::IncidentResolved));
    }
    Ok(())
}

/// The incident waits on the customer or a supplier from `at`: its SLA clocks stand still until
/// [`resume`].
pub async fn wait(ws: &Workspace, id: Id, on: WaitingOn, note: &str, at: Option<i64>) -> Result<()> {
    let note = bounded(note, "note", REASON_MAX)?;
    let mut tx = ws.write().await?;
    let now = crate::time::now_ms();
    let at = at.unwrap_or(now);
    let cur = incidents::current(&mut tx, id).await?;
    still_open(&cur)?;
    if cur.pending_since.is_some() {
        return Err(CoreError::new(ErrorCode::IncidentAlreadyPending));
    }
    let reason = if note.is_empty() { on.as_str().to_owned() } else { format!("{}: {note}", on.as_str()) };
    record(&mut tx, NewEvent { incident_id: id, kind: "pending", to_department_id: cur.department_id, reason: &reason, at, ..Default::default() }).await?;
    incidents::set_pending(&mut tx, id, at, on.as_str(), now).await?;
    tx.commit().await?;
    Ok(())
}

/// The wait is over: the clocks run again from `at`, the wait added to the time they stood still.
pub async fn resume(ws: &Workspace, id: Id, at: Option<i64>) -> Result<()> {
    let mut tx = ws.write().await?;
    let now = crate::time::now_ms();
    let cur = incidents::current(&mut tx, id).await?;
    let since = cur.pending_since.ok_or_else(|| CoreError::new(ErrorCode::IncidentNotPending))?;
    let at = at.unwrap_or(now).max(since);
    let sla = sla_terms::context(&mut tx).await?;
    let paused = match cur.severity_class_id.and_then(|c| sla.book.terms(c, cur.department_id)) {
        Some(terms) => terms.hours(&sla.work).elapsed(since, at),
        None => at - since,
    };
    record(&mut tx, NewEvent { incident_id: id, kind: "resumed", to_department_id: cur.department_id, at, ..Default::default() }).await?;
    incidents::clear_pending(&mut tx, id, paused, now).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn history(ws: &Workspace, id: Id) -> Result<Vec<IncidentEvent>> {
    events::history(ws.pool(), id).await
}
