//! A large import goes through the staging table fifty thousand rows at a time: a row for an
//! incident written earlier in the same file — still staged, or already moved — updates it, and
//! the pivot, the events and the temporary schema come out as if every row had been written alone.

use crate::common;

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

use liaison_core::import::{self, ImportOptions};
use liaison_core::service::departments::DepartmentInput;
use liaison_core::service::departments;

const ROWS: usize = 60_000;

#[tokio::test]
async fn repeated_rows_across_batches_and_stages_update_the_first() {
    let t = common::temp_workspace().await;
    let supply = departments::create(&t.ws, DepartmentInput { name: "供应链部".into(), ..Default::default() }).await.unwrap().id;
    let it = departments::create(&t.ws, DepartmentInput { name: "IT部".into(), ..Default::default() }).await.unwrap().id;
    sqlx::query("INSERT INTO routing_rules (position, problem_type, department_id, created_at, updated_at) VALUES (1, '快递丢件', ?, 0, 0)")
        .bind(supply)
        .execute(t.ws.pool())
        .await
        .unwrap();

    // Model of the outcome: key → (cost, department); rows in file order.
    let mut csv = String::from("工单号,问题类型,归属部门,门店,成本,登记时间");
    let mut model: HashMap<String, (i64, Option<i64>)> = HashMap::new();
    let (mut updated, mut transfers, mut assigned) = (0u32, 0i64, 0i64);
    for i in 0..ROWS {
        // Repeats: 1,500 rows back (an earlier batch, same stage), 52,000 back (moved already),
        // and rows without an id repeated by content 3,000 rows apart.
        let (id, cost, kind, dept) = if i >= 1_500 && i % 997 == 0 {
            (format!("T-{}", i - 1_500), 7_000 + i as i64, "快递丢件", Some("IT部"))
        } else if i >= 52_000 && i % 499 == 0 {
            (format!("T-{}", i - 52_000), 9_000 + i as i64, "包装破损", None)
        } else if i % 500 == 7 {
            (String::new(), (i % 3_000) as i64, "无单号", None)
        } else {
            (format!("T-{i}"), i as i64, if i % 2 == 0 { "快递丢件" } else { "包装破损" }, None)
        };
        let day = 1 + i % 28;
        csv.push_str(&format!("\n{id},{kind},{},上海{}店,{cost},2024-03-{day:02} 10:00:00", dept.unwrap_or(""), i % 5));
        // Content-keyed rows repeat only when every cell repeats.
        let key = if id.is_empty() { format!("{kind}|{cost}|{}|{day}", i % 5) } else { id };
        let dept_id = dept.map(|_| it);
        match model.get_mut(&key) {
            Some(old) => {
                updated += 1;
                // The file carries the owner column: an empty cell clears the owner too.
                transfers += i64::from(dept_id.is_some() && dept_id != old.1);
                *old = (cost * 100, dept_id);
            }
            None => {
                let owner = dept_id.or((kind == "快递丢件").then_some(supply));
                assigned += i64::from(owner.is_some());
                model.insert(key, (cost * 100, owner));
            }
        }
    }
    assert!(updated > 30 && transfers > 10, "the file repeats rows: {updated} updates, {transfers} transfers");
    let path = t.dir.path().join("bulk.csv");
    std::fs::write(&path, csv).unwrap();
    let overview = import::inspect(&path, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed, ..Default::default() };
    let report = import::run(&t.ws, &path, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    assert!(report.committed, "{:?}", report.issues.first());
    assert_eq!((report.rows as usize, report.inserted as usize, report.updated), (ROWS, model.len(), updated));

    let rows: Vec<(Option<String>, i64, Option<i64>)> =
        sqlx::query_as("SELECT external_id, cost_fen, department_id FROM incidents WHERE external_id IS NOT NULL").fetch_all(t.ws.pool()).await.unwrap();
    for (external_id, cost, dept) in &rows {
        assert_eq!(model.get(external_id.as_deref().unwrap()), Some(&(*cost, *dept)), "{external_id:?}");
    }
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM incidents ORDER BY id").fetch_all(t.ws.pool()).await.unwrap();
    assert_eq!(ids, (1..=model.len() as i64).collect::<Vec<_>>(), "numbered in file order without gaps");

    let pool = t.ws.pool().clone();
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!(count("SELECT count(*) FROM incident_events WHERE kind = 'assigned'").await, assigned);
    assert_eq!(count("SELECT count(*) FROM incident_events WHERE kind = 'transferred'").await, transfers);
    // The aggregate the triggers keep equals the incidents grouped afresh.
    assert_eq!(
        count(
            "SELECT count(*) FROM (SELECT coalesce(department_id, 0) AS d, problem_type, strftime('%Y-%m', opened_at / 1000 + 28800, 'unixepoch') AS m,
                 count(*) AS n, coalesce(sum(wait_minutes), 0) AS w, sum(cost_fen) AS c FROM incidents GROUP BY 1, 2, 3
             EXCEPT SELECT department_id, problem_type, month, count, wait_minutes, cost_fen FROM incident_pivot)"
        )
        .await,
        0
    );
    assert_eq!(count("SELECT count(*) FROM incident_pivot").await, count("SELECT count(*) FROM (SELECT DISTINCT coalesce(department_id, 0), problem_type FROM incidents)").await);

    // No connection keeps the staging table.
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut conn = t.ws.pool().acquire().await.unwrap();
        let staged: i64 = sqlx::query_scalar("SELECT count(*) FROM temp.sqlite_master WHERE name = 'incidents_staged'").fetch_one(&mut *conn).await.unwrap();
        assert_eq!(staged, 0);
        held.push(conn);
    }
}

/// Flushes of every size from 1 to 30 rows (each row repeated once, which writes what is queued
/// first) leave no prepared statement behind for each size: sqlx would keep them all, 0.6 MB each
/// at full size, and a long import's memory grew with them.
#[tokio::test]
async fn odd_sized_batches_are_not_kept_prepared() {
    let t = common::temp_workspace().await;
    let mut csv = String::from("工单号,问题类型,门店,成本,登记时间");
    let mut n = 0;
    for size in 1..=30 {
        let first = n;
        for _ in 0..size {
            csv.push_str(&format!("\nT-{n},包装破损,上海一店,1,2024/3/5"));
            n += 1;
        }
        csv.push_str(&format!("\nT-{first},包装破损,上海一店,2,2024/3/5"));
    }
    let path = t.dir.path().join("sizes.csv");
    std::fs::write(&path, csv).unwrap();
    let overview = import::inspect(&path, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed, ..Default::default() };
    let report = import::run(&t.ws, &path, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    assert_eq!((report.inserted, report.updated), (n as u32, 30));

    // Every connection of the pool at once, so the import's is among them.
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(t.ws.pool().acquire().await.unwrap());
    }
    let cached: usize = held.iter().map(|c| sqlx::Connection::cached_statements_size(&**c)).sum();
    assert!(cached < 30, "{cached} statements kept prepared after 30 flush sizes");
}
