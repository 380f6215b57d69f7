//! The stakeholder map on a real workspace file, with S1's people from the demo.

use crate::common;

use liaison_core::{demo, Lang};
use liaison_core::service::stakeholders::{InteractionInput, InteractionKind};
use liaison_core::service::stakeholders::{Direction, LedgerInput, LedgerKind};
use liaison_core::service::people::{Person, PersonInput};
use liaison_core::service::projects::ProjectRole;
use liaison_core::service::stakeholders::RelationKind;
use liaison_core::service::{people, projects, stakeholders as map};
use liaison_core::{ErrorCode, Workspace};

async fn person(ws: &Workspace, name: &str) -> Person {
    people::list(ws).await.unwrap().into_iter().find(|p| p.name == name).unwrap()
}

fn input_of(p: &Person) -> PersonInput {
    PersonInput {
        name: p.name.clone(),
        title: p.title.clone(),
        department_id: p.department_id,
        reports_to_id: p.reports_to_id,
        stance: p.stance,
        trust: p.trust,
        power: p.power,
        interest: p.interest,
        contact_every_days: p.contact_every_days,
    }
}

#[tokio::test]
async fn s1_the_product_vp_is_found_as_a_sponsor_for_the_reasons_we_know() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let vp = person(&t.ws, "陈立").await;
    let smart = projects::list(&t.ws).await.unwrap().into_iter().find(|p| p.input.title == "智能派单").unwrap();
    let metrics = map::parse_metrics(&smart.input.impact_metrics);
    let ranked = map::find_sponsors(&t.ws, &metrics).await.unwrap();
    let vp_rank = ranked.iter().find(|c| c.person_id == vp.id).unwrap();
    // Decision power 9, NPS and retention both hurt (relevance 1), trust 2 of 5: 9/10 × 1 × 2/5 = 36.
    assert_eq!(vp_rank.score, 36.0);
    let reasons: Vec<&str> = vp_rank.matched.iter().filter_map(|n| n.metric.as_deref()).collect();
    assert_eq!(reasons, ["nps", "retention"]);
    assert!(vp_rank.matched[0].source.contains("黄蕾"), "each reason keeps its source");
    let ceo = person(&t.ws, "周志远").await;
    assert_eq!(ranked[0].person_id, ceo.id, "the CEO (power 10, NPS, trust 4) ranks first: 10/10 × 1/2 × 4/5 = 40");
    assert_eq!(ranked[0].score, 40.0);
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(map::find_sponsors(&t.ws, &[]).await.unwrap_err().code, ErrorCode::Required);

    // What is in it for them (S1): NPS and retention for the product VP.
    let benefits = map::what_is_in_it_for_them(&t.ws, smart.id).await.unwrap();
    let vp_benefit = benefits.iter().find(|b| b.person_id == vp.id).unwrap();
    assert_eq!(vp_benefit.roles, [ProjectRole::ExecutiveSponsor]);
    assert_eq!(vp_benefit.matched.len(), 2);
    let me = person(&t.ws, "林晓").await;
    assert_eq!(benefits.iter().find(|b| b.person_id == me.id).unwrap().roles, [ProjectRole::ExecutiveSponsor, ProjectRole::ProductOwner]);

    // The ledger: the 100,000 records given, the POC engineer received.
    let profile = map::profile(&t.ws, vp.id).await.unwrap();
    assert!(profile.ledger.iter().any(|e| e.description.contains("10 万条")));
    assert_eq!(profile.balance, 4 - 3);
    assert_eq!(profile.projects, ["智能派单"]);
    assert_eq!(profile.interactions.len(), 3);
}

#[tokio::test]
async fn grid_positions_are_checked_and_saved() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let vp = person(&t.ws, "陈立").await;
    let moved = people::place(&t.ws, vp.id, 9.46, 8.04).await.unwrap();
    assert_eq!((moved.power, moved.interest), (9.5, 8.0), "one decimal");
    let reopened = Workspace::open(&t.path()).await.unwrap();
    let again = people::list(&reopened).await.unwrap().into_iter().find(|p| p.id == vp.id).unwrap();
    assert_eq!((again.power, again.interest), (9.5, 8.0));
    for (power, interest) in [(10.5, 5.0), (-1.0, 5.0), (5.0, f64::NAN)] {
        let e = people::place(&t.ws, vp.id, power, interest).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::OutOfRange);
        assert_eq!(e.params["max"], "10");
    }
    let e = people::update(&t.ws, vp.id, PersonInput { trust: Some(6), ..input_of(&vp) }).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::OutOfRange, Some("trust")));
}

