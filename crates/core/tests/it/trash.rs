//! The trash on a real workspace file: deleted people, projects, problems and incidents come back
//! with their links; emptying deletes for good and leaves no dangling reference behind.

use crate::common;

use liaison_core::{demo, Lang};
use liaison_core::service::board::IncidentFilter;
use liaison_core::service::board;
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::people::Person;
use liaison_core::service::stakeholders::{NoteInput, NoteKind};
use liaison_core::service::trash::{self, TrashKind};
use liaison_core::service::{departments, incident_records as records, people, problems, projects, stakeholders as map};
use liaison_core::{ErrorCode, Workspace};

async fn person(ws: &Workspace, name: &str) -> Person {
    people::list(ws).await.unwrap().into_iter().find(|p| p.name == name).unwrap()
}

async fn rows(ws: &Workspace, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(ws.pool()).await.unwrap()
}

fn incident(title: &str) -> IncidentInput {
    IncidentInput { title: title.into(), problem_type: "预约超载".into(), opened_at: 1_711_900_800_000, status: "open".into(), ..Default::default() }
}

#[tokio::test]
async fn a_person_comes_back_with_notes_contacts_and_the_project_roles_their_delete_removed() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let lead = person(&t.ws, "郑航").await;
    let before = map::profile(&t.ws, lead.id).await.unwrap();
    assert_eq!(before.projects, ["智能派单"]);

    people::delete(&t.ws, lead.id, true).await.unwrap();
    let list = trash::list(&t.ws).await.unwrap();
    let item = list.items.iter().find(|i| i.kind == TrashKind::Person && i.id == lead.id).unwrap();
    assert_eq!(item.title, "郑航");
    assert!(item.links >= 1, "the kept project role counts as a link");
    assert!(people::list(&t.ws).await.unwrap().iter().all(|p| p.id != lead.id));

    trash::restore(&t.ws, TrashKind::Person, lead.id).await.unwrap();
    let after = map::profile(&t.ws, lead.id).await.unwrap();
    assert_eq!(after.projects, before.projects, "roles are back");
    assert_eq!(after.notes.len(), before.notes.len());
    assert_eq!(after.interactions.len(), before.interactions.len());
    let smart = projects::list(&t.ws).await.unwrap()[0].id;
    assert!(map::what_is_in_it_for_them(&t.ws, smart).await.unwrap().iter().any(|b| b.person_id == lead.id));
    assert!(trash::list(&t.ws).await.unwrap().items.iter().all(|i| i.id != lead.id || i.kind != TrashKind::Person));
}

#[tokio::test]
async fn a_problem_and_an_incident_come_back_linked_and_counted() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    for n in 0..3 {
        records::create(&t.ws, incident(&format!("预约系统超载 {n}"))).await.unwrap();
    }
    let link = IncidentFilter { text: Some("预约系统超载".into()), ..Default::default() };
    let problem = problems::create(&t.ws, problems::default_input("预约超载复发"), Some(link)).await.unwrap();
    assert_eq!(problem.incident_count, 3);
    let pivot_before = board::pivot(&t.ws).await.unwrap();
    let one = board::incident(&t.ws, rows(&t.ws, "SELECT id FROM incidents WHERE title = '预约系统超载 1'").await).await.unwrap();

    records::delete(&t.ws, one.id).await.unwrap();
    // Deletes are stamped in milliseconds: keep the two apart so "newest first" is defined.
    std::thread::sleep(std::time::Duration::from_millis(5));
    problems::delete(&t.ws, problem.id).await.unwrap();
    assert_ne!(board::pivot(&t.ws).await.unwrap(), pivot_before, "a trashed incident leaves the board");
    let kinds: Vec<TrashKind> = trash::list(&t.ws).await.unwrap().items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [TrashKind::Problem, TrashKind::Incident], "newest first");

    trash::restore(&t.ws, TrashKind::Incident, one.id).await.unwrap();
    trash::restore(&t.ws, TrashKind::Problem, problem.id).await.unwrap();
    assert_eq!(problems::get(&t.ws, problem.id).await.unwrap().incident_count, 3, "links intact");
    assert_eq!(board::pivot(&t.ws).await.unwrap(), pivot_before, "board totals as before");
    let e = trash::restore(&t.ws, TrashKind::Problem, problem.id).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "not in the trash any more");
}

