//! The first-run checklist ticks itself from the workspace's data, and its suggestions stay
//! suggestions: nothing is stored until the user confirms them.

use liaison_core::service::checklist;
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::Lang;

use crate::common;

#[tokio::test]
async fn a_blank_workspace_starts_unticked_and_ticks_from_its_data() {
    let t = common::temp_workspace().await;
    let blank = checklist::get(&t.ws).await.unwrap();
    assert_eq!(
        (blank.departments, blank.stores, blank.severity_classes, blank.incidents, blank.routing_rules, blank.dismissed),
        (0, 0, 0, 0, 0, false)
    );
    let suggested = checklist::suggested_classes(Lang::ZhCn);
    assert_eq!(suggested.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["P1 紧急", "P2 较重", "P3 一般"]);
    assert!(suggested.iter().all(|c| 0 < c.claim_hours && c.claim_hours < c.resolve_hours));
    assert_eq!(checklist::get(&t.ws).await.unwrap().severity_classes, 0, "a suggestion stores nothing");

    departments::create(&t.ws, DepartmentInput { name: "IT部".into(), head: "王强".into(), kpis: String::new(), ..Default::default() }).await.unwrap();
    assert_eq!(checklist::get(&t.ws).await.unwrap().departments, 1);
    assert!(checklist::dismiss(&t.ws, true).await.unwrap().dismissed);
    assert!(!checklist::dismiss(&t.ws, false).await.unwrap().dismissed, "it can be brought back");
}
