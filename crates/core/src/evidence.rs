//! The five-level evidence chain of a systemic problem, computed from its linked incidents and
//! the stores table, and its business case. Every computed figure carries the incident filter
//! that shows the incidents behind it; figures the director entered are kept apart and marked.
//!
//! An *event* is one store on one day with at least one linked incident: an overload that kept
//! twenty customers waiting is one event affecting twenty customers (S4).

use std::collections::HashSet;

use serde::Serialize;
use sqlx::AssertSqlSafe;

use crate::lang::Lang;
use crate::error::Result;
use crate::repo::incident_filter::IncidentFilter;
use crate::repo::problems::{self, Problem, StoreSet};
use crate::{Id, Money, Workspace};

const DAY_MS: i64 = 86_400_000;
const WEEK_MS: i64 = 7 * DAY_MS;
/// "If not fixed, in 3 months".
const QUARTER_WEEKS: i64 = 13;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Prevalence {
    pub stores_affected: i64,
    pub stores_total: i64,
    pub store_share_pct: Option<f64>,
    /// Distinct customer references; incidents without one count as one customer each.
    pub customers: i64,
    pub events: i64,
    pub weeks: i64,
    pub events_per_week: Option<f64>,
    pub sentence: String,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Severity {
    pub mean_wait_minutes: Option<f64>,
    pub p90_wait_minutes: Option<i64>,
    pub worst_wait_minutes: Option<i64>,
    pub worst_incident_id: Option<Id>,
    pub cost: Money,
    pub complaints: i64,
    /// Complaints of every kind opened in the same span.
    pub all_complaints: i64,
    pub complaint_share_pct: Option<f64>,
    pub sentence: String,
    pub link_complaints: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    /// Monday 00:00 in the workspace zone, as UTC milliseconds.
    pub week_start: i64,
    pub events: i64,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PeriodRate {
    pub from: i64,
    pub to: i64,
    pub events: i64,
    pub per_week: f64,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    pub weeks_ahead: i32,
    pub week_start: i64,
    pub events_per_week: f64,
    pub slope_per_week: f64,
    /// How it was projected, named for the reader: a least-squares line over the weekly counts.
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    pub weeks: Vec<WeekCount>,
    pub period_a: Option<PeriodRate>,
    pub period_b: Option<PeriodRate>,
    pub change_pct: Option<f64>,
    pub projection: Option<Projection>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GroupRate {
    pub label: String,
    pub stores: i64,
    pub events: i64,
    /// Events per store per week over the problem's span.
    pub rate: f64,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RootCause {
    pub whys: Vec<String>,
    pub group_a: Option<GroupRate>,
    pub group_b: Option<GroupRate>,
    /// a − b, events per store-week.
    pub difference: Option<f64>,
    pub sentence: String,
}

/// Entered by the director, shown as entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Validation {
    pub nps_before: Option<f64>,
    pub nps_after: Option<f64>,
    pub pilot_rate_before: Option<f64>,
    pub pilot_rate_after: Option<f64>,
    /// From the two entered pilot rates.
    pub pilot_change_pct: Option<f64>,
    pub pilot_note: String,
    pub competitor_notes: String,
    pub fix_cost: Option<Money>,
    pub fix_effort: String,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IfNotFixed {
    pub weeks: i32,
    pub events_per_week_then: f64,
    pub events: f64,
    pub extra_cost: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BusinessCase {
    pub revenue_loss: Option<Money>,
    pub revenue_loss_entered: bool,
    pub cost_per_year: Option<Money>,
    pub strategic_impact: String,
    pub nps_change: Option<f64>,
    pub investment: Option<Money>,
    /// (avoided loss + saved cost) / investment.
    pub roi: Option<f64>,
    pub if_not_fixed: Option<IfNotFixed>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub problem_id: Id,
    pub incidents: i64,
    pub prevalence: Prevalence,
    pub severity: Severity,
    pub trend: Trend,
    pub root_cause: RootCause,
    pub validation: Validation,
    pub business_case: BusinessCase,
}

/// What the chain needs of a problem's live linked incidents, counted by SQLite from the copy
/// each link keeps (migration 0007) so that only totals cross into Rust: decoding one row per
/// incident cost more than all the counting (0.17 s of 0.24 s at 111,000 incidents).
struct Linked {
    count: i64,
    cost: i64,
    complaints: i64,
    first: Option<i64>,
    last: Option<i64>,
    /// The wait distribution: (minutes, incidents with that wait, lowest such incident id), by wait.
    waits: Vec<(i64, i64, Id)>,
    /// Events per local day, in day order.
    days: Vec<(i64, i64)>,
    /// The distinct stores of the incidents.
    stores: Vec<Id>,
}

/// The local day number (since 1970-01-01) of `opened_at`, as `(opened_at / 1000 + offset).div_euclid(86400)`
/// computes it: SQLite's `/` and `%` truncate like Rust's, the second `%` makes the remainder Euclidean.
/// `?2` is the zone offset in seconds.
const LOCAL_DAY: &str = "((opened_at / 1000 + ?2) - (((opened_at / 1000 + ?2) % 86400) + 86400) % 86400) / 86400";

async fn load(conn: &mut sqlx::SqliteConnection, id: Id, offset_s: i64) -> Result<Linked> {
    let (count, cost, complaints, first, last): (i64, i64, i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT count(*), coalesce(sum(cost_fen), 0), coalesce(sum(complaint <> 0), 0), min(opened_at), max(opened_at)
         FROM problem_incidents WHERE problem_id = ? AND live = 1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    // In wait order straight from the index problem_incidents_wait (migration 0010).
    let waits = sqlx::query_as(
        "SELECT wait_minutes, count(*), min(incident_id) FROM problem_incidents
         WHERE problem_id = ? AND live = 1 AND wait_minutes IS NOT NULL GROUP BY wait_minutes ORDER BY wait_minutes",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    // An event is one store on one day; an incident without a store is an event of its own.
    let days = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT d, count(*) FROM (
             SELECT DISTINCT store_id, {LOCAL_DAY} AS d FROM problem_incidents WHERE problem_id = ?1 AND live = 1 AND store_id IS NOT NULL
             UNION ALL
             SELECT NULL, {LOCAL_DAY} FROM problem_incidents WHERE problem_id = ?1 AND live = 1 AND store_id IS NULL)
         GROUP BY d ORDER BY d"
    )))
    .bind(id)
    .bind(offset_s)
    .fetch_all(&mut *conn)
    .await?;
    let stores = sqlx::query_scalar("SELECT DISTINCT store_id FROM problem_incidents WHERE problem_id = ? AND live = 1 AND store_id IS NOT NULL")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Linked { count, cost, complaints, first, last, waits, days, stores })
}

/// Events (store-days) at the given stores.
async fn events_at(conn: &mut sqlx::SqliteConnection, id: Id, stores: &[Id], offset_s: i64) -> Result<i64> {
    // ?1 and ?2 are the problem and the offset; the stores follow as ?3, ?4, …
    let list = (3..stores.len() + 3).map(|n| format!("?{n}")).collect::<Vec<_>>().join(", ");
    let mut query = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT count(*) FROM (SELECT DISTINCT store_id, {LOCAL_DAY} FROM problem_incidents
         WHERE problem_id = ?1 AND live = 1 AND store_id IN ({list}))"
    )))
    .bind(id)
    .bind(offset_s);
    for s in stores {
        query = query.bind(*s);
    }
    Ok(query.fetch_one(&mut *conn).await?)
}

