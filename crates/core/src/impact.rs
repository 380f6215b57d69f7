//! What a problem does to each department's KPIs, and whom it hurts most: the pure part of the
//! sponsor finder. Effects are compared within one problem, people are scored on the KPIs they own,
//! and every rank and benefit is said in a sentence that names the KPI and the figure.

use serde::Serialize;

use crate::lang::Lang;
use crate::{Id, Money};

/// The unit of an effect given as a relative change of its KPI, whatever the KPI's own unit.
pub const PERCENT: &str = "%";

/// One saved effect of a problem, with its KPI.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Effect {
    pub id: Id,
    pub problem_id: Id,
    pub kpi_id: Id,
    pub kpi_name: String,
    pub kpi_unit: String,
    pub department_id: Id,
    pub department_name: String,
    pub owner_person_id: Option<Id>,
    /// In `unit`: negative is the KPI going down once the problem is fixed.
    pub effect: f64,
    /// The KPI's unit, or [`PERCENT`].
    pub unit: String,
    #[sqlx(rename = "money_fen")]
    pub money: Option<Money>,
    pub note: String,
    /// Pre-filled from the incidents and saved as the director accepted it.
    pub computed: bool,
}

/// A figure the linked incidents give for one department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// How many of the problem's incidents the department owns.
    Incidents,
    /// What they cost.
    Cost,
    /// Their mean wait, in minutes.
    MeanWait,
}

impl Figure {
    /// Whether a KPI in `unit` is measured by this figure. By the unit only: a KPI tagged
    /// `complaints` but kept in % cannot take a count.
    pub fn fits(self, unit: &str) -> bool {
        let units: &[&str] = match self {
            Figure::Incidents => &["件", "次", "单", "个", "起"],
            Figure::Cost => &["元"],
            Figure::MeanWait => &["分钟", "min"],
        };
        units.contains(&unit.trim())
    }

    /// The unit the figure is in when no KPI names one.
    pub fn unit(self) -> &'static str {
        match self {
            Figure::Incidents => "件",
            Figure::Cost => "元",
            Figure::MeanWait => "分钟",
        }
    }
}

/// How hard each effect hits, 0–1, within one problem. A figure is compared only with figures of
/// its own kind: money freed with money freed (every department counts in 元, so money is the
/// common measure where the director gave it), a change in a unit with changes in the same unit
/// ('%' with '%', 件 with 件). An effect takes the stronger of its two comparisons, so a −40 %
/// with no money entered still counts as fully as the largest sum of money.
pub fn weights(effects: &[Effect]) -> Vec<f64> {
    let max_money = effects.iter().filter_map(|e| e.money).map(|m| m.fen().unsigned_abs()).max().unwrap_or(0);
    effects
        .iter()
        .map(|e| {
            let by_money = match (e.money, max_money) {
                (Some(m), max) if max > 0 => m.fen().unsigned_abs() as f64 / max as f64,
                _ => 0.0,
            };
            let max_same = effects.iter().filter(|o| o.unit == e.unit).map(|o| o.effect.abs()).fold(0.0, f64::max);
            let by_unit = if max_same > 0.0 { e.effect.abs() / max_same } else { 0.0 };
            by_money.max(by_unit)
        })
        .collect()
}

/// The effect on one person's KPIs that hits hardest, and how hard (0–1); None: none of their KPIs.
pub fn stake_of(person_id: Id, effects: &[Effect], weights: &[f64]) -> Option<(usize, f64)> {
    effects
        .iter()
        .zip(weights)
        .enumerate()
        .filter(|(_, (e, _))| e.owner_person_id == Some(person_id))
        .max_by(|(_, (a, wa)), (_, (b, wb))| wa.total_cmp(wb).then(a.money.map(|m| m.fen()).cmp(&b.money.map(|m| m.fen()))))
        .map(|(i, (_, w))| (i, *w))
}

/// `−30 %`, `+2.5 分钟`: the sign always written, a true minus sign.
pub fn format_effect(effect: f64, unit: &str) -> String {
    let sign = if effect < 0.0 { "−" } else if effect > 0.0 { "+" } else { "" };
    let abs = (effect.abs() * 100.0).round() / 100.0;
    let number = if abs.fract() == 0.0 { format!("{abs:.0}") } else { format!("{abs}") };
    format!("{sign}{number} {unit}")
}

pub fn format_money(m: Money, lang: Lang) -> String {
    match lang {
        Lang::ZhCn => m.format_zh(),
        Lang::En => m.format_en(),
    }
}

/// The effect and the money it frees, as the brackets of a sentence say them.
fn figures(e: &Effect, lang: Lang) -> String {
    let effect = format_effect(e.effect, &e.unit);
    match (e.money, lang) {
        (Some(m), Lang::ZhCn) => format!("{effect}，{}", format_money(m, lang)),
        (Some(m), Lang::En) => format!("{effect}, {}", format_money(m, lang)),
        (None, _) => effect,
    }
}

fn number(v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v}") }
}

/// Who a person is in a sentence: their title, which says why their KPIs matter, else their name.
pub fn who(name: &str, title: &str) -> String {
    if title.trim().is_empty() { name.to_owned() } else { title.trim().to_owned() }
}

