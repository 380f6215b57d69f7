//! What the director does with the cadence: calendar files for Outlook, Feishu or DingTalk
//! (RFC 5545), a drafted message per touchpoint, the weekly report, and the start page.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::lang::Lang;
use crate::error::Result;
use crate::repo::ledger_entries;
use crate::repo::milestones::{self, Milestone};
use crate::repo::project_metrics::{self, MetricDirection};
use crate::repo::projects;
use crate::repo::touchpoints;

pub use crate::repo::touchpoints::Touchpoint;
use crate::repo::weekly_reports;

pub use crate::repo::weekly_reports::WeeklyReport;
use crate::service::projects::{escalation_proposals, parse_day, EscalationProposal, DATE};
use crate::service::stakeholders::{self, ContactHealth};
use crate::{Id, Workspace};


/// A message to paste into mail or a chat app, filled from the project.
pub async fn draft(ws: &Workspace, touchpoint_id: Id, lang: Lang) -> Result<String> {
    let t = touchpoints::get(ws.pool(), touchpoint_id).await?;
    let project = projects::get(ws.pool(), t.project_id).await?.input;
    let ms = milestones::list_for(ws.pool(), t.project_id).await?;
    let current = ms.iter().find(|m| m.done_on.is_none());
    let who = t.counterpart_name.clone().unwrap_or_default();
    Ok(match lang {
        Lang::ZhCn => {
            let stage = current.map(|m| format!("目前在“{}”阶段（计划 {} 完成）。", m.name, m.ends_on)).unwrap_or_default();
            let goal = if project.goal.is_empty() { String::new() } else { format!("目标：{}。\n", project.goal) };
            format!("{who}您好：\n关于“{}”，{stage}\n{goal}这次想和您{}——{}。\n有需要我这边补充的数据或支持，随时告诉我。谢谢！", project.title, t.action, t.purpose)
        }
        Lang::En => {
            let stage = current.map(|m| format!("We are in the “{}” phase (planned to finish {}). ", m.name, m.ends_on)).unwrap_or_default();
            let goal = if project.goal.is_empty() { String::new() } else { format!("Goal: {}.\n", project.goal) };
            format!("Hello {who},\nAbout “{}”: {stage}\n{goal}I would like to {} — {}.\nIf any data or support from my side would help, just say. Thank you!", project.title, t.action.to_lowercase(), t.purpose.to_lowercase())
        }
    })
}

