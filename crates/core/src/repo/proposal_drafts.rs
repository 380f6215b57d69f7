//! Proposal drafts: a filled document being edited before export.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::lang::Lang;
use crate::error::{CoreError, Result};
use crate::proposal::model::{self, Document, Subject, TemplateKind};
use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub id: Id,
    pub kind: TemplateKind,
    pub language: Lang,
    pub template_id: Option<Id>,
    pub subject: Subject,
    pub include_private: bool,
    pub document: Document,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Id,
    kind: TemplateKind,
    language: String,
    template_id: Option<Id>,
    problem_id: Option<Id>,
    project_id: Option<Id>,
    week: Option<String>,
    include_private: bool,
    body: String,
    updated_at: i64,
}

impl TryFrom<Row> for Draft {
    type Error = CoreError;

    fn try_from(r: Row) -> Result<Draft> {
        let document = model::from_json(&r.body)?;
        Ok(Draft {
            id: r.id,
            kind: r.kind,
            language: Lang::from_code(&r.language),
            template_id: r.template_id,
            subject: Subject { problem_id: r.problem_id, project_id: r.project_id, week: r.week },
            include_private: r.include_private,
            document,
            updated_at: r.updated_at,
        })
    }
}

const SELECT: &str = "SELECT id, kind, language, template_id, problem_id, project_id, week, include_private, body, updated_at FROM proposal_drafts WHERE deleted_at IS NULL";

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Draft>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} ORDER BY updated_at DESC, id DESC"))).fetch_all(db).await?;
    rows.into_iter().map(Draft::try_from).collect()
}

pub async fn get<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Draft> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} AND id = ?"))).bind(id).fetch_optional(db).await?;
    row.ok_or_else(|| CoreError::not_found("proposal", id))?.try_into()
}

pub struct NewDraft<'a> {
    pub kind: TemplateKind,
    pub language: Lang,
    pub template_id: Option<Id>,
    pub subject: &'a Subject,
    pub include_private: bool,
    pub document: &'a Document,
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, d: &NewDraft<'_>) -> Result<Id> {
    let now = crate::time::now_ms();
    let body = model::to_json(d.document)?;
    let r = sqlx::query(
        "INSERT INTO proposal_drafts (kind, language, template_id, problem_id, project_id, week, include_private, body, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(d.kind)
    .bind(d.language.code())
    .bind(d.template_id)
    .bind(d.subject.problem_id)
    .bind(d.subject.project_id)
    .bind(d.subject.week.clone())
    .bind(d.include_private)
    .bind(body)
    .bind(now)
    .bind(now)
    .execute(db)
    .await?;
    Ok(r.last_insert_rowid())
}

pub async fn set_document<'e>(db: impl SqliteExecutor<'e>, id: Id, document: &Document) -> Result<()> {
    let body = model::to_json(document)?;
    let r = sqlx::query("UPDATE proposal_drafts SET body = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(body)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    if r.rows_affected() == 0 {
        return Err(CoreError::not_found("proposal", id));
    }
    Ok(())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    sqlx::query("UPDATE proposal_drafts SET deleted_at = ? WHERE id = ?").bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}

/// A draft's approval: the day (YYYY-MM-DD) and who approved it; None while not approved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    pub approved_on: String,
    pub approved_by: String,
}

pub async fn approve<'e>(db: impl SqliteExecutor<'e>, id: Id, a: &Approval) -> Result<()> {
    sqlx::query("UPDATE proposal_drafts SET approved_on = ?, approved_by = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(&a.approved_on)
        .bind(&a.approved_by)
        .bind(crate::time::now_ms())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn approval_of<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<Option<Approval>> {
    Ok(sqlx::query_as("SELECT approved_on, approved_by FROM proposal_drafts WHERE id = ? AND approved_on IS NOT NULL").bind(id).fetch_optional(db).await?)
}

/// When the draft was started, UTC ms: the day a problem was raised when nobody entered one.
pub async fn created_at_of<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<i64> {
    sqlx::query_scalar("SELECT created_at FROM proposal_drafts WHERE id = ?").bind(id).fetch_optional(db).await?.ok_or_else(|| CoreError::not_found("proposal", id))
}

/// The project the approved proposal became.
pub async fn set_project<'e>(db: impl SqliteExecutor<'e>, id: Id, project_id: Id) -> Result<()> {
    sqlx::query("UPDATE proposal_drafts SET project_id = ?, updated_at = ? WHERE id = ?").bind(project_id).bind(crate::time::now_ms()).bind(id).execute(db).await?;
    Ok(())
}