/// Why a person ranks where they do, e.g. "供应链总监：库存积压 KPI 受影响最大（−30 %，800万元）；决策权 8；信任 4".
pub fn reason(who: &str, hardest: Option<&Effect>, power: f64, trust: Option<i32>, lang: Lang) -> String {
    let stake = match (hardest, lang) {
        (Some(e), Lang::ZhCn) => format!("{} KPI 受影响最大（{}）", e.kpi_name, figures(e, lang)),
        (Some(e), Lang::En) => format!("the {} KPI is hit hardest ({})", e.kpi_name, figures(e, lang)),
        (None, Lang::ZhCn) => "没有自己的 KPI 受此问题影响".to_owned(),
        (None, Lang::En) => "none of their KPIs is hurt by this problem".to_owned(),
    };
    let trust = match (trust, lang) {
        (Some(t), Lang::ZhCn) => format!("信任 {t}"),
        (Some(t), Lang::En) => format!("trust {t}"),
        (None, Lang::ZhCn) => format!("信任未记录（按 {UNRECORDED_TRUST} 计）"),
        (None, Lang::En) => format!("trust not recorded (counted as {UNRECORDED_TRUST})"),
    };
    match lang {
        Lang::ZhCn => format!("{who}：{stake}；决策权 {}；{trust}", number(power)),
        Lang::En => format!("{who}: {stake}; decision power {}; {trust}", number(power)),
    }
}

/// Trust counted for someone whose trust is not recorded: the middle of 1–5, neither for nor against.
pub const UNRECORDED_TRUST: i32 = 3;

/// 0–100 = power/10 × stake × trust/5 × interest/10 × 100, to one decimal. No stake, no score:
/// power alone does not make a sponsor.
pub fn score(power: f64, stake: f64, trust: Option<i32>, interest: f64) -> f64 {
    let trust = f64::from(trust.unwrap_or(UNRECORDED_TRUST));
    (power / 10.0 * stake * trust / 5.0 * interest / 10.0 * 1000.0).round() / 10.0
}

/// What fixing the problem does for the owner of `e`'s KPI, e.g. "解决后，库存积压（供应链部）−30 %，释放 800万元（系统计算）".
pub fn benefit(e: &Effect, lang: Lang) -> String {
    let effect = format_effect(e.effect, &e.unit);
    let source = match (e.computed, lang) {
        (true, Lang::ZhCn) => "（系统计算）",
        (false, Lang::ZhCn) => "（人工估计）",
        (true, Lang::En) => " (computed)",
        (false, Lang::En) => " (estimated)",
    };
    match (e.money, lang) {
        (Some(m), Lang::ZhCn) => format!("解决后，{}（{}）{effect}，释放 {}{source}", e.kpi_name, e.department_name, format_money(m, lang)),
        (None, Lang::ZhCn) => format!("解决后，{}（{}）{effect}{source}", e.kpi_name, e.department_name),
        (Some(m), Lang::En) => format!("Once fixed, {} ({}) moves {effect}, freeing {}{source}", e.kpi_name, e.department_name, format_money(m, lang)),
        (None, Lang::En) => format!("Once fixed, {} ({}) moves {effect}{source}", e.kpi_name, e.department_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effect(owner: Id, name: &str, value: f64, unit: &str, money: Option<i64>) -> Effect {
        Effect {
            id: 0,
            problem_id: 1,
            kpi_id: 0,
            kpi_name: name.into(),
            kpi_unit: unit.into(),
            department_id: 1,
            department_name: "供应链部".into(),
            owner_person_id: Some(owner),
            effect: value,
            unit: unit.into(),
            money: money.map(Money::from_yuan),
            note: String::new(),
            computed: false,
        }
    }

    #[test]
    fn each_figure_is_weighed_against_its_own_kind() {
        let effects = [effect(1, "库存积压", -30.0, "%", Some(8_000_000)), effect(2, "客诉量", -40.0, "%", None), effect(3, "工单", -12.0, "件", Some(2_000_000))];
        let w = weights(&effects);
        assert_eq!(w[0], 1.0, "the most money");
        assert_eq!(w[1], 1.0, "the largest change in %");
        assert_eq!(w[2], 1.0, "the only change in 件");
        let effects = [effect(1, "库存积压", -30.0, "%", Some(8_000_000)), effect(2, "客诉量", -10.0, "%", Some(2_000_000))];
        assert_eq!(weights(&effects), [1.0, 0.25_f64.max(10.0 / 30.0)]);
    }

    #[test]
    fn the_reason_names_the_kpi_and_its_figures() {
        let e = effect(1, "库存积压", -30.0, "%", Some(8_000_000));
        assert_eq!(reason("供应链总监", Some(&e), 8.0, Some(4), Lang::ZhCn), "供应链总监：库存积压 KPI 受影响最大（−30 %，800万元）；决策权 8；信任 4");
        assert_eq!(reason("COO", None, 9.0, None, Lang::En), "COO: none of their KPIs is hurt by this problem; decision power 9; trust not recorded (counted as 3)");
        assert_eq!(score(10.0, 0.0, Some(5), 10.0), 0.0, "no stake, no score");
    }
}
