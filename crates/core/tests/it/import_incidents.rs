//! Importing the S5 registry from the files directors really have, on real SQLite files.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use liaison_core::import::{self, source::TextEncoding, Field, ImportOptions, ImportReport};
use liaison_core::{ErrorCode, Workspace};

const HEADER: &str = "工单号,问题类型,归属部门,门店,等待时长（分钟）,是否投诉,成本,登记时间";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

async fn incidents(ws: &Workspace) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM incidents").fetch_one(ws.pool()).await.unwrap()
}

async fn import_file(ws: &Workspace, path: &Path, options: &ImportOptions, dry_run: bool) -> liaison_core::Result<ImportReport> {
    import::run(ws, path, options, dry_run, &|_| {}, &AtomicBool::new(false)).await
}

async fn guessed(path: &Path) -> ImportOptions {
    let overview = import::inspect(path, None, None).unwrap();
    ImportOptions { mapping: overview.guessed, ..Default::default() }
}

fn s5_csv() -> String {
    [
        HEADER,
        "T-001,包装破损,供应链部,上海一店,30,否,\"¥1,234.50\",2024/3/5",
        "T-002,快递丢件,,北京一店,1.5小时,是,1.2万,2024-03-05 14:00",
        "T-003,预约超载,,上海一店,45分钟,是,0,45356.5",
        ",,,,,,,",
        "",
    ]
    .join("\r\n")
}

#[tokio::test]
async fn a_utf8_bom_export_imports_with_dates_money_and_dispatch() {
    let t = common::temp_workspace().await;
    let path = write(t.dir.path(), "s5.csv", format!("\u{feff}{}", s5_csv()).as_bytes());
    let overview = import::inspect(&path, None, None).unwrap();
    assert_eq!(overview.encoding, Some(TextEncoding::Utf8));
    assert_eq!(overview.headers[0], "工单号", "the BOM is not part of the first header");
    assert_eq!(overview.guessed[4], Some(Field::WaitMinutes));
    assert_eq!(overview.sample.len(), 3, "blank trailing rows are not data");

    // A rule sends lost parcels to supply chain; booking overload matches nothing: triage.
    let product = liaison_core::service::departments::create(&t.ws, liaison_core::service::departments::DepartmentInput { name: "供应链部".into(), ..Default::default() }).await.unwrap();
    sqlx::query("INSERT INTO routing_rules (position, problem_type, department_id, created_at, updated_at) VALUES (1, '快递丢件', ?, 0, 0)")
        .bind(product.id)
        .execute(t.ws.pool())
        .await
        .unwrap();

    let options = ImportOptions { mapping: overview.guessed, ..Default::default() };
    let preview = import_file(&t.ws, &path, &options, true).await.unwrap();
    assert_eq!((preview.rows, preview.inserted, preview.invalid, preview.committed), (3, 3, 0, false));
    assert_eq!(incidents(&t.ws).await, 0, "a preview writes nothing");

    let report = import_file(&t.ws, &path, &options, false).await.unwrap();
    assert!(report.committed);
    assert_eq!((report.inserted, report.dispatched_by_rule, report.to_triage), (3, 1, 1));
    assert_eq!(report.new_entries.iter().find(|e| e.kind == import::ListKind::Store).unwrap().names, ["上海一店", "北京一店"]);
    // (external id, cost, wait, complaint, opened at, department)
    type Stored = (String, i64, Option<i64>, bool, i64, Option<String>);
    let rows: Vec<Stored> = sqlx::query_as(
        "SELECT i.external_id, i.cost_fen, i.wait_minutes, i.complaint, i.opened_at, d.name
         FROM incidents i LEFT JOIN departments d ON d.id = i.department_id ORDER BY i.external_id",
    )
    .fetch_all(t.ws.pool())
    .await
    .unwrap();
    assert_eq!(rows[0].1, 123_450);
    assert_eq!(rows[1].1, 1_200_000);
    assert_eq!(rows[1].2, Some(90));
    assert!(rows[1].3);
    assert_eq!(rows[0].4, chrono::DateTime::parse_from_rfc3339("2024-03-04T16:00:00Z").unwrap().timestamp_millis());
    assert_eq!(rows[2].4, chrono::DateTime::parse_from_rfc3339("2024-03-05T04:00:00Z").unwrap().timestamp_millis(), "Excel serial");
    assert_eq!(rows[1].5.as_deref(), Some("供应链部"), "dispatched by the rule");
    assert_eq!(rows[2].5, None, "no rule: triage");
    let events: Vec<(String, String)> = sqlx::query_as("SELECT kind, source FROM incident_events ORDER BY incident_id")
        .fetch_all(t.ws.pool())
        .await
        .unwrap();
    assert_eq!(events, [("assigned".into(), "import".into()), ("assigned".into(), "rule".into())]);
}

