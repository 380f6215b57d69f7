//! Dispatch measured: a 20-incident fixture imported on a blank workspace (the incidents through
//! the incident importer, their history through the history importer), and the department
//! figures checked against values worked out by hand below. Times are Asia/Shanghai.
//!
//! Classes: P1 claim 1 h, resolve 24 h; P2 claim 4 h, resolve 72 h. Departments A (售后部),
//! B (产品部), C (IT部). The period is 2024-03-04 ..< 2024-03-11.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::common;
use liaison_core::import::{self, ImportOptions};
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::dispatch_stats::{self, DepartmentFigures, HistoryReport};
use liaison_core::{ErrorCode, Lang, Workspace};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;

const INCIDENTS: &str = "工单号,标题,严重等级,登记时间
I-01,一,P1,2024-03-04 09:00
I-02,二,P1,2024-03-04 10:00
I-03,三,P2,2024-03-04 11:00
I-04,四,P2,2024-03-05 09:00
I-05,五,P1,2024-03-05 09:00
I-06,六,P2,2024-03-06 09:00
I-07,七,P1,2024-03-06 09:00
I-08,八,P2,2024-03-06 10:00
I-09,九,P1,2024-03-07 09:00
I-10,十,P2,2024-03-07 10:00
I-11,十一,P1,2024-03-07 11:00
I-12,十二,P2,2024-03-08 09:00
I-13,十三,P2,2024-03-08 09:00
I-14,十四,P1,2024-03-09 20:00
I-15,十五,P2,2024-03-10 09:00
I-16,十六,P1,2024-03-10 22:00
I-17,十七,P1,2024-03-03 20:00
I-18,十八,P2,2024-03-11 09:00
I-19,十九,P2,2024-03-01 09:00
I-20,二十,P1,2024-03-05 13:00
";

/// The ticket system's history of the twenty, some rows in Chinese.
const HISTORY: &str = "工单号,事件,部门,时间,原因
I-01,created,售后部,2024-03-04 09:00,
I-01,claimed,售后部,2024-03-04 09:30,
I-01,resolved,售后部,2024-03-04 15:00,
I-02,创建,售后部,2024-03-04 10:00,
I-02,认领,售后部,2024-03-04 11:30,
I-02,解决,售后部,2024-03-05 10:00,
I-03,created,售后部,2024-03-04 11:00,
I-03,claimed,售后部,2024-03-04 13:00,
I-03,resolved,售后部,2024-03-06 11:00,
I-04,created,售后部,2024-03-05 09:00,
I-04,转派,产品部,2024-03-05 10:00,产品缺陷
I-04,claimed,产品部,2024-03-05 11:00,
I-04,resolved,产品部,2024-03-05 21:00,
I-05,created,产品部,2024-03-05 09:00,
I-05,claimed,产品部,2024-03-05 09:20,
I-05,transferred,售后部,2024-03-05 12:00,门店问题
I-05,claimed,售后部,2024-03-05 12:30,
I-05,resolved,售后部,2024-03-05 18:00,
I-06,created,售后部,2024-03-06 09:00,
I-06,transferred,产品部,2024-03-06 10:00,不是我们
I-06,transferred,IT部,2024-03-06 12:00,系统问题
I-06,transferred,售后部,2024-03-06 15:00,退回
I-06,claimed,售后部,2024-03-06 16:00,
I-06,resolved,售后部,2024-03-07 09:00,
I-07,created,IT部,2024-03-06 09:00,
I-07,claimed,IT部,2024-03-06 09:45,
I-07,挂起,IT部,2024-03-06 10:00,等客户
I-07,resumed,IT部,2024-03-06 14:00,
I-07,resolved,IT部,2024-03-06 17:00,
I-08,created,IT部,2024-03-06 10:00,
I-08,claimed,IT部,2024-03-06 16:00,
I-09,created,产品部,2024-03-07 09:00,
I-10,created,产品部,2024-03-07 10:00,
I-10,claimed,产品部,2024-03-07 11:00,
I-10,resolved,产品部,2024-03-08 10:00,
I-11,created,售后部,2024-03-07 11:00,
I-11,claimed,售后部,2024-03-07 11:10,
I-11,resolved,售后部,2024-03-07 13:00,
I-12,created,售后部,2024-03-08 09:00,
I-12,claimed,售后部,2024-03-08 12:00,
I-12,resolved,售后部,2024-03-09 09:00,
I-13,created,IT部,2024-03-08 09:00,
I-13,transferred,售后部,2024-03-08 09:30,
I-13,claimed,售后部,2024-03-08 15:00,
I-14,created,售后部,2024-03-09 20:00,
I-14,claimed,售后部,2024-03-09 20:30,
I-14,resolved,售后部,2024-03-10 08:00,
I-15,created,产品部,2024-03-10 09:00,
I-15,claimed,产品部,2024-03-10 10:00,
I-15,resolved,产品部,2024-03-10 12:00,
I-16,created,IT部,2024-03-10 22:00,
I-16,claimed,IT部,2024-03-10 23:30,
I-16,resolved,IT部,2024-03-11 01:00,
I-17,created,售后部,2024-03-03 20:00,
I-17,claimed,售后部,2024-03-03 20:30,
I-17,resolved,售后部,2024-03-04 10:00,
I-18,created,产品部,2024-03-11 09:00,
I-18,claimed,产品部,2024-03-11 09:30,
I-18,resolved,产品部,2024-03-11 12:00,
I-19,created,售后部,2024-03-01 09:00,
I-19,claimed,售后部,2024-03-01 10:00,
I-19,transferred,IT部,2024-03-04 09:00,
I-19,claimed,IT部,2024-03-04 10:00,
I-19,resolved,IT部,2024-03-04 14:00,
I-20,created,产品部,2024-03-05 13:00,
I-20,transferred,IT部,2024-03-05 13:30,
I-20,transferred,产品部,2024-03-05 14:00,
I-20,claimed,产品部,2024-03-05 14:30,
I-20,resolved,产品部,2024-03-05 16:00,
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

