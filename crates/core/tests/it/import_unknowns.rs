//! An incident import that meets stores, products, suppliers or problem types the workspace does
//! not have says so in its preview, takes values the user mapped as existing entries, and creates
//! the rest in their lists with the incidents, in the one transaction.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use liaison_core::import::{self, ImportOptions, ImportReport, ListKind, NewEntries, ValueMapping};
use liaison_core::service::import::{presets, save_preset, PresetColumn};
use liaison_core::{Id, Workspace};

fn write(dir: &Path, name: &str, lines: &[&str]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

async fn import_file(ws: &Workspace, path: &Path, values: Vec<ValueMapping>, dry_run: bool) -> ImportReport {
    let overview = import::inspect(path, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed, values, ..Default::default() };
    import::run(ws, path, &options, dry_run, &|_| {}, &AtomicBool::new(false)).await.unwrap()
}

fn entries(list: &[(ListKind, &[&str])]) -> Vec<NewEntries> {
    list.iter().map(|(kind, names)| NewEntries { kind: *kind, names: names.iter().map(|n| n.to_string()).collect() }).collect()
}

async fn names(ws: &Workspace, table: &str) -> Vec<String> {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT name FROM {table} WHERE deleted_at IS NULL ORDER BY id"))).fetch_all(ws.pool()).await.unwrap()
}

async fn store_id(ws: &Workspace, name: &str) -> Id {
    sqlx::query_scalar("SELECT id FROM stores WHERE name = ?").bind(name).fetch_one(ws.pool()).await.unwrap()
}

/// A blank workspace given two stores with codes, a product category and a problem type by a
/// first import (the file's store-code column becomes the stores' codes).
async fn seeded() -> common::TempWorkspace {
    let t = common::temp_workspace().await;
    let path = write(t.dir.path(), "stores.csv", &[
        "门店编码,门店,产品类别,问题类型,登记时间",
        "BJ01,北京朝阳门店,手机,屏幕故障,2026-11-02 10:00",
        "SH02,上海徐汇店,手机,屏幕故障,2026-11-02 11:00",
    ]);
    let report = import_file(&t.ws, &path, vec![], false).await;
    assert!(report.committed);
    let codes: Vec<(String, Option<String>)> = sqlx::query_as("SELECT name, code FROM stores ORDER BY id").fetch_all(t.ws.pool()).await.unwrap();
    assert_eq!(codes, [("北京朝阳门店".into(), Some("BJ01".into())), ("上海徐汇店".into(), Some("SH02".into()))]);
    t
}

/// Three unknown stores (and one known by its code), one unknown product, two unknown suppliers.
fn incidents_file(dir: &Path) -> PathBuf {
    write(dir, "incidents.csv", &[
        "工单号,门店,产品类别,产品,供应商,问题类型,登记时间",
        "T-1,朝阳店,手机,X1,富士康,屏幕故障,2026-11-03 09:00",
        "T-2,杭州西湖店,手机,X1,比亚迪电子,屏幕故障,2026-11-03 10:00",
        "T-3,SH02,手机,X1,富士康,屏幕故障,2026-11-03 11:00",
        "T-4,成都春熙店,手机,X1,富士康,屏幕故障,2026-11-03 12:00",
        "T-5,杭州西湖店 ,手机,x1,富士康,屏幕故障,2026-11-03 13:00",
    ])
}

#[tokio::test]
async fn the_preview_names_what_will_be_created_and_the_run_creates_the_rest_of_it() {
    let t = seeded().await;
    let path = incidents_file(t.dir.path());

    let preview = import_file(&t.ws, &path, vec![], true).await;
    assert_eq!(preview.new_entries, entries(&[
        (ListKind::Store, &["朝阳店", "杭州西湖店", "成都春熙店"]),
        (ListKind::Product, &["X1"]),
        (ListKind::Supplier, &["富士康", "比亚迪电子"]),
    ]), "SH02 is a store's code; spellings differing in case or spaces are one value");
    assert!(names(&t.ws, "suppliers").await.is_empty(), "a preview creates nothing");

    let chaoyang = store_id(&t.ws, "北京朝阳门店").await;
    let to_chaoyang = vec![ValueMapping { kind: ListKind::Store, value: "朝阳店".into(), to: chaoyang }];
    let preview = import_file(&t.ws, &path, to_chaoyang.clone(), true).await;
    assert_eq!(preview.new_entries[0], entries(&[(ListKind::Store, &["杭州西湖店", "成都春熙店"])])[0], "a mapped value is not created");

    let report = import_file(&t.ws, &path, to_chaoyang, false).await;
    assert!(report.committed);
    assert_eq!(report.inserted, 5);
    assert_eq!(names(&t.ws, "stores").await, ["北京朝阳门店", "上海徐汇店", "杭州西湖店", "成都春熙店"]);
    assert_eq!(names(&t.ws, "suppliers").await, ["富士康", "比亚迪电子"]);
    let products: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT p.name, c.name FROM products p LEFT JOIN product_categories c ON c.id = p.category_id",
    )
    .fetch_all(t.ws.pool())
    .await
    .unwrap();
    assert_eq!(products, [("X1".into(), Some("手机".into()))], "a new product goes under its row's category");
    let stores: Vec<(String, String)> = sqlx::query_as(
        "SELECT i.external_id, s.name FROM incidents i JOIN stores s ON s.id = i.store_id WHERE i.external_id LIKE 'T-%' ORDER BY i.external_id",
    )
    .fetch_all(t.ws.pool())
    .await
    .unwrap();
    let expected = [("T-1", "北京朝阳门店"), ("T-2", "杭州西湖店"), ("T-3", "上海徐汇店"), ("T-4", "成都春熙店"), ("T-5", "杭州西湖店")];
    assert_eq!(stores, expected.map(|(a, b)| (a.to_string(), b.to_string())));

    let again = import_file(&t.ws, &path, vec![], true).await;
    assert_eq!(again.new_entries, entries(&[(ListKind::Store, &["朝阳店"])]), "the rest now exists");
}

