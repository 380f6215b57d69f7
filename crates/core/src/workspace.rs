//! Opening a workspace file: identity and version checks, a backup before any migration, then
//! the pool every repository uses (WAL, foreign keys on).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::AssertSqlSafe;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use crate::error::{CoreError, ErrorCode, Result};

pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// `PRAGMA application_id` of every Liaison workspace ("LIAS"), so that opening some other
/// SQLite file is refused instead of being migrated into a mess.
pub const APPLICATION_ID: i32 = 0x4C49_4153;

#[derive(Debug, Clone)]
pub struct Workspace {
    pool: SqlitePool,
    path: PathBuf,
}

/// What a file on disk looks like before we touch it.
struct Inspection {
    is_new: bool,
    applied: Vec<i64>,
}

impl Workspace {
    /// Opens the workspace at `path`, creating it if it does not exist.
    pub async fn open(path: &Path) -> Result<Workspace> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| open_failed(path, e))?;
        }
        let inspection = inspect(path).await?;
        refuse_newer(path, &inspection)?;
        let pending = MIGRATOR.iter().any(|m| !inspection.applied.contains(&m.version));

        let options = SqliteConnectOptions::from_str("sqlite://")
            .map_err(|e| open_failed(path, e))?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|e| open_failed(path, e))?;
        let workspace = Workspace { pool, path: path.to_owned() };

        if pending && !inspection.is_new {
            crate::service::backup::create(&workspace, "pre-migration").await?;
        }
        MIGRATOR.run(&workspace.pool).await?;
        sqlx::query(AssertSqlSafe(format!("PRAGMA application_id = {APPLICATION_ID}")))
            .execute(&workspace.pool)
            .await?;
        Ok(workspace)
    }

    /// Whether `path` is a Liaison workspace this version can open, without opening it for writing.
    pub async fn check_file(path: &Path) -> Result<()> {
        let inspection = inspect(path).await?;
        refuse_newer(path, &inspection)?;
        if inspection.is_new {
            return Err(CoreError::new(ErrorCode::WorkspaceNotLiaison).with("path", path.display()));
        }
        Ok(())
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub async fn close(self) {
        self.pool.close().await;
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

/// Reads a file's identity read-only, so a foreign or newer file is never modified.
async fn inspect(path: &Path) -> Result<Inspection> {
    let is_new = std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(true);
    if is_new {
        return Ok(Inspection { is_new: true, applied: Vec::new() });
    }
    let not_liaison = || CoreError::new(ErrorCode::WorkspaceNotLiaison).with("path", path.display());
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .map_err(|e| open_failed(path, e))?;
    let app_id: i32 = sqlx::query_scalar("PRAGMA application_id")
        .fetch_one(&mut conn)
        .await
        .map_err(|_| not_liaison())?;
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&mut conn)
        .await
        .map_err(|_| not_liaison())?;
    let applied = if tables.iter().any(|t| t == "_sqlx_migrations") {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&mut conn)
            .await?
    } else {
        Vec::new()
    };
    let _ = conn.close().await;
    let empty_sqlite = app_id == 0 && tables.is_empty();
    if app_id != APPLICATION_ID && !empty_sqlite {
        return Err(not_liaison());
    }
    Ok(Inspection { is_new: false, applied })
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