async fn import_history(ws: &Workspace, path: &Path) -> HistoryReport {
    dispatch_stats::import_history(ws, path, None, &|_| {}, &AtomicBool::new(false)).await.unwrap()
}

async fn events(ws: &Workspace) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM incident_events").fetch_one(ws.pool()).await.unwrap()
}

/// A blank workspace with the three departments, the two classes and the twenty incidents, and
/// their history imported.
async fn fixture() -> common::TempWorkspace {
    let t = common::temp_workspace().await;
    for name in ["售后部", "产品部", "IT部"] {
        departments::create(&t.ws, DepartmentInput { name: name.into(), ..Default::default() }).await.unwrap();
    }
    for (name, claim, resolve, position) in [("P1", 1, 24, 1), ("P2", 4, 72, 2)] {
        let id = liaison_core::testing::add_severity_class(&t.ws, name, "", resolve, position).await.unwrap();
        sqlx::query("UPDATE severity_classes SET claim_hours = ? WHERE id = ?").bind(claim).bind(id).execute(t.ws.pool()).await.unwrap();
    }
    let path = write(t.dir.path(), "incidents.csv", INCIDENTS);
    let overview = import::inspect(&path, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed, ..Default::default() };
    let report = import::run(&t.ws, &path, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    assert!(report.committed && report.inserted == 20, "{report:?}");
    let report = import_history(&t.ws, &write(t.dir.path(), "history.csv", HISTORY)).await;
    assert!(report.committed, "{:?}", report.issues);
    assert_eq!((report.rows, report.inserted, report.invalid), (69, 69, 0));
    t
}

fn by_name<'a>(table: &'a [DepartmentFigures], name: &str) -> &'a DepartmentFigures {
    table.iter().find(|f| f.department == name).unwrap_or_else(|| panic!("{name} missing from {table:?}"))
}

