//! The follow-up cadence engine (S6): steps of a template, applied from an anchor date (the
//! meeting, a kickoff) and a project's milestones, become touchpoints due on working days of
//! the workspace calendar — weekends, public holidays and make-up working days (调休/补班).
//! Dates here are calendar days in the workspace zone; no clock, no time zone arithmetic.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum StepAnchor {
    /// `offset_days` after the anchor date.
    AfterAnchor,
    /// Every `every_days` while the milestones run, starting `offset_days` into each.
    DuringBuild,
    /// `offset_days` before the launch (the end of the last milestone).
    BeforeLaunch,
    /// `offset_days` after the launch.
    AfterLaunch,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub id: Id,
    pub position: i32,
    pub anchor: StepAnchor,
    pub offset_days: i32,
    pub every_days: Option<i32>,
    pub action: String,
    pub purpose: String,
    pub escalates: bool,
}

/// The working-day calendar: weekends off, except make-up days; holidays off.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    days: HashMap<NaiveDate, bool>,
}

impl Calendar {
    /// `(day, is_working)` exceptions to the Monday–Friday week.
    pub fn new(exceptions: impl IntoIterator<Item = (NaiveDate, bool)>) -> Self {
        Calendar { days: exceptions.into_iter().collect() }
    }

    pub fn is_working(&self, day: NaiveDate) -> bool {
        self.days.get(&day).copied().unwrap_or(!matches!(day.weekday(), Weekday::Sat | Weekday::Sun))
    }

    /// The day itself when it is a working day, else the next one.
    pub fn on_or_after(&self, mut day: NaiveDate) -> NaiveDate {
        // A year of days off in a row would be a broken calendar; stop rather than spin.
        for _ in 0..366 {
            if self.is_working(day) {
                return day;
            }
            day = day + Days::new(1);
        }
        day
    }

    /// The day itself when it is a working day, else the one before (a deadline moves earlier).
    pub fn on_or_before(&self, mut day: NaiveDate) -> NaiveDate {
        for _ in 0..366 {
            if self.is_working(day) {
                return day;
            }
            day = day - Days::new(1);
        }
        day
    }
}

/// A milestone as the engine sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub milestone_id: Id,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub step_id: Id,
    pub milestone_id: Option<Id>,
    pub due: NaiveDate,
}

pub fn validate_steps(steps: &[Step]) -> Result<()> {
    for (i, s) in steps.iter().enumerate() {
        if s.offset_days < 0 {
            return Err(CoreError::new(ErrorCode::NegativeOffset).with("step", i + 1).on_field("offsetDays"));
        }
        if s.anchor == StepAnchor::DuringBuild && s.every_days.is_none_or(|e| e <= 0) {
            return Err(CoreError::new(ErrorCode::Required).with("step", i + 1).on_field("everyDays"));
        }
        if s.action.trim().is_empty() {
            return Err(CoreError::required("action").with("step", i + 1));
        }
    }
    Ok(())
}

fn add(day: NaiveDate, days: i32) -> NaiveDate {
    if days >= 0 { day + Days::new(days as u64) } else { day - Days::new(days.unsigned_abs() as u64) }
}

