//! The workspace settings' reference lists on a blank workspace, through the services: create,
//! rename, merge (counted first), archive, import from a file, pinyin order.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common;

use liaison_core::service::board;
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::problem_types::{self, ProblemTypeInput};
use liaison_core::service::reference::{self, MergeCounts, ReferenceList};
use liaison_core::service::reference_import;
use liaison_core::service::routing::{self, RuleDraft};
use liaison_core::service::severity_classes::{self, DepartmentSla, SeverityClassForm, SeverityClassInput};
use liaison_core::service::stores::{self, StoreInput};
use liaison_core::{ErrorCode, Id, Workspace};

fn store(code: &str, name: &str) -> StoreInput {
    StoreInput { code: Some(code.into()), name: name.into(), region: "华北".into(), ..Default::default() }
}

async fn incidents(ws: &Workspace, n: usize, f: impl Fn(usize) -> IncidentInput) {
    common::insert_records(ws, (0..n).map(f).collect()).await;
}

async fn count(ws: &Workspace, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(ws.pool()).await.unwrap()
}

fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path).unwrap().write_all(text.as_bytes()).unwrap();
    path
}

#[tokio::test]
async fn stores_are_created_edited_merged_and_archived() {
    let t = common::temp_workspace().await;
    let a = stores::create(&t.ws, store("BJ01", " 北京朝阳门店 ")).await.unwrap();
    assert_eq!(a.name, "北京朝阳门店");
    assert_eq!(a.name_key, "beijingchaoyangmendian bjcymd");
    let b = stores::create(&t.ws, store("BJ02", "北京国贸店")).await.unwrap();

    let taken = stores::create(&t.ws, store(" bj01 ", "别的店")).await.unwrap_err();
    assert_eq!((taken.code, taken.field.as_deref()), (ErrorCode::StoreCodeTaken, Some("code")));
    let tier = stores::create(&t.ws, StoreInput { city_tier: Some(9), ..store("BJ09", "九店") }).await.unwrap_err();
    assert_eq!((tier.code, tier.field.as_deref()), (ErrorCode::OutOfRange, Some("cityTier")));
    let date = stores::create(&t.ws, StoreInput { opened_on: Some("2024-02-30".into()), ..store("BJ09", "九店") }).await.unwrap_err();
    assert_eq!((date.code, date.field.as_deref()), (ErrorCode::InvalidDate, Some("openedOn")));

    let renamed = stores::update(&t.ws, a.id, StoreInput { opened_on: Some("2021-05-01".into()), ..store("BJ01", "北京朝阳店") })
        .await
        .unwrap();
    assert_eq!((renamed.name.as_str(), renamed.opened_on.as_deref()), ("北京朝阳店", Some("2021-05-01")));

    // Three incidents at A, one at B; a routing rule names A.
    incidents(&t.ws, 4, |i| IncidentInput {
        title: format!("事件{i}"),
        store_id: Some(if i < 3 { a.id } else { b.id }),
        opened_at: 1_700_000_000_000 + i as i64,
        status: "open".into(),
        ..Default::default()
    })
    .await;
    let dept = departments::create(&t.ws, DepartmentInput { name: "门店运营部".into(), ..Default::default() }).await.unwrap();
    routing::save(&t.ws, vec![RuleDraft { name: "朝阳".into(), store_id: Some(a.id), department_id: dept.id, enabled: true, ..Default::default() }])
        .await
        .unwrap();

    let itself = reference::merge(&t.ws, ReferenceList::Stores, a.id, a.id).await.unwrap_err();
    assert_eq!((itself.code, itself.field.as_deref()), (ErrorCode::MergeIntoItself, Some("into")));
    let at_a = format!("SELECT count(*) FROM incidents WHERE store_id = {}", a.id);
    assert_eq!(count(&t.ws, &at_a).await, 3, "nothing moved");

    let preview = reference::merge_preview(&t.ws, ReferenceList::Stores, a.id, b.id).await.unwrap();
    assert_eq!(preview, MergeCounts { incidents: 3, routing_rules: 1, other: 0 });
    let moved = reference::merge(&t.ws, ReferenceList::Stores, a.id, b.id).await.unwrap();
    assert_eq!(moved, preview);
    let at_b = count(&t.ws, &format!("SELECT count(*) FROM incidents WHERE store_id = {}", b.id)).await;
    assert_eq!(at_b, 4);
    assert_eq!(routing::list(&t.ws).await.unwrap()[0].store_id, Some(b.id));
    let names: Vec<String> = stores::search(&t.ws, "").await.unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["北京国贸店"], "the merged store is in the trash");
    // Its code is free again.
    stores::create(&t.ws, store("BJ01", "北京朝阳新店")).await.unwrap();

    reference::archive(&t.ws, ReferenceList::Stores, b.id, true).await.unwrap();
    let pickers = board::lists(&t.ws).await.unwrap().stores;
    assert!(pickers.iter().all(|s| s.id != b.id), "an archived store leaves the pickers");
    let settings = stores::search(&t.ws, "guomao").await.unwrap();
    assert_eq!(settings.len(), 1);
    assert!(settings[0].archived_at.is_some(), "and stays in the settings list, marked");
    let board_page = count(&t.ws, &format!("SELECT count(*) FROM incidents WHERE store_id = {}", b.id)).await;
    assert_eq!(board_page, 4, "its incidents keep it");
    reference::archive(&t.ws, ReferenceList::Stores, b.id, false).await.unwrap();
    assert!(board::lists(&t.ws).await.unwrap().stores.iter().any(|s| s.id == b.id));
}