/// Count, sum, 90th percentile (nearest rank), worst and the lowest incident id with the worst,
/// from the wait distribution.
struct WaitStats {
    count: i64,
    sum: i64,
    p90: Option<i64>,
    worst: Option<(i64, Id)>,
}

fn wait_stats(waits: &[(i64, i64, Id)]) -> WaitStats {
    let count: i64 = waits.iter().map(|w| w.1).sum();
    let sum = waits.iter().map(|w| w.0 * w.1).sum();
    let rank = ((count as f64 * 0.9).ceil() as i64).max(1);
    let mut seen = 0;
    let p90 = waits.iter().find(|w| {
        seen += w.1;
        seen >= rank
    });
    WaitStats { count, sum, p90: p90.map(|w| w.0), worst: waits.last().map(|w| (w.0, w.2)) }
}

/// Monday-based week number of a day number (1970-01-01 was a Thursday).
fn week_of(day: i64) -> i64 {
    (day + 3).div_euclid(7)
}

fn day_start_ms(day: i64, offset_s: i64) -> i64 {
    day * DAY_MS - offset_s * 1000
}

fn week_start_ms(week: i64, offset_s: i64) -> i64 {
    day_start_ms(week * 7 - 3, offset_s)
}

fn pct(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0 && part.is_finite()).then(|| part / whole * 100.0)
}