/// Every touchpoint the steps produce for an anchor date and the milestones, in date order.
/// Steps tied to the launch or the build need milestones; without them they produce nothing.
pub fn schedule(anchor: NaiveDate, steps: &[Step], milestones: &[Span], calendar: &Calendar) -> Vec<Planned> {
    let launch = milestones.iter().map(|m| m.end).max();
    let mut out = Vec::new();
    for s in steps {
        match s.anchor {
            StepAnchor::AfterAnchor => out.push(Planned { step_id: s.id, milestone_id: None, due: calendar.on_or_after(add(anchor, s.offset_days)) }),
            StepAnchor::BeforeLaunch => {
                if let Some(l) = launch {
                    out.push(Planned { step_id: s.id, milestone_id: None, due: calendar.on_or_before(add(l, -s.offset_days)) });
                }
            }
            StepAnchor::AfterLaunch => {
                if let Some(l) = launch {
                    out.push(Planned { step_id: s.id, milestone_id: None, due: calendar.on_or_after(add(l, s.offset_days)) });
                }
            }
            StepAnchor::DuringBuild => {
                let every = s.every_days.unwrap_or(14).max(1);
                for m in milestones {
                    let mut day = add(m.start, s.offset_days);
                    while day <= m.end {
                        let due = calendar.on_or_after(day);
                        if due <= m.end {
                            out.push(Planned { step_id: s.id, milestone_id: Some(m.milestone_id), due });
                        }
                        day = add(day, every);
                    }
                }
            }
        }
    }
    out.sort_by_key(|p| p.due);
    out
}

/// When the touchpoint of a step `from_offset` days after the anchor is answered on `answered`,
/// the step `to_offset` days after the anchor keeps the template's spacing from the reply (not
/// from the holiday-moved due date), moved to a working day.
pub fn respace(answered: NaiveDate, from_offset: i32, to_offset: i32, calendar: &Calendar) -> NaiveDate {
    calendar.on_or_after(add(answered, to_offset - from_offset))
}

/// S6, the default cadence: (anchor, offset, every, action, purpose, escalates) in zh-CN and English.
pub type DefaultStep = (StepAnchor, i32, Option<i32>, (&'static str, &'static str), (&'static str, &'static str), bool);

