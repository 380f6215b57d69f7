//! Consistent copies of a workspace file (`VACUUM INTO`), kept beside it in a `backups` folder and
//! named `<stem>-<UTC stamp>-<reason>.liaison`. When and how many is the backup service's business.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sqlx::sqlite::SqlitePool;
use sqlx::AssertSqlSafe;

use super::passphrase::sql_literal;
use crate::error::{CoreError, ErrorCode, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub file_name: String,
    /// pre-migration, daily, manual or pre-restore.
    pub reason: String,
    /// UTC milliseconds, from the file name.
    pub created_at: i64,
    pub bytes: f64,
}

pub fn backups_dir(workspace_path: &Path) -> PathBuf {
    let parent = workspace_path.parent().map(|p| p.to_owned()).unwrap_or_default();
    parent.join("backups")
}

/// Writes a backup of the workspace at `workspace_path`, open as `pool`, and returns its path.
/// `reason` becomes part of the file name.
pub async fn create(pool: &SqlitePool, workspace_path: &Path, reason: &str) -> Result<PathBuf> {
    let dir = backups_dir(workspace_path);
    let failed = |e: &dyn std::fmt::Display| {
        CoreError::new(ErrorCode::BackupFailed).with("path", dir.display()).with("detail", e)
    };
    std::fs::create_dir_all(&dir).map_err(|e| failed(&e))?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let target = dir.join(format!("{}-{stamp}-{reason}.liaison", stem(workspace_path)));
    copy_to(pool, &target).await.map_err(|e| failed(&e))?;
    Ok(target)
}

/// A consistent, compacted copy of the whole workspace in one file (no `-wal` beside it). Under
/// SQLCipher `VACUUM INTO` attaches its target with the workspace's key, so the copy of an
/// encrypted workspace is encrypted with the same passphrase (the encryption tests check it).
pub async fn copy_to(pool: &SqlitePool, target: &Path) -> std::result::Result<(), sqlx::Error> {
    let quoted = sql_literal(&target.to_string_lossy());
    sqlx::query(AssertSqlSafe(format!("VACUUM INTO {quoted}"))).execute(pool).await?;
    Ok(())
}

fn stem(workspace_path: &Path) -> &str {
    workspace_path.file_stem().and_then(|s| s.to_str()).unwrap_or("workspace")
}

/// The backups of the workspace at `workspace_path`, newest first.
pub fn list(workspace_path: &Path) -> Vec<BackupFile> {
    let prefix = format!("{}-", stem(workspace_path));
    let Ok(entries) = std::fs::read_dir(backups_dir(workspace_path)) else { return Vec::new() };
    let mut files: Vec<BackupFile> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&prefix)?.strip_suffix(".liaison")?;
            let (stamp, reason) = rest.split_once("Z-")?;
            let at = chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%.3f").ok()?;
            let bytes = e.metadata().map(|m| m.len() as f64).unwrap_or(0.0);
            Some(BackupFile { file_name: name.clone(), reason: reason.to_owned(), created_at: at.and_utc().timestamp_millis(), bytes })
        })
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.created_at));
    files
}

/// Deletes all but the newest `keep` backups.
pub fn prune(workspace_path: &Path, keep: usize) {
    for old in list(workspace_path).into_iter().skip(keep.max(1)) {
        let _ = std::fs::remove_file(backups_dir(workspace_path).join(old.file_name));
    }
}
