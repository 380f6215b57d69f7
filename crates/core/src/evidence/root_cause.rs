//! Level 4: the 5 Whys and the A/B store groups compared.

use sqlx::SqliteConnection;

use super::types::{with_problem, GroupRate, RootCause};
use crate::error::Result;
use crate::lang::Lang;
use crate::repo::incident_filter::IncidentFilter;
use crate::repo::incident_stats;
use crate::repo::problems::{self, Problem, StoreSet};

async fn group_rate(conn: &mut SqliteConnection, problem: &Problem, set: StoreSet, label: &str, span_weeks: i64, offset_s: i64) -> Result<Option<GroupRate>> {
    let stores = problems::stores_of(&mut *conn, problem.id, set).await?;
    if stores.is_empty() || span_weeks == 0 {
        return Ok(None);
    }
    let events = incident_stats::events_at(&mut *conn, problem.id, &stores, offset_s).await?;
    Ok(Some(GroupRate {
        label: label.to_owned(),
        stores: stores.len() as i64,
        events,
        rate: events as f64 / (stores.len() as f64 * span_weeks as f64),
        link: IncidentFilter { store_ids: stores, ..with_problem(problem.id) },
    }))
}

pub(super) async fn root_cause(conn: &mut SqliteConnection, problem: &Problem, span_weeks: i64, offset_s: i64, lang: Lang) -> Result<RootCause> {
    let p = &problem.input;
    let zh = lang == Lang::ZhCn;
    let label_a = if p.ab_label_a.is_empty() { if zh { "A 组" } else { "Group A" } } else { p.ab_label_a.as_str() };
    let label_b = if p.ab_label_b.is_empty() { if zh { "B 组" } else { "Group B" } } else { p.ab_label_b.as_str() };
    let group_a = group_rate(conn, problem, StoreSet::A, label_a, span_weeks, offset_s).await?;
    let group_b = group_rate(conn, problem, StoreSet::B, label_b, span_weeks, offset_s).await?;
    let difference = match (&group_a, &group_b) {
        (Some(a), Some(b)) => Some(a.rate - b.rate),
        _ => None,
    };
    let whys: Vec<String> = p.five_whys.iter().map(|w| w.trim().to_owned()).filter(|w| !w.is_empty()).collect();
    let why = match whys.last() {
        Some(root) if zh => format!("5 个为什么追到第 {} 层：{root}。", whys.len()),
        Some(root) => format!("The whys end at level {}: {root}.", whys.len()),
        None if zh => "还没有填写 5 个为什么。".to_owned(),
        None => "The 5 Whys are not written yet.".to_owned(),
    };
    let ab = match (&group_a, &group_b) {
        (Some(a), Some(b)) if zh => format!(" {} 每店每周 {:.2} 起，{} 每店每周 {:.2} 起，相差 {:.2}。", a.label, a.rate, b.label, b.rate, a.rate - b.rate),
        (Some(a), Some(b)) => format!(" {}: {:.2} events per store-week; {}: {:.2}; difference {:.2}.", a.label, a.rate, b.label, b.rate, a.rate - b.rate),
        _ => String::new(),
    };
    Ok(RootCause { whys, group_a, group_b, difference, sentence: format!("{why}{ab}") })
}
