//! Creating and editing incidents by hand: every field checked, the severity class defaulting from
//! the problem type, and a new incident without an owner dispatched by the routing rules.

use crate::dispatch;
use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::incidents::{self, STATUSES};

pub use crate::repo::incidents::{Incident, IncidentInput};
use crate::repo::{departments, severity_classes, sla_terms, stores};
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

const TITLE_MAX: usize = 200;
const SHORT_MAX: usize = 100;
/// A year: anything longer is a typing slip, not a wait.
const WAIT_MAX_MINUTES: i64 = 525_600;

fn validate(input: IncidentInput) -> Result<IncidentInput> {
    let short = |v: &str, field: &str| bounded(v, field, SHORT_MAX);
    let external_id = input.external_id.as_deref().map(|e| short(e, "externalId")).transpose()?.filter(|e| !e.is_empty());
    if let Some(wait) = input.wait_minutes {
        if !(0..=WAIT_MAX_MINUTES).contains(&wait) {
            return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).with("max", WAIT_MAX_MINUTES).on_field("waitMinutes"));
        }
    }
    if input.cost.fen() < 0 {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).on_field("cost"));
    }
    if input.closed_at.is_some_and(|c| c < input.opened_at) {
        return Err(CoreError::new(ErrorCode::ClosedBeforeOpened).on_field("closedAt"));
    }
    if !STATUSES.contains(&input.status.as_str()) {
        return Err(CoreError::new(ErrorCode::InvalidChoice).with("value", &input.status).on_field("status"));
    }
    Ok(IncidentInput {
        external_id,
        title: clean(&input.title, "title", TITLE_MAX)?,
        problem_type: short(&input.problem_type, "problemType")?,
        product_category: short(&input.product_category, "productCategory")?,
        product: short(&input.product, "product")?,
        supplier: short(&input.supplier, "supplier")?,
        region: short(&input.region, "region")?,
        channel: short(&input.channel, "channel")?,
        customer_ref: short(&input.customer_ref, "customerRef")?,
        ..input
    })
}

/// Checks the references and fills the severity class from the problem type when none is given.
async fn resolve(conn: &mut sqlx::SqliteConnection, mut input: IncidentInput, id: Option<Id>) -> Result<IncidentInput> {
    if let Some(d) = input.department_id {
        departments::get(&mut *conn, d).await.map_err(|e| e.on_field("departmentId"))?;
    }
    if let Some(s) = input.store_id {
        stores::get(&mut *conn, s).await.map_err(|e| e.on_field("storeId"))?;
    }
    match input.severity_class_id {
        Some(c) => {
            severity_classes::get(&mut *conn, c).await.map_err(|e| e.on_field("severityClassId"))?;
        }
        None => input.severity_class_id = severity_classes::for_problem_type(&mut *conn, &input.problem_type).await?,
    }
    if let Some(ext) = &input.external_id {
        if incidents::external_id_taken(&mut *conn, ext, id).await? {
            return Err(CoreError::new(ErrorCode::ExternalIdTaken).with("value", ext).on_field("externalId"));
        }
    }
    Ok(input)
}

pub async fn create(ws: &Workspace, input: IncidentInput) -> Result<Incident> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    let mut input = resolve(&mut tx, input, None).await?;
    let mut rule_id = None;
    if input.department_id.is_none() {
        let rules = crate::repo::routing_rules::enabled(&mut *tx).await?;
        if let Some(rule) = dispatch::route(&rules, &input.facts()) {
            input.department_id = Some(rule.department_id);
            rule_id = Some(rule.id);
        }
    }
    let id = incidents::insert(&mut tx, &input).await?;
    if input.department_id.is_some() {
        let source = if rule_id.is_some() { "rule" } else { "user" };
        let sla = sla_terms::context(&mut tx).await?;
        let due_at = sla.book.claim_due(input.severity_class_id, input.department_id, input.opened_at, &sla.work);
        let event = NewEvent { incident_id: id, kind: "assigned", source, to_department_id: input.department_id, rule_id, at: input.opened_at, due_at, ..Default::default() };
        events::insert(&mut tx, &event).await?;
    }
    let created = incidents::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Saves every field but the owner: a change of owner is a transfer, with its reason.
pub async fn update(ws: &Workspace, id: Id, input: IncidentInput) -> Result<Incident> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    let input = resolve(&mut tx, IncidentInput { department_id: None, ..input }, Some(id)).await?;
    let before = incidents::current(&mut tx, id).await?;
    incidents::update(&mut *tx, id, &input).await?;
    // Resolving stops the SLA clocks; the history says when, for the department's figures.
    if is_done(&input.status) && !is_done(&before.status) {
        let at = input.closed_at.unwrap_or_else(crate::time::now_ms);
        let event = NewEvent { incident_id: id, kind: "resolved", source: "user", to_department_id: before.department_id, at, ..Default::default() };
        events::insert(&mut tx, &event).await?;
    }
    let updated = incidents::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

fn is_done(status: &str) -> bool {
    matches!(status, "resolved" | "closed")
}

pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    crate::repo::soft_delete(ws.pool(), "incidents", "incident", id).await
}
