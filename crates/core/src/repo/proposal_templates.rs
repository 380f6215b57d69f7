//! The director's own proposal templates; the built-in ones live in `proposal::builtin`.

use serde::Serialize;
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::proposal::model::{self, ProposalTemplate};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SavedTemplate {
    pub id: Id,
    pub name: String,
    pub template: ProposalTemplate,
}

fn parse((id, name, body): (Id, String, String)) -> Result<SavedTemplate> {
    let template = model::from_json(&body)?;
    Ok(SavedTemplate { id, name, template })
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<SavedTemplate>> {
    let rows: Vec<(Id, String, String)> = sqlx::query_as("SELECT id, name, body FROM proposal_templates ORDER BY name, id").fetch_all(db).await?;
    rows.into_iter().map(parse).collect()
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<SavedTemplate> {
    let row: Option<(Id, String, String)> = sqlx::query_as("SELECT id, name, body FROM proposal_templates WHERE id = ?").bind(id).fetch_optional(db).await?;
    parse(row.ok_or_else(|| CoreError::not_found("template", id))?)
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, name: &str, t: &ProposalTemplate) -> Result<Id> {
    let now = crate::time::now_ms();
    let body = model::to_json(t)?;
    let r = sqlx::query("INSERT INTO proposal_templates (name, kind, language, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(name)
        .bind(t.kind)
        .bind(t.language.code())
        .bind(body)
        .bind(now)
        .bind(now)
        .execute(db)
        .await?;
    Ok(r.last_insert_rowid())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("DELETE FROM proposal_templates WHERE id = ?").bind(id).execute(db).await?;
    Ok(())
}
