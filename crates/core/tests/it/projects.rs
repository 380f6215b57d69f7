//! The project tracker on a real workspace file: S1's co-owned project with its phases, S6's
//! cadence on China's 2026 calendar, contacts completing touchpoints, escalation, calendar export,
//! the weekly report and the start page.

use crate::common;

use liaison_core::{demo, Lang};
use liaison_core::service::stakeholders::{InteractionInput, InteractionKind};
use liaison_core::service::milestones::{self, MilestoneInput};
use liaison_core::service::people::Person;
use liaison_core::service::metrics::{self, MetricDirection, MetricInput};
use liaison_core::service::projects::{ProjectInput, ProjectStatus};
use liaison_core::service::followup::Touchpoint;
use liaison_core::service::projects::{self as service, ApplyCadence};
use liaison_core::service::{calendar, followup, people, stakeholders};
use liaison_core::{ErrorCode, Workspace};

async fn person(ws: &Workspace, name: &str) -> Person {
    people::list(ws).await.unwrap().into_iter().find(|p| p.name == name).unwrap()
}

fn phase(name: &str, from: &str, to: &str, staffing: &str) -> MilestoneInput {
    MilestoneInput { name: name.into(), starts_on: from.into(), ends_on: to.into(), staffing: staffing.into(), ..Default::default() }
}

fn dues(list: &[Touchpoint]) -> Vec<(String, String)> {
    list.iter().map(|t| (t.due_on.clone(), t.state.clone())).collect()
}

