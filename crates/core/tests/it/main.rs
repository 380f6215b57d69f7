//! The core's integration tests, one module per subject, linked into one test binary (a
//! binary per file linked the whole core and sqlx seventeen times over).

mod common;
mod architecture;
mod board;
mod board_pivot;
mod checklist;
mod crash_safety;
mod demo_workspace;
mod departments_people;
mod dispatch_figures;
mod doors;
mod encryption;
mod error_texts;
mod export_crash;
mod fix_validation;
mod followup_replan;
mod evidence_counts;
mod import_bulk;
mod import_incidents;
mod import_unknowns;
mod incident_actions;
mod problem_thread;
mod problems;
mod projects;
mod service_rules;
mod sla_clock;
mod proposal_options;
mod proposals;
mod reference_lists;
mod sponsors;
mod stakeholders;
mod trash;
mod workspace_files;