fn iso_week(day: NaiveDate) -> String {
    let w = day.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// A first draft of this week's report from the project's data; the director edits it.
pub async fn report_draft(ws: &Workspace, project_id: Id, today: &str, lang: Lang) -> Result<WeeklyReport> {
    let today_date = parse_day(today, "today")?;
    // Dates are compared as YYYY-MM-DD text, the form they are stored in.
    let day = |d: NaiveDate| d.format(DATE).to_string();
    let (today, week_ago, next_week) = (day(today_date), day(today_date - chrono::Days::new(7)), day(today_date + chrono::Days::new(7)));
    let zh = lang == Lang::ZhCn;
    let ms = milestones::list_for(ws.pool(), project_id).await?;
    let mut progress = Vec::new();
    for m in &ms {
        let line = match (&m.done_on, m.starts_on <= today) {
            (Some(done), _) if *done >= week_ago => Some(if zh { format!("完成“{}”", m.name) } else { format!("Finished “{}”", m.name) }),
            (None, true) => Some(if zh { format!("“{}”进行中，计划 {} 完成", m.name, m.ends_on) } else { format!("“{}” under way, due {}", m.name, m.ends_on) }),
            _ => None,
        };
        progress.extend(line);
    }
    let metrics = project_metrics::list_for(ws.pool(), project_id).await?;
    let readings = project_metrics::readings_for(ws.pool(), project_id).await?;
    let metric_lines: Vec<String> = metrics
        .iter()
        .filter_map(|m| {
            let own: Vec<_> = readings.iter().filter(|r| r.metric_id == m.id).collect();
            let latest = own.last()?;
            let before = own.iter().rev().find(|r| r.taken_on < week_ago).map_or(m.baseline, |r| r.value);
            let arrow = if (latest.value > before) == (m.direction == MetricDirection::Up) { "↑" } else { "↓" };
            Some(if zh {
                format!("{}：{} → {}{}（目标 {}{}）{arrow}", m.name, fmt(before), fmt(latest.value), m.unit, fmt(m.target), m.unit)
            } else {
                format!("{}: {} → {}{} (target {}{}) {arrow}", m.name, fmt(before), fmt(latest.value), m.unit, fmt(m.target), m.unit)
            })
        })
        .collect();
    let upcoming: Vec<String> = touchpoints::list_for(ws.pool(), project_id)
        .await?
        .into_iter()
        .filter(|t| t.state == "open" && t.due_on <= next_week)
        .map(|t| format!("{} {}", t.due_on, t.action))
        .chain(ms.iter().filter(|m| m.done_on.is_none() && m.starts_on > today && m.starts_on <= next_week).map(|m| if zh { format!("{} 启动“{}”", m.starts_on, m.name) } else { format!("{} start “{}”", m.starts_on, m.name) }))
        .collect();
    let all = milestones::list_all(ws.pool()).await?;
    let deps = milestones::dependencies(ws.pool()).await?;
    let risks: Vec<String> = at_risk(&ms, &all, &deps, &today).into_iter().map(|m| if zh { format!("“{}”计划 {} 完成，有延期风险", m.name, m.ends_on) } else { format!("“{}”, due {}, is at risk of slipping", m.name, m.ends_on) }).collect();
    let credits = credits_this_week(ws, project_id, today_date - chrono::Days::new(7), lang).await?;
    Ok(WeeklyReport {
        week: iso_week(today_date),
        progress: progress.join("\n"),
        metrics: metric_lines.join("\n"),
        next_week: upcoming.join("\n"),
        asks: String::new(),
        risks: risks.join("\n"),
        credits,
    })
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") }
}

/// Public credit given this week to the project's people, named (S1: two engineers credited).
async fn credits_this_week(ws: &Workspace, project_id: Id, since: NaiveDate, lang: Lang) -> Result<String> {
    let offset = crate::repo::settings::month_offset_seconds(ws.pool()).await?;
    let since_ms = (since.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp() - offset) * 1000;
    let rows = ledger_entries::credits_given_since(ws.pool(), project_id, since_ms).await?;
    Ok(rows
        .into_iter()
        .map(|(name, what, meeting)| if lang == Lang::ZhCn { format!("感谢{name}：{what}") } else { format!("Thanks to {name}: {what}") } + &if meeting.is_empty() { String::new() } else { format!("（{meeting}）") })
        .collect::<Vec<_>>()
        .join("\n"))
}

/// Not done and past its end, or waiting for an unfinished milestone (maybe of another project)
/// that ends after this one should start: slippage that will push it.
fn at_risk<'m>(ms: &'m [Milestone], all: &[Milestone], deps: &[(Id, Id)], today: &str) -> Vec<&'m Milestone> {
    let blocked = |m: &Milestone| {
        deps.iter()
            .filter(|(id, _)| *id == m.id)
            .filter_map(|(_, on)| all.iter().find(|o| o.id == *on))
            .any(|o| o.done_on.is_none() && o.ends_on > m.starts_on)
    };
    ms.iter().filter(|m| m.done_on.is_none() && (m.ends_on.as_str() < today || blocked(m))).collect()
}