#[tokio::test]
async fn s1_project_with_s6_cadence_on_the_2026_calendar() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let me = person(&t.ws, "林晓").await;
    let vp = person(&t.ws, "陈立").await;
    let lead = person(&t.ws, "郑航").await;
    let input = ProjectInput {
        title: "派单二期".into(),
        goal: "等待从 45 分钟降到 30 分钟".into(),
        status: ProjectStatus::Proposed,
        impact_metrics: "nps, wait_time, bogus".into(),
        benefits: String::new(),
        anchor_on: None,
        launch_on: None,
    };
    let project = service::create(&t.ws, input).await.unwrap();
    assert_eq!(project.input.impact_metrics, "nps,wait_time", "unknown metric codes are dropped");

    // Co-owners from two departments; two from product are refused.
    let e = service::set_co_owners(&t.ws, project.id, vp.id, lead.id).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::CoOwnersSameDepartment);
    service::set_co_owners(&t.ws, project.id, me.id, vp.id).await.unwrap();

    // S1's phases: POC 2 weeks → MVP 6 weeks → integration 4 weeks.
    let e = milestones::add(&t.ws, project.id, phase("POC", "2026-10-19", "2026-10-16", "1 名工程师")).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::MilestoneEndsBeforeStart, Some("endsOn")));
    let poc = milestones::add(&t.ws, project.id, phase("POC", "2026-10-19", "2026-10-30", "1 名工程师")).await.unwrap();
    let mvp = milestones::add(&t.ws, project.id, phase("MVP", "2026-11-02", "2026-12-11", "2–3 名工程师")).await.unwrap();
    let integration = milestones::add(&t.ws, project.id, phase("App 集成", "2026-12-14", "2027-01-08", "2 名工程师")).await.unwrap();
    milestones::add_dependency(&t.ws, mvp.id, poc.id).await.unwrap();
    milestones::add_dependency(&t.ws, integration.id, mvp.id).await.unwrap();
    let e = milestones::add_dependency(&t.ws, poc.id, integration.id).await.unwrap_err();
    assert_eq!((e.code, e.params["milestone"].as_str()), (ErrorCode::DependencyCycle, "App 集成"));

    // 2027's calendar is not published yet: the user adds New Year's Day by hand.
    let new_year = liaison_core::service::calendar::CalendarDay { day: "2027-01-01".into(), kind: "holiday".into(), name: "元旦".into() };
    calendar::save(&t.ws, &new_year).await.unwrap();

    // The meeting on Friday 18 September 2026; follow-ups with the product VP.
    let apply = ApplyCadence { template_id: None, anchor_on: "2026-09-18".into(), counterpart_id: Some(vp.id) };
    let plan = service::apply_cadence(&t.ws, project.id, apply, Lang::ZhCn).await.unwrap();
    let after_anchor: Vec<&str> = plan.iter().filter(|t| t.step_id.is_some() && t.milestone_id.is_none()).map(|t| t.due_on.as_str()).collect();
    // Day 0; week 2 falls on National Day and moves to 8 October; week 4 (16 Oct); week 6 (30 Oct);
    // test feedback a week before the 8 January launch; results two weeks after it.
    assert_eq!(after_anchor, ["2026-09-18", "2026-10-08", "2026-10-16", "2026-10-30", "2026-12-31", "2027-01-22"]);
    let build: Vec<&str> = plan.iter().filter(|t| t.milestone_id.is_some()).map(|t| t.due_on.as_str()).collect();
    assert_eq!(build, ["2026-11-16", "2026-11-30", "2026-12-28"], "every two weeks while the MVP and the integration run");
    assert!(plan.iter().find(|t| t.due_on == "2026-10-30").unwrap().escalates, "week 6 asks the sponsor");

    // The recap goes out two days late: the week-2 and later checks keep their spacing from it.
    let recap = plan[0].id;
    let plan = service::complete(&t.ws, recap, "2026-09-20", "纪要已发").await.unwrap();
    assert_eq!(plan[1].due_on, "2026-10-08", "20 Sep + 14 = 4 Oct, in the holiday → 8 Oct");
    assert_eq!(plan.iter().filter(|t| t.due_on == "2026-10-19").count(), 1, "week 4: 20 Sep + 28 = Sunday → Monday");

    // A 1:1 with the VP on the make-up Saturday completes the week-2 touchpoint.
    let contact = InteractionInput { kind: InteractionKind::OneOnOne, happened_at: 1_791_597_600_000, summary: "确认负责人".into(), sentiment: 1, next_step: String::new(), next_step_due: None };
    stakeholders::log_interaction(&t.ws, vp.id, contact).await.unwrap();
    let plan = followup::touchpoints(&t.ws, project.id).await.unwrap();
    assert_eq!(dues(&plan)[..2], [("2026-09-18".into(), "done".into()), ("2026-10-08".into(), "done".into())]);
    assert_eq!(plan.iter().filter(|t| t.due_on == "2026-10-26").count(), 1, "week 4: 10 Oct + 14 = Saturday → Monday");

    // Week 4 passes with no result: asking the VP's own manager (the CEO) is proposed, and taken up.
    let ceo = person(&t.ws, "周志远").await;
    let mut conn = t.ws.pool().acquire().await.unwrap();
    let proposals = service::escalation_proposals(&mut conn, chrono::NaiveDate::from_ymd_opt(2026, 10, 28).unwrap()).await.unwrap();
    drop(conn);
    assert_eq!(proposals.len(), 1);
    assert_eq!((proposals[0].touchpoint.due_on.as_str(), proposals[0].sponsor_id), ("2026-10-26", Some(ceo.id)));
    let asked = service::escalate(&t.ws, proposals[0].touchpoint.id, "2026-10-28").await.unwrap();
    assert!(asked.escalates);
    assert_eq!((asked.due_on.as_str(), asked.action.as_str()), ("2026-10-29", "若仍未启动，请赞助人推动"));

    // Moving the MVP moves its fortnightly check-ins.
    milestones::update(&t.ws, mvp.id, phase("MVP", "2026-11-09", "2026-12-18", "2–3 名工程师")).await.unwrap();
    let plan = followup::touchpoints(&t.ws, project.id).await.unwrap();
    let mvp_checks: Vec<&str> = plan.iter().filter(|t| t.milestone_id == Some(mvp.id)).map(|t| t.due_on.as_str()).collect();
    assert_eq!(mvp_checks, ["2026-11-23", "2026-12-07"]);

    // Calendar export: one all-day event per open touchpoint, CRLF, folded lines.
    let file = t.dir.path().join("follow-ups.ics");
    followup::export_ics(&t.ws, Some(project.id), &file, chrono::Utc::now()).await.unwrap();
    let ics = std::fs::read_to_string(&file).unwrap();
    let open = plan.iter().filter(|t| t.state == "open").count();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), open);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20261029"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));

    let draft = followup::draft(&t.ws, asked.id, Lang::ZhCn).await.unwrap();
    assert!(draft.contains("派单二期") && draft.contains("POC"), "{draft}");
}

