//! Systemic problems, their linked incidents and their store sets.

use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqliteExecutor};

use crate::error::{CoreError, Result};
use crate::{Id, Money};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ProblemStatus {
    #[default]
    New,
    Assessed,
    RootCause,
    FixInProgress,
    Verified,
}

/// Everything the director writes on a problem; the evidence computed from its incidents is not here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ProblemInput {
    pub title: String,
    pub symptoms: String,
    #[sqlx(json)]
    pub five_whys: Vec<String>,
    pub workaround: String,
    pub fix: String,
    pub owner_department_id: Option<Id>,
    pub status: ProblemStatus,
    pub impact_metrics: String,
    pub period_a_from: Option<i64>,
    pub period_a_to: Option<i64>,
    pub period_b_from: Option<i64>,
    pub period_b_to: Option<i64>,
    pub projection_weeks: i32,
    pub ab_label_a: String,
    pub ab_label_b: String,
    pub nps_before: Option<f64>,
    pub nps_after: Option<f64>,
    pub pilot_rate_before: Option<f64>,
    pub pilot_rate_after: Option<f64>,
    pub pilot_note: String,
    pub competitor_notes: String,
    #[sqlx(rename = "fix_cost_fen")]
    pub fix_cost: Option<Money>,
    pub fix_effort: String,
    pub extra_evidence: String,
    pub lost_customers: Option<i64>,
    #[sqlx(rename = "customer_value_fen")]
    pub customer_value: Option<Money>,
    #[sqlx(rename = "revenue_loss_fen")]
    pub revenue_loss: Option<Money>,
    #[sqlx(rename = "cost_per_month_fen")]
    pub cost_per_month: Option<Money>,
    pub strategic_impact: String,
    #[sqlx(rename = "investment_fen")]
    pub investment: Option<Money>,
    pub raised_at: Option<i64>,
    pub had_data: bool,
    pub had_solution: bool,
    pub had_sponsor: bool,
    pub followed_up: bool,
    pub approved_at: Option<i64>,
    pub solved_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub id: Id,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub input: ProblemInput,
    pub owner_department_name: Option<String>,
    pub incident_count: i64,
    pub fix_announced_at: Option<i64>,
    /// The person the director chose to sponsor it (`service::sponsors::choose`).
    pub sponsor_person_id: Option<Id>,
    pub updated_at: i64,
}

const COLUMNS: [&str; 40] = [
    "title", "symptoms", "five_whys", "workaround", "fix", "owner_department_id", "status", "impact_metrics",
    "period_a_from", "period_a_to", "period_b_from", "period_b_to", "projection_weeks", "ab_label_a", "ab_label_b",
    "nps_before", "nps_after", "pilot_rate_before", "pilot_rate_after", "pilot_note", "competitor_notes", "fix_cost_fen",
    "fix_effort", "extra_evidence", "lost_customers", "customer_value_fen", "revenue_loss_fen", "cost_per_month_fen",
    "strategic_impact", "investment_fen", "raised_at", "had_data", "had_solution", "had_sponsor", "followed_up",
    "approved_at", "solved_at", "fix_announced_at", "created_at", "updated_at",
];

