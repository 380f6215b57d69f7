//! Service-desk SLA arithmetic: how much of a span counts, in clock hours or in the workspace's
//! working hours (a working day's hours, weekends and holidays off, make-up days on), and the
//! instant a number of counted hours runs out. Pure: the terms and the calendar come from `repo`.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;

use crate::cadence::Calendar;
use crate::Id;

pub const HOUR_MS: i64 = 3_600_000;
/// Ten years of days: a deadline further out than this is as good as never.
const MAX_DAYS: u32 = 3_660;

/// The workspace's working day: from `start` to `end` local time on every working day.
#[derive(Debug, Clone)]
pub struct WorkHours {
    pub zone: Tz,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub calendar: Calendar,
}

impl WorkHours {
    /// `"09:00-18:00"`; `None` unless both times parse and the day ends after it starts.
    pub fn parse_span(span: &str) -> Option<(NaiveTime, NaiveTime)> {
        let (a, b) = span.split_once('-')?;
        let start = NaiveTime::parse_from_str(a.trim(), "%H:%M").ok()?;
        let end = NaiveTime::parse_from_str(b.trim(), "%H:%M").ok()?;
        (start < end).then_some((start, end))
    }

    /// The UTC milliseconds of a local time on `day`. A time inside a daylight-saving gap is read
    /// an hour later, as the wall clock shows it.
    fn instant(&self, day: NaiveDate, time: NaiveTime) -> i64 {
        let local = day.and_time(time);
        let resolved = self.zone.from_local_datetime(&local).earliest().or_else(|| {
            self.zone.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest()
        });
        resolved.map_or_else(|| local.and_utc().timestamp_millis(), |t| t.timestamp_millis())
    }

    fn local_day(&self, ms: i64) -> NaiveDate {
        self.zone.timestamp_millis_opt(ms).single().map_or_else(|| NaiveDate::MIN, |t| t.date_naive())
    }

    /// Each working day's `[start, end)` in UTC ms, from the day holding `from` onwards.
    fn windows(&self, from: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
        let first = self.local_day(from);
        (0..MAX_DAYS).filter_map(move |n| {
            let day = first.checked_add_days(Days::new(n.into()))?;
            self.calendar.is_working(day).then(|| (self.instant(day, self.start), self.instant(day, self.end)))
        })
    }
}

/// What an SLA counts.
#[derive(Debug, Clone, Copy)]
pub enum Hours<'a> {
    Clock,
    Working(&'a WorkHours),
}

impl Hours<'_> {
    /// The counted milliseconds between two instants (0 when `to` is not after `from`).
    pub fn elapsed(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        match self {
            Hours::Clock => to - from,
            Hours::Working(w) => w
                .windows(from)
                .take_while(|&(start, _)| start < to)
                .map(|(start, end)| (end.min(to) - start.max(from)).max(0))
                .sum(),
        }
    }

    /// The instant at which `running` counted milliseconds after `from` have passed.
    pub fn add(&self, from: i64, running: i64) -> i64 {
        match self {
            Hours::Clock => from.saturating_add(running),
            Hours::Working(w) => {
                let mut left = running.max(0);
                for (start, end) in w.windows(from) {
                    let start = start.max(from);
                    if end <= start {
                        continue;
                    }
                    if left <= end - start {
                        return start + left;
                    }
                    left -= end - start;
                }
                i64::MAX
            }
        }
    }

    /// Counted milliseconds from `from` to `to`, less the parts of `pauses` (`[start, end)`, an
    /// open pause running to `to`) that fall inside.
    pub fn running(&self, from: i64, to: i64, pauses: &[(i64, Option<i64>)]) -> i64 {
        let paused: i64 = pauses.iter().map(|&(start, end)| self.elapsed(start.max(from), end.unwrap_or(to).min(to))).sum();
        (self.elapsed(from, to) - paused).max(0)
    }
}

/// An incident's waits from its `pending` and `resumed` events in time order: a `pending` opens a
/// wait (another while waiting changes nothing), a `resumed` ends it, and a wait still open has no
/// end.
pub fn waits<'a>(events: impl IntoIterator<Item = (&'a str, i64)>) -> Vec<(i64, Option<i64>)> {
    let mut waits: Vec<(i64, Option<i64>)> = Vec::new();
    for (kind, at) in events {
        match (kind, waits.last_mut()) {
            ("pending", Some((_, None))) => {}
            ("pending", _) => waits.push((at, None)),
            ("resumed", Some((_, end @ None))) => *end = Some(at),
            _ => {}
        }
    }
    waits
}

/// A severity class's (or a department's own) SLA, in milliseconds of what it counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub claim_ms: Option<i64>,
    pub resolve_ms: i64,
    pub working_hours: bool,
}

impl Terms {
    pub fn from_hours(claim_hours: Option<i64>, resolve_hours: i64, working_hours: bool) -> Terms {
        Terms { claim_ms: claim_hours.map(|h| h * HOUR_MS), resolve_ms: resolve_hours * HOUR_MS, working_hours }
    }

    pub fn hours<'a>(&self, work: &'a WorkHours) -> Hours<'a> {
        if self.working_hours { Hours::Working(work) } else { Hours::Clock }
    }
}