#[tokio::test]
async fn the_weekly_report_and_the_start_page_fill_from_the_data() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let smart = service::list(&t.ws).await.unwrap()[0].clone();
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai).date_naive();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).format("%Y-%m-%d").to_string();
    milestones::add(&t.ws, smart.id, MilestoneInput { done_on: Some(day(-2)), ..phase("POC", &day(-16), &day(-2), "1 名工程师") }).await.unwrap();
    milestones::add(&t.ws, smart.id, phase("MVP", &day(-1), &day(40), "2–3 名工程师")).await.unwrap();
    milestones::add(&t.ws, smart.id, phase("旧的评审", &day(-30), &day(-10), "")).await.unwrap();
    let nps = MetricInput { department_id: None, name: "NPS".into(), unit: "分".into(), direction: MetricDirection::Up, baseline: 0.0, target: 5.0 };
    let id = metrics::add(&t.ws, smart.id, nps).await.unwrap();
    metrics::add_reading(&t.ws, id, &day(-1), 7.0).await.unwrap();

    let report = followup::report_draft(&t.ws, smart.id, &day(0), Lang::ZhCn).await.unwrap();
    assert!(report.progress.contains("完成“POC”") && report.progress.contains("“MVP”进行中"), "{}", report.progress);
    assert!(report.metrics.contains("NPS：0 → 7分（目标 5分）↑"), "{}", report.metrics);
    // S1: the two engineers credited by name in the Friday review.
    assert!(report.credits.contains("感谢刘洋") && report.credits.contains("感谢许诺") && report.credits.contains("周五项目周会"), "{}", report.credits);
    assert!(report.risks.contains("旧的评审"));
    let text = followup::report_text("智能派单", &report, Lang::ZhCn);
    assert!(text.starts_with("【智能派单】周报") && text.contains("\n致谢\n"));

    let now = liaison_core::time::now_ms();
    let start = followup::today(&t.ws, &day(0), now).await.unwrap();
    assert!(start.milestones_at_risk.iter().any(|m| m.milestone.name == "旧的评审" && m.project_title == "智能派单"));
    assert!(start.not_contacted.iter().any(|h| h.days_since == Some(75)), "王强, 75 days");
    let past_sla = liaison_core::service::escalations::overdue(&t.ws, now, Lang::ZhCn, 5).await.unwrap();
    assert_eq!(past_sla.shown.len(), 5, "demo incidents past their SLA, a page of them");
    assert!(past_sla.total > 5);
}

#[tokio::test]
async fn bad_cadence_steps_change_nothing() {
    let t = common::temp_workspace().await;
    let template = service::templates(&t.ws, Lang::En).await.unwrap().into_iter().find(|t| t.is_default).unwrap().id;
    let steps = service::template_steps(&t.ws, template).await.unwrap();
    assert_eq!(steps.len(), 7);
    assert_eq!(steps[0].action, "Send the recap: thanks and next steps");
    let mut bad = steps.clone();
    bad[2].offset_days = -7;
    let e = service::save_template_steps(&t.ws, template, bad).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NegativeOffset);
    assert_eq!(service::template_steps(&t.ws, template).await.unwrap(), steps, "nothing written");
}

/// Desktop notifications: what is due (also what fell due while the app was closed) is announced
/// once; a touchpoint moved to a later day is announced again when that day comes.
#[tokio::test]
async fn due_touchpoints_are_announced_once_and_again_after_a_move() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let vp = person(&t.ws, "陈立").await;
    let input = ProjectInput { title: "通知测试".into(), goal: String::new(), status: ProjectStatus::Active, impact_metrics: String::new(), benefits: String::new(), anchor_on: None, launch_on: None };
    let project = service::create(&t.ws, input).await.unwrap();
    let apply = ApplyCadence { template_id: None, anchor_on: "2026-09-18".into(), counterpart_id: Some(vp.id) };
    service::apply_cadence(&t.ws, project.id, apply, Lang::ZhCn).await.unwrap();

    let first = followup::announce_due(&t.ws, "2026-10-09").await.unwrap();
    let ours: Vec<&str> = first.iter().filter(|t| t.project_id == project.id).map(|t| t.due_on.as_str()).collect();
    assert_eq!(ours, ["2026-09-18", "2026-10-08"], "the recap and the week-2 check, both overdue or due");
    assert!(followup::announce_due(&t.ws, "2026-10-09").await.unwrap().iter().all(|t| t.project_id != project.id), "announced once");

    let week2 = first.iter().find(|t| t.due_on == "2026-10-08").unwrap();
    let moved = service::reschedule(&t.ws, week2.id, "2026-10-12").await.unwrap();
    assert_eq!(moved.due_on, "2026-10-12");
    assert!(followup::announce_due(&t.ws, "2026-10-11").await.unwrap().iter().all(|t| t.id != week2.id));
    assert!(followup::announce_due(&t.ws, "2026-10-12").await.unwrap().iter().any(|t| t.id == week2.id), "announced on its new day");

    let e = service::reschedule(&t.ws, week2.id, "12/10/2026").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidDate);
    service::skip(&t.ws, week2.id).await.unwrap();
    let e = service::reschedule(&t.ws, week2.id, "2026-10-20").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidChoice, "a skipped follow-up keeps its day");
    let kept = followup::touchpoints(&t.ws, week2.project_id).await.unwrap().into_iter().find(|x| x.id == week2.id).unwrap();
    assert_eq!(kept.due_on, "2026-10-12");
}
