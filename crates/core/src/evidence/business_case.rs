//! Level 5 and the business case: what the director entered, shown as entered, and what it is
//! worth against the projected line.

use super::stats::{pct, round1};
use super::types::{BusinessCase, IfNotFixed, LaunchEffect, Trend, Validation};
use super::wording::money;
use crate::lang::Lang;
use crate::repo::problems::{self, Problem};
use crate::Money;

/// "If not fixed, in 3 months".
const QUARTER_WEEKS: i64 = 13;

pub(super) fn validation(p: &problems::ProblemInput, launch: Option<LaunchEffect>, lang: Lang) -> Validation {
    let zh = lang == Lang::ZhCn;
    let pilot_change_pct = match (p.pilot_rate_before, p.pilot_rate_after) {
        (Some(before), Some(after)) => pct(after - before, before),
        _ => None,
    };
    let mut parts: Vec<String> = launch.iter().map(|l| l.sentence.trim_end_matches(['。', '.']).to_owned()).collect();
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
        launch,
        sentence,
    }
}

/// ROI = (avoided loss + saved cost) / investment; what fixing avoids is the yearly loss.
pub fn roi(revenue_loss: Option<Money>, cost_per_year: Option<Money>, investment: Option<Money>) -> Option<f64> {
    let investment = investment.filter(|i| i.fen() > 0)?;
    let gain = revenue_loss.map_or(0, Money::fen) as f64 + cost_per_year.map_or(0, Money::fen) as f64;
    (revenue_loss.is_some() || cost_per_year.is_some()).then(|| gain / investment.fen() as f64)
}

pub(super) fn business_case(problem: &Problem, trend: &Trend, line: Option<(f64, f64)>, events: i64, cost: Money, lang: Lang) -> BusinessCase {
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
    use super::*;

    #[test]
    fn s3_roi_is_about_118_times() {
        let r = roi(Some(Money::from_yuan(700_000_000)), Some(Money::from_yuan(800_000 * 12)), Some(Money::from_yuan(6_000_000))).unwrap();
        assert_eq!(format!("{r:.0}"), "118");
        assert!((r - 118.27).abs() < 0.01);
        assert_eq!(roi(Some(Money::from_yuan(1)), None, Some(Money::ZERO)), None, "zero investment: no ROI, no infinity");
        assert_eq!(roi(None, None, Some(Money::from_yuan(1))), None);
    }
}