#[tokio::test]
async fn a_problem_type_rename_and_merge_carry_the_incidents_text() {
    let t = common::temp_workspace().await;
    let delay = problem_types::create(&t.ws, ProblemTypeInput { name: "配送延误".into(), severity_class_id: None }).await.unwrap();
    let late = problem_types::create(&t.ws, ProblemTypeInput { name: "送货迟到".into(), severity_class_id: None }).await.unwrap();
    incidents(&t.ws, 5, |i| IncidentInput {
        title: format!("事件{i}"),
        problem_type: if i < 2 { "配送延误" } else { "送货迟到" }.into(),
        opened_at: 1_700_000_000_000 + i as i64,
        status: "open".into(),
        ..Default::default()
    })
    .await;
    let dept = departments::create(&t.ws, DepartmentInput { name: "物流部".into(), ..Default::default() }).await.unwrap();
    let rule = RuleDraft { name: "迟到".into(), problem_type: Some("送货迟到".into()), department_id: dept.id, enabled: true, ..Default::default() };
    routing::save(&t.ws, vec![rule]).await.unwrap();

    problem_types::update(&t.ws, delay, ProblemTypeInput { name: "配送超时".into(), severity_class_id: None }).await.unwrap();
    assert_eq!(count(&t.ws, "SELECT count(*) FROM incidents WHERE problem_type = '配送超时'").await, 2);
    assert_eq!(count(&t.ws, "SELECT count(*) FROM incidents WHERE problem_type = '配送延误'").await, 0);
    let pivot: i64 = board::pivot(&t.ws).await.unwrap().iter().filter(|c| c.problem_type == "配送超时").map(|c| c.count).sum();
    assert_eq!(pivot, 2, "the board's pivot follows the rename");

    let taken = problem_types::update(&t.ws, delay, ProblemTypeInput { name: "送货迟到".into(), severity_class_id: None }).await.unwrap_err();
    assert_eq!((taken.code, taken.field.as_deref()), (ErrorCode::NameTaken, Some("name")));

    let before = count(&t.ws, "SELECT count(*) FROM problem_types WHERE deleted_at IS NULL").await;
    let itself = reference::merge_preview(&t.ws, ReferenceList::ProblemTypes, late, late).await.unwrap_err();
    assert_eq!((itself.code, itself.field.as_deref()), (ErrorCode::MergeIntoItself, Some("into")));
    assert_eq!(count(&t.ws, "SELECT count(*) FROM problem_types WHERE deleted_at IS NULL").await, before, "nothing changed");

    let preview = reference::merge_preview(&t.ws, ReferenceList::ProblemTypes, late, delay).await.unwrap();
    assert_eq!(preview, MergeCounts { incidents: 3, routing_rules: 1, other: 0 });
    reference::merge(&t.ws, ReferenceList::ProblemTypes, late, delay).await.unwrap();
    assert_eq!(count(&t.ws, "SELECT count(*) FROM incidents WHERE problem_type = '配送超时'").await, 5);
    assert_eq!(routing::list(&t.ws).await.unwrap()[0].problem_type.as_deref(), Some("配送超时"));
    let left: Vec<String> = problem_types::search(&t.ws, "").await.unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(left, ["配送超时"]);
}

