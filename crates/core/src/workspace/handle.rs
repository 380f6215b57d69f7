//! Opening a workspace file: unlocking it when it is encrypted, identity and version checks, a
//! backup before any migration, then the pool every repository uses (WAL, foreign keys on).

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::AssertSqlSafe;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use super::backup;
use super::encryption::{self, FileKind};
use super::files::{connect_options, side_file, APPLICATION_ID};
use super::passphrase::Passphrase;
use crate::error::{CoreError, ErrorCode, Result};

pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, Clone)]
pub struct Workspace {
    pool: SqlitePool,
    path: PathBuf,
    /// Set when the file is encrypted: new pool connections, backups and restores need it.
    passphrase: Option<Passphrase>,
}

/// What a file on disk looks like before we touch it.
struct Inspection {
    is_new: bool,
    applied: Vec<i64>,
    /// The key the file opens with: `None` for a plaintext (or new plaintext) file.
    key: Option<Passphrase>,
}

impl Workspace {
    /// Opens the workspace at `path`, creating it if it does not exist. An encrypted file is
    /// refused with `workspace.passphrase_required`: use [`Workspace::open_with_passphrase`].
    pub async fn open(path: &Path) -> Result<Workspace> {
        Self::open_with_passphrase(path, None).await
    }

    /// Opens the workspace at `path` with its passphrase, creating it if it does not exist (a new
    /// file with a passphrase is encrypted from its first byte). A plaintext file opens as it is,
    /// whatever the passphrase. Errors: `workspace.passphrase_required` (the file is encrypted and
    /// no passphrase was given), `workspace.passphrase_wrong`; the identity and version checks run
    /// after unlocking, so a newer encrypted file gives `workspace.newer_version` as usual.
    pub async fn open_with_passphrase(path: &Path, passphrase: Option<&str>) -> Result<Workspace> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| open_failed(path, e))?;
        }
        let passphrase = passphrase.map(Passphrase::new).transpose()?;
        let inspection = inspect(path, passphrase.as_ref()).await?;
        refuse_newer(path, &inspection)?;
        let pending = MIGRATOR.iter().any(|m| !inspection.applied.contains(&m.version));

        let options = connect_options(path, inspection.key.as_ref())
            .map_err(|e| open_failed(path, e))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // A connection to a local file cannot hang up: the ping sqlx sends before handing one out
        // is a round trip to the connection's thread on every query for nothing.
        let mut pool_options = SqlitePoolOptions::new().max_connections(4).test_before_acquire(false);
        if inspection.key.is_some() {
            // Unlocking a connection derives the key anew (PBKDF2, about 0.2 s): keep them open
            // rather than let the pool retire idle ones and pay again in the middle of the work.
            pool_options = pool_options.idle_timeout(None).max_lifetime(None);
        }
        let pool = pool_options
            .connect_with(options)
            .await
            .map_err(|e| open_failed(path, e))?;
        let workspace = Workspace { pool, path: path.to_owned(), passphrase: inspection.key };

        if pending && !inspection.is_new {
            backup::create(&workspace.pool, &workspace.path, "pre-migration").await?;
        }
        MIGRATOR.run(&workspace.pool).await?;
        sqlx::query(AssertSqlSafe(format!("PRAGMA application_id = {APPLICATION_ID}")))
            .execute(&workspace.pool)
            .await?;
        Ok(workspace)
    }

    /// Whether `path` is a Liaison workspace this version can open, without opening it for writing.
    pub async fn check_file(path: &Path) -> Result<()> {
        Self::check_file_with_passphrase(path, None).await
    }

    /// [`Workspace::check_file`] for a file that may be encrypted with `passphrase`.
    pub async fn check_file_with_passphrase(path: &Path, passphrase: Option<&str>) -> Result<()> {
        let passphrase = passphrase.map(Passphrase::new).transpose()?;
        let inspection = inspect(path, passphrase.as_ref()).await?;
        refuse_newer(path, &inspection)?;
        if inspection.is_new {
            return Err(CoreError::new(ErrorCode::WorkspaceNotLiaison).with("path", path.display()));
        }
        Ok(())
    }

    /// Whether the file at `path` looks encrypted, so the shell can ask for the passphrase before
    /// opening it (opening it without one gives `workspace.passphrase_required` just the same).
    pub fn needs_passphrase(path: &Path) -> bool {
        encryption::file_kind(path).map(|k| k == FileKind::Sealed).unwrap_or(false) && encryption::looks_encrypted(path)
    }

    /// Whether this workspace is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
    }

    /// The passphrase this workspace was unlocked with, e.g. to reopen it after a failed restore.
    pub fn passphrase(&self) -> Option<&str> {
        self.passphrase.as_ref().map(Passphrase::expose)
    }

    pub(crate) fn key(&self) -> Option<&Passphrase> {
        self.passphrase.as_ref()
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The one way to start a write: the transaction takes the write lock at its start (`BEGIN
    /// IMMEDIATE`) and waits its turn behind another writer for up to the busy timeout. A deferred
    /// transaction that reads first and writes later cannot wait: when another connection writes
    /// in between, SQLite answers SQLITE_BUSY at once and the work fails (what broke Today at
    /// start, racing the notification and escalation sweeps).
    pub async fn write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection and leaves one file: the pool's connections close at once on
    /// their own threads, and each may see another still open and leave the `-wal` to it, so
    /// that none removes it. One more connection, alone, checkpoints and removes it.
    pub async fn close(self) {
        self.pool.close().await;
        if !side_file(&self.path, "-wal").exists() {
            return;
        }
        let Ok(options) = connect_options(&self.path, self.key()) else { return };
        if let Ok(mut conn) = options.connect().await {
            let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&mut conn).await;
            let _ = conn.close().await;
        }
    }
}

