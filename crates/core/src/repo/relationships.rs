//! Ally, rival and influence edges between people (reports-to lives on `people`).

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum RelationKind {
    Ally,
    Rival,
    Influences,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    pub id: Id,
    pub from_person_id: Id,
    pub to_person_id: Id,
    pub kind: RelationKind,
    pub note: String,
}

/// Edges between two live people.
pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<Relationship>> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.from_person_id, r.to_person_id, r.kind, r.note FROM relationships r
         JOIN people a ON a.id = r.from_person_id AND a.deleted_at IS NULL
         JOIN people b ON b.id = r.to_person_id AND b.deleted_at IS NULL
         WHERE r.deleted_at IS NULL ORDER BY r.id",
    )
    .fetch_all(db)
    .await?)
}

pub async fn exists<'e>(db: impl SqliteExecutor<'e>, from: Id, to: Id, kind: RelationKind) -> Result<bool> {
    let found: Option<Id> = sqlx::query_scalar(
        "SELECT id FROM relationships WHERE from_person_id = ? AND to_person_id = ? AND kind = ? AND deleted_at IS NULL",
    )
    .bind(from)
    .bind(to)
    .bind(kind)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, from: Id, to: Id, kind: RelationKind, note: &str) -> Result<Id> {
    let now = crate::time::now_ms();
    Ok(sqlx::query("INSERT INTO relationships (from_person_id, to_person_id, kind, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(from)
        .bind(to)
        .bind(kind)
        .bind(note)
        .bind(now)
        .bind(now)
        .execute(db)
        .await?
        .last_insert_rowid())
}

pub async fn soft_delete<'e>(db: impl SqliteExecutor<'e>, id: Id) -> Result<()> {
    super::soft_delete(db, "relationships", "relationship", id).await
}