/// The S5 rows as an Excel user has them: a notes sheet first, the tickets on a second sheet
/// that starts at B2, opening times as Excel dates, amounts as numbers and as text.
fn s5_xlsx(dir: &Path) -> PathBuf {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    book.add_worksheet().set_name("说明").unwrap().write_string(0, 0, "从工单系统导出").unwrap();
    let sheet = book.add_worksheet().set_name("工单").unwrap();
    for (column, header) in HEADER.split(',').enumerate() {
        sheet.write_string(1, column as u16 + 1, header).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let rows: [(&str, &str, &str, f64, &str, &str, f64); 3] = [
        ("T-001", "包装破损", "上海一店", 30.0, "否", "¥1,234.50", 45356.0),
        ("T-002", "快递丢件", "北京一店", 90.0, "是", "1.2万", 45356.5 + 1.0 / 12.0),
        ("T-003", "预约超载", "上海一店", 45.0, "是", "0", 45356.5),
    ];
    for (i, (id, kind, store, wait, complaint, cost, opened)) in rows.into_iter().enumerate() {
        let r = i as u32 + 2;
        sheet.write_string(r, 1, id).unwrap();
        sheet.write_string(r, 2, kind).unwrap();
        sheet.write_string(r, 4, store).unwrap();
        sheet.write_number(r, 5, wait).unwrap();
        sheet.write_string(r, 6, complaint).unwrap();
        sheet.write_string(r, 7, cost).unwrap();
        sheet.write_number_with_format(r, 8, opened, &date).unwrap();
    }
    let path = dir.join("工单导出.xlsx");
    book.save(&path).unwrap();
    path
}

#[tokio::test]
async fn an_xlsx_export_imports_from_the_chosen_sheet() {
    let t = common::temp_workspace().await;
    let path = s5_xlsx(t.dir.path());
    let first = import::inspect(&path, None, None).unwrap_err();
    assert_eq!(first.code, ErrorCode::ImportNoMappableColumns, "the notes sheet has no columns of ours");
    let overview = import::inspect(&path, Some("工单"), None).unwrap();
    assert_eq!(overview.sheets, ["说明", "工单"]);
    assert_eq!(overview.headers, HEADER.split(',').collect::<Vec<_>>(), "columns count from the sheet's first cell");
    assert_eq!(overview.sample.len(), 3);

    let options = ImportOptions { sheet: Some("工单".into()), mapping: overview.guessed, ..Default::default() };
    let report = import_file(&t.ws, &path, &options, false).await.unwrap();
    assert!(report.committed, "{:?}", report.issues);
    assert_eq!((report.rows, report.inserted, report.invalid), (3, 3, 0));
    let rows: Vec<(String, i64, Option<i64>, i64)> =
        sqlx::query_as("SELECT external_id, cost_fen, wait_minutes, opened_at FROM incidents ORDER BY external_id").fetch_all(t.ws.pool()).await.unwrap();
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis();
    assert_eq!(rows[0], ("T-001".into(), 123_450, Some(30), at("2024-03-04T16:00:00Z")));
    assert_eq!(rows[1], ("T-002".into(), 1_200_000, Some(90), at("2024-03-05T06:00:00Z")));
    assert_eq!(rows[2], ("T-003".into(), 0, Some(45), at("2024-03-05T04:00:00Z")));

    let missing = ImportOptions { sheet: Some("Sheet9".into()), ..options };
    assert_eq!(import_file(&t.ws, &path, &missing, false).await.unwrap_err().code, ErrorCode::ImportSheetNotFound);
}

#[tokio::test]
async fn a_gbk_export_is_detected_and_can_be_overridden() {
    let t = common::temp_workspace().await;
    // GBK has the full-width ￥, not ¥: Chinese exports write that one.
    let text = s5_csv().replace('¥', "￥");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let path = write(t.dir.path(), "gbk.csv", &gbk);
    let overview = import::inspect(&path, None, None).unwrap();
    assert_eq!(overview.encoding, Some(TextEncoding::Gb18030));
    assert_eq!(overview.headers[1], "问题类型");
    let report = import_file(&t.ws, &path, &ImportOptions { mapping: overview.guessed.clone(), ..Default::default() }, false).await.unwrap();
    assert_eq!(report.inserted, 3);
    let store: String = sqlx::query_scalar("SELECT name FROM stores ORDER BY id LIMIT 1").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(store, "上海一店");

    // Forcing UTF-8 on GBK bytes reports the rows as undecodable instead of importing mojibake.
    let forced = ImportOptions { encoding: Some(TextEncoding::Utf8), mapping: overview.guessed, ..Default::default() };
    let err = import::inspect(&path, None, Some(TextEncoding::Utf8)).unwrap_err();
    assert_eq!(err.code, ErrorCode::ImportBadEncoding);
    let err = import_file(&t.ws, &path, &forced, true).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::ImportBadEncoding);
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM incidents").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(count, 3, "the refused import wrote nothing");
}

