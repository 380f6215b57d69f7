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

use std::io::Read;
use std::path::{Path, PathBuf};

use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

use super::files::{connect_options, remove_side_files, APPLICATION_ID};
use super::passphrase::{sql_literal, Passphrase};

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
pub(super) struct Staged {
    pub(super) temp: tempfile::TempPath,
    pub(super) target: PathBuf,
}

pub(super) async fn stage(source: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> std::result::Result<Staged, Box<dyn std::error::Error + Send + Sync>> {
    let dir = source.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new().prefix(".rekey-").suffix(".tmp").tempfile_in(dir)?.into_temp_path();
    std::fs::remove_file(&temp)?;
    export(source, from, &temp, to).await?;
    Ok(Staged { temp, target: source.to_owned() })
}

impl Staged {
    /// Renames the new file over the old one, the old file's journals removed first.
    pub(super) fn commit(self) -> std::io::Result<()> {
        remove_side_files(&self.target)?;
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
pub(super) async fn verify(path: &Path, key: Option<&Passphrase>) -> std::result::Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut conn = connect_options(path, key)?.read_only(true).connect().await?;
    let app_id: i32 = sqlx::query_scalar("PRAGMA application_id").fetch_one(&mut conn).await?;
    let check: String = sqlx::query_scalar("PRAGMA quick_check").fetch_one(&mut conn).await?;
    let _ = conn.close().await;
    if app_id != APPLICATION_ID || check != "ok" {
        return Err(format!("the re-encrypted copy does not check out (application_id {app_id}, quick_check {check})").into());
    }
    Ok(())
}
