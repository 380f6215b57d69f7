//! Test support (feature `test-support`, on only for the integration tests): incident rows written
//! as the importer writes them, one batched insert, for tests that need thousands of them.

use crate::repo::incidents::{self, IncidentInput, NewIncident};
use crate::{Result, Workspace};

pub async fn insert_records(ws: &Workspace, records: Vec<IncidentInput>) -> Result<()> {
    let rows: Vec<NewIncident> = records.into_iter().map(|record| NewIncident { id: None, content_hash: None, record }).collect();
    let mut tx = ws.write().await?;
    incidents::insert_many(&mut tx, &rows).await?;
    tx.commit().await?;
    Ok(())
}

/// A severity class, as the demo or an import of a class list makes one (the app only edits them).
pub async fn add_severity_class(ws: &Workspace, name: &str, remedy: &str, sla_hours: i64, position: i64) -> Result<crate::Id> {
    crate::repo::severity_classes::insert(ws.pool(), name, remedy, sla_hours, position).await
}

/// A class's time to claim and what its hours count, until a test can set them as the settings
/// screen does.
pub async fn set_class_terms(ws: &Workspace, id: crate::Id, claim_hours: Option<i64>, working_hours: bool) -> Result<()> {
    sqlx::query("UPDATE severity_classes SET claim_hours = ?, working_hours = ? WHERE id = ?")
        .bind(claim_hours)
        .bind(working_hours)
        .bind(id)
        .execute(ws.pool())
        .await?;
    Ok(())
}
