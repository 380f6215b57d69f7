//! Departments and people through the services, as the shell's commands use them.

use crate::common;

use liaison_core::service::departments::DepartmentInput;
use liaison_core::service::people::PersonInput;
use liaison_core::service::{departments, people};
use liaison_core::ErrorCode;

fn dept(name: &str) -> DepartmentInput {
    DepartmentInput { name: name.into(), head: "陈立".into(), kpis: "DAU；NPS".into(), ..Default::default() }
}

async fn department_rows(ws: &liaison_core::Workspace) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM departments").fetch_one(ws.pool()).await.unwrap()
}

#[tokio::test]
async fn create_update_delete_a_department() {
    let t = common::temp_workspace().await;
    let created = departments::create(&t.ws, dept("  产品部 ")).await.unwrap();
    assert_eq!(created.name, "产品部", "names are trimmed");
    assert_eq!(created.head, "陈立");

    let updated = departments::update(&t.ws, created.id, DepartmentInput { kpis: "用户增长".into(), ..dept("产品部") })
        .await
        .unwrap();
    assert_eq!(updated.kpis, "用户增长");
    assert!(updated.updated_at >= created.updated_at);

    departments::delete(&t.ws, created.id).await.unwrap();
    assert!(departments::list(&t.ws).await.unwrap().is_empty());
    let deleted_at: Option<i64> = sqlx::query_scalar("SELECT deleted_at FROM departments WHERE id = ?")
        .bind(created.id)
        .fetch_one(t.ws.pool())
        .await
        .unwrap();
    assert!(deleted_at.is_some(), "deletes are soft: the row waits in the trash");
    // The name is free again once the old one is in the trash.
    departments::create(&t.ws, dept("产品部")).await.unwrap();
}

#[tokio::test]
async fn empty_or_duplicate_names_are_refused_and_nothing_is_written() {
    let t = common::temp_workspace().await;
    departments::create(&t.ws, dept("产品部")).await.unwrap();

    let empty = departments::create(&t.ws, dept("   ")).await.unwrap_err();
    assert_eq!(empty.code, ErrorCode::Required);
    assert_eq!(empty.field.as_deref(), Some("name"));

    for dup in ["产品部", " 产品部  "] {
        let err = departments::create(&t.ws, dept(dup)).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::DepartmentNameTaken);
        assert_eq!(err.field.as_deref(), Some("name"));
        assert_eq!(err.params["name"], "产品部");
    }
    let other = departments::create(&t.ws, dept("IT部")).await.unwrap();
    let rename = departments::update(&t.ws, other.id, dept("产品部")).await.unwrap_err();
    assert_eq!(rename.code, ErrorCode::DepartmentNameTaken);
    assert_eq!(department_rows(&t.ws).await, 2, "no failed call wrote a row");
    assert_eq!(departments::list(&t.ws).await.unwrap().iter().find(|d| d.id == other.id).unwrap().name, "IT部");
}

#[tokio::test]
async fn case_insensitive_duplicates_for_latin_names() {
    let t = common::temp_workspace().await;
    departments::create(&t.ws, dept("Product")).await.unwrap();
    let err = departments::create(&t.ws, dept("PRODUCT")).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::DepartmentNameTaken);
}

#[tokio::test]
async fn people_belong_to_live_departments_and_sort_by_pinyin() {
    let t = common::temp_workspace().await;
    let product = departments::create(&t.ws, dept("产品部")).await.unwrap();
    for name in ["张伟", "陈立", "安琪"] {
        people::create(&t.ws, PersonInput { name: name.into(), title: "经理".into(), department_id: Some(product.id), ..Default::default() })
            .await
            .unwrap();
    }
    let listed = people::list(&t.ws).await.unwrap();
    let names: Vec<&str> = listed.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["安琪", "陈立", "张伟"]);
    assert_eq!(listed[0].department_name.as_deref(), Some("产品部"));
    assert_eq!(departments::list(&t.ws).await.unwrap()[0].people_count, 3);

    let missing = people::create(&t.ws, PersonInput { name: "王强".into(), title: String::new(), department_id: Some(999), ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    assert_eq!(missing.field.as_deref(), Some("departmentId"));

    // A trashed department keeps its people's link (a restore brings it back) but is not shown.
    departments::delete(&t.ws, product.id).await.unwrap();
    let after = people::list(&t.ws).await.unwrap();
    assert_eq!(after[0].department_id, Some(product.id));
    assert_eq!(after[0].department_name, None);

    people::delete(&t.ws, after[0].id, false).await.unwrap();
    assert_eq!(people::list(&t.ws).await.unwrap().len(), 2);
    assert_eq!(people::delete(&t.ws, after[0].id, false).await.unwrap_err().code, ErrorCode::NotFound);
}