#[tokio::test]
async fn mapped_text_values_become_the_entry_and_problem_types_are_created_without_a_class() {
    let t = seeded().await;
    let path = write(t.dir.path(), "types.csv", &["问题类型,供应商,登记时间", "屏幕坏了,富士康,2026-11-03 09:00", "电池鼓包,富士康,2026-11-03 10:00"]);
    let screen: Id = sqlx::query_scalar("SELECT id FROM problem_types WHERE name = '屏幕故障'").fetch_one(t.ws.pool()).await.unwrap();
    let values = vec![ValueMapping { kind: ListKind::ProblemType, value: "屏幕坏了".into(), to: screen }];
    let report = import_file(&t.ws, &path, values, false).await;
    assert_eq!(report.new_entries, entries(&[(ListKind::Supplier, &["富士康"]), (ListKind::ProblemType, &["电池鼓包"])]));
    let types: Vec<(String, Option<Id>)> = sqlx::query_as("SELECT name, severity_class_id FROM problem_types ORDER BY id").fetch_all(t.ws.pool()).await.unwrap();
    assert_eq!(types, [("屏幕故障".into(), None), ("电池鼓包".into(), None)]);
    let incident_types: Vec<String> = sqlx::query_scalar("SELECT problem_type FROM incidents WHERE supplier = '富士康' ORDER BY opened_at").fetch_all(t.ws.pool()).await.unwrap();
    assert_eq!(incident_types, ["屏幕故障", "电池鼓包"], "the incident gets the mapped entry");
}

#[tokio::test]
async fn a_preset_keeps_value_mappings_and_an_old_preset_still_loads() {
    let t = seeded().await;
    let columns = vec![PresetColumn { header: "门店".into(), field: liaison_core::import::Field::Store }];
    let values = vec![ValueMapping { kind: ListKind::Store, value: "朝阳店".into(), to: store_id(&t.ws, "北京朝阳门店").await }];
    save_preset(&t.ws, "月度导出", &columns, &values).await.unwrap();
    // As presets were saved before value mappings: the bare column list.
    sqlx::query("INSERT INTO import_presets (name, mapping, created_at, updated_at) VALUES ('旧格式', ?, 0, 0)")
        .bind(r#"[{"header":"单据号","field":"external_id"},{"header":"发生日期","field":"opened_at"}]"#)
        .execute(t.ws.pool())
        .await
        .unwrap();
    let saved = presets(&t.ws).await.unwrap();
    let old = saved.iter().find(|p| p.name == "旧格式").unwrap();
    assert_eq!(old.columns.len(), 2);
    assert_eq!(old.columns[1].field, liaison_core::import::Field::OpenedAt);
    assert!(old.values.is_empty());
    let new = saved.iter().find(|p| p.name == "月度导出").unwrap();
    assert_eq!((&new.columns, &new.values), (&columns, &values));

    // Next month's file with the same spelling needs no mapping again.
    let path = incidents_file(t.dir.path());
    let preview = import_file(&t.ws, &path, new.values.clone(), true).await;
    assert_eq!(preview.new_entries[0].names, ["杭州西湖店", "成都春熙店"]);
}

#[tokio::test]
async fn a_bad_row_creates_nothing() {
    let t = seeded().await;
    let path = write(t.dir.path(), "bad.csv", &[
        "门店,产品,供应商,问题类型,登记时间",
        "南京新街口店,Z9,伟创力,电池鼓包,2026-11-03 09:00",
        "苏州观前店,Z9,伟创力,电池鼓包,不是日期",
    ]);
    let report = import_file(&t.ws, &path, vec![], false).await;
    assert!(!report.committed);
    assert_eq!(report.invalid, 1);
    assert_eq!(names(&t.ws, "stores").await, ["北京朝阳门店", "上海徐汇店"]);
    assert!(names(&t.ws, "suppliers").await.is_empty());
    assert!(names(&t.ws, "products").await.is_empty());
    assert_eq!(names(&t.ws, "problem_types").await, ["屏幕故障"]);
}
