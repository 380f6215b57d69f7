//! The service-desk SLA on a blank workspace: working hours across a weekend and a public
//! holiday, the clock standing still while an incident waits, and escalation climbing its levels.

use chrono::TimeZone;
use liaison_core::service::calendar::{self, CalendarDay};
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::escalations::{self, SlaClock};
use liaison_core::service::incident_records::{self as records, IncidentInput};
use liaison_core::service::incidents::{self as actions, WaitingOn};
use liaison_core::service::sla_settings::{self, Level, SlaSettings};
use liaison_core::{ErrorCode, Id, Lang, Workspace};

use crate::common;

const HOUR: i64 = 3_600_000;

/// Shanghai wall-clock time → UTC ms.
fn sh(s: &str) -> i64 {
    let local = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    chrono_tz::Asia::Shanghai.from_local_datetime(&local).unwrap().timestamp_millis()
}

async fn class(ws: &Workspace, name: &str, claim_hours: Option<i64>, resolve_hours: i64, working_hours: bool) -> Id {
    let id = liaison_core::testing::add_severity_class(ws, name, "", resolve_hours, 0).await.unwrap();
    liaison_core::testing::set_class_terms(ws, id, claim_hours, working_hours).await.unwrap();
    id
}

async fn department(ws: &Workspace, name: &str, head: &str) -> Id {
    departments::create(ws, DepartmentInput { name: name.into(), head: head.into(), kpis: String::new(), ..Default::default() }).await.unwrap().id
}

async fn incident(ws: &Workspace, title: &str, department: Id, class: Id, opened_at: i64) -> Id {
    let input = IncidentInput { title: title.into(), department_id: Some(department), severity_class_id: Some(class), opened_at, status: "open".into(), ..Default::default() };
    records::create(ws, input).await.unwrap().id
}

#[tokio::test]
async fn working_hours_skip_the_weekend_and_a_public_holiday() {
    let t = common::temp_workspace().await;
    // Monday 7 December is made a holiday: Friday 16:00 → Tuesday counts 2 h + Tuesday's hours.
    calendar::save(&t.ws, &CalendarDay { day: "2026-12-07".into(), kind: "holiday".into(), name: "测试假日".into() }).await.unwrap();
    let it = department(&t.ws, "IT部", "王强").await;
    let p1 = class(&t.ws, "P1", Some(2), 8, true).await;
    let id = incident(&t.ws, "收银系统宕机", it, p1, sh("2026-12-04 16:00")).await;


    let at = sh("2026-12-08 10:00");
    let s = escalations::status(&t.ws, id, at).await.unwrap().expect("open with a class");
    assert!(s.working_hours);
    let claim = s.claim.clone().expect("not yet claimed");
    // Friday 16–18 (2 h), Saturday, Sunday and the Monday holiday off, Tuesday 9–10 (1 h).
    assert_eq!((claim.running_hours, claim.limit_hours, claim.breached), (3.0, 2.0, true));
    assert_eq!((s.resolve.running_hours, s.resolve.breached), (3.0, false));
    assert_eq!(s.resolve.due_at, Some(sh("2026-12-08 15:00")), "5 working hours left from Tuesday 10:00");

    let listed = escalations::overdue(&t.ws, at, Lang::ZhCn, 10).await.unwrap();
    let e = &listed.shown[0];
    assert_eq!((e.clock, e.level, e.notified.as_str(), e.hours_over), (SlaClock::Claim, 1, "王强", 1.0));
    assert!(e.draft.contains("认领时限 2 工作小时"), "{}", e.draft);

    // Claimed on Tuesday at 10:30: only the time to resolve runs on.
    actions::claim(&t.ws, id, Some(sh("2026-12-08 10:30"))).await.unwrap();
    let s = escalations::status(&t.ws, id, sh("2026-12-08 11:00")).await.unwrap().unwrap();
    assert!(s.claim.is_none());
    assert_eq!(s.resolve.running_hours, 4.0);
    assert_eq!(escalations::overdue(&t.ws, sh("2026-12-08 11:00"), Lang::ZhCn, 10).await.unwrap().total, 0);
    // Tuesday 15:00 makes 2 + 6 = 8 working hours: the time to resolve has run out.
    assert_eq!(escalations::overdue(&t.ws, sh("2026-12-08 15:00"), Lang::ZhCn, 10).await.unwrap().total, 1);
}

#[tokio::test]
async fn a_transfer_starts_the_new_owners_claim_clock_with_its_deadline() {
    let t = common::temp_workspace().await;
    let it = department(&t.ws, "IT部", "王强").await;
    let supply = department(&t.ws, "供应链部", "赵敏").await;
    let p2 = class(&t.ws, "P2", Some(4), 24, false).await;
    let id = incident(&t.ws, "包装破损", it, p2, sh("2026-12-01 09:00")).await;
    actions::transfer(&t.ws, id, supply, "包装供应商的问题", Some(sh("2026-12-01 12:00"))).await.unwrap();
    let s = escalations::status(&t.ws, id, sh("2026-12-01 15:00")).await.unwrap().unwrap();
    assert_eq!(s.claim.unwrap().running_hours, 3.0, "counted from the transfer, in clock hours");
    assert_eq!(s.resolve.running_hours, 6.0, "the time to resolve runs from the report");
    let e = &escalations::overdue(&t.ws, sh("2026-12-01 16:30"), Lang::En, 10).await.unwrap().shown[0];
    assert_eq!((e.clock, e.notified.as_str(), e.department.as_deref()), (SlaClock::Claim, "赵敏", Some("供应链部")));
}