/// Least-squares line y = a + b·x over x = 0..n; None below two points.
fn least_squares(ys: &[f64]) -> Option<(f64, f64)> {
    let n = ys.len() as f64;
    if ys.len() < 2 {
        return None;
    }
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (x, y) in ys.iter().enumerate() {
        let dx = x as f64 - mean_x;
        sxy += dx * (y - mean_y);
        sxx += dx * dx;
    }
    let slope = sxy / sxx;
    Some((mean_y - slope * mean_x, slope))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn with_problem(id: Id) -> IncidentFilter {
    IncidentFilter { problem_id: Some(id), ..Default::default() }
}

fn money(m: Money, lang: Lang) -> String {
    if lang == Lang::ZhCn { m.format_zh() } else { m.format_en() }
}

fn date(ms: i64, offset_s: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms + offset_s * 1000).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// Computes the whole chain for one problem, sentences in `lang`.
pub async fn compute(ws: &Workspace, id: Id, lang: Lang) -> Result<Evidence> {
    let offset_s = crate::repo::settings::month_offset_seconds(ws.pool()).await?;
    let mut conn = ws.pool().acquire().await?;
    let problem = problems::get(&mut *conn, id).await?;
    let scope = problems::stores_of(&mut *conn, id, StoreSet::Scope).await?;
    let zh = lang == Lang::ZhCn;

    let linked = load(&mut conn, id, offset_s).await?;
    let count = linked.count;
    // Distinct customer references, each incident without one counted as a customer of its own;
    // the non-empty ones (`> ''`: the column is NOT NULL text) come distinct from the index.
    let (distinct_customers, with_customer): (i64, i64) = sqlx::query_as(
        "SELECT count(DISTINCT customer_ref), count(*) FROM problem_incidents WHERE problem_id = ? AND live = 1 AND customer_ref > ''",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let customers = distinct_customers + (count - with_customer);
    let waits = wait_stats(&linked.waits);
    let mean_wait = (waits.count > 0).then(|| waits.sum as f64 / waits.count as f64);
    let worst_wait = waits.worst.map(|w| w.0);
    let cost = Money::from_fen(linked.cost);
    let complaints = linked.complaints;
    let (first, last) = (linked.first, linked.last);

    let days = linked.days;
    let events: i64 = days.iter().map(|d| d.1).sum();
    let weekly = weekly_series(&days, id, offset_s);
    let span_weeks = weekly.len() as i64;

    // Prevalence, against the chosen stores or all of them.
    let scope_set: HashSet<Id> = scope.iter().copied().collect();
    let stores_affected = linked.stores.iter().filter(|s| scope_set.is_empty() || scope_set.contains(s)).count() as i64;
    let stores_total = if scope.is_empty() { crate::repo::count_live(&mut *conn, "stores").await? } else { scope.len() as i64 };
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
    let prevalence = Prevalence {
        stores_affected,
        stores_total,
        store_share_pct,
        customers,
        events,
        weeks: span_weeks,
        events_per_week,
        sentence: prevalence_sentence,
        link: IncidentFilter { store_ids: scope.clone(), ..with_problem(id) },
    };

    // Severity: the 90th percentile by nearest rank.
    let p90 = waits.p90;
    let worst_incident_id = waits.worst.map(|w| w.1);
    let all_complaints: i64 = match (first, last) {
        (Some(f), Some(l)) => sqlx::query_scalar("SELECT count(*) FROM incidents WHERE deleted_at IS NULL AND complaint = 1 AND opened_at BETWEEN ? AND ?")
            .bind(f)
            .bind(l)
            .fetch_one(&mut *conn)
            .await?,
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
    let severity = Severity {
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
    };

    // One least-squares line serves the projection and the "if not fixed" scenario.
    let line = least_squares(&weekly.iter().map(|w| w.events as f64).collect::<Vec<_>>());
    let trend = trend(&problem, &days, weekly, line, offset_s, lang);
    let root_cause = root_cause(&mut conn, &problem, span_weeks, offset_s, lang).await?;
    let validation = validation(&problem.input, lang);
    let business_case = business_case(&problem, &trend, line, events, cost, lang);
    Ok(Evidence { problem_id: id, incidents: count, prevalence, severity, trend, root_cause, validation, business_case })
}

fn not_enough(lang: Lang) -> String {
    match lang {
        Lang::ZhCn => "还没有关联的问题记录，数据不足，无法计算。".to_owned(),
        Lang::En => "No incidents are linked yet: not enough data to compute this.".to_owned(),
    }
}

/// Every week from the first event to the last, empty weeks included.
fn weekly_series(days: &[(i64, i64)], id: Id, offset_s: i64) -> Vec<WeekCount> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else { return Vec::new() };
    let (w0, w1) = (week_of(first.0), week_of(last.0));
    let mut counts = vec![0i64; (w1 - w0 + 1) as usize];
    for (day, n) in days {
        counts[(week_of(*day) - w0) as usize] += n;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, events)| {
            let start = week_start_ms(w0 + i as i64, offset_s);
            WeekCount { week_start: start, events, link: IncidentFilter { opened_from: Some(start), opened_to: Some(start + WEEK_MS), ..with_problem(id) } }
        })
        .collect()
}

fn period_rate(days: &[(i64, i64)], id: Id, from: i64, to: i64, offset_s: i64) -> Option<PeriodRate> {
    let length_weeks = (to - from) as f64 / WEEK_MS as f64;
    if length_weeks <= 0.0 {
        return None;
    }
    let events = days.iter().filter(|(d, _)| (from..to).contains(&day_start_ms(*d, offset_s))).map(|d| d.1).sum();
    Some(PeriodRate { from, to, events, per_week: events as f64 / length_weeks, link: IncidentFilter { opened_from: Some(from), opened_to: Some(to), ..with_problem(id) } })
}

fn trend(problem: &Problem, days: &[(i64, i64)], weeks: Vec<WeekCount>, line: Option<(f64, f64)>, offset_s: i64, lang: Lang) -> Trend {
    let p = &problem.input;
    let zh = lang == Lang::ZhCn;
    // Without chosen periods: the first four weeks against the last four, once there are eight.
    let (a, b) = match (p.period_a_from, p.period_a_to, p.period_b_from, p.period_b_to) {
        (Some(af), Some(at), Some(bf), Some(bt)) => (Some((af, at)), Some((bf, bt))),
        _ if weeks.len() >= 8 => {
            let first = weeks[0].week_start;
            let last = weeks[weeks.len() - 4].week_start;
            (Some((first, first + 4 * WEEK_MS)), Some((last, last + 4 * WEEK_MS)))
        }
        _ => (None, None),
    };
    let period_a = a.and_then(|(f, t)| period_rate(days, problem.id, f, t, offset_s));
    let period_b = b.and_then(|(f, t)| period_rate(days, problem.id, f, t, offset_s));
    let change_pct = match (&period_a, &period_b) {
        (Some(a), Some(b)) => pct(b.per_week - a.per_week, a.per_week),
        _ => None,
    };
    let ahead = p.projection_weeks.max(1);
    let projection = line.map(|(intercept, slope)| {
        let x = (weeks.len() - 1) as f64 + f64::from(ahead);
        Projection {
            weeks_ahead: ahead,
            week_start: weeks.last().map_or(0, |w| w.week_start) + i64::from(ahead) * WEEK_MS,
            events_per_week: round1((intercept + slope * x).max(0.0)),
            slope_per_week: (slope * 100.0).round() / 100.0,
            method: if zh { format!("最小二乘直线（{} 周数据）", weeks.len()) } else { format!("least-squares line over {} weekly counts", weeks.len()) },
        }
    });
    let sentence = match (&projection, &period_a, &period_b) {
        (None, _, _) if weeks.is_empty() => not_enough(lang),
        (None, _, _) if zh => "只有一周的数据，还看不出趋势。".to_owned(),
        (None, _, _) => "Only one week of data: no trend yet.".to_owned(),
        (Some(proj), a, b) => {
            let change = match (a, b, change_pct) {
                (Some(a), Some(b), Some(c)) if zh => format!(
                    "从 {} 起的每周 {} 起变为 {} 起的每周 {} 起（{:+.0}%）；",
                    date(a.from, offset_s), round1(a.per_week), date(b.from, offset_s), round1(b.per_week), c
                ),
                (Some(a), Some(b), Some(c)) => format!(
                    "From {} a week (from {}) to {} a week (from {}), {:+.0}%; ",
                    round1(a.per_week), date(a.from, offset_s), round1(b.per_week), date(b.from, offset_s), c
                ),
                (Some(_), Some(_), None) if zh => "对比的第一个时段没有发生，无法算变化百分比；".to_owned(),
                (Some(_), Some(_), None) => "The first period had no events, so no percentage change; ".to_owned(),
                _ => String::new(),
            };
            if zh {
                format!("{change}按{}外推，{} 周后约每周 {} 起。", proj.method, proj.weeks_ahead, proj.events_per_week)
            } else {
                let lead = if change.is_empty() { "Projected" } else { "projected" };
                format!("{change}{lead} by a {}, about {} a week in {} weeks.", proj.method, proj.events_per_week, proj.weeks_ahead)
            }
        }
    };
    Trend { weeks, period_a, period_b, change_pct, projection, sentence }
}

async fn group_rate(conn: &mut sqlx::SqliteConnection, problem: &Problem, set: StoreSet, label: &str, span_weeks: i64, offset_s: i64) -> Result<Option<GroupRate>> {
    let stores = problems::stores_of(&mut *conn, problem.id, set).await?;
    if stores.is_empty() || span_weeks == 0 {
        return Ok(None);
    }
    let events = events_at(&mut *conn, problem.id, &stores, offset_s).await?;
    Ok(Some(GroupRate {
        label: label.to_owned(),
        stores: stores.len() as i64,
        events,
        rate: events as f64 / (stores.len() as f64 * span_weeks as f64),
        link: IncidentFilter { store_ids: stores, ..with_problem(problem.id) },
    }))
}

async fn root_cause(conn: &mut sqlx::SqliteConnection, problem: &Problem, span_weeks: i64, offset_s: i64, lang: Lang) -> Result<RootCause> {
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

fn validation(p: &problems::ProblemInput, lang: Lang) -> Validation {
    let zh = lang == Lang::ZhCn;
    let pilot_change_pct = match (p.pilot_rate_before, p.pilot_rate_after) {
        (Some(before), Some(after)) => pct(after - before, before),
        _ => None,
    };
    let mut parts = Vec::new();
    if let Some(c) = pilot_change_pct {
        parts.push(if zh { format!("试点前后发生率变化 {c:+.0}%（录入）") } else { format!("pilot changed the rate by {c:+.0}% (entered)") });
    }
    if !p.competitor_notes.trim().is_empty() {
        parts.push(if zh { format!("竞品：{}", p.competitor_notes.trim()) } else { format!("competitors: {}", p.competitor_notes.trim()) });
    }
    if let Some(cost) = p.fix_cost {
        let effort = if p.fix_effort.trim().is_empty() { String::new() } else { format!("（{}）", p.fix_effort.trim()) };
        parts.push(if zh { format!("修复成本 {}{effort}", money(cost, lang)) } else { format!("fix cost {}{effort}", money(cost, lang)) });
    }
    let sentence = if parts.is_empty() {
        if zh { "还没有录入试点、竞品或修复成本。".to_owned() } else { "No pilot, competitor or fix-cost evidence entered yet.".to_owned() }
    } else {
        let sep = if zh { "；" } else { "; " };
        format!("{}{}", parts.join(sep), if zh { "。" } else { "." })
    };
    Validation {
        nps_before: p.nps_before,
        nps_after: p.nps_after,
        pilot_rate_before: p.pilot_rate_before,
        pilot_rate_after: p.pilot_rate_after,
        pilot_change_pct,
        pilot_note: p.pilot_note.clone(),
        competitor_notes: p.competitor_notes.clone(),
        fix_cost: p.fix_cost,
        fix_effort: p.fix_effort.clone(),
        sentence,
    }
}

/// ROI = (avoided loss + saved cost) / investment; what fixing avoids is the yearly loss.
pub fn roi(revenue_loss: Option<Money>, cost_per_year: Option<Money>, investment: Option<Money>) -> Option<f64> {
    let investment = investment.filter(|i| i.fen() > 0)?;
    let gain = revenue_loss.map_or(0, Money::fen) as f64 + cost_per_year.map_or(0, Money::fen) as f64;
    (revenue_loss.is_some() || cost_per_year.is_some()).then(|| gain / investment.fen() as f64)
}

fn business_case(problem: &Problem, trend: &Trend, line: Option<(f64, f64)>, events: i64, cost: Money, lang: Lang) -> BusinessCase {
    let p = &problem.input;
    let zh = lang == Lang::ZhCn;
    let (revenue_loss, revenue_loss_entered) = match (p.revenue_loss, p.lost_customers, p.customer_value) {
        (Some(r), _, _) => (Some(r), true),
        (None, Some(n), Some(v)) => (v.fen().checked_mul(n).map(Money::from_fen), false),
        _ => (None, false),
    };
    let cost_per_year = p.cost_per_month.and_then(|m| m.fen().checked_mul(12)).map(Money::from_fen);
    let roi = roi(revenue_loss, cost_per_year, p.investment);
    // If not fixed: the projected line over the next quarter, each event costing what they cost so far.
    let if_not_fixed = line.map(|(a, b)| {
        let last = (trend.weeks.len() - 1) as f64;
        let ahead: Vec<f64> = (1..=QUARTER_WEEKS).map(|k| (a + b * (last + k as f64)).max(0.0)).collect();
        let total: f64 = ahead.iter().sum();
        let per_event = if events > 0 { cost.fen() as f64 / events as f64 } else { 0.0 };
        IfNotFixed {
            weeks: QUARTER_WEEKS as i32,
            events_per_week_then: round1(*ahead.last().unwrap_or(&0.0)),
            events: total.round(),
            extra_cost: Money::from_fen((total * per_event).round() as i64),
        }
    });
    let nps_change = p.nps_before.zip(p.nps_after).map(|(b, a)| a - b);
    let mut parts = Vec::new();
    if let Some(r) = revenue_loss {
        parts.push(if zh { format!("收入损失 {}", money(r, lang)) } else { format!("revenue loss {}", money(r, lang)) });
    }
    if let Some(c) = cost_per_year {
        parts.push(if zh { format!("每年成本增加 {}", money(c, lang)) } else { format!("extra cost {} a year", money(c, lang)) });
    }
    let impact = if parts.is_empty() {
        if zh { "还没有录入收入损失或成本增加".to_owned() } else { "no revenue loss or cost increase entered yet".to_owned() }
    } else {
        parts.join(if zh { "，" } else { ", " })
    };
    let roi_text = match (roi, p.investment) {
        (Some(r), Some(i)) if zh => format!("投资 {}，ROI ≈ {:.0} 倍", money(i, lang), r),
        (Some(r), Some(i)) => format!("investment {}, ROI ≈ {:.0}×", money(i, lang), r),
        _ if zh => "投资为 0 或未填写，无法计算 ROI".to_owned(),
        _ => "no investment entered (or zero): ROI cannot be computed".to_owned(),
    };
    let later = match &if_not_fixed {
        Some(f) if zh => format!("；若不解决，3 个月后约每周 {} 起，这 3 个月预计新增成本 {}", f.events_per_week_then, money(f.extra_cost, lang)),
        Some(f) => format!("; if not fixed, about {} a week in 3 months and {} more cost over them", f.events_per_week_then, money(f.extra_cost, lang)),
        None => String::new(),
    };
    let sentence = if zh { format!("{impact}；{roi_text}{later}。") } else { format!("{impact}; {roi_text}{later}.") };
    BusinessCase {
        revenue_loss,
        revenue_loss_entered,
        cost_per_year,
        strategic_impact: p.strategic_impact.clone(),
        nps_change,
        investment: p.investment,
        roi,
        if_not_fixed,
        sentence,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn s3_roi_is_about_118_times() {
        let r = roi(Some(Money::from_yuan(700_000_000)), Some(Money::from_yuan(800_000 * 12)), Some(Money::from_yuan(6_000_000))).unwrap();
        assert_eq!(format!("{r:.0}"), "118");
        assert!((r - 118.27).abs() < 0.01);
        assert_eq!(roi(Some(Money::from_yuan(1)), None, Some(Money::ZERO)), None, "zero investment: no ROI, no infinity");
        assert_eq!(roi(None, None, Some(Money::from_yuan(1))), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2024-04-01 was a Monday: day 19814.
        assert_eq!(week_of(19814), week_of(19820));
        assert_ne!(week_of(19814), week_of(19813));
        assert_eq!(date(week_start_ms(week_of(19816), 8 * 3600), 8 * 3600), "2024-04-01");
    }

    /// The wait figures from the distribution SQLite returns equal those of the sorted list of
    /// every wait (nearest-rank 90th percentile, lowest incident id among the worst).
    #[test]
    fn wait_stats_from_the_distribution_equal_those_of_the_sorted_waits() {
        let mut state: u64 = 7;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as i64
        };
        for n in [1usize, 2, 3, 9, 10, 11, 19, 20, 21, 99, 100, 101, 1000, 4321] {
            let rows: Vec<(Id, i64)> = (0..n).map(|i| (1000 - i as Id, next() % 37)).collect();
            let mut sorted: Vec<i64> = rows.iter().map(|r| r.1).collect();
            sorted.sort_unstable();
            let mut distribution: BTreeMap<i64, (i64, Id)> = BTreeMap::new();
            for (id, wait) in &rows {
                let e = distribution.entry(*wait).or_insert((0, *id));
                e.0 += 1;
                e.1 = e.1.min(*id);
            }
            let waits: Vec<(i64, i64, Id)> = distribution.into_iter().map(|(w, (c, id))| (w, c, id)).collect();
            let stats = wait_stats(&waits);
            let worst = *sorted.last().unwrap();
            assert_eq!(stats.count, n as i64);
            assert_eq!(stats.sum, sorted.iter().sum::<i64>());
            assert_eq!(stats.p90, Some(sorted[((sorted.len() as f64 * 0.9).ceil() as usize).max(1) - 1]), "n = {n}");
            assert_eq!(stats.worst, Some((worst, rows.iter().filter(|r| r.1 == worst).map(|r| r.0).min().unwrap())));
        }
        let none = wait_stats(&[]);
        assert_eq!((none.count, none.sum, none.p90, none.worst), (0, 0, None, None));
    }

    /// The local day SQLite computes is Rust's `div_euclid` day, before 1970 and at midnight too.
    #[tokio::test]
    async fn local_days_in_sql_equal_rusts() {
        let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
        let times = [0, 1, -1, 999, -999, -1000, -1001, 86_399_999, 86_400_000, -86_400_000, -86_400_001, 1_711_900_800_000, 1_711_929_599_999, -1_711_900_800_123];
        for offset in [0i64, 28_800, -18_000, 19_800, 86_399, -86_399] {
            for opened_at in times {
                let sql = format!("SELECT {}", LOCAL_DAY.replace("opened_at", "?1"));
                let day: i64 = sqlx::query_scalar(AssertSqlSafe(sql)).bind(opened_at).bind(offset).fetch_one(&pool).await.unwrap();
                assert_eq!(day, (opened_at / 1000 + offset).div_euclid(86_400), "{opened_at} at {offset}");
            }
        }
    }

    #[test]
    fn a_line_needs_two_points() {
        assert_eq!(least_squares(&[5.0]), None);
        let (a, b) = least_squares(&[1.0, 3.0, 5.0]).unwrap();
        assert!((a - 1.0).abs() < 1e-9 && (b - 2.0).abs() < 1e-9);
    }
}
