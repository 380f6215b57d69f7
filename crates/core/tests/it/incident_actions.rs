//! Claims, transfers with reasons, and escalation past the SLA, on a real workspace file.

use crate::common;

use liaison_core::Lang;
use liaison_core::service::departments::DepartmentInput;
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::testing::add_severity_class;
use liaison_core::service::{departments, escalations, incident_records as records, incidents as actions};
use liaison_core::{ErrorCode, Money};

const HOUR: i64 = 3_600_000;

fn input(title: &str, department_id: Option<i64>, class: i64, opened_at: i64) -> IncidentInput {
    IncidentInput {
        title: title.into(),
        department_id,
        problem_type: "门店系统卡顿".into(),
        severity_class_id: Some(class),
        wait_minutes: Some(40),
        complaint: true,
        cost: Money::ZERO,
        opened_at,
        status: "open".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn claim_transfer_and_escalate_make_a_history() {
    let t = common::temp_workspace().await;
    let dept = |name: &str, head: &str| DepartmentInput { name: name.into(), head: head.into(), kpis: String::new(), ..Default::default() };
    let it = departments::create(&t.ws, dept("IT部", "王强")).await.unwrap();
    let product = departments::create(&t.ws, dept("产品部", "陈立")).await.unwrap();
    let major = add_severity_class(&t.ws, "较重", "72 小时内解决", 72, 1).await.unwrap();
    let now = liaison_core::time::now_ms();
    let late = records::create(&t.ws, input("门店系统卡顿（上海一店）", Some(it.id), major, now - 100 * HOUR)).await.unwrap().id;
    let fresh = records::create(&t.ws, input("门店系统卡顿（北京一店）", Some(it.id), major, now - 10 * HOUR)).await.unwrap().id;
    let unassigned = records::create(&t.ws, input("无人认领", None, major, now)).await.unwrap().id;

    actions::claim(&t.ws, late, Some(now - 90 * HOUR)).await.unwrap();
    assert_eq!(actions::claim(&t.ws, unassigned, None).await.unwrap_err().code, ErrorCode::IncidentUnassigned);

    let no_reason = actions::transfer(&t.ws, late, product.id, "  ", None).await.unwrap_err();
    assert_eq!((no_reason.code, no_reason.field.as_deref()), (ErrorCode::Required, Some("reason")));
    let same = actions::transfer(&t.ws, late, it.id, "重复", None).await.unwrap_err();
    assert_eq!(same.code, ErrorCode::TransferToSameDepartment);
    actions::transfer(&t.ws, late, product.id, "根因在预约系统，不在门店网络", Some(now - 80 * HOUR)).await.unwrap();

    let first = escalations::overdue(&t.ws, now, Lang::ZhCn, 50).await.unwrap();
    assert_eq!(first.total, 1, "only the incident past its 72 h SLA");
    let first = first.shown;
    let e = &first[0];
    assert_eq!((e.incident_id, e.limit_hours, e.hours_over, e.level), (late, 72.0, 28.0, 1));
    assert_eq!((e.department.as_deref(), e.notified.as_str()), (Some("产品部"), "陈立"), "level 1 tells the owning department's head");
    assert!(e.draft.starts_with("陈立您好"), "{}", e.draft);
    assert!(e.draft.contains("已超出 28 小时"));
    assert!(!first.iter().any(|e| e.incident_id == fresh));
    // Listing is a read: nothing is escalated until the sweep writes it down.
    assert_eq!(actions::history(&t.ws, late).await.unwrap().len(), 3);
    assert_eq!(escalations::record(&t.ws, now).await.unwrap().len(), 1);
    // The sweep again and another look an hour later list it again but do not escalate twice.
    assert_eq!(escalations::record(&t.ws, now + HOUR).await.unwrap().len(), 0);
    assert_eq!(escalations::overdue(&t.ws, now + HOUR, Lang::En, 50).await.unwrap().shown[0].draft.lines().next(), Some("Hello 陈立,"));

    let history = actions::history(&t.ws, late).await.unwrap();
    let kinds: Vec<(&str, &str)> = history.iter().map(|h| (h.kind.as_str(), h.source.as_str())).collect();
    assert_eq!(kinds, [("assigned", "user"), ("claimed", "user"), ("transferred", "user"), ("escalated", "rule")]);
    assert_eq!(history[2].from_department.as_deref(), Some("IT部"));
    assert_eq!(history[2].to_department.as_deref(), Some("产品部"));
    assert_eq!(history[2].reason, "根因在预约系统，不在门店网络");
    assert_eq!(history[2].at, now - 80 * HOUR, "back-dated as entered");
    assert_eq!((history[3].level, history[3].notified.as_str()), (Some(1), "陈立"));
}

/// What runs at once when the app starts: the page reads Today and the escalation list while the
/// shell records escalations, announces due follow-ups and takes the daily backup, and the user
/// may already be typing. Every call must succeed every time: deferred transactions that read and
/// then wrote failed with SQLITE_BUSY at once (the busy timeout does not apply to them), and Today
/// said "nothing due".
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn start_up_reads_sweeps_and_writes_never_fail_each_other() {
    use liaison_core::service::people::PersonInput;
    use liaison_core::service::projects::{ProjectInput, ProjectStatus};
    use liaison_core::service::projects::{self as projects, ApplyCadence};
    use liaison_core::service::{backup, followup, people};

    let t = common::temp_workspace().await;
    let ws = t.ws.clone();
    let it = departments::create(&ws, DepartmentInput { name: "IT部".into(), head: "王强".into(), kpis: String::new(), ..Default::default() }).await.unwrap();
    let wang = people::create(&ws, PersonInput { name: "王强".into(), department_id: Some(it.id), ..Default::default() }).await.unwrap();
    let class = add_severity_class(&ws, "一般", "24 小时内解决", 24, 1).await.unwrap();
    let project = projects::create(
        &ws,
        ProjectInput { title: "门店网络改造".into(), goal: String::new(), status: ProjectStatus::Active, impact_metrics: String::new(), benefits: String::new(), anchor_on: None, launch_on: None },
    )
    .await
    .unwrap();
    let plan = projects::apply_cadence(&ws, project.id, ApplyCadence { template_id: None, anchor_on: "2026-09-18".into(), counterpart_id: Some(wang.id) }, Lang::ZhCn).await.unwrap();
    let moving = plan[1].id;
    let now = liaison_core::time::now_ms();

    const ROUNDS: i64 = 30;
    let mut overdue_seen = 0;
    for round in 0..ROUNDS {
        // Each round brings new work to every writer: an incident past its SLA to escalate, a
        // follow-up moved to a day not yet announced.
        let day = format!("2026-10-{:02}", 10 + round % 15);
        let (ws1, ws2, ws3, ws4, ws5, ws6, ws7) = (ws.clone(), ws.clone(), ws.clone(), ws.clone(), ws.clone(), ws.clone(), ws.clone());
        let d1 = day.clone();
        let d2 = day.clone();
        let today = tokio::spawn(async move { followup::today(&ws1, &d1, now).await });
        let listed = tokio::spawn(async move { escalations::overdue(&ws2, now, Lang::ZhCn, 50).await });
        let escalated = tokio::spawn(async move { escalations::record(&ws3, now).await.map(|done| done.len()) });
        let announced = tokio::spawn(async move { followup::announce_due(&ws4, &d2).await });
        let backed_up = tokio::spawn(async move { backup::create(&ws5, "manual").await });
        let created = tokio::spawn(async move { records::create(&ws6, input(&format!("门店网络中断 {round}"), Some(it.id), class, now - 30 * HOUR)).await });
        let moved = tokio::spawn(async move { projects::reschedule(&ws7, moving, &format!("2026-10-{:02}", 10 + (round + 1) % 15)).await });

        let today = today.await.unwrap().unwrap_or_else(|e| panic!("round {round}: today failed: {e}"));
        assert!(today.touchpoints.iter().any(|tp| tp.project_id == project.id), "round {round}: the overdue recap is listed");
        let listed = listed.await.unwrap().unwrap_or_else(|e| panic!("round {round}: the escalation list failed: {e}"));
        assert!(listed.total >= round, "round {round}: {} listed", listed.total);
        overdue_seen += escalated.await.unwrap().unwrap_or_else(|e| panic!("round {round}: the escalation sweep failed: {e}"));
        announced.await.unwrap().unwrap_or_else(|e| panic!("round {round}: announcing failed: {e}"));
        backed_up.await.unwrap().unwrap_or_else(|e| panic!("round {round}: the backup failed: {e}"));
        created.await.unwrap().unwrap_or_else(|e| panic!("round {round}: creating an incident failed: {e}"));
        moved.await.unwrap().unwrap_or_else(|e| panic!("round {round}: rescheduling failed: {e}"));
    }
    overdue_seen += escalations::record(&ws, now).await.unwrap().len();
    assert_eq!(overdue_seen as i64, ROUNDS, "each incident escalated exactly once");
}
