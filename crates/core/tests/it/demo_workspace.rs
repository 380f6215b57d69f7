use crate::common;

use liaison_core::{demo, Lang};
use liaison_core::service::{board, departments, overview, people, projects};

#[tokio::test]
async fn demo_workspace_carries_the_scenarios() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let depts = departments::list(&t.ws).await.unwrap();
    assert_eq!(depts.len(), 8);
    let product = depts.iter().find(|d| d.name == "产品部").unwrap();
    assert!(product.kpis.contains("日活"), "S1: the product VP's KPIs");
    let vp = people::list(&t.ws).await.unwrap().into_iter().find(|p| p.title == "产品副总裁").unwrap();
    assert_eq!(vp.department_name.as_deref(), Some("产品部"));
    let kpis = liaison_core::service::kpis::list(&t.ws).await.unwrap();
    let backlog = kpis.iter().find(|k| k.name == "库存积压").expect("KPIs in the director's words");
    assert_eq!((backlog.unit.as_str(), backlog.department_name.as_str()), ("元", "供应链部"));
    assert_eq!(overview::counts(&t.ws).await.unwrap().stores, 40, "S2: 40 stores");
    let projects = projects::list(&t.ws).await.unwrap();
    assert_eq!(projects[0].input.title, "智能派单");
    assert!(projects[0].input.goal.contains("30 分钟"));
    let recent = board::recent(&t.ws, 1000).await.unwrap();
    assert_eq!(recent.len(), 240);
    assert!(recent.iter().all(|i| i.department_name.is_some() && i.store_name.is_some()));
    assert!(recent.iter().any(|i| i.problem_type == "预约超载"));
    // S5: types regrouped into a few severity classes, each with a remedy and an SLA.
    let classes = board::lists(&t.ws).await.unwrap().severity_classes;
    assert_eq!(classes.iter().map(|c| c.sla_hours).collect::<Vec<_>>(), [24, 72, 168]);
    assert!(recent.iter().all(|i| i.severity_class.is_some()));
}

#[tokio::test]
async fn demo_workspace_in_english() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::En).await.unwrap();
    let names: Vec<String> = departments::list(&t.ws).await.unwrap().into_iter().map(|d| d.name).collect();
    assert!(names.contains(&"After-sales Operations".to_string()));
    assert_eq!(projects::list(&t.ws).await.unwrap()[0].input.title, "Smart dispatch");
}