#[tokio::test]
async fn bad_rows_are_listed_by_line_and_nothing_lands_unless_asked() {
    let t = common::temp_workspace().await;
    let csv = [HEADER, "T-1,包装破损,,上海一店,30,否,100,2024/3/5", "T-2,包装破损,,上海一店,30,否,一百块,2024/3/5", "T-3,包装破损,,上海一店,30,否,100,下周一", "T-4,包装破损,,上海一店,30,也许,100,2024/3/6"].join("\n");
    let path = write(t.dir.path(), "bad.csv", csv.as_bytes());
    let options = guessed(&path).await;
    let report = import_file(&t.ws, &path, &options, false).await.unwrap();
    assert!(!report.committed);
    let lines: Vec<(u32, ErrorCode)> = report.issues.iter().map(|i| (i.line, i.error.code)).collect();
    assert_eq!(lines, [(3, ErrorCode::InvalidMoney), (4, ErrorCode::InvalidDate), (5, ErrorCode::InvalidBoolean)]);
    assert_eq!(report.issues[0].error.params["column"], "7");
    assert_eq!(incidents(&t.ws).await, 0, "all or nothing: nothing");
    assert_eq!(sqlx::query_scalar::<_, i64>("SELECT count(*) FROM stores").fetch_one(t.ws.pool()).await.unwrap(), 0);

    let valid_only = ImportOptions { valid_rows_only: true, ..options };
    let report = import_file(&t.ws, &path, &valid_only, false).await.unwrap();
    assert!(report.committed);
    assert_eq!((report.inserted, report.invalid), (1, 3));
    assert_eq!(incidents(&t.ws).await, 1);
}