#[tokio::test]
async fn department_figures_match_the_hand_count() {
    let t = fixture().await;
    let table = dispatch_stats::departments(&t.ws, "2024-03-04", "2024-03-11").await.unwrap();
    assert_eq!(table.len(), 3);

    // A (售后部). Receipts in the period (a deadline each): I-01 09:00 claimed +30m (in time),
    // I-02 claimed +90m (late, P1 1 h), I-03 +120m (P2 4 h: in time), I-04 passed on to B
    // unclaimed, I-05 (from B) +30m, I-06 first stay passed on unclaimed, I-06 back at 15:00
    // +60m, I-11 +10m, I-12 +180m, I-13 (from C) +330m (late), I-14 +30m: 11 receipts, 7 in
    // time; 10 distinct incidents. Claim times 10,30,30,30,60,90,120,180,330 (n = 9): median
    // rank ⌈4.5⌉ = 5 → 60 min, p90 rank ⌈8.1⌉ = 9 → 330 min. Resolved by A in the period:
    // I-01 6h, I-02 24h, I-03 48h, I-05 9h, I-06 24h, I-11 2h, I-12 24h, I-14 12h and I-17
    // (opened before the period, resolved in it) 14h: sorted 2,6,9,12,14,24,24,24,48 →
    // median 14 h, p90 48 h. Transfers out: I-04, I-06 (to B) and I-19 (to C, 03-04): 3.
    // Ping-pong: I-06 (3 transfers).
    let a = by_name(&table, "售后部");
    assert_eq!((a.received, a.with_due, a.within_sla), (10, 11, 7));
    assert!((a.within_sla_pct.unwrap() - 700.0 / 11.0).abs() < 1e-9);
    assert_eq!((a.claim_median_ms, a.claim_p90_ms), (Some(60 * MIN), Some(330 * MIN)));
    assert_eq!((a.resolved, a.resolve_median_ms, a.resolve_p90_ms), (9, Some(14 * HOUR), Some(48 * HOUR)));
    assert_eq!((a.transfers_out, a.ping_pong), (3, 1));

    // B (产品部). Receipts: I-04 (from A) +60m, I-05 +20m, I-06 passed on unclaimed, I-09
    // never claimed, I-10 +60m, I-15 +60m, I-20 passed on at once, I-20 back +30m: 8, 5 in
    // time; 7 incidents. Claims 20,30,60,60,60 → median rank 3 = 60 min, p90 rank 5 = 60 min.
    // Resolved: I-04 12h, I-10 24h, I-15 3h, I-20 3h (I-18 is after the period) → 3,3,12,24:
    // median rank 2 = 3 h, p90 rank 4 = 24 h. Out: I-05 (to A), I-06 and I-20 (to C): 3.
    let b = by_name(&table, "产品部");
    assert_eq!((b.received, b.with_due, b.within_sla), (7, 8, 5));
    assert_eq!(b.within_sla_pct, Some(62.5));
    assert_eq!((b.claim_median_ms, b.claim_p90_ms), (Some(60 * MIN), Some(60 * MIN)));
    assert_eq!((b.resolved, b.resolve_median_ms, b.resolve_p90_ms), (4, Some(3 * HOUR), Some(24 * HOUR)));
    assert_eq!((b.transfers_out, b.ping_pong), (3, 1));

    // C (IT部). Receipts: I-06 passed on unclaimed, I-07 +45m, I-08 +360m (late), I-13 passed
    // on unclaimed, I-16 +90m (late), I-19 (from A) +60m, I-20 passed on: 7, 2 in time; 7
    // incidents. Claims 45,60,90,360 → median rank 2 = 60 min, p90 rank 4 = 360 min. Resolved
    // in the period: I-07 8h, I-19 77h (opened 03-01 09:00); I-16 is resolved on 03-11 →
    // median rank 1 = 8 h, p90 rank 2 = 77 h. Out: I-06 (to A), I-13 (to A), I-20 (to B): 3.
    let c = by_name(&table, "IT部");
    assert_eq!((c.received, c.with_due, c.within_sla), (7, 7, 2));
    assert_eq!((c.claim_median_ms, c.claim_p90_ms), (Some(60 * MIN), Some(360 * MIN)));
    assert_eq!((c.resolved, c.resolve_median_ms, c.resolve_p90_ms), (2, Some(8 * HOUR), Some(77 * HOUR)));
    assert_eq!((c.transfers_out, c.ping_pong), (3, 1));

    // The period is one week from a Monday: its trend is one week with the same figures.
    let trend = dispatch_stats::trend(&t.ws, "2024-03-04", "2024-03-11").await.unwrap();
    assert_eq!(trend.len(), 3);
    assert!(trend.iter().all(|w| w.week == "2024-03-04"));
    assert_eq!(&trend.iter().find(|w| w.figures.department == "售后部").unwrap().figures, a);

    // A narrower period: Tuesday 03-05 only. A receives I-04 and I-05 (1 in time); B I-04,
    // I-05, I-20 twice (4 receipts, 3 in time: I-20's first stay was passed on).
    let day = dispatch_stats::departments(&t.ws, "2024-03-05", "2024-03-06").await.unwrap();
    let a = by_name(&day, "售后部");
    assert_eq!((a.received, a.with_due, a.within_sla), (2, 2, 1));
    let b = by_name(&day, "产品部");
    assert_eq!((b.received, b.with_due, b.within_sla), (3, 4, 3));
}

