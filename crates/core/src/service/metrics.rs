//! A project's success metrics, one per side, and the readings taken of them.

use serde::Serialize;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::project_metrics;
use crate::service::projects::parse_day;
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

pub use crate::repo::project_metrics::{MetricDirection, MetricInput, ProjectMetric, Reading};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MetricsWithReadings {
    pub metrics: Vec<ProjectMetric>,
    pub readings: Vec<Reading>,
}

pub async fn of_project(ws: &Workspace, project_id: Id) -> Result<MetricsWithReadings> {
    Ok(MetricsWithReadings {
        metrics: project_metrics::list_for(ws.pool(), project_id).await?,
        readings: project_metrics::readings_for(ws.pool(), project_id).await?,
    })
}

pub async fn add(ws: &Workspace, project_id: Id, input: MetricInput) -> Result<Id> {
    project_metrics::insert(ws.pool(), project_id, &check_metric(input)?).await
}

pub(crate) fn check_metric(input: MetricInput) -> Result<MetricInput> {
    for (value, field) in [(input.baseline, "baseline"), (input.target, "target")] {
        if !value.is_finite() {
            return Err(CoreError::new(ErrorCode::InvalidNumber).with("value", value).on_field(field));
        }
    }
    Ok(MetricInput { name: clean(&input.name, "name", 100)?, unit: bounded(&input.unit, "unit", 20)?, ..input })
}

/// A reading on a day (YYYY-MM-DD); the value must be a finite number.
pub async fn add_reading(ws: &Workspace, metric_id: Id, taken_on: &str, value: f64) -> Result<Id> {
    parse_day(taken_on, "takenOn")?;
    if !value.is_finite() {
        return Err(CoreError::new(ErrorCode::InvalidNumber).with("value", value).on_field("value"));
    }
    project_metrics::add_reading(ws.pool(), metric_id, taken_on, value).await
}

pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    project_metrics::delete(ws.pool(), id).await
}