#[tokio::test]
async fn reimport_updates_carried_fields_keeps_edits_and_reports_the_trash() {
    let t = common::temp_workspace().await;
    let path = write(t.dir.path(), "s5.csv", s5_csv().as_bytes());
    let options = guessed(&path).await;
    import_file(&t.ws, &path, &options, false).await.unwrap();
    // The director's own edit to a field the file does not carry, and one incident trashed.
    sqlx::query("UPDATE incidents SET channel = '电话回访' WHERE external_id = 'T-001'").execute(t.ws.pool()).await.unwrap();
    sqlx::query("UPDATE incidents SET deleted_at = 1 WHERE external_id = 'T-003'").execute(t.ws.pool()).await.unwrap();

    let changed = s5_csv().replace("\"¥1,234.50\"", "2000");
    std::fs::write(&path, changed).unwrap();
    let report = import_file(&t.ws, &path, &options, false).await.unwrap();
    assert_eq!((report.inserted, report.updated), (0, 2));
    assert_eq!(report.in_trash.len(), 1);
    assert_eq!(report.in_trash[0].line, 4);
    assert_eq!(report.in_trash[0].error.code, ErrorCode::ImportInTrash);
    let (cost, channel): (i64, String) = sqlx::query_as("SELECT cost_fen, channel FROM incidents WHERE external_id = 'T-001'")
        .fetch_one(t.ws.pool())
        .await
        .unwrap();
    assert_eq!((cost, channel.as_str()), (200_000, "电话回访"));
    let trashed: Option<i64> = sqlx::query_scalar("SELECT deleted_at FROM incidents WHERE external_id = 'T-003'").fetch_one(t.ws.pool()).await.unwrap();
    assert!(trashed.is_some(), "not silently restored");
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM incident_events").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(events, 1, "the assignment history is kept, not duplicated");
}

#[tokio::test]
async fn rows_without_an_external_id_are_keyed_by_content() {
    let t = common::temp_workspace().await;
    let csv = "问题类型,门店,登记时间\n包装破损,上海一店,2024/3/5\n快递丢件,上海一店,2024/3/6\n";
    let path = write(t.dir.path(), "noid.csv", csv.as_bytes());
    let options = guessed(&path).await;
    assert_eq!(import_file(&t.ws, &path, &options, false).await.unwrap().inserted, 2);
    let again = import_file(&t.ws, &path, &options, false).await.unwrap();
    assert_eq!((again.inserted, again.updated), (0, 2));
    let title: String = sqlx::query_scalar("SELECT title FROM incidents ORDER BY id LIMIT 1").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(title, "包装破损 · 上海一店", "a file without titles gets readable ones");
}