/// Binds the input's values in `COLUMNS` order, up to `investment_fen`… `solved_at`.
fn push_values(b: &mut sqlx::query_builder::Separated<'_, Sqlite, &str>, p: &ProblemInput) {
    b.push_bind(p.title.clone())
        .push_bind(p.symptoms.clone())
        .push_bind(serde_json::to_string(&p.five_whys).unwrap_or_else(|_| "[]".into()))
        .push_bind(p.workaround.clone())
        .push_bind(p.fix.clone())
        .push_bind(p.owner_department_id)
        .push_bind(p.status)
        .push_bind(p.impact_metrics.clone())
        .push_bind(p.period_a_from)
        .push_bind(p.period_a_to)
        .push_bind(p.period_b_from)
        .push_bind(p.period_b_to)
        .push_bind(p.projection_weeks)
        .push_bind(p.ab_label_a.clone())
        .push_bind(p.ab_label_b.clone())
        .push_bind(p.nps_before)
        .push_bind(p.nps_after)
        .push_bind(p.pilot_rate_before)
        .push_bind(p.pilot_rate_after)
        .push_bind(p.pilot_note.clone())
        .push_bind(p.competitor_notes.clone())
        .push_bind(p.fix_cost)
        .push_bind(p.fix_effort.clone())
        .push_bind(p.extra_evidence.clone())
        .push_bind(p.lost_customers)
        .push_bind(p.customer_value)
        .push_bind(p.revenue_loss)
        .push_bind(p.cost_per_month)
        .push_bind(p.strategic_impact.clone())
        .push_bind(p.investment)
        .push_bind(p.raised_at)
        .push_bind(p.had_data)
        .push_bind(p.had_solution)
        .push_bind(p.had_sponsor)
        .push_bind(p.followed_up)
        .push_bind(p.approved_at)
        .push_bind(p.solved_at);
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, p: &ProblemInput) -> Result<Id> {
    let now = crate::time::now_ms();
    let mut q = QueryBuilder::<Sqlite>::new(format!("INSERT INTO problems ({}) VALUES (", COLUMNS.join(", ")));
    let mut values = q.separated(", ");
    push_values(&mut values, p);
    values.push_bind(None::<i64>).push_bind(now).push_bind(now);
    values.push_unseparated(")");
    Ok(q.build().execute(db).await?.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, p: &ProblemInput) -> Result<()> {
    // Every column the input carries, i.e. all but the announcement and the bookkeeping.
    let editable = &COLUMNS[..COLUMNS.len() - 3];
    let mut q = QueryBuilder::<Sqlite>::new(format!("UPDATE problems SET ({}, updated_at) = (", editable.join(", ")));
    let mut values = q.separated(", ");
    push_values(&mut values, p);
    values.push_bind(crate::time::now_ms());
    values.push_unseparated(") WHERE deleted_at IS NULL AND id = ");
    q.push_bind(id);
    if q.build().execute(db).await?.rows_affected() == 0 {
        return Err(CoreError::not_found("problem", id));
    }
    Ok(())
}

const SELECT: &str = "SELECT p.*, d.name AS owner_department_name,
        (SELECT count(*) FROM problem_incidents pi WHERE pi.problem_id = p.id AND pi.live = 1) AS incident_count
     FROM problems p LEFT JOIN departments d ON d.id = p.owner_department_id
     WHERE p.deleted_at IS NULL";

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Problem>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY p.updated_at DESC, p.id DESC"))).fetch_all(db).await?)
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Problem> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND p.id = ?")))
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| CoreError::not_found("problem", id))
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "problems", "problem", id).await
}

pub async fn mark_fix_announced<'e>(db: impl SqliteExecutor<'e>, id: Id, at: i64) -> Result<()> {
    sqlx::query("UPDATE problems SET fix_announced_at = ?, updated_at = ? WHERE id = ?").bind(at).bind(at).bind(id).execute(db).await?;
    Ok(())
}

pub async fn set_sponsor<'e>(db: impl SqliteExecutor<'e>, id: Id, person_id: Option<Id>) -> Result<()> {
    let done = sqlx::query("UPDATE problems SET sponsor_person_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(person_id)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::not_found("problem", id));
    }
    Ok(())
}

/// Links the live incidents the filter matches; returns how many were new to the problem.
pub async fn link_matching(conn: &mut sqlx::SqliteConnection, id: Id, filter: &super::incident_filter::IncidentFilter, offset_seconds: i64) -> Result<u64> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT OR IGNORE INTO problem_incidents (problem_id, incident_id, store_id, opened_at, wait_minutes, cost_fen, complaint, customer_ref) SELECT ",
    );
    q.push_bind(id).push(", i.id, i.store_id, i.opened_at, i.wait_minutes, i.cost_fen, i.complaint, i.customer_ref FROM incidents i");
    filter.push_where(&mut q, offset_seconds)?;
    Ok(q.build().execute(&mut *conn).await?.rows_affected())
}

/// Keeps the filter a problem was first linked with as its pattern; later links add incidents,
/// not a second pattern.
pub async fn set_pattern_if_unset<'e>(db: impl SqliteExecutor<'e>, id: Id, pattern: &super::incident_filter::IncidentFilter) -> Result<()> {
    let json = serde_json::to_string(pattern).map_err(|e| CoreError::new(crate::error::ErrorCode::Storage).with("detail", e))?;
    sqlx::query("UPDATE problems SET pattern = ? WHERE id = ? AND pattern IS NULL").bind(json).bind(id).execute(db).await?;
    Ok(())
}