/// A file written by a newer Liaison is refused rather than migrated backwards or corrupted.
fn refuse_newer(path: &Path, inspection: &Inspection) -> Result<()> {
    let newest_known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    match inspection.applied.iter().find(|v| !MIGRATOR.version_exists(**v)) {
        Some(unknown) => Err(CoreError::new(ErrorCode::WorkspaceNewerVersion)
            .with("path", path.display())
            .with("file_version", unknown)
            .with("app_version", newest_known)),
        None => Ok(()),
    }
}

/// Reads a file's identity read-only, after unlocking it when it is encrypted, so a foreign or
/// newer file is never modified.
async fn inspect(path: &Path, passphrase: Option<&Passphrase>) -> Result<Inspection> {
    let kind = encryption::file_kind(path).map_err(|e| open_failed(path, e))?;
    let key = match kind {
        FileKind::New => return Ok(Inspection { is_new: true, applied: Vec::new(), key: passphrase.cloned() }),
        FileKind::Plain => None,
        FileKind::Sealed => match passphrase {
            Some(key) => Some(key.clone()),
            None if encryption::looks_encrypted(path) => {
                return Err(CoreError::new(ErrorCode::WorkspacePassphraseRequired).with("path", path.display()))
            }
            None => return Err(CoreError::new(ErrorCode::WorkspaceNotLiaison).with("path", path.display())),
        },
    };
    let not_liaison = || CoreError::new(ErrorCode::WorkspaceNotLiaison).with("path", path.display());
    // With a key, a page that does not decrypt reads as "file is not a database" (SQLITE_NOTADB).
    let unreadable = |e: sqlx::Error| match &key {
        Some(_) if encryption::is_not_a_database(&e) => {
            CoreError::new(ErrorCode::WorkspacePassphraseWrong).with("path", path.display())
        }
        _ => not_liaison(),
    };
    // A read-only connection to a WAL-mode file creates its `-wal` and `-shm` and, being
    // read-only, cannot remove them on close: a refused open would leave them beside the file.
    // With no journal beside it the file was closed cleanly and the main file holds everything,
    // so it is read as immutable, which creates nothing and takes no locks.
    let alone = ["-wal", "-journal"].iter().all(|s| !side_file(path, s).exists());
    let mut conn = connect_options(path, key.as_ref())
        .map_err(|e| open_failed(path, e))?
        .read_only(true)
        .immutable(alone)
        .connect()
        .await
        .map_err(|e| match encryption::is_not_a_database(&e) {
            true => unreadable(e),
            false => open_failed(path, e),
        })?;
    let read = async {
        let app_id: i32 = sqlx::query_scalar("PRAGMA application_id")
            .fetch_one(&mut conn)
            .await
            .map_err(unreadable)?;
        let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut conn)
            .await
            .map_err(unreadable)?;
        let applied = if tables.iter().any(|t| t == "_sqlx_migrations") {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(&mut conn)
                .await?
        } else {
            Vec::new()
        };
        Ok::<_, CoreError>((app_id, tables, applied))
    }
    .await;
    // Closed on every path, a refusal too: a dropped connection closes later on its own thread
    // and still has the file open when the caller goes on with it.
    let _ = conn.close().await;
    let (app_id, tables, applied) = read?;
    let empty_sqlite = app_id == 0 && tables.is_empty();
    if app_id != APPLICATION_ID && !empty_sqlite {
        return Err(not_liaison());
    }
    Ok(Inspection { is_new: false, applied, key })
}

fn open_failed(path: &Path, e: impl std::fmt::Display) -> CoreError {
    let detail = e.to_string();
    let code = if detail.contains("not a database") {
        ErrorCode::WorkspaceNotLiaison
    } else {
        ErrorCode::WorkspaceOpenFailed
    };
    CoreError::new(code).with("path", path.display()).with("detail", detail)
}

#[cfg(test)]
mod tests {
    /// Every transaction starts with [`super::Workspace::write`] (`BEGIN IMMEDIATE`): a deferred
    /// one that reads and then writes fails at once when another connection writes in between.
    #[test]
    fn no_transaction_starts_deferred() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // Split so that this test does not find itself.
        let deferred = [concat!(".begin", "()"), concat!("Connection::", "begin(")];
        let mut offenders = Vec::new();
        for dir in [root.join("src"), root.join("../../src-tauri/src")] {
            let mut stack = vec![dir];
            while let Some(dir) = stack.pop() {
                for entry in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
                    if entry.is_dir() {
                        stack.push(entry);
                    } else if entry.extension().is_some_and(|e| e == "rs") {
                        let text = std::fs::read_to_string(&entry).unwrap();
                        for (n, line) in text.lines().enumerate() {
                            if deferred.iter().any(|d| line.contains(d)) {
                                offenders.push(format!("{}:{}", entry.display(), n + 1));
                            }
                        }
                    }
                }
            }
        }
        assert!(offenders.is_empty(), "deferred transactions: {offenders:?}");
    }
}
