//! Consistent copies of a workspace (`VACUUM INTO`), next to it in a `backups` folder: before
//! every migration, once a day while the app is used, on request; the newest N are kept. A
//! restore first backs up the current file, so a restore can itself be undone.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::encryption::{self, FileKind};
use crate::error::{CoreError, ErrorCode, Result};
use crate::Workspace;
use sqlx::AssertSqlSafe;

/// How many backups a workspace keeps unless its `backup_keep` setting says otherwise.
pub const DEFAULT_KEEP: usize = 10;

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
    copy_to(workspace, &target).await.map_err(|e| failed(&e))?;
    Ok(target)
}

/// A backup on request, then the oldest beyond the workspace's `backup_keep` are dropped.
pub async fn now(workspace: &Workspace) -> Result<PathBuf> {
    create_kept(workspace, "manual").await
}

async fn create_kept(workspace: &Workspace, reason: &str) -> Result<PathBuf> {
    let path = create(workspace, reason).await?;
    prune(workspace, keep_setting(workspace).await?);
    Ok(path)
}

/// The whole workspace as one file at `target` (to take to another laptop): written beside it and
/// renamed over it, since `VACUUM INTO` only writes a file that does not exist yet.
pub async fn save_copy(workspace: &Workspace, target: &Path) -> Result<()> {
    let fail = |e: &dyn std::fmt::Display| CoreError::new(ErrorCode::ExportFailed).with("path", target.display()).with("detail", e);
    if target == workspace.path() {
        return Err(fail(&"the open workspace itself"));
    }
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new().suffix(".liaison").tempfile_in(dir).map_err(|e| fail(&e))?.into_temp_path();
    std::fs::remove_file(&tmp).map_err(|e| fail(&e))?;
    copy_to(workspace, &tmp).await.map_err(|e| fail(&e))?;
    tmp.persist(target).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// A consistent, compacted copy of the whole workspace in one file (no `-wal` beside it). Under
/// SQLCipher `VACUUM INTO` attaches its target with the workspace's key, so the copy of an
/// encrypted workspace is encrypted with the same passphrase (tests/encryption.rs checks it).
pub async fn copy_to(workspace: &Workspace, target: &Path) -> std::result::Result<(), sqlx::Error> {
    let quoted = encryption::sql_literal(&target.to_string_lossy());
    sqlx::query(AssertSqlSafe(format!("VACUUM INTO {quoted}"))).execute(workspace.pool()).await?;
    Ok(())
}

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

/// This workspace's backups, newest first.
pub fn list(workspace: &Workspace) -> Vec<BackupFile> {
    let stem = workspace.path().file_stem().and_then(|s| s.to_str()).unwrap_or("workspace").to_owned();
    let Ok(entries) = std::fs::read_dir(backups_dir(workspace)) else { return Vec::new() };
    let mut files: Vec<BackupFile> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&format!("{stem}-"))?.strip_suffix(".liaison")?;
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
pub fn prune(workspace: &Workspace, keep: usize) {
    for old in list(workspace).into_iter().skip(keep.max(1)) {
        let _ = std::fs::remove_file(backups_dir(workspace).join(old.file_name));
    }
}

pub async fn keep_setting(workspace: &Workspace) -> Result<usize> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'backup_keep'").fetch_optional(workspace.pool()).await?;
    Ok(value.and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(DEFAULT_KEEP))
}

pub async fn set_keep(workspace: &Workspace, keep: u32) -> Result<()> {
    if !(1..=365).contains(&keep) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 365).on_field("keep"));
    }
    sqlx::query("INSERT INTO settings (key, value) VALUES ('backup_keep', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(keep.to_string())
        .execute(workspace.pool())
        .await?;
    prune(workspace, keep as usize);
    Ok(())
}

/// The daily backup: made when this workspace has none from today (UTC) yet; returns it if made.
pub async fn daily(workspace: &Workspace) -> Result<Option<PathBuf>> {
    let today = chrono::Utc::now().date_naive();
    let done_today = list(workspace)
        .iter()
        .any(|b| b.reason == "daily" && chrono::DateTime::from_timestamp_millis(b.created_at).map(|t| t.date_naive()) == Some(today));
    if done_today {
        return Ok(None);
    }
    create_kept(workspace, "daily").await.map(Some)
}

/// Puts a backup in place of the workspace file and reopens it. The current file is backed up
/// first; a backup that is not a readable Liaison workspace is refused and nothing changes. An
/// encrypted workspace's backups open with its passphrase (`workspace.passphrase_wrong` when one
/// does not); a plaintext backup restored into an encrypted workspace is encrypted on the way in,
/// so a restore never leaves the workspace unprotected.
pub async fn restore(workspace: Workspace, file_name: &str) -> Result<Workspace> {
    let source = backups_dir(&workspace).join(file_name);
    if file_name.contains(['/', '\\']) || !source.is_file() {
        return Err(CoreError::not_found("backup", 0).with("file", file_name));
    }
    Workspace::check_file_with_passphrase(&source, workspace.passphrase()).await?;
    create(&workspace, "pre-restore").await?;
    let path = workspace.path().to_owned();
    let key = workspace.key().cloned();
    workspace.close().await;
    let failed = |e: &dyn std::fmt::Display| CoreError::new(ErrorCode::BackupFailed).with("path", path.display()).with("detail", e);
    let tmp = path.with_extension("restoring");
    let encrypt = key.is_some() && encryption::file_kind(&source).map_err(|e| failed(&e))? == FileKind::Plain;
    if encrypt {
        let _ = std::fs::remove_file(&tmp);
        encryption::export(&source, None, &tmp, key.as_ref()).await.map_err(|e| failed(&e))?;
    } else {
        std::fs::copy(&source, &tmp).map_err(|e| failed(&e))?;
    }
    crate::workspace::remove_side_files(&path).map_err(|e| failed(&e))?;
    std::fs::rename(&tmp, &path).map_err(|e| failed(&e))?;
    Workspace::open_with_passphrase(&path, key.as_ref().map(|k| k.expose())).await
}
