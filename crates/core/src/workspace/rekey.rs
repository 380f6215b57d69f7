//! Setting, changing or removing a workspace's passphrase: the file and its backups are written
//! anew beside the old ones, checked, and renamed into place (see `encryption` for the scheme).

use std::fmt;
use std::path::PathBuf;

use super::backup;
use super::encryption::{file_kind, is_not_a_database, stage, verify, FileKind};
use super::handle::Workspace;
use super::passphrase::Passphrase;
use crate::error::{CoreError, ErrorCode, Result};

impl Workspace {
    /// Encrypts this plaintext workspace with `passphrase` and reopens it. The UI must say first
    /// that a forgotten passphrase cannot be recovered. A backup is made before anything changes;
    /// on an error the file is as it was (reopen it as before). Its backups are encrypted too.
    pub async fn set_passphrase(self, passphrase: &str) -> Result<Workspace> {
        let new = Passphrase::new(passphrase)?;
        if self.is_encrypted() {
            return Err(CoreError::new(ErrorCode::WorkspaceAlreadyEncrypted).with("path", self.path().display()));
        }
        self.rekey(Some(new)).await
    }

    /// Re-encrypts this workspace (and its backups) with `new`; `current` must be the passphrase it
    /// was unlocked with, else `workspace.passphrase_wrong` and nothing changes.
    pub async fn change_passphrase(self, current: &str, new: &str) -> Result<Workspace> {
        self.check_current(current)?;
        let new = Passphrase::new(new)?;
        self.rekey(Some(new)).await
    }

    /// Decrypts this workspace (and its backups) back to plain SQLite; `current` must be its
    /// passphrase, else `workspace.passphrase_wrong` and nothing changes.
    pub async fn remove_passphrase(self, current: &str) -> Result<Workspace> {
        self.check_current(current)?;
        self.rekey(None).await
    }

    fn check_current(&self, current: &str) -> Result<()> {
        match self.passphrase() {
            None => Err(CoreError::new(ErrorCode::WorkspaceNotEncrypted).with("path", self.path().display())),
            Some(p) if p == current => Ok(()),
            Some(_) => Err(CoreError::new(ErrorCode::WorkspacePassphraseWrong).with("path", self.path().display()).on_field("current")),
        }
    }

    /// Backs up, closes, writes the workspace and its backups anew under `new` beside the old
    /// files, checks the new workspace file, renames everything into place and reopens it.
    async fn rekey(self, new: Option<Passphrase>) -> Result<Workspace> {
        let path = self.path().to_owned();
        let old = self.key().cloned();
        let failed = |e: &dyn fmt::Display| CoreError::new(ErrorCode::WorkspaceEncryptionFailed).with("path", path.display()).with("detail", e);

        backup::create(self.pool(), &path, "pre-passphrase").await?;
        let backups_dir = backup::backups_dir(&path);
        let backups: Vec<PathBuf> = backup::list(&path).into_iter().map(|b| backups_dir.join(b.file_name)).collect();
        self.close().await;

        let main = stage(&path, old.as_ref(), new.as_ref()).await.map_err(|e| failed(&e))?;
        verify(&main.temp, new.as_ref()).await.map_err(|e| failed(&e))?;
        let mut staged_backups = Vec::new();
        for file in backups {
            // A plaintext backup is re-encrypted whatever the old key; one that does not open
            // with the old key is not this workspace's and is left as it is.
            let from = match file_kind(&file).map_err(|e| failed(&e))? {
                FileKind::Plain => None,
                FileKind::Sealed if old.is_some() => old.as_ref(),
                _ => continue,
            };
            match stage(&file, from, new.as_ref()).await {
                Ok(staged) => staged_backups.push(staged),
                Err(e) if e.downcast_ref::<sqlx::Error>().is_some_and(is_not_a_database) => continue,
                Err(e) => return Err(failed(&e)),
            }
        }

        main.commit().map_err(|e| failed(&e))?;
        for staged in staged_backups {
            // The workspace itself is done; a backup that cannot take its new file (a rename in
            // its own folder failing) goes rather than stay under the old key or in plaintext.
            let target = staged.target.clone();
            if staged.commit().is_err() {
                let _ = std::fs::remove_file(target);
            }
        }
        Workspace::open_with_passphrase(&path, new.as_ref().map(Passphrase::expose)).await
    }
}
