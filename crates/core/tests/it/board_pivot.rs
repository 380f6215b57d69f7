//! The board pivot, read straight from SQLite (the repository's raw row reader), equals cell for cell and in the
//! same order what sqlx reads from the same query, names with quotes, tabs, newlines and emoji.

use crate::common;

use liaison_core::{demo, Lang};
use liaison_core::service::board;
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::Money;

#[tokio::test]
async fn the_pivot_read_directly_equals_the_rows_sqlx_reads_in_order() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    // Awkward names and types, and a department whose name sorts by pinyin, not by bytes.
    sqlx::query("INSERT INTO departments (name, name_key, created_at, updated_at) VALUES ('\"引号\" \\ 部', 'yinhaobu', 0, 0), ('😀 Emoji', 'emoji', 0, 0)")
        .execute(t.ws.pool())
        .await
        .unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM departments WHERE name_key IN ('yinhaobu', 'emoji') ORDER BY id").fetch_all(t.ws.pool()).await.unwrap();
    let mut rows = Vec::new();
    for (n, kind) in ["类型 \"A\"", "tab\there", "换行\n类型", "😀"].iter().enumerate() {
        for dept in [Some(ids[0]), Some(ids[1]), None] {
            let record = IncidentInput {
                title: "x".into(),
                problem_type: (*kind).into(),
                department_id: dept,
                opened_at: 1_711_900_800_000 + n as i64 * 40 * 86_400_000,
                wait_minutes: Some(n as i64),
                cost: Money::from_fen(-(n as i64)),
                status: "open".into(),
                ..Default::default()
            };
            rows.push(record);
        }
    }
    common::insert_records(&t.ws, rows).await;

    type Cell = (Option<i64>, Option<String>, String, String, i64, i64, i64);
    let plain: Vec<Cell> = sqlx::query_as(
        "SELECT nullif(p.department_id, 0), d.name, p.problem_type, p.month, p.count, p.wait_minutes, p.cost_fen
         FROM incident_pivot p LEFT JOIN departments d ON d.id = p.department_id
         ORDER BY d.name_key, p.problem_type, p.month",
    )
    .fetch_all(t.ws.pool())
    .await
    .unwrap();
    let cells: Vec<_> = board::pivot(&t.ws)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.department_id, c.department_name, c.problem_type, c.month, c.count, c.wait_minutes, c.cost.fen()))
        .collect();
    assert!(plain.len() > 20);
    assert_eq!(cells, plain);
    assert_eq!(cells[0].0, None, "triage first");
    assert_eq!(cells.last().unwrap().1.as_deref(), Some("\"引号\" \\ 部"), "by pinyin: yinhaobu after emoji and the demo's");

    // An empty board is an empty list.
    sqlx::query("DELETE FROM incident_pivot").execute(t.ws.pool()).await.unwrap();
    assert!(board::pivot(&t.ws).await.unwrap().is_empty());
}
