//! The board on real workspace files: the pivot aggregate stays equal to the incidents through
//! every kind of write, filters narrow and drill down, exports read back, rules are tried before
//! they are saved, and hand-entered incidents are checked.

use crate::common;

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

use liaison_core::{demo, Lang};
use liaison_core::import::{self, ImportOptions};
use liaison_core::service::board::{self, IncidentFilter, IncidentSort, ListFormat};
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::routing::RuleDraft;
use liaison_core::service::{departments, incident_records as records, incidents as actions, routing};
use liaison_core::{ErrorCode, Money, Workspace};

type Cells = BTreeMap<(Option<i64>, String, String), (i64, i64, i64)>;

async fn aggregate(ws: &Workspace) -> Cells {
    board::pivot(ws)
        .await
        .unwrap()
        .into_iter()
        .map(|c| ((c.department_id, c.problem_type, c.month), (c.count, c.wait_minutes, c.cost.fen())))
        .collect()
}

/// The same figures grouped from the incidents themselves.
async fn recomputed(ws: &Workspace) -> Cells {
    let rows: Vec<(Option<i64>, String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT department_id, problem_type, strftime('%Y-%m', opened_at / 1000 + 28800, 'unixepoch') AS m,
                count(*), coalesce(sum(wait_minutes), 0), sum(cost_fen)
         FROM incidents WHERE deleted_at IS NULL GROUP BY 1, 2, 3",
    )
    .fetch_all(ws.pool())
    .await
    .unwrap();
    rows.into_iter().map(|(d, t, m, n, w, c)| ((d, t, m), (n, w, c))).collect()
}

fn record(title: &str, problem_type: &str, opened_at: i64) -> IncidentInput {
    IncidentInput { title: title.into(), problem_type: problem_type.into(), opened_at, status: "open".into(), ..Default::default() }
}

#[tokio::test]
async fn the_pivot_aggregate_follows_every_write() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    assert_eq!(aggregate(&t.ws).await, recomputed(&t.ws).await, "after the demo seed");

    let csv = "工单号,登记时间,问题类型,门店,归属部门,等待时长,成本\n\
               T-1,2024-03-31 23:30,预约超载,上海一店,,45,¥1,200\n\
               T-2,2024-04-01 00:10,预约超载,上海一店,IT部,,3万\n";
    let path = t.dir.path().join("a.csv");
    std::fs::write(&path, csv).unwrap();
    let overview = import::inspect(&path, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed.clone(), ..Default::default() };
    import::run(&t.ws, &path, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    assert_eq!(aggregate(&t.ws).await, recomputed(&t.ws).await, "after an import");

    let created = records::create(&t.ws, IncidentInput { wait_minutes: Some(30), cost: Money::from_yuan(99), ..record("手工登记", "门店系统卡顿", 1_711_900_000_000) }).await.unwrap();
    let it = departments::list(&t.ws).await.unwrap().into_iter().find(|d| d.name == "IT部").unwrap();
    let product = departments::list(&t.ws).await.unwrap().into_iter().find(|d| d.name == "产品部").unwrap();
    if created.department_id != Some(it.id) {
        actions::transfer(&t.ws, created.id, it.id, "系统问题", None).await.unwrap();
    }
    actions::transfer(&t.ws, created.id, product.id, "根因在产品", None).await.unwrap();
    records::update(&t.ws, created.id, IncidentInput { cost: Money::from_yuan(5_000), wait_minutes: None, ..record("手工登记", "预约超载", 1_709_000_000_000) }).await.unwrap();
    assert_eq!(aggregate(&t.ws).await, recomputed(&t.ws).await, "after transfer and edit");
    records::delete(&t.ws, created.id).await.unwrap();
    assert_eq!(aggregate(&t.ws).await, recomputed(&t.ws).await, "after moving one to the trash");

    // Months are cut in Shanghai time: 23:30 on 31 March is March, 00:10 on 1 April is April.
    let months: Vec<String> = aggregate(&t.ws).await.into_keys().filter(|(_, ty, m)| ty == "预约超载" && m.starts_with("2024")).map(|k| k.2).collect();
    assert_eq!(months, ["2024-03", "2024-04"]);
}

