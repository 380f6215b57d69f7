//! Services: validation and rules over the repositories. The shell's commands call these only.

pub mod backup;
pub mod departments;
pub mod incident_records;
pub mod incidents;
pub mod people;
pub mod problems;
pub mod projects;
pub mod proposals;
pub mod followup;
pub mod routing;
pub mod stakeholders;
pub mod trash;
