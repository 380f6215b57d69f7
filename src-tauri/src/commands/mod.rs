//! Thin commands: unpack, call one core service, return. One module per feature, mirroring
//! ui/src/views/<feature> (incidents, problems, projects, proposals, stakeholders, today); the
//! app-level screens in ui/src/shell have theirs (app, workspace, backups, trash, images). Every
//! command is listed once, in app_commands.rs.

pub mod app;
pub mod backups;
pub mod dispatch;
pub mod images;
pub mod incident_import;
pub mod incidents;
pub mod problems;
pub mod projects;
pub mod proposals;
pub mod sla_settings;
pub mod settings;
pub mod stakeholders;
pub mod thread;
pub mod today;
pub mod trash;
pub mod workspace;