/// Every class's terms and the departments' own, looked up per incident.
#[derive(Debug, Clone, Default)]
pub struct Book {
    pub classes: HashMap<Id, Terms>,
    pub departments: HashMap<(Id, Id), Terms>,
}

impl Book {
    /// The terms for an incident of `class` owned by `department`: the department's own if it has
    /// them, else the class's.
    pub fn terms(&self, class: Id, department: Option<Id>) -> Option<Terms> {
        department.and_then(|d| self.departments.get(&(class, d))).or_else(|| self.classes.get(&class)).copied()
    }

    /// When a receipt at `at` must be claimed by, if the terms measure a time to claim.
    pub fn claim_due(&self, class: Option<Id>, department: Option<Id>, at: i64, work: &WorkHours) -> Option<i64> {
        let terms = self.terms(class?, department)?;
        Some(terms.hours(work).add(at, terms.claim_ms?))
    }
}

/// An escalation level: reached at `multiple` × the SLA, telling `notify` (head |
/// escalation_contact | sponsor).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Level {
    pub level: i64,
    pub multiple: f64,
    pub notify: String,
}

/// The highest level whose multiple of the SLA `ratio` has reached (0: none).
pub fn level_reached(levels: &[Level], ratio: f64) -> i64 {
    levels.iter().filter(|l| ratio >= l.multiple).map(|l| l.level).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai(holidays: &[&str]) -> WorkHours {
        let days = holidays.iter().map(|d| (NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(), false));
        let (start, end) = WorkHours::parse_span("09:00-18:00").unwrap();
        WorkHours { zone: chrono_tz::Asia::Shanghai, start, end, calendar: Calendar::new(days) }
    }

    fn at(zone: Tz, s: &str) -> i64 {
        zone.from_local_datetime(&chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()).unwrap().timestamp_millis()
    }

    #[test]
    fn working_hours_skip_nights_and_weekends() {
        let w = shanghai(&[]);
        let h = Hours::Working(&w);
        let z = w.zone;
        // Friday 2026-12-04 16:00 + 4 working hours: 2 h on Friday, 2 h on Monday → Mon 11:00.
        assert_eq!(h.add(at(z, "2026-12-04 16:00"), 4 * HOUR_MS), at(z, "2026-12-07 11:00"));
        assert_eq!(h.elapsed(at(z, "2026-12-04 16:00"), at(z, "2026-12-07 11:00")), 4 * HOUR_MS);
        // Starting in the night counts from the next morning.
        assert_eq!(h.add(at(z, "2026-12-03 22:30"), HOUR_MS), at(z, "2026-12-04 10:00"));
        // A deadline that lands exactly on the day's end stays on that day.
        assert_eq!(h.add(at(z, "2026-12-03 09:00"), 9 * HOUR_MS), at(z, "2026-12-03 18:00"));
    }

    #[test]
    fn unparsable_or_inverted_working_day_is_refused() {
        assert!(WorkHours::parse_span("18:00-09:00").is_none());
        assert!(WorkHours::parse_span("9h-18h").is_none());
        assert!(WorkHours::parse_span("08:30-17:30").is_some());
    }

    #[test]
    fn daylight_saving_day_counts_its_wall_clock_hours() {
        // Berlin springs forward on 2026-03-29 (a Sunday): Friday 17:00 + 2 h is Monday 10:00,
        // and Monday's working day is still 9 hours long.
        let (start, end) = WorkHours::parse_span("09:00-18:00").unwrap();
        let w = WorkHours { zone: chrono_tz::Europe::Berlin, start, end, calendar: Calendar::default() };
        let h = Hours::Working(&w);
        assert_eq!(h.add(at(w.zone, "2026-03-27 17:00"), 2 * HOUR_MS), at(w.zone, "2026-03-30 10:00"));
        assert_eq!(h.elapsed(at(w.zone, "2026-03-30 00:00"), at(w.zone, "2026-03-31 00:00")), 9 * HOUR_MS);
    }

    #[test]
    fn pauses_are_left_out_of_the_running_time() {
        let h = Hours::Clock;
        let pauses = [(10, Some(30)), (50, None)];
        assert_eq!(h.running(0, 60, &pauses), 60 - 20 - 10);
        assert_eq!(h.running(20, 60, &pauses), 40 - 10 - 10, "a pause that began before the clock counts from it");
    }

    #[test]
    fn waits_pair_pending_with_resumed() {
        let events = [("pending", 10), ("pending", 12), ("resumed", 30), ("resumed", 35), ("pending", 50)];
        assert_eq!(waits(events), [(10, Some(30)), (50, None)]);
    }

    #[test]
    fn levels_are_reached_at_their_multiples() {
        let levels: Vec<Level> = [(1, 1.0), (2, 2.0), (3, 3.0)].iter().map(|&(level, multiple)| Level { level, multiple, notify: "head".into() }).collect();
        assert_eq!(level_reached(&levels, 0.99), 0);
        assert_eq!(level_reached(&levels, 1.0), 1);
        assert_eq!(level_reached(&levels, 2.5), 2);
        assert_eq!(level_reached(&levels, 7.0), 3);
    }
}
