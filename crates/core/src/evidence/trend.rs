//! Level 3: the weekly counts, two periods compared and a projection.

use super::stats::{day_start_ms, pct, round1, week_of, week_start_ms, WEEK_MS};
use super::types::{with_problem, PeriodRate, Projection, Trend, WeekCount};
use super::wording::{date, not_enough};
use crate::lang::Lang;
use crate::repo::incident_filter::IncidentFilter;
use crate::repo::problems::Problem;
use crate::Id;

/// Every week from the first event to the last, empty weeks included.
pub(super) fn weekly_series(days: &[(i64, i64)], id: Id, offset_s: i64) -> Vec<WeekCount> {
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

pub(super) fn trend(problem: &Problem, days: &[(i64, i64)], weeks: Vec<WeekCount>, line: Option<(f64, f64)>, offset_s: i64, lang: Lang) -> Trend {
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
