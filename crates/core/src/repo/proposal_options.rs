//! The options written into a proposal draft. Their row lists are JSON columns (see migration
//! 0013 for why); this module reads and writes them whole.

use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqliteExecutor};

use crate::error::{CoreError, ErrorCode, Result};
use crate::{Id, Money};

/// Person-weeks one department puts into an option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OptionResource {
    pub department_id: Id,
    pub person_weeks: f64,
    pub cost: Option<Money>,
    #[serde(default)]
    pub note: String,
}

/// One phase of an option's timeline, in order; dates come from the approval day later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OptionPhase {
    pub name: String,
    pub weeks: i32,
}

/// What the option is expected to change: a metric from its value now to the value after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OptionEffect {
    pub metric: String,
    #[serde(default)]
    pub unit: String,
    pub from: f64,
    pub to: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OptionRisk {
    pub risk: String,
    #[serde(default)]
    pub counter_measure: String,
}

/// What the director writes for one option.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OptionInput {
    pub title: String,
    pub description: String,
    pub cost: Option<Money>,
    pub resources: Vec<OptionResource>,
    pub phases: Vec<OptionPhase>,
    pub effects: Vec<OptionEffect>,
    pub pros: String,
    pub cons: String,
    pub risks: Vec<OptionRisk>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProposalOption {
    pub id: Id,
    pub draft_id: Id,
    /// 0-based place in the draft's list.
    pub position: i32,
    #[serde(flatten)]
    pub input: OptionInput,
    pub recommended: bool,
    /// Offered by Liaison (the "do nothing" projection) and not yet accepted by the director.
    pub suggested: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Id,
    draft_id: Id,
    position: i32,
    title: String,
    description: String,
    cost: Option<Money>,
    resources: String,
    phases: String,
    effects: String,
    pros: String,
    cons: String,
    risks: String,
    recommended: bool,
    suggested: bool,
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| CoreError::new(ErrorCode::TemplateInvalid).with("detail", e))
}

fn encode<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| CoreError::new(ErrorCode::TemplateInvalid).with("detail", e))
}

impl TryFrom<Row> for ProposalOption {
    type Error = CoreError;

    fn try_from(r: Row) -> Result<ProposalOption> {
        Ok(ProposalOption {
            id: r.id,
            draft_id: r.draft_id,
            position: r.position,
            input: OptionInput {
                title: r.title,
                description: r.description,
                cost: r.cost,
                resources: decode(&r.resources)?,
                phases: decode(&r.phases)?,
                effects: decode(&r.effects)?,
                pros: r.pros,
                cons: r.cons,
                risks: decode(&r.risks)?,
            },
            recommended: r.recommended,
            suggested: r.suggested,
        })
    }
}

const SELECT: &str = "SELECT id, draft_id, position, title, description, cost, resources, phases, effects, pros, cons, risks, recommended, suggested
     FROM proposal_options WHERE deleted_at IS NULL";

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, draft_id: Id) -> Result<Vec<ProposalOption>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND draft_id = ? ORDER BY position, id"))).bind(draft_id).fetch_all(db).await?;
    rows.into_iter().map(ProposalOption::try_from).collect()
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<ProposalOption> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND id = ?"))).bind(id).fetch_optional(db).await?;
    row.ok_or_else(|| CoreError::not_found("proposal_option", id))?.try_into()
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>;

/// Binds the option's own fields as ?1 … ?9, in the column order both statements use.
fn bind_fields<'q>(q: Query<'q>, o: &OptionInput) -> Result<Query<'q>> {
    Ok(q.bind(o.title.clone())
        .bind(o.description.clone())
        .bind(o.cost)
        .bind(encode(&o.resources)?)
        .bind(encode(&o.phases)?)
        .bind(encode(&o.effects)?)
        .bind(o.pros.clone())
        .bind(o.cons.clone())
        .bind(encode(&o.risks)?))
}

/// Appends at the end of the draft's list.
pub async fn insert(db: &mut SqliteConnection, draft_id: Id, o: &OptionInput, suggested: bool) -> Result<Id> {
    let now = crate::time::now_ms();
    let q = sqlx::query(
        "INSERT INTO proposal_options (title, description, cost, resources, phases, effects, pros, cons, risks, draft_id, position, suggested, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                 (SELECT COALESCE(MAX(position) + 1, 0) FROM proposal_options WHERE draft_id = ?10 AND deleted_at IS NULL), ?11, ?12, ?12)",
    );
    let r = bind_fields(q, o)?.bind(draft_id).bind(suggested).bind(now).execute(&mut *db).await?;
    Ok(r.last_insert_rowid())
}

pub async fn update<'e>(db: impl SqliteExecutor<'e>, id: Id, o: &OptionInput) -> Result<()> {
    let q = sqlx::query(
        "UPDATE proposal_options SET title = ?1, description = ?2, cost = ?3, resources = ?4, phases = ?5, effects = ?6, pros = ?7, cons = ?8, risks = ?9, updated_at = ?10
         WHERE id = ?11 AND deleted_at IS NULL",
    );
    let r = bind_fields(q, o)?.bind(crate::time::now_ms()).bind(id).execute(db).await?;
    if r.rows_affected() == 0 {
        return Err(CoreError::not_found("proposal_option", id));
    }
    Ok(())
}

/// The director takes a suggestion as their own option.
pub async fn accept<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE proposal_options SET suggested = 0, updated_at = ? WHERE id = ? AND deleted_at IS NULL").bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "proposal_options", "proposal_option", id).await
}

pub async fn set_position<'e>(db: impl SqliteExecutor<'e>, id: Id, position: i32) -> Result<()> {
    sqlx::query("UPDATE proposal_options SET position = ? WHERE id = ?").bind(position).bind(id).execute(db).await?;
    Ok(())
}

/// Clears the draft's recommendation, then marks `id` (if any): one at most, by the unique index.
pub async fn set_recommended(db: &mut SqliteConnection, draft_id: Id, id: Option<Id>) -> Result<()> {
    let now = crate::time::now_ms();
    sqlx::query("UPDATE proposal_options SET recommended = 0, updated_at = ? WHERE draft_id = ? AND recommended = 1").bind(now).bind(draft_id).execute(&mut *db).await?;
    if let Some(id) = id {
        sqlx::query("UPDATE proposal_options SET recommended = 1, updated_at = ? WHERE id = ? AND draft_id = ? AND deleted_at IS NULL")
            .bind(now)
            .bind(id)
            .bind(draft_id)
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}