#[tokio::test]
async fn a_reports_to_cycle_is_refused_and_changes_nothing() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    // 刘洋 → 郑航 → 陈立 → 周志远
    let ceo = person(&t.ws, "周志远").await;
    let engineer = person(&t.ws, "刘洋").await;
    let e = people::update(&t.ws, ceo.id, PersonInput { reports_to_id: Some(engineer.id), ..input_of(&ceo) }).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::ReportsToCycle, Some("reportsToId")));
    assert_eq!(e.params["manager"], "刘洋");
    let e = people::update(&t.ws, ceo.id, PersonInput { reports_to_id: Some(ceo.id), ..input_of(&ceo) }).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::ReportsToCycle);
    assert_eq!(person(&t.ws, "周志远").await.reports_to_id, None, "nothing changed");
}

#[tokio::test]
async fn deleting_someone_with_a_project_role_asks_first_and_keeps_the_links_until_told() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let lead = person(&t.ws, "郑航").await;
    let e = people::delete(&t.ws, lead.id, false).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::PersonInProjects);
    assert_eq!(e.params["projects"], "智能派单");
    assert_eq!(map::profile(&t.ws, lead.id).await.unwrap().projects, ["智能派单"], "links kept");
    people::delete(&t.ws, lead.id, true).await.unwrap();
    let smart = projects::list(&t.ws).await.unwrap()[0].id;
    assert!(map::what_is_in_it_for_them(&t.ws, smart).await.unwrap().iter().all(|b| b.person_id != lead.id));
}

#[tokio::test]
async fn contacts_drive_the_health_score_and_the_not_contacted_list() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let now = liaison_core::time::now_ms();
    let day = 86_400_000;
    let health = map::contact_health(&t.ws, now).await.unwrap();
    let it = person(&t.ws, "王强").await;
    let vp = person(&t.ws, "陈立").await;
    let of = |id| health.iter().find(|h| h.person_id == id).unwrap().clone();
    // 王强: last contact 75 days ago against a 30-day rhythm, and it went badly.
    assert_eq!((of(it.id).days_since, of(it.id).overdue, of(it.id).score), (Some(75), true, 8));
    // 陈立: met 6 days ago, rhythm 14 days: healthy.
    assert!(!of(vp.id).overdue && of(vp.id).score >= 80);
    assert!(health.windows(2).all(|w| w[0].score <= w[1].score), "most neglected first");

    let contact = InteractionInput { kind: InteractionKind::Coffee, happened_at: now - day, summary: "聊了预算".into(), sentiment: 2, next_step: "发数据".into(), next_step_due: Some(now - 1) };
    map::log_interaction(&t.ws, it.id, contact.clone()).await.unwrap();
    let after = map::contact_health(&t.ws, now).await.unwrap().into_iter().find(|h| h.person_id == it.id).unwrap();
    assert_eq!((after.days_since, after.overdue, after.late_next_steps), (Some(1), false, 1));
    let e = map::log_interaction(&t.ws, it.id, InteractionInput { sentiment: 3, ..contact.clone() }).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::OutOfRange);
    let e = map::log_interaction(&t.ws, it.id, InteractionInput { next_step: " ".into(), ..contact }).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Required, Some("nextStep")));

    let given = LedgerInput { direction: Direction::Given, kind: LedgerKind::PublicCredit, description: "在季度会上感谢 IT".into(), meeting: "季度经营会".into(), weight: 2, happened_at: now };
    map::add_ledger_entry(&t.ws, it.id, given.clone()).await.unwrap();
    assert_eq!(map::profile(&t.ws, it.id).await.unwrap().balance, 2);
    assert_eq!(map::add_ledger_entry(&t.ws, it.id, LedgerInput { weight: 0, ..given }).await.unwrap_err().code, ErrorCode::OutOfRange);

    assert_eq!(map::add_relationship(&t.ws, it.id, it.id, RelationKind::Ally, "").await.unwrap_err().code, ErrorCode::SamePerson);
    let e = map::add_relationship(&t.ws, it.id, vp.id, RelationKind::Rival, "").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::RelationshipExists, "the demo already has this rivalry");
}
