//! The chain put together: the reads every level shares, then one step per level.

use std::collections::HashSet;

use sqlx::SqliteConnection;

use super::business_case::{business_case, validation};
use super::root_cause::root_cause;
use super::stats::{day_start_ms, least_squares, pct, round1, wait_stats};
use super::trend::{trend, weekly_series};
use super::launch::{self, Windows};
use super::types::{with_problem, Evidence, LaunchEffect, LaunchVerdict, Prevalence, Severity};
use super::wording::{self, money, not_enough};
use crate::error::Result;
use crate::lang::Lang;
use crate::repo::incident_filter::IncidentFilter;
use crate::repo::incident_stats::{self, Linked};
use crate::repo::problems::{self, StoreSet};
use crate::repo::project_problems;
use crate::{Id, Money, Workspace};

/// Computes the whole chain for one problem, sentences in `lang`.
pub async fn compute(ws: &Workspace, id: Id, lang: Lang) -> Result<Evidence> {
    let offset_s = crate::repo::settings::month_offset_seconds(ws.pool()).await?;
    let mut conn = ws.pool().acquire().await?;
    let problem = problems::get(&mut *conn, id).await?;
    let scope = problems::stores_of(&mut *conn, id, StoreSet::Scope).await?;

    let linked = incident_stats::linked(&mut conn, id, offset_s).await?;
    let cost = Money::from_fen(linked.cost);
    let events: i64 = linked.days.iter().map(|d| d.1).sum();
    let weekly = weekly_series(&linked.days, id, offset_s);
    let span_weeks = weekly.len() as i64;

    let prevalence = prevalence(&mut conn, id, &linked, scope, events, span_weeks, lang).await?;
    let severity = severity(&mut conn, id, &linked, cost, lang).await?;
    // One least-squares line serves the projection and the "if not fixed" scenario.
    let line = least_squares(&weekly.iter().map(|w| w.events as f64).collect::<Vec<_>>());
    let trend = trend(&problem, &linked.days, weekly, line, offset_s, lang);
    let root_cause = root_cause(&mut conn, &problem, span_weeks, offset_s, lang).await?;
    let launch = launch_effect(&mut conn, id, offset_s, lang).await?;
    let validation = validation(&problem.input, launch, lang);
    let business_case = business_case(&problem, &trend, line, events, cost, lang);
    Ok(Evidence { problem_id: id, incidents: linked.count, prevalence, severity, trend, root_cause, validation, business_case })
}

/// Prevalence, against the chosen stores (`scope`) or all those in operation.
async fn prevalence(conn: &mut SqliteConnection, id: Id, linked: &Linked, scope: Vec<Id>, events: i64, span_weeks: i64, lang: Lang) -> Result<Prevalence> {
    let zh = lang == Lang::ZhCn;
    let count = linked.count;
    // Distinct customer references, each incident without one counted as a customer of its own.
    let refs = incident_stats::customer_refs(&mut *conn, id).await?;
    let customers = refs.distinct + (count - refs.incidents);

    let scope_set: HashSet<Id> = scope.iter().copied().collect();
    let stores_affected = linked.stores.iter().filter(|s| scope_set.is_empty() || scope_set.contains(s)).count() as i64;
    let stores_total = if scope.is_empty() { incident_stats::stores_in_operation(&mut *conn).await? } else { scope.len() as i64 };
    let store_share_pct = pct(stores_affected as f64, stores_total as f64);
    let events_per_week = (span_weeks > 0).then(|| events as f64 / span_weeks as f64);
    let prevalence_sentence = match (count, store_share_pct, events_per_week) {
        (0, _, _) => not_enough(lang),
        (_, Some(share), Some(epw)) if zh => format!(
            "{stores_affected} / {stores_total} 家门店（{share:.0}%）出现该问题，{span_weeks} 周内影响 {customers} 位客户，平均每周 {} 起。",
            round1(epw)
        ),
        (_, Some(share), Some(epw)) => format!(
            "{stores_affected} of {stores_total} stores ({share:.0}%) were hit; {customers} customers affected in {span_weeks} weeks; about {} events a week.",
            round1(epw)
        ),
        _ if zh => "门店表为空，无法计算覆盖比例。".to_owned(),
        _ => "The stores table is empty: no share of stores can be computed.".to_owned(),
    };
    Ok(Prevalence {
        stores_affected,
        stores_total,
        store_share_pct,
        customers,
        events,
        weeks: span_weeks,
        events_per_week,
        sentence: prevalence_sentence,
        link: IncidentFilter { store_ids: scope, ..with_problem(id) },
    })
}