#[tokio::test]
async fn restoring_a_department_whose_name_was_reused_says_so_and_changes_nothing() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let product = departments::list(&t.ws).await.unwrap().into_iter().find(|d| d.name == "产品部").unwrap();
    departments::delete(&t.ws, product.id).await.unwrap();
    departments::create(&t.ws, liaison_core::service::departments::DepartmentInput { name: "产品部".into(), head: String::new(), kpis: String::new(), ..Default::default() })
        .await
        .unwrap();
    let e = trash::restore(&t.ws, TrashKind::Department, product.id).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::TrashRestoreConflict);
    assert_eq!(e.params["title"], "产品部");
    assert!(trash::list(&t.ws).await.unwrap().items.iter().any(|i| i.id == product.id && i.kind == TrashKind::Department));
}

#[tokio::test]
async fn emptying_deletes_for_good_and_leaves_no_dangling_link() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let vp = person(&t.ws, "周志远").await;
    let lead = person(&t.ws, "郑航").await;
    let reports_to_vp = rows(&t.ws, &format!("SELECT count(*) FROM people WHERE reports_to_id = {}", vp.id)).await;
    assert!(reports_to_vp > 0, "the demo has someone reporting to the VP");
    assert!(rows(&t.ws, &format!("SELECT count(*) FROM person_notes WHERE person_id = {}", vp.id)).await > 0);
    let canary = "CANARY-私密-备注-7731";
    let note = NoteInput { kind: NoteKind::Pressure, text: canary.into(), metric: None, source: "周会".into(), noted_on: 1_793_000_000_000 };
    map::add_note(&t.ws, vp.id, note).await.unwrap();
    people::delete(&t.ws, vp.id, true).await.unwrap();
    people::delete(&t.ws, lead.id, true).await.unwrap();
    let kept = records::create(&t.ws, incident("留着的工单")).await.unwrap();
    let gone = records::create(&t.ws, incident("要删的工单")).await.unwrap();
    records::delete(&t.ws, gone.id).await.unwrap();

    // One item first: only it goes.
    assert_eq!(trash::purge(&t.ws, Some((TrashKind::Person, lead.id))).await.unwrap(), 1);
    assert_eq!(rows(&t.ws, &format!("SELECT count(*) FROM people WHERE id = {}", lead.id)).await, 0);
    assert_eq!(rows(&t.ws, &format!("SELECT count(*) FROM people WHERE id = {}", vp.id)).await, 1);
    let e = trash::purge(&t.ws, Some((TrashKind::Incident, kept.id))).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "a live incident is not purged");

    let removed = trash::purge(&t.ws, None).await.unwrap();
    assert!(removed >= 2);
    assert_eq!(trash::list(&t.ws).await.unwrap().total, 0);
    for table in ["people", "incidents", "person_notes", "interactions", "ledger_entries"] {
        assert_eq!(rows(&t.ws, &format!("SELECT count(*) FROM {table} WHERE deleted_at IS NOT NULL")).await, 0, "{table}");
    }
    assert_eq!(rows(&t.ws, &format!("SELECT count(*) FROM person_notes WHERE person_id = {}", vp.id)).await, 0, "private notes gone");
    assert_eq!(rows(&t.ws, &format!("SELECT count(*) FROM people WHERE reports_to_id = {}", vp.id)).await, 0);
    assert_eq!(rows(&t.ws, "SELECT count(*) FROM people").await, people::list(&t.ws).await.unwrap().len() as i64, "the others stay");
    assert_eq!(board::incident(&t.ws, kept.id).await.unwrap().title, "留着的工单");
    assert_eq!(rows(&t.ws, "SELECT count(*) FROM pragma_foreign_key_check").await, 0);
    let mut bytes = std::fs::read(t.path()).unwrap();
    bytes.extend(std::fs::read(t.path().with_extension("liaison-wal")).unwrap_or_default());
    assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()), "the purged note is gone from the file's bytes");
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(integrity, "ok");
}
