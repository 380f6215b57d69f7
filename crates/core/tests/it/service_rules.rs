//! The rules the shell used to check itself, now in the services: a refused request says which
//! field and why, and writes nothing.

use crate::common;

use liaison_core::service::calendar::{self, CalendarDay};
use liaison_core::service::commitments::{self, CommitmentInput};
use liaison_core::service::metrics::{self, MetricDirection, MetricInput};
use liaison_core::service::projects::{self, ProjectInput, ProjectRole, ProjectStatus};
use liaison_core::service::{board, people};
use liaison_core::{ErrorCode, Workspace};

async fn project(ws: &Workspace) -> i64 {
    let input = ProjectInput { title: "派单二期".into(), goal: String::new(), status: ProjectStatus::Proposed, impact_metrics: String::new(), benefits: String::new(), anchor_on: None, launch_on: None };
    projects::create(ws, input).await.unwrap().id
}

fn refused(e: liaison_core::CoreError) -> (ErrorCode, Option<String>) {
    (e.code, e.field)
}

#[tokio::test]
async fn a_severity_class_keeps_an_sla_between_an_hour_and_a_year() {
    let t = common::temp_workspace().await;
    let class = liaison_core::testing::add_severity_class(&t.ws, "一般", "24 小时内解决", 24, 1).await.unwrap();
    for hours in [0, 24 * 365 + 1] {
        let e = board::update_severity_class(&t.ws, class, "当天回电", hours).await.unwrap_err();
        assert_eq!(refused(e), (ErrorCode::OutOfRange, Some("slaHours".into())), "{hours} h");
    }
    let e = board::update_severity_class(&t.ws, class, &"长".repeat(501), 4).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::TooLong);
    let classes = board::lists(&t.ws).await.unwrap().severity_classes;
    assert_eq!((classes[0].sla_hours, classes[0].remedy.as_str()), (24, "24 小时内解决"), "nothing written");
    let classes = board::update_severity_class(&t.ws, class, "当天回电", 24 * 365).await.unwrap();
    assert_eq!(classes[0].sla_hours, 24 * 365);
}

#[tokio::test]
async fn commitments_and_metrics_need_their_words_and_readings_a_real_number_on_a_real_day() {
    let t = common::temp_workspace().await;
    let p = project(&t.ws).await;
    let commitment = |description: &str| CommitmentInput { department_id: None, is_mine: true, description: description.into(), people: None, weeks: None, budget: None };
    assert_eq!(refused(commitments::add(&t.ws, p, commitment("  ")).await.unwrap_err()), (ErrorCode::Required, Some("description".into())));
    assert_eq!(commitments::add(&t.ws, p, commitment(&"字".repeat(501))).await.unwrap_err().code, ErrorCode::TooLong);
    assert!(commitments::of_project(&t.ws, p).await.unwrap().is_empty(), "nothing written");
    assert_eq!(commitments::add(&t.ws, p, commitment(" 两名工程师 ")).await.unwrap()[0].description, "两名工程师");

    let metric = |name: &str, unit: &str| MetricInput { department_id: None, name: name.into(), unit: unit.into(), direction: MetricDirection::Up, baseline: 0.0, target: 5.0 };
    assert_eq!(refused(metrics::add(&t.ws, p, metric("", "分")).await.unwrap_err()), (ErrorCode::Required, Some("name".into())));
    assert_eq!(refused(metrics::add(&t.ws, p, metric("NPS", &"分".repeat(21))).await.unwrap_err()), (ErrorCode::TooLong, Some("unit".into())));
    assert!(metrics::of_project(&t.ws, p).await.unwrap().metrics.is_empty(), "nothing written");
    let nps = metrics::add(&t.ws, p, metric("NPS", "分")).await.unwrap();
    assert_eq!(refused(metrics::add_reading(&t.ws, nps, "2026-13-01", 7.0).await.unwrap_err()), (ErrorCode::InvalidDate, Some("takenOn".into())));
    for bad in [f64::NAN, f64::INFINITY] {
        assert_eq!(refused(metrics::add_reading(&t.ws, nps, "2026-12-01", bad).await.unwrap_err()), (ErrorCode::InvalidNumber, Some("value".into())));
    }
    assert!(metrics::of_project(&t.ws, p).await.unwrap().readings.is_empty(), "nothing written");
    metrics::add_reading(&t.ws, nps, "2026-12-01", 7.0).await.unwrap();
}

#[tokio::test]
async fn a_calendar_day_is_a_holiday_or_a_working_day_on_a_real_date() {
    let t = common::temp_workspace().await;
    let before = calendar::days(&t.ws).await.unwrap();
    let day = |day: &str, kind: &str| CalendarDay { day: day.into(), kind: kind.into(), name: "元旦".into() };
    assert_eq!(refused(calendar::save(&t.ws, &day("2027-02-30", "holiday")).await.unwrap_err()), (ErrorCode::InvalidDate, Some("day".into())));
    assert_eq!(refused(calendar::save(&t.ws, &day("2027-01-01", "party")).await.unwrap_err()), (ErrorCode::InvalidChoice, Some("kind".into())));
    assert_eq!(calendar::days(&t.ws).await.unwrap(), before, "nothing written");
    calendar::save(&t.ws, &day("2027-01-01", "holiday")).await.unwrap();
    assert_eq!(calendar::days(&t.ws).await.unwrap().len(), before.len() + 1);
}

#[tokio::test]
async fn a_role_goes_to_someone_who_exists() {
    let t = common::temp_workspace().await;
    let p = project(&t.ws).await;
    assert_eq!(projects::add_role(&t.ws, p, 4242, ProjectRole::TechLead).await.unwrap_err().code, ErrorCode::NotFound);
    assert!(people::list(&t.ws).await.unwrap().is_empty());
}
