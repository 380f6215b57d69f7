//! Level 5 from the data: did the incident rate fall after the fix launched? Two windows of the
//! same length on either side of the launch, over the same stores, so that the two counts are
//! Poisson counts with equal exposure and their ratio is the rate ratio. Its 95 % interval is the
//! exact conditional one: given n = before + after, `after` is binomial with p = RR / (1 + RR), and
//! Clopper–Pearson bounds on p map to bounds on RR. Exact, because a fix that works leaves counts
//! near zero, where the normal approximation on log RR breaks down.

use crate::lang::Lang;

/// The longest window compared on each side: a quarter.
pub const MAX_WINDOW_DAYS: i64 = 91;
/// Fewer days after launch than this say nothing yet about a weekly rhythm.
pub const MIN_WINDOW_DAYS: i64 = 14;
/// Fewer incidents in both windows together than this cannot show a change.
pub const MIN_EVENTS: i64 = 10;

/// The days compared: `[before_from, launch)` and `[launch, after_to)`, local day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    pub before_from: i64,
    pub launch: i64,
    pub after_to: i64,
}

impl Windows {
    /// Up to `today` (excluded: it is not over), at most a quarter; None before the launch.
    pub fn new(launch: i64, today: i64) -> Option<Windows> {
        let days = (today - launch).min(MAX_WINDOW_DAYS);
        (days > 0).then_some(Windows { before_from: launch - days, launch, after_to: launch + days })
    }

    pub fn days(&self) -> i64 {
        self.after_to - self.launch
    }
}

/// after / before with its exact 95 % interval; `high` is infinite when nothing came before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRatio {
    pub ratio: f64,
    pub low: f64,
    pub high: f64,
}

pub fn rate_ratio(before: i64, after: i64) -> Option<RateRatio> {
    if before + after == 0 {
        return None;
    }
    let (a, b) = (after as f64, before as f64);
    let odds = |p: f64| if p >= 1.0 { f64::INFINITY } else { p / (1.0 - p) };
    let p_low = if after == 0 { 0.0 } else { beta_quantile(0.025, a, b + 1.0) };
    let p_high = if before == 0 { 1.0 } else { beta_quantile(0.975, a + 1.0, b) };
    let ratio = if before == 0 { f64::INFINITY } else { a / b };
    Some(RateRatio { ratio, low: odds(p_low), high: odds(p_high) })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The whole interval lies below 1: the rate fell.
    Validated,
    /// Lower, but the interval still reaches 1.
    NotYetSure,
    /// Not lower at all.
    NoDrop,
    NotEnoughData,
}

pub fn verdict(days: i64, before: i64, after: i64, rr: Option<&RateRatio>) -> Verdict {
    match rr {
        _ if days < MIN_WINDOW_DAYS || before + after < MIN_EVENTS => Verdict::NotEnoughData,
        None => Verdict::NotEnoughData,
        Some(r) if r.high < 1.0 => Verdict::Validated,
        Some(r) if r.ratio < 1.0 => Verdict::NotYetSure,
        Some(_) => Verdict::NoDrop,
    }
}

/// p such that the regularised incomplete beta I_p(a, b) = q, by bisection: I is increasing in p.
fn beta_quantile(q: f64, a: f64, b: f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if incomplete_beta(mid, a, b) < q {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// I_x(a, b) by its continued fraction (modified Lentz), on the side where it converges fast.
fn incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_fraction(1.0 - x, b, a) / b
    }
}

fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    d = if d.abs() < TINY { TINY } else { d }.recip();
    let mut h = d;
    for m in 1..=300 {
        let m = f64::from(m);
        for numerator in [m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m)), -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0))] {
            d = 1.0 + numerator * d;
            d = if d.abs() < TINY { TINY } else { d }.recip();
            c = 1.0 + numerator / c;
            c = if c.abs() < TINY { TINY } else { c };
            h *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms): about 15 significant digits.
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9, 676.520_368_121_885_1, -1_259.139_216_722_402_8, 771.323_428_777_653_1,
        -176.615_029_162_140_6, 12.507_343_278_686_905, -0.138_571_095_265_720_12, 9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let t = x + 7.5;
    let sum = G[1..].iter().enumerate().fold(G[0], |s, (i, g)| s + g / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The plain-language verdict: "发生率下降 62 %（95 % 区间 48–72 %），效果已验证".
pub fn sentence(lang: Lang, launch_on: &str, days: i64, before: i64, after: i64, rr: Option<&RateRatio>, verdict: Verdict) -> String {
    let zh = lang == Lang::ZhCn;
    // A fall is 1 − RR; the interval of the fall runs from 1 − high to 1 − low.
    let fall = |r: f64| (1.0 - r) * 100.0;
    let counts = if zh {
        format!("上线（{launch_on}）前后各 {days} 天：{before} 起 → {after} 起")
    } else {
        format!("{days} days either side of the launch ({launch_on}): {before} → {after} incidents")
    };
    let interval = |r: &RateRatio| {
        let low = if r.high.is_finite() { format!("{:.0}", fall(r.high)) } else { "−∞".to_owned() };
        format!("{low}–{:.0} %", fall(r.low))
    };
    match (verdict, rr) {
        (Verdict::Validated, Some(r)) if zh => format!("{counts}，发生率下降 {:.0} %（95 % 区间 {}），效果已验证。", fall(r.ratio), interval(r)),
        (Verdict::Validated, Some(r)) => format!("{counts}: the rate fell {:.0} % (95 % interval {}); the fix is validated.", fall(r.ratio), interval(r)),
        (Verdict::NotYetSure, Some(r)) if zh => format!("{counts}，发生率下降 {:.0} %，但 95 % 区间（{}）包含“没有变化”，尚不能确认。", fall(r.ratio), interval(r)),
        (Verdict::NotYetSure, Some(r)) => format!("{counts}: the rate fell {:.0} %, but the 95 % interval ({}) includes no change; not confirmed yet.", fall(r.ratio), interval(r)),
        (Verdict::NoDrop, _) if zh => format!("{counts}，发生率没有下降。"),
        (Verdict::NoDrop, _) => format!("{counts}: the rate did not fall."),
        _ if zh => format!("{counts}，数据不足（至少需要上线后 {MIN_WINDOW_DAYS} 天、前后合计 {MIN_EVENTS} 起）。"),
        _ => format!("{counts}: not enough data (needs {MIN_WINDOW_DAYS} days after the launch and {MIN_EVENTS} incidents in all)."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_equal_and_at_most_a_quarter() {
        assert_eq!(Windows::new(100, 100), None, "launch day itself: nothing after yet");
        assert_eq!(Windows::new(100, 130), Some(Windows { before_from: 70, launch: 100, after_to: 130 }));
        assert_eq!(Windows::new(100, 400).unwrap().days(), MAX_WINDOW_DAYS);
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        for (n, fact) in [(1.0, 1.0_f64), (5.0, 24.0), (11.0, 3_628_800.0)] {
            assert!((ln_gamma(n) - fact.ln()).abs() < 1e-12, "{n}");
        }
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
    }
}
