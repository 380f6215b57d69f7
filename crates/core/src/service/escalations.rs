//! The SLA like a service desk: each open incident's time to claim and time to resolve, counted
//! in its class's (or its department's own) hours, standing still while it waits on the customer
//! or a supplier, and escalating in levels (level n at n× the SLA by default) to the owning
//! department's head, its escalation contact, then the director's sponsor.

use serde::Serialize;

use crate::error::Result;
use crate::lang::Lang;
use crate::repo::incident_events::{self as events, NewEvent};
use crate::repo::incidents::{self, SlaRow};
use crate::repo::settings;
use crate::repo::sla_terms::{self, SlaContext, SPONSOR_KEY};
use crate::sla::{level_reached, waits, Terms, HOUR_MS};
use crate::{Id, Workspace};

/// Which SLA clock ran out.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum SlaClock {
    Claim,
    Resolve,
}

/// An incident past its SLA, with the level it has reached, whom that level tells and the message
/// the director can send them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    pub incident_id: Id,
    pub title: String,
    pub department: Option<String>,
    pub severity_class: String,
    pub clock: SlaClock,
    pub working_hours: bool,
    pub limit_hours: f64,
    pub hours_over: f64,
    /// 0 when the SLA has run out but no level is set at this multiple.
    pub level: i64,
    /// head | escalation_contact | sponsor
    pub notify: Option<String>,
    /// Who that is, by name ("" when the workspace names nobody).
    pub notified: String,
    pub pending: bool,
    pub draft: String,
}

/// The incidents past their SLA: how many there are, and the most urgent of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Escalations {
    pub total: i64,
    pub shown: Vec<Escalation>,
}

/// One SLA clock of one incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClockState {
    pub limit_hours: f64,
    pub running_hours: f64,
    /// When it runs out if nothing changes; none while it stands still or once it has run out.
    pub due_at: Option<i64>,
    pub breached: bool,
}

/// An open incident's SLA as the drawer shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SlaStatus {
    pub working_hours: bool,
    /// None once claimed, or when the class measures no time to claim.
    pub claim: Option<ClockState>,
    pub resolve: ClockState,
    pub pending_since: Option<i64>,
    pub pending_reason: String,
    pub paused_hours: f64,
    pub level: i64,
}

/// An escalation just written down, for the desktop notification.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalated {
    pub title: String,
    pub level: i64,
    pub notified: String,
}

/// One incident's clocks at `now`.
struct Reading {
    terms: Terms,
    claim: Option<(i64, i64)>,
    resolve: (i64, i64),
    pauses: Vec<(i64, Option<i64>)>,
}

impl Reading {
    /// The clock closest to (or furthest past) its limit, and how far along it is.
    fn worst(&self) -> (SlaClock, f64, i64, i64) {
        let ratio = |(running, limit): (i64, i64)| running as f64 / limit as f64;
        let resolve = (SlaClock::Resolve, ratio(self.resolve), self.resolve.0, self.resolve.1);
        match self.claim {
            Some(c) if ratio(c) > resolve.1 => (SlaClock::Claim, ratio(c), c.0, c.1),
            _ => resolve,
        }
    }
}

/// One incident's waits, from the candidates' wait events (sorted by incident).
fn pauses_of(row: &SlaRow, events: &[(Id, String, i64)]) -> Vec<(i64, Option<i64>)> {
    let start = events.partition_point(|(id, _, _)| *id < row.id);
    waits(events[start..].iter().take_while(|(id, _, _)| *id == row.id).map(|(_, kind, at)| (kind.as_str(), *at)))
}

fn read(ctx: &SlaContext, row: &SlaRow, events: &[(Id, String, i64)], now: i64) -> Option<Reading> {
    let terms = ctx.book.terms(row.severity_class_id, row.department_id)?;
    let hours = terms.hours(&ctx.work);
    let pauses = pauses_of(row, events);
    let resolve = (hours.running(row.opened_at, now, &pauses), terms.resolve_ms);
    let claim = match (row.claimed_at, row.department_id, terms.claim_ms) {
        (None, Some(_), Some(limit)) => Some((hours.running(row.assigned_at, now, &pauses), limit)),
        _ => None,
    };
    Some(Reading { terms, claim, resolve, pauses })
}

