//! Backups of the open workspace: before every migration (done by opening), once a day while the
//! app is used, on request; the newest N are kept (the workspace's `backup_keep` setting). A
//! restore first backs up the current file, so a restore can itself be undone.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::settings;
use crate::workspace::backup as files;
use crate::Workspace;

pub use crate::workspace::BackupFile;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Backups {
    pub folder: String,
    pub keep: u32,
    pub files: Vec<BackupFile>,
}

/// The backups screen: where they are, how many are kept, the files newest first.
pub async fn overview(workspace: &Workspace) -> Result<Backups> {
    Ok(Backups {
        folder: backups_dir(workspace).display().to_string(),
        keep: u32::try_from(keep_setting(workspace).await?).unwrap_or(u32::MAX),
        files: list(workspace),
    })
}

/// How many backups a workspace keeps unless its `backup_keep` setting says otherwise.
pub const DEFAULT_KEEP: usize = 10;

pub fn backups_dir(workspace: &Workspace) -> PathBuf {
    files::backups_dir(workspace.path())
}

/// Writes a backup and returns its path. `reason` becomes part of the file name.
pub async fn create(workspace: &Workspace, reason: &str) -> Result<PathBuf> {
    files::create(workspace.pool(), workspace.path(), reason).await
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
    files::copy_to(workspace.pool(), &tmp).await.map_err(|e| fail(&e))?;
    tmp.persist(target).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// This workspace's backups, newest first.
pub fn list(workspace: &Workspace) -> Vec<BackupFile> {
    files::list(workspace.path())
}

/// Deletes all but the newest `keep` backups.
pub fn prune(workspace: &Workspace, keep: usize) {
    files::prune(workspace.path(), keep)
}

pub async fn keep_setting(workspace: &Workspace) -> Result<usize> {
    let value = settings::get(workspace.pool(), settings::BACKUP_KEEP).await?;
    Ok(value.and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or(DEFAULT_KEEP))
}

pub async fn set_keep(workspace: &Workspace, keep: u32) -> Result<()> {
    if !(1..=365).contains(&keep) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 365).on_field("keep"));
    }
    settings::set(workspace.pool(), settings::BACKUP_KEEP, &keep.to_string()).await?;
    prune(workspace, keep as usize);
    Ok(())
}

/// The daily backup: made when this workspace has none from today (UTC) yet; returns it if made.
pub async fn daily(workspace: &Workspace) -> Result<Option<PathBuf>> {
    let today = crate::time::now().date_naive();
    let done_today = list(workspace)
        .iter()
        .any(|b| b.reason == "daily" && chrono::DateTime::from_timestamp_millis(b.created_at).map(|t| t.date_naive()) == Some(today));
    if done_today {
        return Ok(None);
    }
    create_kept(workspace, "daily").await.map(Some)
}

/// Puts a backup in place of the workspace file and reopens it (see [`Workspace::restore`]).
pub async fn restore(workspace: Workspace, file_name: &str) -> Result<Workspace> {
    workspace.restore(file_name).await
}