#[tokio::test]
async fn hostile_and_broken_files_are_refused_with_a_clear_code_and_write_nothing() {
    let t = common::temp_workspace().await;
    let d = t.dir.path();
    let cases: Vec<(PathBuf, ErrorCode)> = vec![
        (write(d, "photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), ErrorCode::ImportUnsupportedFile),
        (write(d, "empty.csv", b""), ErrorCode::ImportEmptyFile),
        (write(d, "blank.csv", b"\n\n  \n"), ErrorCode::ImportEmptyFile),
        (write(d, "nomap.csv", "颜色,尺寸\n红,大\n".as_bytes()), ErrorCode::ImportNoMappableColumns),
        (write(d, "binary.csv", b"id,store\n\xFF\xFE\xFF,\xFF\xFF\n"), ErrorCode::ImportUnknownEncoding),
        (write(d, "fake.xlsx", b"PK\x03\x04 this is not really a zip archive"), ErrorCode::ImportUnsupportedFile),
        (zip_bomb(d), ErrorCode::ImportXlsxTooLarge),
    ];
    for (path, code) in cases {
        let err = import::inspect(&path, None, None).unwrap_err();
        assert_eq!(err.code, code, "{}", path.display());
        assert!(err.params.contains_key("file"), "the message names the file: {err:?}");
    }
    // A row of 300 columns is a bad row, with its line.
    let wide = format!("{HEADER}\nT-1,包装破损,,上海一店,30,否,100,2024/3/5\n{}\n", vec!["x"; 300].join(","));
    let path = write(d, "wide.csv", wide.as_bytes());
    let report = import_file(&t.ws, &path, &guessed(&path).await, false).await.unwrap();
    assert_eq!(report.issues[0].line, 3);
    assert_eq!(report.issues[0].error.code, ErrorCode::ImportTooManyColumns);
    assert!(!report.committed);
    assert_eq!(incidents(&t.ws).await, 0);
    // A mapping without the opening time cannot import.
    let mut no_time = guessed(&path).await;
    no_time.mapping[7] = None;
    assert_eq!(import_file(&t.ws, &path, &no_time, false).await.unwrap_err().code, ErrorCode::ImportFieldNotMapped);
}

/// An .xlsx whose one entry inflates 11 MB of zeros from a few KB.
fn zip_bomb(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..11 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[tokio::test]
async fn cancelling_writes_nothing() {
    let t = common::temp_workspace().await;
    let mut csv = String::from(HEADER);
    for i in 0..5000 {
        csv.push_str(&format!("\nT-{i},包装破损,,上海一店,30,否,100,2024/3/5"));
    }
    let path = write(t.dir.path(), "big.csv", csv.as_bytes());
    let options = guessed(&path).await;
    let cancel = AtomicBool::new(true);
    let err = import::run(&t.ws, &path, &options, false, &|_| {}, &cancel).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(incidents(&t.ws).await, 0);
}

#[tokio::test]
async fn presets_are_saved_by_name_in_the_workspace() {
    use liaison_core::service::import::{presets, save_preset, PresetColumn};
    let t = common::temp_workspace().await;
    let columns = vec![
        PresetColumn { header: "单据号".into(), field: Field::ExternalId },
        PresetColumn { header: "发生日期".into(), field: Field::OpenedAt },
    ];
    save_preset(&t.ws, "客服系统导出", &columns, &[]).await.unwrap();
    save_preset(&t.ws, " 客服系统导出 ", &columns[..1], &[]).await.unwrap();
    let saved = presets(&t.ws).await.unwrap();
    assert_eq!(saved.len(), 1, "same name replaces");
    assert_eq!(saved[0].columns.len(), 1);
    save_preset(&t.ws, "客服系统导出", &columns, &[]).await.unwrap();
    let preset = &presets(&t.ws).await.unwrap()[0];
    assert_eq!(preset.columns, columns, "read back as saved");
    assert_eq!(save_preset(&t.ws, "  ", &columns, &[]).await.unwrap_err().code, ErrorCode::Required);
}

#[tokio::test]
async fn an_imported_receipt_carries_its_claim_deadline_in_working_hours() {
    let t = common::temp_workspace().await;
    let p1 = liaison_core::testing::add_severity_class(&t.ws, "P1", "", 8, 0).await.unwrap();
    liaison_core::testing::set_class_terms(&t.ws, p1, Some(2), true).await.unwrap();
    let path = write(t.dir.path(), "sla.csv", "工单号,标题,归属部门,严重等级,登记时间\nT-1,收银宕机,IT部,P1,2026-12-04 16:00\nT-2,打印机卡纸,IT部,,2026-12-04 16:00\n".as_bytes());
    let report = import_file(&t.ws, &path, &guessed(&path).await, false).await.unwrap();
    assert!(report.committed);
    let due: Vec<(String, Option<i64>)> = sqlx::query_as(
        "SELECT i.external_id, e.due_at FROM incident_events e JOIN incidents i ON i.id = e.incident_id WHERE e.kind = 'assigned' ORDER BY i.external_id",
    )
    .fetch_all(t.ws.pool())
    .await
    .unwrap();
    // Friday 16:00 Shanghai: 2 working hours are Friday 16–18; due when Friday's day ends.
    let friday_six = chrono::DateTime::parse_from_rfc3339("2026-12-04T18:00:00+08:00").unwrap().timestamp_millis();
    assert_eq!(due, [("T-1".into(), Some(friday_six)), ("T-2".into(), None)], "no class, no deadline");
}
