//! Claims, transfers with reasons, and escalation past the SLA, on a real workspace file.

mod common;

use liaison_core::demo::Lang;
use liaison_core::repo::departments::DepartmentInput;
use liaison_core::repo::incidents::IncidentInput;
use liaison_core::repo::severity_classes;
use liaison_core::service::{departments, incident_records as records, incidents as actions};
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
    let dept = |name: &str, head: &str| DepartmentInput { name: name.into(), head: head.into(), kpis: String::new() };
    let it = departments::create(&t.ws, dept("IT部", "王强")).await.unwrap();
    let product = departments::create(&t.ws, dept("产品部", "陈立")).await.unwrap();
    let major = severity_classes::insert(t.ws.pool(), "较重", "72 小时内解决", 72, 1).await.unwrap();
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

    let first = actions::escalate_overdue(&t.ws, now, Lang::ZhCn).await.unwrap();
    assert_eq!(first.len(), 1, "only the incident past its 72 h SLA");
    let e = &first[0];
    assert_eq!((e.incident_id, e.sla_hours, e.hours_over), (late, 72, 28));
    assert_eq!(e.department.as_deref(), Some("产品部"));
    assert!(e.draft.starts_with("陈立您好"), "{}", e.draft);
    assert!(e.draft.contains("已超出 28 小时"));
    assert!(!first.iter().any(|e| e.incident_id == fresh));
    // Asking again lists it again but does not escalate twice.
    assert_eq!(actions::escalate_overdue(&t.ws, now + HOUR, Lang::En).await.unwrap()[0].draft.lines().next(), Some("Hello 陈立,"));

    let history = actions::history(&t.ws, late).await.unwrap();
    let kinds: Vec<(&str, &str)> = history.iter().map(|h| (h.kind.as_str(), h.source.as_str())).collect();
    assert_eq!(kinds, [("assigned", "user"), ("claimed", "user"), ("transferred", "user"), ("escalated", "rule")]);
    assert_eq!(history[2].from_department.as_deref(), Some("IT部"));
    assert_eq!(history[2].to_department.as_deref(), Some("产品部"));
    assert_eq!(history[2].reason, "根因在预约系统，不在门店网络");
    assert_eq!(history[2].at, now - 80 * HOUR, "back-dated as entered");
}