async fn incident_id(ws: &Workspace, number: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM incidents WHERE external_id = ?").bind(number).fetch_one(ws.pool()).await.unwrap()
}

#[tokio::test]
async fn each_incident_has_its_transfers_times_and_breaches() {
    let t = fixture().await;
    let now = chrono::DateTime::parse_from_rfc3339("2024-04-01T00:00:00+08:00").unwrap().timestamp_millis();
    // I-06: three transfers, first claim 7 h after opening (16:00), resolved after 24 h; every
    // stay was passed on before its deadline or claimed in time; 24 h is inside P2's 72 h.
    let f = dispatch_stats::incident(&t.ws, incident_id(&t.ws, "I-06").await, now).await.unwrap();
    assert_eq!((f.transfers, f.time_to_claim_ms, f.time_to_resolve_ms), (3, Some(7 * HOUR), Some(24 * HOUR)));
    assert_eq!((f.claim_breaches, f.resolve_breached), (0, false));
    // I-09: never claimed, never resolved: its one deadline passed, and so did P1's 24 h.
    let f = dispatch_stats::incident(&t.ws, incident_id(&t.ws, "I-09").await, now).await.unwrap();
    assert_eq!((f.transfers, f.time_to_claim_ms, f.claim_breaches, f.resolve_breached), (0, None, 1, true));
    // I-13: C passed it on before its deadline; A claimed 5.5 h after receiving it (P2 4 h).
    let f = dispatch_stats::incident(&t.ws, incident_id(&t.ws, "I-13").await, now).await.unwrap();
    assert_eq!((f.transfers, f.claim_breaches), (1, 1));
    // I-02: claimed late; resolved exactly at its 24 h SLA, which is not past it.
    let f = dispatch_stats::incident(&t.ws, incident_id(&t.ws, "I-02").await, now).await.unwrap();
    assert_eq!((f.claim_breaches, f.resolve_breached, f.time_to_resolve_ms), (1, false, Some(24 * HOUR)));
}

