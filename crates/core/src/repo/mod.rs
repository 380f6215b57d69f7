//! Repositories: all of the core's SQL, one module per table (and `trash` for the `deleted_at`
//! column every table has), no rules. Rows with `deleted_at` set are in the trash and invisible to
//! every `list`/`get` here.

pub mod cadence_templates;
pub mod calendar_days;
pub mod commitments;
pub mod department_slas;
pub mod departments;
pub mod dispatch_stats;
pub mod escalation_levels;
pub mod import_presets;
pub mod incident_events;
pub mod incident_filter;
pub mod incident_history;
pub mod incident_stats;
pub mod incidents;
pub mod interactions;
pub mod kpis;
pub mod ledger_entries;
pub mod milestones;
pub mod people;
pub mod person_notes;
pub mod problem_effects;
pub mod problem_types;
pub mod problems;
pub mod products;
pub mod project_metrics;
pub mod project_people;
pub mod project_problems;
pub mod projects;
pub mod raw_rows;
pub mod proposal_drafts;
pub mod proposal_options;
pub mod proposal_templates;
pub mod reference;
pub mod relationships;
pub mod routing_rules;
pub mod settings;
pub mod severity_classes;
pub mod sla_terms;
pub mod stores;
pub mod touchpoint_replans;
pub mod touchpoints;
pub mod trash;
pub mod weekly_reports;

use sqlx::AssertSqlSafe;
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::Id;

/// Moves a row to the trash. `table` is always one of our own table names, never user input.
pub(crate) async fn soft_delete<'e>(
    db: impl SqliteExecutor<'e>,
    table: &'static str,
    entity: &'static str,
    id: Id,
) -> Result<()> {
    let now = crate::time::now_ms();
    let done = sqlx::query(AssertSqlSafe(format!(
        "UPDATE {table} SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"
    )))
    .bind(now)
    .bind(id)
    .execute(db)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found(entity, id));
    }
    Ok(())
}

/// Counts live rows of a table; used by tests and by the start-up mark.
pub async fn count_live<'e>(db: impl SqliteExecutor<'e>, table: &'static str) -> Result<i64> {
    Ok(sqlx::query_scalar(AssertSqlSafe(format!("SELECT count(*) FROM {table} WHERE deleted_at IS NULL")))
        .fetch_one(db)
        .await?)
}

/// Whether a multi-row statement of `rows` rows stays prepared. sqlx keeps every statement text
/// it prepares (100 per connection) and such statements differ by their row count: a
/// thousand-row INSERT compiles to about 0.6 MB, so a long import filled the cache with
/// remainders of every size (peak memory 49 MB at 0.2 million rows, 101 MB at 2.2 million). A full
/// batch recurs and is kept; any other size is prepared, run once and finalized.
pub(crate) fn keep_prepared(rows: usize, batch: usize) -> bool {
    rows == batch
}
