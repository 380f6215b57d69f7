//! Services: validation and rules over the repositories, one module per feature. The core's one
//! public door: the shell's commands call these only, and the types they take and return are
//! re-exported here.

pub mod backup;
pub mod board;
pub mod calendar;
pub mod catalog;
pub mod checklist;
pub mod commitments;
pub mod departments;
pub mod dispatch_stats;
pub mod effects;
pub mod escalations;
pub mod followup;
pub mod images;
pub mod import;
pub mod incident_records;
pub mod incidents;
pub mod kpis;
pub mod metrics;
pub mod milestones;
pub mod overview;
pub mod people;
pub mod problems;
pub mod projects;
pub mod problem_types;
pub mod proposals;
pub mod reference;
pub mod reference_import;
pub mod routing;
pub mod sla_settings;
pub mod sponsors;
pub mod severity_classes;
pub mod stores;
pub mod stakeholders;
pub mod thread;
pub mod trash;
