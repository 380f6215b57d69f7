//! Consistent copies of a workspace (`VACUUM INTO`), next to it in a `backups` folder.

use std::path::PathBuf;

use crate::error::{CoreError, ErrorCode, Result};
use crate::Workspace;
use sqlx::AssertSqlSafe;

pub fn backups_dir(workspace: &Workspace) -> PathBuf {
    let parent = workspace.path().parent().map(|p| p.to_owned()).unwrap_or_default();
    parent.join("backups")
}

/// Writes a backup and returns its path. `reason` becomes part of the file name.
pub async fn create(workspace: &Workspace, reason: &str) -> Result<PathBuf> {
    let dir = backups_dir(workspace);
    let failed = |e: &dyn std::fmt::Display| {
        CoreError::new(ErrorCode::BackupFailed).with("path", dir.display()).with("detail", e)
    };
    std::fs::create_dir_all(&dir).map_err(|e| failed(&e))?;
    let stem = workspace.path().file_stem().and_then(|s| s.to_str()).unwrap_or("workspace");
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let target = dir.join(format!("{stem}-{stamp}-{reason}.liaison"));
    let quoted = target.to_string_lossy().replace('\'', "''");
    sqlx::query(AssertSqlSafe(format!("VACUUM INTO '{quoted}'")))
        .execute(workspace.pool())
        .await
        .map_err(|e| failed(&e))?;
    Ok(target)
}