/// Severity: the 90th percentile by nearest rank.
async fn severity(conn: &mut SqliteConnection, id: Id, linked: &Linked, cost: Money, lang: Lang) -> Result<Severity> {
    let zh = lang == Lang::ZhCn;
    let (count, complaints) = (linked.count, linked.complaints);
    let waits = wait_stats(&linked.waits);
    let mean_wait = (waits.count > 0).then(|| waits.sum as f64 / waits.count as f64);
    let worst_wait = waits.worst.map(|w| w.0);
    let p90 = waits.p90;
    let worst_incident_id = waits.worst.map(|w| w.1);
    let all_complaints: i64 = match (linked.first, linked.last) {
        (Some(f), Some(l)) => incident_stats::complaints_opened_between(&mut *conn, f, l).await?,
        _ => 0,
    };
    let complaint_share_pct = pct(complaints as f64, all_complaints as f64);
    let severity_sentence = match (mean_wait, worst_wait) {
        _ if count == 0 => not_enough(lang),
        (Some(mean), Some(worst)) if zh => format!(
            "平均额外等待 {} 分钟（90% 分位 {} 分钟），最长 {worst} 分钟；涉及成本 {}；{}。",
            round1(mean),
            p90.unwrap_or(worst),
            money(cost, lang),
            complaint_share_pct.map_or("同期没有投诉记录".to_owned(), |s| format!("占同期全部投诉的 {s:.0}%"))
        ),
        (Some(mean), Some(worst)) => format!(
            "{} minutes of extra wait on average (90th percentile {} min), {worst} min at worst; cost {}; {}.",
            round1(mean),
            p90.unwrap_or(worst),
            money(cost, lang),
            complaint_share_pct.map_or("no complaints recorded in the period".to_owned(), |s| format!("{s:.0}% of all complaints in the period"))
        ),
        _ if zh => format!("关联记录没有等待时长；涉及成本 {}。", money(cost, lang)),
        _ => format!("The linked incidents carry no wait times; cost {}.", money(cost, lang)),
    };
    Ok(Severity {
        mean_wait_minutes: mean_wait.map(round1),
        p90_wait_minutes: p90,
        worst_wait_minutes: worst_wait,
        worst_incident_id,
        cost,
        complaints,
        all_complaints,
        complaint_share_pct,
        sentence: severity_sentence,
        link_complaints: IncidentFilter { complaint: Some(true), ..with_problem(id) },
    })
}

/// The rate before and after the first linked project's launch (level 5 from the data).
async fn launch_effect(conn: &mut SqliteConnection, id: Id, offset_s: i64, lang: Lang) -> Result<Option<LaunchEffect>> {
    let Some(project) = project_problems::projects_of(&mut *conn, id).await?.into_iter().find(|p| p.launch_on.is_some()) else {
        return Ok(None);
    };
    let launch_on = project.launch_on.clone().unwrap_or_default();
    let Some(launch_day) = chrono::NaiveDate::parse_from_str(&launch_on, "%Y-%m-%d").ok().map(day_number) else {
        return Ok(None);
    };
    let today = (crate::time::now_ms().div_euclid(1000) + offset_s).div_euclid(86_400);
    let mut effect = LaunchEffect {
        project_id: project.project_id,
        project_title: project.title,
        launch_on,
        days: 0,
        before: 0,
        after: 0,
        stores: None,
        by_pattern: false,
        rate_ratio: None,
        ratio_low: None,
        ratio_high: None,
        verdict: LaunchVerdict::NotLaunched,
        sentence: String::new(),
    };
    let Some(w) = Windows::new(launch_day, today) else {
        effect.sentence = match lang {
            Lang::ZhCn => format!("「{}」计划 {} 上线，上线后开始比较前后发生率。", effect.project_title, effect.launch_on),
            Lang::En => format!("“{}” launches on {}; the rates before and after are compared from then.", effect.project_title, effect.launch_on),
        };
        return Ok(Some(effect));
    };
    let pattern = problems::pattern_of(&mut *conn, id).await?;
    effect.by_pattern = pattern.is_some();
    let filter = pattern.unwrap_or_else(|| IncidentFilter { problem_id: Some(id), ..Default::default() });
    let ms = |day: i64| day_start_ms(day, offset_s);
    let first_day = wording::date(ms(w.before_from), offset_s);
    let last_day = wording::date(ms(w.after_to - 1), offset_s);
    let counts = incident_stats::before_after(conn, &filter, id, (ms(w.before_from), ms(w.launch), ms(w.after_to)), (&first_day, &last_day), offset_s).await?;
    let rr = launch::rate_ratio(counts.before, counts.after);
    let verdict = launch::verdict(w.days(), counts.before, counts.after, rr.as_ref());
    effect.sentence = launch::sentence(lang, &effect.launch_on, w.days(), counts.before, counts.after, rr.as_ref(), verdict);
    Ok(Some(LaunchEffect {
        days: w.days(),
        before: counts.before,
        after: counts.after,
        stores: counts.stores,
        rate_ratio: rr.map(|r| r.ratio).filter(|r| r.is_finite()),
        ratio_low: rr.map(|r| r.low),
        ratio_high: rr.map(|r| r.high).filter(|r| r.is_finite()),
        verdict: match verdict {
            launch::Verdict::Validated => LaunchVerdict::Validated,
            launch::Verdict::NotYetSure => LaunchVerdict::NotYetSure,
            launch::Verdict::NoDrop => LaunchVerdict::NoDrop,
            launch::Verdict::NotEnoughData => LaunchVerdict::NotEnoughData,
        },
        ..effect
    }))
}

/// Days since 1970-01-01, the numbering the chain's local days use.
fn day_number(d: chrono::NaiveDate) -> i64 {
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days()
}