#[tokio::test]
async fn filters_narrow_and_a_pivot_cell_drills_down_to_its_incidents() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let all = board::page(&t.ws, &IncidentFilter::default(), IncidentSort::OpenedDesc, 0, 50).await.unwrap();
    assert_eq!((all.total, all.rows.len()), (240, 50));

    let cell = board::pivot(&t.ws).await.unwrap().into_iter().max_by_key(|c| c.count).unwrap();
    let drill = IncidentFilter {
        department_ids: vec![cell.department_id.unwrap_or(0)],
        problem_types: vec![cell.problem_type.clone()],
        month: Some(cell.month.clone()),
        ..Default::default()
    };
    let page = board::page(&t.ws, &drill, IncidentSort::CostDesc, 0, 1000).await.unwrap();
    assert_eq!((page.total, page.total_cost, page.total_wait_minutes), (cell.count, cell.cost, cell.wait_minutes));
    assert!(page.rows.windows(2).all(|w| w[0].cost >= w[1].cost), "sorted by cost");

    let facets = board::lists(&t.ws).await.unwrap().facets;
    assert!(facets.channels.len() >= 2 && facets.suppliers.contains(&"星能电气".to_string()));
    // Every field narrows: each filter alone matches fewer than all, and every row it returns fits.
    let one_store = all.rows[0].store_id.unwrap();
    type Check = (IncidentFilter, Box<dyn Fn(&board::Incident) -> bool>);
    let checks: Vec<Check> = vec![
        (IncidentFilter { store_ids: vec![one_store], ..Default::default() }, Box::new(move |i| i.store_id == Some(one_store))),
        (IncidentFilter { suppliers: vec!["星能电气".into()], ..Default::default() }, Box::new(|i| i.supplier == "星能电气")),
        (IncidentFilter { statuses: vec!["closed".into()], ..Default::default() }, Box::new(|i| i.status == "closed")),
        (IncidentFilter { complaint: Some(true), ..Default::default() }, Box::new(|i| i.complaint)),
        (IncidentFilter { wait_min: Some(100), ..Default::default() }, Box::new(|i| i.wait_minutes.unwrap_or(0) >= 100)),
        (IncidentFilter { cost_min: Some(Money::from_yuan(1000)), ..Default::default() }, Box::new(|i| i.cost >= Money::from_yuan(1000))),
        (IncidentFilter { channels: vec![facets.channels[0].clone()], ..Default::default() }, Box::new({ let c = facets.channels[0].clone(); move |i| i.channel == c })),
        (IncidentFilter { text: Some("#12".into()), ..Default::default() }, Box::new(|i| i.title.contains("#12"))),
    ];
    for (f, fits) in checks {
        let page = board::page(&t.ws, &f, IncidentSort::OpenedDesc, 0, 1000).await.unwrap();
        assert!(page.total > 0 && page.total < 240, "{f:?} matched {}", page.total);
        assert!(page.rows.iter().all(fits), "{f:?}");
    }
    // `%` and `_` typed by the user are searched as text, not as wildcards.
    let pct = IncidentFilter { text: Some("%".into()), ..Default::default() };
    assert_eq!(board::page(&t.ws, &pct, IncidentSort::OpenedDesc, 0, 10).await.unwrap().total, 0);

    let cards = board::cards(&t.ws, &IncidentFilter::default(), 100).await.unwrap();
    assert_eq!((cards.total, cards.cards.len()), (240, 100));
}

#[tokio::test]
async fn the_filtered_list_exports_to_csv_and_xlsx() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    records::create(&t.ws, IncidentInput { customer_ref: "=HYPERLINK(\"http://x\")".into(), ..record("公式注入测试", "星能电气", 1_711_900_000_000) }).await.unwrap();
    let f = IncidentFilter { problem_types: vec!["充电桩故障".into(), "星能电气".into()], ..Default::default() };
    let expected = board::page(&t.ws, &f, IncidentSort::OpenedDesc, 0, 1).await.unwrap().total;

    let csv_path = t.dir.path().join("list.csv");
    assert_eq!(board::export(&t.ws, &f, ListFormat::Csv, &csv_path, Lang::ZhCn).await.unwrap() as i64, expected);
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("工单号,标题,责任部门,问题类型"));
    assert_eq!(text.lines().count() as i64, expected + 1);
    assert!(text.contains("'=HYPERLINK"), "formulas are defused");
    assert!(text.contains("充电桩故障"));

    let xlsx_path = t.dir.path().join("list.xlsx");
    assert_eq!(board::export(&t.ws, &f, ListFormat::Xlsx, &xlsx_path, Lang::En).await.unwrap() as i64, expected);
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(&xlsx_path).unwrap();
    let range = book.worksheet_range("Incidents").unwrap();
    assert_eq!(range.height() as i64, expected + 1);
    assert_eq!(range.get((0, 0)), Some(&Data::String("Ticket id".into())));
    assert!(matches!(range.get((1, 14)), Some(Data::Float(_))), "cost is a number");
    assert!(matches!(range.get((1, 15)), Some(Data::DateTime(_)) | Some(Data::Float(_))), "opened is a date");
}

