//! Issue 19, "the clock resets on any contact", on a blank workspace: a contact with any
//! counterpart of a project answers its earliest open touchpoint however early or late, the steps
//! after it keep the template's spacing from the reply on China's 2026 calendar, the user sees the
//! dates before and after and can undo, and silence past a step proposes the escalation.

use crate::common::{self, TempWorkspace};

use liaison_core::service::followup::{self, Touchpoint};
use liaison_core::service::people::{self, PersonInput};
use liaison_core::service::projects::{self, ApplyCadence, ProjectInput, ProjectRole, ProjectStatus};
use liaison_core::service::stakeholders::{self, InteractionInput, InteractionKind};
use liaison_core::{Id, Lang};

struct Setup {
    t: TempWorkspace,
    project: Id,
    /// The person the cadence's touchpoints are with.
    counterpart: Id,
    /// The other executive sponsor.
    co_owner: Id,
    stranger: Id,
}

/// A project met on Thursday 17 September 2026, S6's cadence with `counterpart`, the recap sent
/// that day: week 2 falls on National Day (1 October) and moves to 8 October, week 4 is 15
/// October, week 6 (the escalation) 29 October.
async fn setup() -> Setup {
    let t = common::temp_workspace().await;
    let person = async |name: &str| people::create(&t.ws, PersonInput { name: name.into(), ..Default::default() }).await.unwrap().id;
    let (counterpart, co_owner, stranger) = (person("Chen").await, person("Zheng").await, person("Wu").await);
    let input = ProjectInput {
        title: "Dispatch II".into(),
        goal: String::new(),
        status: ProjectStatus::Proposed,
        impact_metrics: String::new(),
        benefits: String::new(),
        anchor_on: None,
        launch_on: None,
    };
    let project = projects::create(&t.ws, input).await.unwrap().id;
    projects::add_role(&t.ws, project, co_owner, ProjectRole::ExecutiveSponsor).await.unwrap();
    let apply = ApplyCadence { template_id: None, anchor_on: "2026-09-17".into(), counterpart_id: Some(counterpart) };
    let plan = projects::apply_cadence(&t.ws, project, apply, Lang::En).await.unwrap();
    assert_eq!(dues(&plan), [("2026-09-17", "open"), ("2026-10-08", "open"), ("2026-10-15", "open"), ("2026-10-29", "open")]);
    let plan = projects::complete(&t.ws, plan[0].id, "2026-09-17", "recap sent").await.unwrap();
    assert_eq!(dues(&plan)[1..], [("2026-10-08", "open"), ("2026-10-15", "open"), ("2026-10-29", "open")], "done on its day: nothing moves");
    Setup { t, project, counterpart, co_owner, stranger }
}

fn dues(list: &[Touchpoint]) -> Vec<(&str, &str)> {
    list.iter().map(|t| (t.due_on.as_str(), t.state.as_str())).collect()
}

/// A contact at 10:00 in the workspace zone (Asia/Shanghai, UTC+8) on `day`.
fn contact(day: &str) -> InteractionInput {
    let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(2, 0, 0).unwrap().and_utc().timestamp_millis();
    InteractionInput { kind: InteractionKind::Message, happened_at: at, summary: "yes".into(), sentiment: 1, next_step: String::new(), next_step_due: None }
}

async fn plan(s: &Setup) -> Vec<Touchpoint> {
    followup::touchpoints(&s.t.ws, s.project).await.unwrap()
}

fn moves(r: &projects::Replan) -> Vec<(&str, &str)> {
    r.moves.iter().map(|m| (m.before_on.as_str(), m.after_on.as_str())).collect()
}

#[tokio::test]
async fn a_second_counterpart_says_yes_on_30_september_and_week_4_comes_14_days_later() {
    let s = setup().await;
    // Someone with no part in the project answers nothing.
    let logged = stakeholders::log_interaction(&s.t.ws, s.stranger, contact("2026-09-30")).await.unwrap();
    assert!(logged.replans.is_empty());
    // The other co-owner says yes on 30 September, a week before the (holiday-moved) week-2 check.
    let logged = stakeholders::log_interaction(&s.t.ws, s.co_owner, contact("2026-09-30")).await.unwrap();
    assert_eq!(logged.replans.len(), 1);
    let r = &logged.replans[0];
    assert_eq!((r.touchpoint.due_on.as_str(), r.touchpoint.state.as_str(), r.touchpoint.done_on.as_deref()), ("2026-10-08", "done", Some("2026-09-30")));
    // Week 4 is 14 days after the reply (14 October), not a working day after it; week 6, 28 days.
    assert_eq!(moves(r), [("2026-10-15", "2026-10-14"), ("2026-10-29", "2026-10-28")]);
    assert_eq!(dues(&plan(&s).await)[1..], [("2026-10-08", "done"), ("2026-10-14", "open"), ("2026-10-28", "open")]);

    // Undo: the week-2 check is open again and the later steps are back on their days.
    let back = projects::undo_replan(&s.t.ws, r.id).await.unwrap();
    assert_eq!(dues(&back)[1..], [("2026-10-08", "open"), ("2026-10-15", "open"), ("2026-10-29", "open")]);
    assert_eq!(back[1].done_on, None);
    let again = projects::undo_replan(&s.t.ws, r.id).await.unwrap_err();
    assert_eq!(again.code, liaison_core::ErrorCode::NotFound, "a re-plan is undone once");
}