/// The shortest clock time after which any incident's SLA can have run out: no incident opened
/// later needs reading.
fn opened_before(ctx: &SlaContext, now: i64) -> i64 {
    let first = ctx.levels.iter().map(|l| l.multiple).fold(1.0_f64, f64::min);
    let shortest = ctx
        .book
        .classes
        .values()
        .chain(ctx.book.departments.values())
        .flat_map(|t| [Some(t.resolve_ms), t.claim_ms])
        .flatten()
        .min();
    shortest.map_or(i64::MIN, |ms| now - (ms as f64 * first) as i64 + 1)
}

/// Reads every open incident whose SLA may have run out (or only `only`), with its clocks.
async fn readings(conn: &mut sqlx::SqliteConnection, ctx: &SlaContext, now: i64, only: Option<Id>) -> Result<Vec<(SlaRow, Reading)>> {
    let before = if only.is_some() { i64::MAX } else { opened_before(ctx, now) };
    let rows = incidents::sla_candidates(&mut *conn, before, only).await?;
    let events = incidents::sla_pauses(&mut *conn, before, only).await?;
    Ok(rows.into_iter().filter_map(|row| read(ctx, &row, &events, now).map(|r| (row, r))).collect())
}

fn hours(ms: i64) -> f64 {
    (ms as f64 / HOUR_MS as f64 * 10.0).round() / 10.0
}

fn whom(notify: &str, row: &SlaRow, sponsor: &str) -> String {
    match notify {
        "head" => row.head.clone(),
        "escalation_contact" => row.escalation_contact.clone(),
        _ => sponsor.to_owned(),
    }
}

/// The incidents past their SLA at `now`: the count, and up to `limit` of them, highest level and
/// longest overdue first, each with a drafted message. Only reads: [`record`] writes them down.
pub async fn overdue(ws: &Workspace, now: i64, lang: Lang, limit: u32) -> Result<Escalations> {
    let mut conn = ws.pool().acquire().await?;
    let ctx = sla_terms::context(&mut conn).await?;
    let sponsor = settings::get(&mut *conn, SPONSOR_KEY).await?.unwrap_or_default();
    let mut past: Vec<Escalation> = readings(&mut conn, &ctx, now, None)
        .await?
        .into_iter()
        .filter_map(|(row, reading)| {
            let (clock, ratio, running, limit) = reading.worst();
            (ratio >= 1.0).then(|| {
                let level = level_reached(&ctx.levels, ratio);
                let notify = ctx.levels.iter().find(|l| l.level == level).map(|l| l.notify.clone());
                let notified = notify.as_deref().map(|n| whom(n, &row, &sponsor)).unwrap_or_default();
                let mut e = Escalation {
                    incident_id: row.id,
                    title: row.title,
                    department: row.department,
                    severity_class: row.class,
                    clock,
                    working_hours: reading.terms.working_hours,
                    limit_hours: hours(limit),
                    hours_over: hours(running - limit),
                    level,
                    notify,
                    notified,
                    pending: row.pending_since.is_some(),
                    draft: String::new(),
                };
                e.draft = draft(&e, lang);
                e
            })
        })
        .collect();
    past.sort_by(|a, b| b.level.cmp(&a.level).then(b.hours_over.total_cmp(&a.hours_over)).then(a.incident_id.cmp(&b.incident_id)));
    let total = past.len() as i64;
    past.truncate(limit as usize);
    Ok(Escalations { total, shown: past })
}