pub const S6: [DefaultStep; 7] = [
    (StepAnchor::AfterAnchor, 0, None, ("发会议纪要：致谢、下一步", "Send the recap: thanks and next steps"), ("留下书面记录", "A written record"), false),
    (StepAnchor::AfterAnchor, 14, None, ("确认是否立项、由谁负责", "Ask whether it is approved and who owns it"), ("不被遗忘", "Not forgotten"), false),
    (StepAnchor::AfterAnchor, 28, None, ("若还没启动，带上更多数据", "If not started, bring more data"), ("制造紧迫感", "Urgency"), false),
    (StepAnchor::AfterAnchor, 42, None, ("若仍未启动，请赞助人推动", "If still not started, ask the sponsor to push"), ("升级", "Escalate"), true),
    (StepAnchor::DuringBuild, 14, Some(14), ("每两周询问进度", "Ask for progress every 2 weeks"), ("表示关注", "Show attention"), false),
    (StepAnchor::BeforeLaunch, 7, None, ("提供测试反馈", "Give test feedback"), ("保证质量", "Quality"), false),
    (StepAnchor::AfterLaunch, 14, None, ("收集效果数据并反馈", "Collect results and report back"), ("证明价值", "Prove value"), false),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// 2026's National Day week and its make-up days, and the 2026 Spring Festival.
    fn china_2026() -> Calendar {
        let mut days: Vec<(NaiveDate, bool)> = (1..=7).map(|n| (d(&format!("2026-10-0{n}")), false)).collect();
        days.extend((15..=23).map(|n| (d(&format!("2026-02-{n}")), false)));
        days.extend([(d("2026-09-20"), true), (d("2026-10-10"), true), (d("2026-02-14"), true), (d("2026-02-28"), true)]);
        Calendar::new(days)
    }

    fn steps() -> Vec<Step> {
        S6.iter()
            .enumerate()
            .map(|(i, (anchor, offset, every, action, purpose, escalates))| Step {
                id: i as Id + 1,
                position: i as i32,
                anchor: *anchor,
                offset_days: *offset,
                every_days: *every,
                action: action.0.into(),
                purpose: purpose.0.into(),
                escalates: *escalates,
            })
            .collect()
    }

    #[test]
    fn holidays_and_make_up_days_move_due_dates() {
        let cal = china_2026();
        assert!(!cal.is_working(d("2026-10-05")), "National Day");
        assert!(cal.is_working(d("2026-10-10")), "a Saturday made a working day (补班)");
        assert!(!cal.is_working(d("2026-10-11")), "an ordinary Sunday");
        // A meeting on Friday 18 September: the week-2 step falls on Friday 2 October, a holiday,
        // and moves to Thursday 8 October, the first working day after the break.
        let plan = schedule(d("2026-09-18"), &steps()[..2], &[], &cal);
        assert_eq!(plan.iter().map(|p| p.due).collect::<Vec<_>>(), [d("2026-09-18"), d("2026-10-08")]);
        // A step landing on the make-up Saturday stays there.
        let plan = schedule(d("2026-09-26"), &steps()[1..2], &[], &cal);
        assert_eq!(plan[0].due, d("2026-10-10"));
    }

    #[test]
    fn month_ends_and_leap_years() {
        let cal = Calendar::default();
        // 31 January + 28 days = 28 February 2026 (a Saturday) → Monday 2 March.
        let plan = schedule(d("2026-01-31"), &steps()[2..3], &[], &cal);
        assert_eq!(plan[0].due, d("2026-03-02"));
        // 2028 is a leap year: 1 February + 28 days = Tuesday 29 February.
        let plan = schedule(d("2028-02-01"), &steps()[2..3], &[], &cal);
        assert_eq!(plan[0].due, d("2028-02-29"));
    }

    #[test]
    fn recurring_steps_follow_their_milestone_and_launch_steps_the_last_one() {
        let cal = china_2026();
        let poc = Span { milestone_id: 1, start: d("2026-01-05"), end: d("2026-01-16") };
        let mvp = Span { milestone_id: 2, start: d("2026-01-19"), end: d("2026-03-01") };
        let plan = schedule(d("2025-12-22"), &steps(), &[poc.clone(), mvp.clone()], &cal);
        let during: Vec<(Option<Id>, NaiveDate)> = plan.iter().filter(|p| p.step_id == 5).map(|p| (p.milestone_id, p.due)).collect();
        // POC is two weeks: its +14 day check would fall after it ends, so none; the MVP gets one
        // on 2 February and one on 16 February, which is in the Spring Festival and moves to the
        // 24th.
        assert_eq!(during, [(Some(2), d("2026-02-02")), (Some(2), d("2026-02-24"))]);
        // Test feedback a week before a 1 March launch: 22 February is in the Spring Festival, so
        // it moves earlier, to the make-up Saturday before the break.
        let before = plan.iter().find(|p| p.step_id == 6).unwrap().due;
        assert_eq!(before, d("2026-02-14"));
        let after = plan.iter().find(|p| p.step_id == 7).unwrap().due;
        assert_eq!(after, d("2026-03-16"));
        assert!(plan.windows(2).all(|w| w[0].due <= w[1].due));
    }

    #[test]
    fn the_steps_after_a_reply_keep_the_template_spacing_from_it() {
        let cal = china_2026();
        // A meeting on 17 September: the week-2 check is due 1 October, a holiday, so 8 October.
        let plan = schedule(d("2026-09-17"), &steps()[1..3], &[], &cal);
        assert_eq!(plan.iter().map(|p| p.due).collect::<Vec<_>>(), [d("2026-10-08"), d("2026-10-15")]);
        // The counterpart says yes on 30 September: week 4 comes 14 days after the reply.
        assert_eq!(respace(d("2026-09-30"), 14, 28, &cal), d("2026-10-14"));
        // A reply on 20 September puts week 4 on 4 October, in the holiday: the next working day.
        assert_eq!(respace(d("2026-09-20"), 14, 28, &cal), d("2026-10-08"));
    }

    #[test]
    fn a_negative_offset_is_refused() {
        let mut bad = steps();
        bad[1].offset_days = -3;
        let e = validate_steps(&bad).unwrap_err();
        assert_eq!((e.code, e.params["step"].as_str()), (ErrorCode::NegativeOffset, "2"));
    }
}