#[tokio::test]
async fn rules_are_tried_on_samples_then_saved_in_order() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let depts = departments::list(&t.ws).await.unwrap();
    let supply = depts.iter().find(|d| d.name.contains("供应链")).unwrap().id;
    let it = depts.iter().find(|d| d.name == "IT部").unwrap().id;
    let drafts = vec![
        RuleDraft { name: "充电桩→供应链".into(), problem_type: Some("充电桩故障".into()), department_id: supply, enabled: true, ..Default::default() },
        RuleDraft { name: "兜底".into(), department_id: it, enabled: true, ..Default::default() },
    ];
    let trial = routing::trial(&t.ws, drafts.clone(), 100).await.unwrap();
    assert_eq!(trial.len(), 100);
    let recent = board::recent(&t.ws, 100).await.unwrap();
    for (row, incident) in trial.iter().zip(&recent) {
        let expected = if incident.problem_type == "充电桩故障" { (Some(0), Some(supply)) } else { (Some(1), Some(it)) };
        assert_eq!((row.rule_index, row.department_id), expected, "{}", incident.title);
    }
    let before = routing::list(&t.ws).await.unwrap();
    assert!(!before.is_empty(), "the demo has rules");
    let bad = vec![RuleDraft { department_id: 999_999, enabled: true, ..Default::default() }];
    assert_eq!(routing::save(&t.ws, bad).await.unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(routing::list(&t.ws).await.unwrap(), before, "a refused save changes nothing");

    assert_eq!(routing::save(&t.ws, drafts).await.unwrap().len(), 2);
    let dispatched = records::create(&t.ws, record("新的充电桩故障", "充电桩故障", 1_711_900_000_000)).await.unwrap();
    assert_eq!(dispatched.department_id, Some(supply));
    let history = actions::history(&t.ws, dispatched.id).await.unwrap();
    assert_eq!((history[0].kind.as_str(), history[0].source.as_str()), ("assigned", "rule"));
}

#[tokio::test]
async fn hand_entered_incidents_are_checked_and_default_their_class() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let opened = 1_711_900_000_000;
    let err = |r: liaison_core::Result<board::Incident>| r.map(|_| ()).unwrap_err();
    let e = err(records::create(&t.ws, record("  ", "预约超载", opened)).await);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Required, Some("title")));
    let e = err(records::create(&t.ws, IncidentInput { closed_at: Some(opened - 1), ..record("x", "预约超载", opened) }).await);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::ClosedBeforeOpened, Some("closedAt")));
    let e = err(records::create(&t.ws, IncidentInput { wait_minutes: Some(-5), ..record("x", "预约超载", opened) }).await);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::OutOfRange, Some("waitMinutes")));
    let e = err(records::create(&t.ws, IncidentInput { status: "lost".into(), ..record("x", "预约超载", opened) }).await);
    assert_eq!(e.code, ErrorCode::InvalidChoice);

    let first = records::create(&t.ws, IncidentInput { external_id: Some("SR-1".into()), ..record("预约爆满", "预约超载", opened) }).await.unwrap();
    let class = board::lists(&t.ws).await.unwrap().problem_types.into_iter().find(|p| p.name == "预约超载").and_then(|p| p.severity_class_id);
    assert!(class.is_some());
    assert_eq!(first.severity_class_id, class, "class defaults from the type");
    let e = err(records::create(&t.ws, IncidentInput { external_id: Some("SR-1".into()), ..record("重复", "预约超载", opened) }).await);
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::ExternalIdTaken, Some("externalId")));
    // Saving the record itself under its own ticket id is fine; the owner is not changed by an edit.
    let edited = records::update(&t.ws, first.id, IncidentInput { external_id: Some("SR-1".into()), department_id: None, ..record("预约爆满（已核实）", "预约超载", opened) }).await.unwrap();
    assert_eq!((edited.title.as_str(), edited.department_id), ("预约爆满（已核实）", first.department_id));

    // A class's SLA is editable and its incidents follow it.
    let class = class.unwrap();
    board::update_severity_class(&t.ws, class, "当天回电", 4).await.unwrap();
    assert_eq!(board::incident(&t.ws, first.id).await.unwrap().sla_hours, Some(4));
}

#[tokio::test]
async fn a_batched_import_handles_repeats_within_and_across_batches() {
    let t = common::temp_workspace().await;
    let mut csv = String::from("工单号,登记时间,问题类型,成本\n");
    for n in 0..2_500 {
        csv.push_str(&format!("B-{n},2024-05-01 10:00,包装破损,{n}\n"));
    }
    // The same tickets again, later in the same file: they update, they do not duplicate.
    csv.push_str("B-10,2024-05-01 10:00,包装破损,999\nB-2000,2024-05-01 10:00,包装破损,7\nB-2499,2024-05-01 10:00,包装破损,1\n");
    let path = t.dir.path().join("big.csv");
    std::fs::write(&path, csv).unwrap();
    let overview = import::inspect(&path, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed.clone(), ..Default::default() };
    let report = import::run(&t.ws, &path, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    assert_eq!((report.inserted, report.updated, report.to_triage), (2_500, 3, 2_500));
    let pool = t.ws.pool();
    let cost = |ext: &'static str| async move {
        sqlx::query_scalar::<_, i64>("SELECT cost_fen FROM incidents WHERE external_id = ?").bind(ext).fetch_one(pool).await.unwrap()
    };
    assert_eq!(cost("B-10").await, 99_900);
    assert_eq!(cost("B-2499").await, 100);
    assert_eq!(aggregate(&t.ws).await, recomputed(&t.ws).await);
}
