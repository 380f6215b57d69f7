use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::Result;
use crate::Id;

/// A department's own SLA for a severity class, where it differs from the class's.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DepartmentSla {
    pub department_id: Id,
    pub claim_hours: Option<i64>,
    pub resolve_hours: i64,
}

/// The departments' own SLAs for a class.
pub async fn for_class<'e>(db: impl SqliteExecutor<'e>, severity_class_id: Id) -> Result<Vec<DepartmentSla>> {
    Ok(sqlx::query_as(
        "SELECT department_id, claim_hours, resolve_hours FROM department_slas WHERE severity_class_id = ? ORDER BY department_id",
    )
    .bind(severity_class_id)
    .fetch_all(db)
    .await?)
}

pub async fn clear<'e>(db: impl SqliteExecutor<'e>, severity_class_id: Id) -> Result<()> {
    sqlx::query("DELETE FROM department_slas WHERE severity_class_id = ?").bind(severity_class_id).execute(db).await?;
    Ok(())
}

pub async fn insert<'e>(db: impl SqliteExecutor<'e>, severity_class_id: Id, sla: &DepartmentSla) -> Result<()> {
    sqlx::query("INSERT INTO department_slas (severity_class_id, department_id, claim_hours, resolve_hours) VALUES (?, ?, ?, ?)")
        .bind(severity_class_id)
        .bind(sla.department_id)
        .bind(sla.claim_hours)
        .bind(sla.resolve_hours)
        .execute(db)
        .await?;
    Ok(())
}