#[tokio::test]
async fn departments_merge_moves_every_foreign_key() {
    let t = common::temp_workspace().await;
    let dept = |name: &str| DepartmentInput { name: name.into(), head: "陈立".into(), escalation_contact: "王总".into(), ..Default::default() };
    let a = departments::create(&t.ws, dept("客服一部")).await.unwrap();
    assert_eq!(a.escalation_contact, "王总");
    let b = departments::create(&t.ws, dept("客服中心")).await.unwrap();
    incidents(&t.ws, 2, |i| IncidentInput { title: format!("事件{i}"), department_id: Some(a.id), opened_at: 1_700_000_000_000, status: "open".into(), ..Default::default() }).await;
    let class = severity_classes::create(
        &t.ws,
        SeverityClassForm {
            class: SeverityClassInput { name: "P1".into(), sla_hours: 4, ..Default::default() },
            department_slas: vec![DepartmentSla { department_id: a.id, claim_hours: Some(1), resolve_hours: 2 }],
        },
    )
    .await
    .unwrap();
    let preview = reference::merge_preview(&t.ws, ReferenceList::Departments, a.id, b.id).await.unwrap();
    assert_eq!(preview, MergeCounts { incidents: 2, routing_rules: 0, other: 1 });
    reference::merge(&t.ws, ReferenceList::Departments, a.id, b.id).await.unwrap();
    assert_eq!(count(&t.ws, &format!("SELECT count(*) FROM incidents WHERE department_id = {}", b.id)).await, 2);
    let slas = &severity_classes::search(&t.ws, "").await.unwrap()[0];
    assert_eq!((slas.class.id, slas.department_slas[0].department_id), (class, b.id));
    assert_eq!(departments::list(&t.ws).await.unwrap().len(), 1);
}

#[tokio::test]
async fn severity_hours_must_be_positive_and_nothing_is_written_otherwise() {
    let t = common::temp_workspace().await;
    let form = |sla: i64, claim: Option<i64>| SeverityClassForm {
        class: SeverityClassInput { name: "P1".into(), remedy: "立即处理".into(), claim_hours: claim, sla_hours: sla, working_hours: true },
        department_slas: vec![],
    };
    for (sla, claim, field) in [(0, None, "slaHours"), (-4, None, "slaHours"), (4, Some(0), "claimHours"), (4, Some(-1), "claimHours")] {
        let err = severity_classes::create(&t.ws, form(sla, claim)).await.unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (ErrorCode::OutOfRange, Some(field)), "{sla} {claim:?}");
    }
    assert_eq!(count(&t.ws, "SELECT count(*) FROM severity_classes").await, 0);

    let id = severity_classes::create(&t.ws, form(4, Some(1))).await.unwrap();
    let dept = departments::create(&t.ws, DepartmentInput { name: "IT部".into(), ..Default::default() }).await.unwrap();
    let bad_sla = SeverityClassForm { department_slas: vec![DepartmentSla { department_id: dept.id, claim_hours: None, resolve_hours: 0 }], ..form(8, Some(2)) };
    let err = severity_classes::update(&t.ws, id, bad_sla).await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::OutOfRange, Some("resolveHours")));
    let saved = &severity_classes::search(&t.ws, "").await.unwrap()[0];
    assert_eq!((saved.class.sla_hours, saved.class.claim_hours, saved.class.working_hours), (4, Some(1), true), "the class was not half saved");
    assert!(saved.department_slas.is_empty());
}

/// A store master list of 3,000 rows, as a director's own file would be.
fn store_file(rows: usize, tier: impl Fn(usize) -> u8) -> String {
    let cities = [("北京", "华北"), ("上海", "华东"), ("深圳", "华南"), ("成都", "西南")];
    let mut text = String::from("门店编码,门店名称,区域,城市,城市级别,开业日期\n");
    for n in 0..rows {
        let (city, region) = cities[n % cities.len()];
        text.push_str(&format!("S{n:05},{city}{n}号店,{region},{city},{},2020-01-{:02}\n", tier(n), n % 28 + 1));
    }
    text
}

#[tokio::test]
async fn a_store_master_list_of_3000_rows_imports_and_a_reimport_updates() {
    let t = common::temp_workspace().await;
    let path = write_file(t.dir.path(), "stores.csv", &store_file(3000, |n| (n % 6 + 1) as u8));

    let preview = reference_import::preview(&t.ws, ReferenceList::Stores, &path).await.unwrap();
    assert_eq!((preview.rows, preview.inserted, preview.invalid, preview.committed), (3000, 3000, 0, false));
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores").await, 0, "a preview writes nothing");

    let started = std::time::Instant::now();
    let report = reference_import::run(&t.ws, ReferenceList::Stores, &path).await.unwrap();
    let took = started.elapsed();
    eprintln!("3,000 stores imported in {took:?}");
    assert!(report.committed);
    assert_eq!((report.inserted, report.updated), (3000, 0));
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores WHERE deleted_at IS NULL").await, 3000);
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores WHERE name_key = ''").await, 0);

    // The same codes again, with a new name for one store: updated, not doubled.
    let again = store_file(3000, |n| (n % 6 + 1) as u8);
    assert!(again.contains("S00005,上海5号店"));
    let again = again.replace("S00005,上海5号店", "S00005,上海五号旗舰店");
    let path = write_file(t.dir.path(), "stores2.csv", &again);
    let report = reference_import::run(&t.ws, ReferenceList::Stores, &path).await.unwrap();
    assert_eq!((report.inserted, report.updated), (0, 3000));
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores WHERE deleted_at IS NULL").await, 3000);
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores WHERE code = 'S00005' AND name = '上海五号旗舰店'").await, 1);
    assert!(took.as_secs_f64() < 5.0, "3,000 stores took {took:?}");
}