/// The filter that makes an incident this problem's, if it was linked through one.
pub async fn pattern_of<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Option<super::incident_filter::IncidentFilter>> {
    let json: Option<String> = sqlx::query_scalar("SELECT pattern FROM problems WHERE id = ?").bind(id).fetch_optional(db).await?.flatten();
    // A pattern that no longer reads (a filter field renamed since) falls back to the linked incidents.
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// Verified and solved at `at`; followed up (S7) when a follow-up of its project was done.
pub async fn mark_solved<'e>(db: impl SqliteExecutor<'e>, id: Id, at: i64) -> Result<()> {
    sqlx::query(
        "UPDATE problems SET status = 'verified', solved_at = ?1, updated_at = ?1,
           followed_up = (followed_up OR EXISTS (SELECT 1 FROM touchpoints t JOIN project_problems pp ON pp.project_id = t.project_id
                                                 WHERE pp.problem_id = ?2 AND t.state = 'done'))
         WHERE id = ?2",
    )
    .bind(at)
    .bind(id)
    .execute(db)
    .await?;
    Ok(())
}

/// The S7 record of an approved proposal on its problem: raised (when nobody entered the day,
/// `raised`), approved `at`, with data when incidents are linked, with a solution, with a sponsor
/// once one is chosen.
pub async fn mark_approved<'e>(db: impl SqliteExecutor<'e>, id: Id, raised: i64, at: i64) -> Result<()> {
    sqlx::query(
        "UPDATE problems SET raised_at = coalesce(raised_at, ?1), approved_at = ?2, had_solution = 1,
           had_data = (had_data OR EXISTS (SELECT 1 FROM problem_incidents WHERE problem_id = ?3)),
           had_sponsor = (had_sponsor OR sponsor_person_id IS NOT NULL), updated_at = ?4
         WHERE id = ?3",
    )
    .bind(raised)
    .bind(at)
    .bind(id)
    .bind(crate::time::now_ms())
    .execute(db)
    .await?;
    Ok(())
}

pub async fn unlink<'e>(db: impl SqliteExecutor<'e>, id: Id, incident_ids: &[Id]) -> Result<u64> {
    if incident_ids.is_empty() {
        return Ok(0);
    }
    let mut q = QueryBuilder::<Sqlite>::new("DELETE FROM problem_incidents WHERE problem_id = ");
    q.push_bind(id).push(" AND incident_id IN (");
    let mut list = q.separated(", ");
    for i in incident_ids {
        list.push_bind(*i);
    }
    list.push_unseparated(")");
    Ok(q.build().execute(db).await?.rows_affected())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StoreSet {
    /// Prevalence counts against these stores; none means all stores.
    Scope,
    A,
    B,
}

impl StoreSet {
    fn name(self) -> &'static str {
        match self {
            StoreSet::Scope => "scope",
            StoreSet::A => "a",
            StoreSet::B => "b",
        }
    }
}

pub async fn stores_of<'e>(db: impl SqliteExecutor<'e>, id: Id, set: StoreSet) -> Result<Vec<Id>> {
    Ok(sqlx::query_scalar(
        "SELECT ps.store_id FROM problem_stores ps JOIN stores s ON s.id = ps.store_id AND s.deleted_at IS NULL
         WHERE ps.problem_id = ? AND ps.set_name = ? ORDER BY ps.store_id",
    )
    .bind(id)
    .bind(set.name())
    .fetch_all(db)
    .await?)
}

pub async fn set_stores(conn: &mut sqlx::SqliteConnection, id: Id, set: StoreSet, store_ids: &[Id]) -> Result<()> {
    sqlx::query("DELETE FROM problem_stores WHERE problem_id = ? AND set_name = ?").bind(id).bind(set.name()).execute(&mut *conn).await?;
    for s in store_ids {
        sqlx::query("INSERT OR IGNORE INTO problem_stores (problem_id, store_id, set_name) VALUES (?, ?, ?)")
            .bind(id)
            .bind(*s)
            .bind(set.name())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The problem's linked incidents that are not yet resolved or closed, with their owners.
pub async fn open_incidents(conn: &mut sqlx::SqliteConnection, id: Id) -> Result<Vec<(Id, Option<Id>)>> {
    Ok(sqlx::query_as(
        "SELECT i.id, i.department_id FROM problem_incidents pi JOIN incidents i ON i.id = pi.incident_id
         WHERE pi.problem_id = ? AND i.deleted_at IS NULL AND i.status NOT IN ('resolved', 'closed')",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

/// The fix is in: every open incident linked to the problem is resolved.
pub async fn resolve_open_incidents(conn: &mut sqlx::SqliteConnection, id: Id, now: i64) -> Result<()> {
    sqlx::query(
        "UPDATE incidents SET status = 'resolved', updated_at = ?1 WHERE deleted_at IS NULL AND status NOT IN ('resolved', 'closed')
           AND id IN (SELECT incident_id FROM problem_incidents WHERE problem_id = ?2)",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