#[tokio::test]
async fn an_early_reply_answers_the_next_step_two_weeks_before_it_is_due() {
    let s = setup().await;
    // A contact dated before the meeting is an old entry: it answers nothing.
    let logged = stakeholders::log_interaction(&s.t.ws, s.counterpart, contact("2026-09-10")).await.unwrap();
    assert!(logged.replans.is_empty());
    // Thursday 24 September, two weeks before the week-2 check is due.
    let logged = stakeholders::log_interaction(&s.t.ws, s.counterpart, contact("2026-09-24")).await.unwrap();
    let r = &logged.replans[0];
    assert_eq!(r.touchpoint.due_on, "2026-10-08");
    // 24 Sep + 14 = 8 October (the first working day after the break anyway); + 28 = 22 October.
    assert_eq!(moves(r), [("2026-10-15", "2026-10-08"), ("2026-10-29", "2026-10-22")]);
    // The next contact answers the week-4 step, now due 8 October; a reply on Sunday 11 October
    // (a day off) puts week 6 on Sunday 25 October, so Monday 26 October.
    let logged = stakeholders::log_interaction(&s.t.ws, s.counterpart, contact("2026-10-11")).await.unwrap();
    assert_eq!(logged.replans[0].touchpoint.due_on, "2026-10-08");
    assert_eq!(moves(&logged.replans[0]), [("2026-10-22", "2026-10-26")]);
}

#[tokio::test]
async fn silence_proposes_the_escalation_and_a_late_reply_replans_from_its_day() {
    let s = setup().await;
    // Silence past the week-2 check: on 12 October the sponsor step is proposed (Zheng, the other
    // executive sponsor, as the counterpart has no manager on record).
    let mut conn = s.t.ws.pool().acquire().await.unwrap();
    let proposals = projects::escalation_proposals(&mut conn, chrono::NaiveDate::from_ymd_opt(2026, 10, 12).unwrap()).await.unwrap();
    drop(conn);
    assert_eq!(proposals.len(), 1);
    assert_eq!((proposals[0].touchpoint.due_on.as_str(), proposals[0].sponsor_id), ("2026-10-08", Some(s.co_owner)));
    assert_eq!(proposals[0].action, "If still not started, ask the sponsor to push");

    // The counterpart finally answers on Wednesday 21 October, 13 days late: week 4 is 4 November,
    // week 6 18 November (the old rule, within 3 days of a due date only, ignored this contact).
    let logged = stakeholders::log_interaction(&s.t.ws, s.counterpart, contact("2026-10-21")).await.unwrap();
    let r = &logged.replans[0];
    assert_eq!((r.touchpoint.due_on.as_str(), r.touchpoint.done_on.as_deref()), ("2026-10-08", Some("2026-10-21")));
    assert_eq!(moves(r), [("2026-10-15", "2026-11-04"), ("2026-10-29", "2026-11-18")]);
    let mut conn = s.t.ws.pool().acquire().await.unwrap();
    let proposals = projects::escalation_proposals(&mut conn, chrono::NaiveDate::from_ymd_opt(2026, 10, 22).unwrap()).await.unwrap();
    assert!(proposals.is_empty(), "answered: nothing to escalate");
    drop(conn);

    // Undo leaves a step the user has moved since where the user put it.
    let week6 = plan(&s).await.into_iter().find(|t| t.due_on == "2026-11-18").unwrap();
    projects::reschedule(&s.t.ws, week6.id, "2026-11-20").await.unwrap();
    let back = projects::undo_replan(&s.t.ws, r.id).await.unwrap();
    assert_eq!(dues(&back)[1..], [("2026-10-08", "open"), ("2026-10-15", "open"), ("2026-11-20", "open")]);
}
