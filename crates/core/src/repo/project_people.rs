//! Who plays which role in a project.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ProjectRole {
    ExecutiveSponsor,
    ProductOwner,
    TechLead,
    ScrumMaster,
    Stakeholder,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProjectMember {
    pub project_id: Id,
    pub person_id: Id,
    pub role: ProjectRole,
}

pub async fn add<'e>(db: impl SqliteExecutor<'e>, project_id: Id, person_id: Id, role: ProjectRole) -> Result<()> {
    sqlx::query("INSERT OR IGNORE INTO project_people (project_id, person_id, role, created_at) VALUES (?, ?, ?, ?)")
        .bind(project_id)
        .bind(person_id)
        .bind(role)
        .bind(crate::time::now_ms())
        .execute(db)
        .await?;
    Ok(())
}

/// Members of live projects who are not in the trash.
pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<ProjectMember>> {
    Ok(sqlx::query_as(
        "SELECT m.project_id, m.person_id, m.role FROM project_people m
         JOIN projects j ON j.id = m.project_id AND j.deleted_at IS NULL
         JOIN people p ON p.id = m.person_id AND p.deleted_at IS NULL
         ORDER BY m.project_id, m.id",
    )
    .fetch_all(db)
    .await?)
}

/// Titles of the live projects a person holds a role in.
pub async fn project_titles_of<'e>(db: impl SqliteExecutor<'e>, person_id: Id) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT j.title FROM project_people m JOIN projects j ON j.id = m.project_id AND j.deleted_at IS NULL
         WHERE m.person_id = ? ORDER BY j.title",
    )
    .bind(person_id)
    .fetch_all(db)
    .await?)
}

/// Takes a person's roles off their projects and keeps them with the person in the trash.
pub async fn move_to_trash(db: &mut sqlx::SqliteConnection, person_id: Id) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO trashed_project_roles (person_id, project_id, role)
         SELECT person_id, project_id, role FROM project_people WHERE person_id = ?",
    )
    .bind(person_id)
    .execute(&mut *db)
    .await?;
    sqlx::query("DELETE FROM project_people WHERE person_id = ?").bind(person_id).execute(&mut *db).await?;
    Ok(())
}

/// Puts back the roles `move_to_trash` kept, in projects that still exist.
pub async fn restore_trashed_roles(db: &mut sqlx::SqliteConnection, person_id: Id) -> Result<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO project_people (project_id, person_id, role, created_at)
         SELECT project_id, person_id, role, ? FROM trashed_project_roles WHERE person_id = ?",
    )
    .bind(crate::time::now_ms())
    .bind(person_id)
    .execute(&mut *db)
    .await?;
    sqlx::query("DELETE FROM trashed_project_roles WHERE person_id = ?").bind(person_id).execute(&mut *db).await?;
    Ok(())
}

pub async fn remove_role<'e>(db: impl SqliteExecutor<'e>, project_id: Id, role: ProjectRole) -> Result<()> {
    sqlx::query("DELETE FROM project_people WHERE project_id = ? AND role = ?").bind(project_id).bind(role).execute(db).await?;
    Ok(())
}

pub async fn remove<'e>(db: impl SqliteExecutor<'e>, project_id: Id, person_id: Id, role: ProjectRole) -> Result<()> {
    sqlx::query("DELETE FROM project_people WHERE project_id = ? AND person_id = ? AND role = ?")
        .bind(project_id)
        .bind(person_id)
        .bind(role)
        .execute(db)
        .await?;
    Ok(())
}
