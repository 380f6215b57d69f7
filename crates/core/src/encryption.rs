//! Encryption at rest, opt-in: a workspace file can be protected with a passphrase. SQLite is
//! built as SQLCipher 4 (libsqlite3-sys `bundled-sqlcipher`): every page of the database and of
//! its `-wal` file is AES-256 encrypted with a per-page HMAC-SHA512, the key derived from the
//! passphrase with PBKDF2-HMAC-SHA512 (256,000 iterations) and a random salt kept in the file's
//! first 16 bytes. A workspace without a passphrase stays an ordinary SQLite file.
//!
//! Copies keep the workspace's key: `VACUUM INTO` attaches its target with the main database's
//! key, so backups and single-file copies of an encrypted workspace are encrypted with the same
//! passphrase. Setting, changing or removing the passphrase writes the whole file anew with
//! `sqlcipher_export` into a file beside it (after a backup, with the workspace closed), checks
//! it, and renames it over the old one; this workspace's backups are re-encrypted the same way,
//! so each of them opens with the workspace's current passphrase and none stays in plaintext.
//! A forgotten passphrase cannot be recovered: nothing here keeps it beyond the open workspace.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

use crate::error::{CoreError, ErrorCode, Result};
use crate::service::backup;
use crate::workspace::{connect_options, Workspace, APPLICATION_ID};

/// A passphrase, held while its workspace is open (new pool connections, backups and restores
/// need it). Never printed.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Passphrase(Arc<str>);

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    pub(crate) fn new(text: &str) -> Result<Passphrase> {
        if text.trim().is_empty() {
            return Err(CoreError::required("passphrase"));
        }
        if text.contains('\0') {
            return Err(CoreError::new(ErrorCode::InvalidChoice).on_field("passphrase"));
        }
        Ok(Passphrase(text.into()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// The passphrase as an SQL string literal, for `PRAGMA key` and `ATTACH … KEY`.
    pub(crate) fn pragma_value(&self) -> String {
        sql_literal(&self.0)
    }
}

pub(crate) fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// What the first bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// Missing or empty: a workspace is created there.
    New,
    /// Starts with the plaintext SQLite header.
    Plain,
    /// Anything else: an encrypted database, or not a database at all.
    Sealed,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

pub(crate) fn file_kind(path: &Path) -> std::io::Result<FileKind> {
    let file = match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::New),
        other => other?,
    };
    let mut head = Vec::with_capacity(16);
    file.take(16).read_to_end(&mut head)?;
    Ok(match head.as_slice() {
        [] => FileKind::New,
        h if h == SQLITE_HEADER => FileKind::Plain,
        _ => FileKind::Sealed,
    })
}

/// An encrypted SQLite file is whole pages of at least 512 bytes; a text file or a truncated
/// download mostly is not, and is called "not a Liaison workspace" instead of asking for a
/// passphrase that cannot help.
pub(crate) fn looks_encrypted(path: &Path) -> bool {
    std::fs::metadata(path).map(|m| m.len() >= 512 && m.len() % 512 == 0).unwrap_or(false)
}

/// SQLCipher reports a page that does not decrypt (wrong key, or a key for a plaintext file) as
/// SQLITE_NOTADB, "file is not a database".
pub(crate) fn is_not_a_database(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => d.code().as_deref() == Some("26") || d.message().contains("not a database"),
        _ => false,
    }
}

/// Writes the database `source` (unlocked with `from`) as a new file `target`, encrypted with `to`
/// or in plaintext without it. Nobody else may be writing `source`; `target` must not exist.
pub(crate) async fn export(source: &Path, from: Option<&Passphrase>, target: &Path, to: Option<&Passphrase>) -> std::result::Result<(), sqlx::Error> {
    if !source.is_file() {
        return Err(sqlx::Error::Io(std::io::Error::new(std::io::ErrorKind::NotFound, source.display().to_string())));
    }
    // The attached target inherits the connection's open flags: it may be created.
    let mut conn = connect_options(source, from)?.create_if_missing(true).connect().await?;
    let (app_id, user_version): (i32, i32) = (
        sqlx::query_scalar("PRAGMA application_id").fetch_one(&mut conn).await?,
        sqlx::query_scalar("PRAGMA user_version").fetch_one(&mut conn).await?,
    );
    let target_sql = sql_literal(&target.to_string_lossy());
    let key_sql = to.map(Passphrase::pragma_value).unwrap_or_else(|| "''".into());
    // sqlcipher_export copies schema and rows but not the header fields.
    let script = format!(
        "ATTACH DATABASE {target_sql} AS liaison_export KEY {key_sql};
         SELECT sqlcipher_export('liaison_export');
         PRAGMA liaison_export.application_id = {app_id};
         PRAGMA liaison_export.user_version = {user_version};
         DETACH DATABASE liaison_export;"
    );
    let result = sqlx::raw_sql(AssertSqlSafe(script)).execute(&mut conn).await;
    let _ = conn.close().await;
    result?;
    std::fs::File::open(target)?.sync_all()?;
    Ok(())
}

/// A staged re-encryption of one file: the new file beside the old, renamed over it on commit,
/// deleted if dropped before.
struct Staged {
    temp: tempfile::TempPath,
    target: PathBuf,
}

async fn stage(source: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> std::result::Result<Staged, Box<dyn std::error::Error + Send + Sync>> {
    let dir = source.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new().prefix(".rekey-").suffix(".tmp").tempfile_in(dir)?.into_temp_path();
    std::fs::remove_file(&temp)?;
    export(source, from, &temp, to).await?;
    Ok(Staged { temp, target: source.to_owned() })
}

impl Staged {
    /// Renames the new file over the old one, the old file's journals removed first.
    fn commit(self) -> std::io::Result<()> {
        crate::workspace::remove_side_files(&self.target)?;
        self.temp.persist(&self.target).map_err(|e| e.error)?;
        #[cfg(unix)]
        if let Some(dir) = self.target.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::File::open(dir)?.sync_all()?;
        }
        Ok(())
    }
}

/// Checks a re-encrypted workspace before it replaces anything: it opens with its new key, is a
/// Liaison workspace and passes SQLite's quick check.
async fn verify(path: &Path, key: Option<&Passphrase>) -> std::result::Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut conn = connect_options(path, key)?.read_only(true).connect().await?;
    let app_id: i32 = sqlx::query_scalar("PRAGMA application_id").fetch_one(&mut conn).await?;
    let check: String = sqlx::query_scalar("PRAGMA quick_check").fetch_one(&mut conn).await?;
    let _ = conn.close().await;
    if app_id != APPLICATION_ID || check != "ok" {
        return Err(format!("the re-encrypted copy does not check out (application_id {app_id}, quick_check {check})").into());
    }
    Ok(())
}

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

        backup::create(&self, "pre-passphrase").await?;
        let backups_dir = backup::backups_dir(&self);
        let backups: Vec<PathBuf> = backup::list(&self).into_iter().map(|b| backups_dir.join(b.file_name)).collect();
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
