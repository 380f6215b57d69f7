//! What each department commits to a project, and my own commitments (S1).

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::{Id, Money};

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Commitment {
    pub id: Id,
    pub project_id: Id,
    pub department_id: Option<Id>,
    pub is_mine: bool,
    pub description: String,
    pub people: Option<f64>,
    pub weeks: Option<f64>,
    #[sqlx(rename = "budget_fen")]
    pub budget: Option<Money>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CommitmentInput {
    pub department_id: Option<Id>,
    pub is_mine: bool,
    pub description: String,
    pub people: Option<f64>,
    pub weeks: Option<f64>,
    pub budget: Option<Money>,
}

pub async fn list_for<'e>(db: impl SqliteExecutor<'e>, project_id: Id) -> Result<Vec<Commitment>> {
    Ok(sqlx::query_as(
        "SELECT id, project_id, department_id, is_mine, description, people, weeks, budget_fen, done FROM commitments
         WHERE project_id = ? AND deleted_at IS NULL ORDER BY is_mine, id",
    )
    .bind(project_id)
    .fetch_all(db)
    .await?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, project_id: Id, c: &CommitmentInput) -> Result<Id> {
    Ok(sqlx::query(
        "INSERT INTO commitments (project_id, department_id, is_mine, description, people, weeks, budget_fen, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(project_id)
    .bind(c.department_id)
    .bind(c.is_mine)
    .bind(&c.description)
    .bind(c.people)
    .bind(c.weeks)
    .bind(c.budget)
    .bind(crate::time::now_ms())
    .execute(db)
    .await?
    .last_insert_rowid())
}

pub async fn set_done<'e>(db: impl SqliteExecutor<'e>, id: Id, done: bool) -> Result<()> {
    sqlx::query("UPDATE commitments SET done = ? WHERE id = ?").bind(done).bind(id).execute(db).await?;
    Ok(())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE commitments SET deleted_at = ? WHERE id = ?").bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}
