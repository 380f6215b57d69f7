//! The director's actions on an incident: claims (认领), transfers (转派) with a reason, and
//! escalation past the SLA of its severity class. Each is an event in the incident's history.

use serde::Serialize;

use crate::lang::Lang;
use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::departments;
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::incidents::{self, OverdueRow};

pub use crate::repo::incident_events::IncidentEvent;
use crate::text::bounded;
use crate::{Id, Workspace};

const REASON_MAX: usize = 500;

/// An incident past its SLA, with the message the director can send its department head.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    pub incident_id: Id,
    pub title: String,
    pub department: Option<String>,
    pub head: Option<String>,
    pub severity_class: String,
    pub sla_hours: i64,
    pub hours_over: i64,
    pub draft: String,
}

async fn record(conn: &mut sqlx::SqliteConnection, id: Id, kind: &str, from: Option<Id>, to: Option<Id>, reason: &str, at: i64) -> Result<()> {
    let event = NewEvent { incident_id: id, kind, source: "user", from_department_id: from, to_department_id: to, rule_id: None, reason, at };
    events::insert(conn, &event).await
}

/// The owning department claims the incident. `at` may be in the past (back-dating).
pub async fn claim(ws: &Workspace, id: Id, at: Option<i64>) -> Result<()> {
    let mut tx = ws.write().await?;
    let now = crate::time::now_ms();
    let cur = incidents::current(&mut tx, id).await?;
    let department = cur.department_id.ok_or_else(|| CoreError::new(ErrorCode::IncidentUnassigned))?;
    record(&mut tx, id, "claimed", None, Some(department), "", at.unwrap_or(now)).await?;
    if cur.status == "open" {
        incidents::set_claimed(&mut tx, id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Hands the incident to another department; a transfer needs a reason.
pub async fn transfer(ws: &Workspace, id: Id, to: Id, reason: &str, at: Option<i64>) -> Result<()> {
    let reason = bounded(reason, "reason", REASON_MAX)?;
    if reason.is_empty() {
        return Err(CoreError::required("reason"));
    }
    let mut tx = ws.write().await?;
    let now = crate::time::now_ms();
    let cur = incidents::current(&mut tx, id).await?;
    departments::get(&mut *tx, to).await.map_err(|e| e.on_field("departmentId"))?;
    if cur.department_id == Some(to) {
        return Err(CoreError::new(ErrorCode::TransferToSameDepartment).on_field("departmentId"));
    }
    let kind = if cur.department_id.is_some() { "transferred" } else { "assigned" };
    record(&mut tx, id, kind, cur.department_id, Some(to), &reason, at.unwrap_or(now)).await?;
    incidents::hand_over(&mut tx, id, to, now).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn history(ws: &Workspace, id: Id) -> Result<Vec<IncidentEvent>> {
    events::history(ws.pool(), id).await
}

/// The incidents past their SLA: how many there are, and the longest overdue of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Escalations {
    pub total: i64,
    pub shown: Vec<Escalation>,
}

/// The incidents past their SLA at `now`: the count, and up to `limit` of them, longest overdue
/// first, each with a drafted message. A workspace of a million tickets may have tens of
/// thousands past their SLA; a page of them is what a person reads (all of them, drafts and all,
/// once took 4 GB in the web page). Only reads: [`record_escalations`] writes them down.
pub async fn overdue(ws: &Workspace, now: i64, lang: Lang, limit: u32) -> Result<Escalations> {
    let mut conn = ws.pool().acquire().await?;
    let total = incidents::count_past_sla(&mut conn, now).await?;
    let rows = incidents::past_sla(&mut conn, now, limit).await?;
    let shown = rows
        .into_iter()
        .map(|o| {
            let hours_over = (now - o.opened_at) / 3_600_000 - o.sla_hours;
            let draft = draft_escalation(&o, hours_over, lang);
            Escalation {
                incident_id: o.id,
                title: o.title,
                department: o.department,
                head: o.head,
                severity_class: o.class,
                sla_hours: o.sla_hours,
                hours_over,
                draft,
            }
        })
        .collect();
    Ok(Escalations { total, shown })
}

/// Writes down each escalation not yet recorded: `escalated_at` and an `escalated` event in the
/// incident's history, once per incident and owner (a transfer starts the clock again). The shell
/// runs it in the background; returns how many incidents were escalated now.
pub async fn record_escalations(ws: &Workspace, now: i64) -> Result<usize> {
    let mut tx = ws.write().await?;
    // The write lock is held from the start, so every incident read here is still unescalated.
    let overdue = incidents::unescalated_past_sla(&mut tx, now).await?;
    for o in &overdue {
        incidents::mark_escalated(&mut tx, o.id, now).await?;
        let reason = format!("SLA {} h", o.sla_hours);
        let event = NewEvent { incident_id: o.id, kind: "escalated", source: "rule", from_department_id: None, to_department_id: o.department_id, rule_id: None, reason: &reason, at: now };
        events::insert(&mut tx, &event).await?;
    }
    tx.commit().await?;
    Ok(overdue.len())
}

/// A short, helpful note to the department head: facts first, one clear ask.
fn draft_escalation(o: &OverdueRow, hours_over: i64, lang: Lang) -> String {
    match lang {
        Lang::ZhCn => format!(
            "{}您好：\n问题“{}”属于“{}”等级，处理时限 {} 小时，目前已超出 {} 小时，仍未关闭。\n能否请{}今天确认负责人和预计完成时间？需要数据或现场配合的话我这边随时支持。谢谢！",
            o.head.as_deref().unwrap_or(""),
            o.title,
            o.class,
            o.sla_hours,
            hours_over,
            o.department.as_deref().unwrap_or("相关部门"),
        ),
        Lang::En => format!(
            "Hello {},\nThe incident “{}” is in the “{}” class with a {} h SLA; it is now {} h past it and still open.\nCould {} confirm an owner and an expected fix date today? If data or on-site help would speed it up, I am glad to provide it. Thank you!",
            o.head.as_deref().unwrap_or(""),
            o.title,
            o.class,
            o.sla_hours,
            hours_over,
            o.department.as_deref().unwrap_or("your team"),
        ),
    }
}