#[tokio::test]
async fn the_incidents_follow_their_newest_imported_event() {
    let t = fixture().await;
    let row = |n: &'static str| {
        let ws = &t.ws;
        async move {
            sqlx::query_as::<_, (Option<String>, String, Option<i64>, Option<i64>)>(
                "SELECT d.name, i.status, i.claimed_at, i.closed_at FROM incidents i LEFT JOIN departments d ON d.id = i.department_id WHERE i.external_id = ?",
            )
            .bind(n)
            .fetch_one(ws.pool())
            .await
            .unwrap()
        }
    };
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis();
    assert_eq!(row("I-09").await, (Some("产品部".into()), "open".into(), None, None));
    assert_eq!(row("I-08").await, (Some("IT部".into()), "claimed".into(), Some(at("2024-03-06T16:00:00+08:00")), None));
    let (dept, status, _, closed) = row("I-06").await;
    assert_eq!((dept.as_deref(), status.as_str(), closed), (Some("售后部"), "resolved", Some(at("2024-03-07T09:00:00+08:00"))));
}

#[tokio::test]
async fn importing_the_same_history_again_adds_nothing() {
    let t = fixture().await;
    let before = events(&t.ws).await;
    let table = dispatch_stats::departments(&t.ws, "2024-03-04", "2024-03-11").await.unwrap();
    let again = import_history(&t.ws, &write(t.dir.path(), "again.csv", HISTORY)).await;
    assert!(again.committed);
    assert_eq!((again.inserted, again.already_there, again.incidents_updated), (0, 69, 0));
    assert_eq!(events(&t.ws).await, before);
    assert_eq!(dispatch_stats::departments(&t.ws, "2024-03-04", "2024-03-11").await.unwrap(), table);
}

#[tokio::test]
async fn a_bad_history_row_names_its_line_and_nothing_is_written() {
    let t = fixture().await;
    let before = events(&t.ws).await;
    // Line 3: an incident the workspace does not have; line 4: an event no one knows;
    // line 5: a department that does not exist. Line 2 is good, and is not written either.
    let bad = "工单号,事件,部门,时间\nI-09,claimed,产品部,2024-03-07 12:00\nI-99,claimed,产品部,2024-03-07 12:00\nI-09,closed-ish,产品部,2024-03-07 13:00\nI-09,转派,法务部,2024-03-07 14:00\n";
    let report = import_history(&t.ws, &write(t.dir.path(), "bad.csv", bad)).await;
    assert!(!report.committed);
    let issues: Vec<(u32, ErrorCode, Option<String>)> =
        report.issues.iter().map(|i| (i.line, i.error.code, i.error.params.get("value").cloned())).collect();
    assert_eq!(
        issues,
        vec![
            (3, ErrorCode::HistoryUnknownIncident, Some("I-99".into())),
            (4, ErrorCode::HistoryUnknownEvent, Some("closed-ish".into())),
            (5, ErrorCode::HistoryUnknownDepartment, Some("法务部".into())),
        ]
    );
    assert_eq!(events(&t.ws).await, before, "nothing written");
    let status: String = sqlx::query_scalar("SELECT status FROM incidents WHERE external_id = 'I-09'").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(status, "open", "the good row's claim was not applied");

    // The preview of a good file writes nothing either.
    let good = "工单号,事件,部门,时间\nI-09,claimed,产品部,2024-03-07 12:00\n";
    let preview = dispatch_stats::preview_history(&t.ws, &write(t.dir.path(), "good.csv", good), None, &AtomicBool::new(false)).await.unwrap();
    assert_eq!((preview.inserted, preview.committed), (1, false));
    assert_eq!(events(&t.ws).await, before);
}

#[tokio::test]
async fn the_table_exports_as_xlsx() {
    let t = fixture().await;
    let path = t.dir.path().join("dispatch.xlsx");
    dispatch_stats::export_xlsx(&t.ws, "2024-03-04", "2024-03-11", &path, Lang::ZhCn).await.unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheets = calamine::Reader::sheet_names(&book);
    assert_eq!(sheets, vec!["部门派单表现".to_owned(), "每周趋势".to_owned()]);
    let range = calamine::Reader::worksheet_range(&mut book, "部门派单表现").unwrap();
    let a = range.rows().find(|r| r[0].to_string() == "售后部").unwrap();
    assert_eq!(a[1].to_string(), "10");
    assert_eq!(a[3].to_string(), "1", "median time to claim, hours");
}
