//! The arithmetic and the calendar of the chain, free of SQL and of wording so that they can be
//! checked on their own.

use crate::Id;

pub(super) const DAY_MS: i64 = 86_400_000;
pub(super) const WEEK_MS: i64 = 7 * DAY_MS;

/// Count, sum, 90th percentile (nearest rank), worst and the lowest incident id with the worst,
/// from the wait distribution.
pub(super) struct WaitStats {
    pub(super) count: i64,
    pub(super) sum: i64,
    pub(super) p90: Option<i64>,
    pub(super) worst: Option<(i64, Id)>,
}

pub(super) fn wait_stats(waits: &[(i64, i64, Id)]) -> WaitStats {
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
pub(super) fn week_of(day: i64) -> i64 {
    (day + 3).div_euclid(7)
}

pub(super) fn day_start_ms(day: i64, offset_s: i64) -> i64 {
    day * DAY_MS - offset_s * 1000
}

pub(super) fn week_start_ms(week: i64, offset_s: i64) -> i64 {
    day_start_ms(week * 7 - 3, offset_s)
}

pub(super) fn pct(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0 && part.is_finite()).then(|| part / whole * 100.0)
}

/// Least-squares line y = a + b·x over x = 0..n; None below two points.
pub(super) fn least_squares(ys: &[f64]) -> Option<(f64, f64)> {
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

pub(super) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::evidence::wording::date;

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

    #[test]
    fn a_line_needs_two_points() {
        assert_eq!(least_squares(&[5.0]), None);
        let (a, b) = least_squares(&[1.0, 3.0, 5.0]).unwrap();
        assert!((a - 1.0).abs() < 1e-9 && (b - 2.0).abs() < 1e-9);
    }
}