#[tokio::test]
async fn a_waiting_incident_stops_its_clock_and_resumes() {
    let t = common::temp_workspace().await;
    let it = department(&t.ws, "IT部", "王强").await;
    let p3 = class(&t.ws, "P3", None, 10, false).await;
    let t0 = sh("2026-12-01 09:00");
    let id = incident(&t.ws, "会员积分未到账", it, p3, t0).await;

    actions::wait(&t.ws, id, WaitingOn::Customer, "等客户提供订单截图", Some(t0 + 4 * HOUR)).await.unwrap();
    let again = actions::wait(&t.ws, id, WaitingOn::Supplier, "", Some(t0 + 5 * HOUR)).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::IncidentAlreadyPending);
    let s = escalations::status(&t.ws, id, t0 + 8 * HOUR).await.unwrap().unwrap();
    assert_eq!((s.resolve.running_hours, s.resolve.due_at, s.pending_since, s.pending_reason.as_str()), (4.0, None, Some(t0 + 4 * HOUR), "customer"));
    // Thirty clock hours later, still waiting: 4 hours ran, nothing is overdue.
    assert_eq!(escalations::overdue(&t.ws, t0 + 30 * HOUR, Lang::ZhCn, 10).await.unwrap().total, 0);

    actions::resume(&t.ws, id, Some(t0 + 10 * HOUR)).await.unwrap();
    assert_eq!(actions::resume(&t.ws, id, None).await.unwrap_err().code, ErrorCode::IncidentNotPending);
    let s = escalations::status(&t.ws, id, t0 + 12 * HOUR).await.unwrap().unwrap();
    assert_eq!((s.resolve.running_hours, s.paused_hours, s.pending_since), (6.0, 6.0, None));
    assert_eq!(s.resolve.due_at, Some(t0 + 16 * HOUR), "4 hours left after 6 ran");
    assert_eq!(escalations::overdue(&t.ws, t0 + 16 * HOUR, Lang::ZhCn, 10).await.unwrap().total, 1);
    let kinds: Vec<String> = actions::history(&t.ws, id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["assigned", "pending", "resumed"]);
}

#[tokio::test]
async fn escalation_climbs_its_levels_once_each_and_names_who_was_told() {
    let t = common::temp_workspace().await;
    let it = department(&t.ws, "IT部", "王强").await;
    let p1 = class(&t.ws, "P1", None, 4, false).await;
    let mut settings = sla_settings::get(&t.ws).await.unwrap();
    settings.sponsor = "李总".into();
    sla_settings::save(&t.ws, settings).await.unwrap();
    let t0 = sh("2026-12-01 09:00");
    let id = incident(&t.ws, "门店断网", it, p1, t0).await;

    let levels = |done: Vec<escalations::Escalated>| done.into_iter().map(|e| (e.level, e.notified)).collect::<Vec<_>>();
    assert!(escalations::record(&t.ws, t0 + 3 * HOUR).await.unwrap().is_empty());
    assert_eq!(levels(escalations::record(&t.ws, t0 + 5 * HOUR).await.unwrap()), [(1, "王强".to_owned())]);
    assert!(escalations::record(&t.ws, t0 + 6 * HOUR).await.unwrap().is_empty(), "level 1 is written once");
    // The app was closed from 2× to past 3×: both levels are written when it opens.
    let both = levels(escalations::record(&t.ws, t0 + 13 * HOUR).await.unwrap());
    assert_eq!(both.iter().map(|l| l.0).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(both[1].1, "李总", "level 3 tells the director's sponsor");
    let listed = escalations::overdue(&t.ws, t0 + 13 * HOUR, Lang::ZhCn, 10).await.unwrap();
    assert_eq!((listed.shown[0].level, listed.shown[0].notified.as_str()), (3, "李总"));
    let events: Vec<(Option<i64>, String)> =
        actions::history(&t.ws, id).await.unwrap().into_iter().filter(|e| e.kind == "escalated").map(|e| (e.level, e.notified)).collect();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0], (Some(1), "王强".to_owned()));
}

#[tokio::test]
async fn bad_sla_settings_are_refused_and_nothing_changes() {
    let t = common::temp_workspace().await;
    let before = sla_settings::get(&t.ws).await.unwrap();
    assert_eq!(before.work_hours, "09:00-18:00");
    assert_eq!(before.levels.len(), 3);
    let bad_hours = sla_settings::save(&t.ws, SlaSettings { work_hours: "18:00-09:00".into(), ..before.clone() }).await.unwrap_err();
    assert_eq!((bad_hours.code, bad_hours.field.as_deref()), (ErrorCode::InvalidWorkHours, Some("workHours")));
    let mut levels = before.levels.clone();
    levels[1] = Level { level: 2, multiple: 0.5, notify: "escalation_contact".into() };
    let bad_level = sla_settings::save(&t.ws, SlaSettings { levels, sponsor: "李总".into(), ..before.clone() }).await.unwrap_err();
    assert_eq!((bad_level.code, bad_level.field.as_deref()), (ErrorCode::OutOfRange, Some("levels.1.multiple")));
    assert_eq!(sla_settings::get(&t.ws).await.unwrap(), before, "a refused save writes nothing");
    let saved = sla_settings::save(&t.ws, SlaSettings { work_hours: "8:30-17:30".into(), ..before }).await.unwrap();
    assert_eq!(saved.work_hours, "08:30-17:30");
}