#[tokio::test]
async fn a_bad_store_file_names_its_lines_and_writes_nothing() {
    let t = common::temp_workspace().await;
    let mut text = store_file(40, |_| 2);
    text.push_str("S00003,重复编码店,华北,北京,1,2020-01-01\n"); // line 42: the code of line 5
    let path = write_file(t.dir.path(), "dup.csv", &text);
    let report = reference_import::run(&t.ws, ReferenceList::Stores, &path).await.unwrap();
    assert!(!report.committed);
    assert_eq!(report.issues.len(), 1);
    let issue = &report.issues[0];
    assert_eq!(issue.line, 42);
    assert_eq!((issue.error.code, issue.error.field.as_deref()), (ErrorCode::ImportDuplicateKey, Some("code")));
    assert_eq!((issue.error.params["firstLine"].as_str(), issue.error.params["line"].as_str()), ("5", "42"));
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores").await, 0);

    let bad = "门店编码,门店名称,城市级别,开业日期\nA1,一店,2,2020-01-01\nA2,二店,9,2020-01-01\nA3,三店,1,2020-13-01\n";
    let path = write_file(t.dir.path(), "bad.csv", bad);
    let report = reference_import::run(&t.ws, ReferenceList::Stores, &path).await.unwrap();
    let found: Vec<(u32, Option<&str>)> = report.issues.iter().map(|i| (i.line, i.error.field.as_deref())).collect();
    assert_eq!(found, [(3, Some("cityTier")), (4, Some("openedOn"))]);
    assert_eq!(count(&t.ws, "SELECT count(*) FROM stores").await, 0);
}

#[tokio::test]
async fn lists_sort_and_search_by_pinyin() {
    let t = common::temp_workspace().await;
    for (code, name) in [("3", "深圳店"), ("1", "上海店"), ("2", "北京店")] {
        stores::create(&t.ws, store(code, name)).await.unwrap();
    }
    let names = |v: Vec<liaison_core::service::stores::Store>| v.into_iter().map(|s| s.name).collect::<Vec<_>>();
    assert_eq!(names(stores::search(&t.ws, "").await.unwrap()), ["北京店", "上海店", "深圳店"]);
    assert_eq!(names(stores::search(&t.ws, "sz").await.unwrap()), ["深圳店"]);
    assert_eq!(names(stores::search(&t.ws, "shang hai").await.unwrap()), ["上海店"]);

    for name in ["顺丰", "安能", "德邦"] {
        reference::create_named(&t.ws, reference::NameOnlyList::Suppliers, name).await.unwrap();
    }
    let suppliers: Vec<String> =
        reference::named(&t.ws, reference::NameOnlyList::Suppliers, "").await.unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(suppliers, ["安能", "德邦", "顺丰"]);
}

#[tokio::test]
async fn a_supplier_rename_follows_into_incidents_and_archive_hides_it() {
    let t = common::temp_workspace().await;
    let sf = reference::create_named(&t.ws, reference::NameOnlyList::Suppliers, "顺丰").await.unwrap();
    incidents(&t.ws, 3, |i| IncidentInput { title: format!("事件{i}"), supplier: "顺丰".into(), opened_at: 1_700_000_000_000, status: "open".into(), ..Default::default() }).await;
    reference::rename_named(&t.ws, reference::NameOnlyList::Suppliers, sf.id, "顺丰速运").await.unwrap();
    assert_eq!(count(&t.ws, "SELECT count(*) FROM incidents WHERE supplier = '顺丰速运'").await, 3);
    reference::archive(&t.ws, ReferenceList::Suppliers, sf.id, true).await.unwrap();
    let listed = reference::named(&t.ws, reference::NameOnlyList::Suppliers, "sf").await.unwrap();
    assert!(listed[0].archived_at.is_some());
    let missing: Id = 9999;
    let err = reference::archive(&t.ws, ReferenceList::Suppliers, missing, true).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}