pub fn report_text(title: &str, r: &WeeklyReport, lang: Lang) -> String {
    let sections: [(&str, &str, &str); 6] = [
        ("本周进展", "Progress", &r.progress),
        ("指标变化", "Metrics", &r.metrics),
        ("下周计划", "Next week", &r.next_week),
        ("需要支持", "Asks", &r.asks),
        ("风险", "Risks", &r.risks),
        ("致谢", "Credit", &r.credits),
    ];
    let mut out = if lang == Lang::ZhCn { format!("【{title}】周报 {}\n", r.week) } else { format!("{title} — weekly report {}\n", r.week) };
    for (zh, en, body) in sections {
        if body.trim().is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n{}\n", if lang == Lang::ZhCn { zh } else { en }, body.trim()));
    }
    out
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MilestoneAtRisk {
    pub milestone: Milestone,
    pub project_title: String,
}

/// The director's start page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Today {
    pub touchpoints: Vec<Touchpoint>,
    pub proposals: Vec<EscalationProposal>,
    pub not_contacted: Vec<ContactHealth>,
    pub milestones_at_risk: Vec<MilestoneAtRisk>,
}

pub async fn today(ws: &Workspace, today: &str, now_ms: i64) -> Result<Today> {
    let day = parse_day(today, "today")?;
    let mut conn = ws.pool().acquire().await?;
    let touchpoints = touchpoints::open_until(&mut *conn, today).await?;
    let proposals = escalation_proposals(&mut conn, day).await?;
    drop(conn);
    let not_contacted = stakeholders::contact_health(ws, now_ms).await?.into_iter().filter(|h| h.overdue).collect();
    let titles: std::collections::HashMap<Id, String> = projects::list(ws.pool()).await?.into_iter().map(|p| (p.id, p.input.title)).collect();
    let all = milestones::list_all(ws.pool()).await?;
    let deps = milestones::dependencies(ws.pool()).await?;
    let milestones_at_risk = at_risk(&all, &all, &deps, today)
        .into_iter()
        .map(|m| MilestoneAtRisk { project_title: titles.get(&m.project_id).cloned().unwrap_or_default(), milestone: m.clone() })
        .collect();
    Ok(Today { touchpoints, proposals, not_contacted, milestones_at_risk })
}

/// Touchpoints due by `today` that were never announced, each returned once and then marked: a
/// desktop notification shows once per touchpoint, also for what fell due while the app was closed.
pub async fn announce_due(ws: &Workspace, today: &str) -> Result<Vec<Touchpoint>> {
    parse_day(today, "today")?;
    let mut tx = ws.write().await?;
    let due = touchpoints::unannounced_until(&mut *tx, today).await?;
    for t in &due {
        touchpoints::mark_notified(&mut *tx, t.id).await?;
    }
    tx.commit().await?;
    Ok(due)
}

/// The open touchpoints of one project (all of its touchpoints), or of every project.
pub async fn touchpoints(ws: &Workspace, project_id: Id) -> Result<Vec<Touchpoint>> {
    touchpoints::list_for(ws.pool(), project_id).await
}

/// Saves the open touchpoints (of one project, or of all) as an .ics file at `path`.
pub async fn export_ics(ws: &Workspace, project_id: Option<Id>, path: &std::path::Path, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    let list = match project_id {
        Some(p) => touchpoints::list_for(ws.pool(), p).await?,
        None => touchpoints::open_until(ws.pool(), "9999-12-31").await?,
    };
    crate::export::calendar::write(path, &list, now)
}

pub async fn weekly_reports(ws: &Workspace, project_id: Id) -> Result<Vec<WeeklyReport>> {
    weekly_reports::list_for(ws.pool(), project_id).await
}

pub async fn save_weekly_report(ws: &Workspace, project_id: Id, report: &WeeklyReport) -> Result<()> {
    weekly_reports::save(ws.pool(), project_id, report).await
}

/// The report as plain text under the project's title, ready to paste.
pub async fn weekly_report_text(ws: &Workspace, project_id: Id, report: &WeeklyReport, lang: Lang) -> Result<String> {
    let project = projects::get(ws.pool(), project_id).await?;
    Ok(report_text(&project.input.title, report, lang))
}

/// [`announce_due`] for the day it is now in the workspace's time zone.
pub async fn announce_due_now(ws: &Workspace, now: chrono::DateTime<chrono::Utc>) -> Result<Vec<Touchpoint>> {
    let zone = crate::repo::settings::time_zone(ws.pool()).await?;
    announce_due(ws, &now.with_timezone(&zone).format(DATE).to_string()).await
}