/// Writes down every level reached and not yet recorded: an `escalated` event per level with who
/// was told, and the incident's level. The shell runs it in the background and notifies the user
/// of what it returns.
pub async fn record(ws: &Workspace, now: i64) -> Result<Vec<Escalated>> {
    let mut tx = ws.write().await?;
    // The write lock is held from the start, so no level read here is recorded twice.
    let ctx = sla_terms::context(&mut tx).await?;
    let sponsor = settings::get(&mut *tx, SPONSOR_KEY).await?.unwrap_or_default();
    let mut done = Vec::new();
    for (row, reading) in readings(&mut tx, &ctx, now, None).await? {
        let (_, ratio, _, _) = reading.worst();
        let reached = level_reached(&ctx.levels, ratio);
        if reached <= row.escalation_level {
            continue;
        }
        for level in ctx.levels.iter().filter(|l| l.level > row.escalation_level && l.level <= reached) {
            let notified = whom(&level.notify, &row, &sponsor);
            let reason = format!("SLA × {}", level.multiple);
            let event = NewEvent {
                incident_id: row.id,
                kind: "escalated",
                source: "rule",
                to_department_id: row.department_id,
                reason: &reason,
                at: now,
                level: Some(level.level),
                notified: &notified,
                ..Default::default()
            };
            events::insert(&mut tx, &event).await?;
            done.push(Escalated { title: row.title.clone(), level: level.level, notified });
        }
        incidents::set_escalation_level(&mut tx, row.id, reached, now).await?;
    }
    tx.commit().await?;
    Ok(done)
}

/// An open incident's SLA clocks at `now`; none for a resolved incident or one without a class.
pub async fn status(ws: &Workspace, id: Id, now: i64) -> Result<Option<SlaStatus>> {
    let mut conn = ws.pool().acquire().await?;
    let ctx = sla_terms::context(&mut conn).await?;
    let Some((row, r)) = readings(&mut conn, &ctx, now, Some(id)).await?.into_iter().next() else { return Ok(None) };
    let hours_kind = r.terms.hours(&ctx.work);
    let pending = row.pending_since.is_some();
    let clock = |(running, limit): (i64, i64)| ClockState {
        limit_hours: hours(limit),
        running_hours: hours(running),
        due_at: (!pending && running < limit).then(|| hours_kind.add(now, limit - running)),
        breached: running >= limit,
    };
    let paused: i64 = r.pauses.iter().map(|&(from, to)| hours_kind.elapsed(from, to.unwrap_or(now))).sum();
    Ok(Some(SlaStatus {
        working_hours: r.terms.working_hours,
        claim: r.claim.map(clock),
        resolve: clock(r.resolve),
        pending_since: row.pending_since,
        pending_reason: row.pending_reason.clone(),
        paused_hours: hours(paused),
        level: row.escalation_level,
    }))
}

/// A short, helpful note to whoever the level tells: facts first, one clear ask.
fn draft(e: &Escalation, lang: Lang) -> String {
    let unit_zh = if e.working_hours { "工作小时" } else { "小时" };
    let unit_en = if e.working_hours { "working hours" } else { "hours" };
    match lang {
        Lang::ZhCn => {
            let what = match e.clock {
                SlaClock::Claim => "认领时限",
                SlaClock::Resolve => "处理时限",
            };
            format!(
                "{}您好：\n问题“{}”属于“{}”等级，{} {} {}，目前已超出 {} {}，仍未{}。\n能否请{}今天确认负责人和预计完成时间？需要数据或现场配合的话我这边随时支持。谢谢！",
                e.notified,
                e.title,
                e.severity_class,
                what,
                e.limit_hours,
                unit_zh,
                e.hours_over,
                unit_zh,
                if e.clock == SlaClock::Claim { "认领" } else { "关闭" },
                e.department.as_deref().unwrap_or("相关部门"),
            )
        }
        Lang::En => {
            let what = match e.clock {
                SlaClock::Claim => "to be claimed within",
                SlaClock::Resolve => "to be resolved within",
            };
            format!(
                "Hello {},\nThe incident “{}” is in the “{}” class, {} {} {}; it is now {} {} past that and still {}.\nCould {} confirm an owner and an expected fix date today? If data or on-site help would speed it up, I am glad to provide it. Thank you!",
                e.notified,
                e.title,
                e.severity_class,
                what,
                e.limit_hours,
                unit_en,
                e.hours_over,
                unit_en,
                if e.clock == SlaClock::Claim { "unclaimed" } else { "open" },
                e.department.as_deref().unwrap_or("your team"),
            )
        }
    }
}
