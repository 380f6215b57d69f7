//! Putting a backup in place of the workspace file.

use super::backup;
use super::encryption::{self, FileKind};
use super::files::remove_side_files;
use super::handle::Workspace;
use crate::error::{CoreError, ErrorCode, Result};

impl Workspace {
    /// Puts the backup `file_name` in place of this workspace's file and reopens it. The current
    /// file is backed up first; a backup that is not a readable Liaison workspace is refused and
    /// nothing changes. An encrypted workspace's backups open with its passphrase
    /// (`workspace.passphrase_wrong` when one does not); a plaintext backup restored into an
    /// encrypted workspace is encrypted on the way in, so a restore never leaves it unprotected.
    pub async fn restore(self, file_name: &str) -> Result<Workspace> {
        let source = backup::backups_dir(self.path()).join(file_name);
        if file_name.contains(['/', '\\']) || !source.is_file() {
            return Err(CoreError::not_found("backup", 0).with("file", file_name));
        }
        Workspace::check_file_with_passphrase(&source, self.passphrase()).await?;
        backup::create(self.pool(), self.path(), "pre-restore").await?;
        let path = self.path().to_owned();
        let key = self.key().cloned();
        self.close().await;
        let failed = |e: &dyn std::fmt::Display| CoreError::new(ErrorCode::BackupFailed).with("path", path.display()).with("detail", e);
        let tmp = path.with_extension("restoring");
        let encrypt = key.is_some() && encryption::file_kind(&source).map_err(|e| failed(&e))? == FileKind::Plain;
        if encrypt {
            let _ = std::fs::remove_file(&tmp);
            encryption::export(&source, None, &tmp, key.as_ref()).await.map_err(|e| failed(&e))?;
        } else {
            std::fs::copy(&source, &tmp).map_err(|e| failed(&e))?;
        }
        remove_side_files(&path).map_err(|e| failed(&e))?;
        std::fs::rename(&tmp, &path).map_err(|e| failed(&e))?;
        Workspace::open_with_passphrase(&path, key.as_ref().map(|k| k.expose())).await
    }
}
