//! The chain's figures as the UI receives them; their shape is the shape of the bindings.

use serde::Serialize;

use crate::repo::incident_filter::IncidentFilter;
use crate::{Id, Money};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Prevalence {
    pub stores_affected: i64,
    pub stores_total: i64,
    pub store_share_pct: Option<f64>,
    /// Distinct customer references; incidents without one count as one customer each.
    pub customers: i64,
    pub events: i64,
    pub weeks: i64,
    pub events_per_week: Option<f64>,
    pub sentence: String,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Severity {
    pub mean_wait_minutes: Option<f64>,
    pub p90_wait_minutes: Option<i64>,
    pub worst_wait_minutes: Option<i64>,
    pub worst_incident_id: Option<Id>,
    pub cost: Money,
    pub complaints: i64,
    /// Complaints of every kind opened in the same span.
    pub all_complaints: i64,
    pub complaint_share_pct: Option<f64>,
    pub sentence: String,
    pub link_complaints: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    /// Monday 00:00 in the workspace zone, as UTC milliseconds.
    pub week_start: i64,
    pub events: i64,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PeriodRate {
    pub from: i64,
    pub to: i64,
    pub events: i64,
    pub per_week: f64,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    pub weeks_ahead: i32,
    pub week_start: i64,
    pub events_per_week: f64,
    pub slope_per_week: f64,
    /// How it was projected, named for the reader: a least-squares line over the weekly counts.
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    pub weeks: Vec<WeekCount>,
    pub period_a: Option<PeriodRate>,
    pub period_b: Option<PeriodRate>,
    pub change_pct: Option<f64>,
    pub projection: Option<Projection>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GroupRate {
    pub label: String,
    pub stores: i64,
    pub events: i64,
    /// Events per store per week over the problem's span.
    pub rate: f64,
    pub link: IncidentFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RootCause {
    pub whys: Vec<String>,
    pub group_a: Option<GroupRate>,
    pub group_b: Option<GroupRate>,
    /// a − b, events per store-week.
    pub difference: Option<f64>,
    pub sentence: String,
}

/// Entered by the director, shown as entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Validation {
    pub nps_before: Option<f64>,
    pub nps_after: Option<f64>,
    pub pilot_rate_before: Option<f64>,
    pub pilot_rate_after: Option<f64>,
    /// From the two entered pilot rates.
    pub pilot_change_pct: Option<f64>,
    pub pilot_note: String,
    pub competitor_notes: String,
    pub fix_cost: Option<Money>,
    pub fix_effort: String,
    /// The incident rate before and after the linked project's launch, computed.
    pub launch: Option<LaunchEffect>,
    pub sentence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LaunchVerdict {
    /// The launch date is still ahead.
    NotLaunched,
    NotEnoughData,
    /// Lower, but the 95 % interval still reaches "no change".
    NotYetSure,
    NoDrop,
    Validated,
}

/// Did the fix work: the same number of days before and after the launch, the same stores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LaunchEffect {
    pub project_id: Id,
    pub project_title: String,
    /// YYYY-MM-DD
    pub launch_on: String,
    /// Days in each window; 0 before the launch.
    pub days: i64,
    pub before: i64,
    pub after: i64,
    /// The stores compared; None when the workspace keeps no store list.
    pub stores: Option<i64>,
    /// Counted by the filter the problem was linked with (new incidents too), else its linked incidents.
    pub by_pattern: bool,
    /// after / before, with its exact 95 % interval (high None: unbounded, nothing before).
    pub rate_ratio: Option<f64>,
    pub ratio_low: Option<f64>,
    pub ratio_high: Option<f64>,
    pub verdict: LaunchVerdict,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IfNotFixed {
    pub weeks: i32,
    pub events_per_week_then: f64,
    pub events: f64,
    pub extra_cost: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BusinessCase {
    pub revenue_loss: Option<Money>,
    pub revenue_loss_entered: bool,
    pub cost_per_year: Option<Money>,
    pub strategic_impact: String,
    pub nps_change: Option<f64>,
    pub investment: Option<Money>,
    /// (avoided loss + saved cost) / investment.
    pub roi: Option<f64>,
    pub if_not_fixed: Option<IfNotFixed>,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub problem_id: Id,
    pub incidents: i64,
    pub prevalence: Prevalence,
    pub severity: Severity,
    pub trend: Trend,
    pub root_cause: RootCause,
    pub validation: Validation,
    pub business_case: BusinessCase,
}

/// The base of every figure's link: the problem's own incidents.
pub(super) fn with_problem(id: Id) -> IncidentFilter {
    IncidentFilter { problem_id: Some(id), ..Default::default() }
}
