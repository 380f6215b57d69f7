//! Facts about a workspace file on disk: its SQLite identity, how a connection to it is opened,
//! and the journal files beside it.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;

use super::passphrase::Passphrase;

/// `PRAGMA application_id` of every Liaison workspace ("LIAS"), so that opening some other
/// SQLite file is refused instead of being migrated into a mess.
pub const APPLICATION_ID: i32 = 0x4C49_4153;

pub(super) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Removes a database file's `-wal` and `-shm` before another file is renamed into its place:
/// SQLite would otherwise apply the old file's journal to the new one.
pub(crate) fn remove_side_files(path: &Path) -> std::io::Result<()> {
    for suffix in ["-wal", "-shm"] {
        let side = side_file(path, suffix);
        if side.exists() {
            std::fs::remove_file(&side)?;
        }
    }
    Ok(())
}

/// Connection options for `path`; with a key, `PRAGMA key` is the first statement every new
/// connection runs (sqlx keeps the `key` pragma ahead of all others).
pub(crate) fn connect_options(path: &Path, key: Option<&Passphrase>) -> std::result::Result<SqliteConnectOptions, sqlx::Error> {
    let options = SqliteConnectOptions::from_str("sqlite://")?.filename(path);
    Ok(match key {
        Some(key) => options.pragma("key", key.pragma_value()),
        // SQLCipher keeps temporary files in memory by default (they would be plaintext on disk);
        // a plaintext workspace spills big sorts to temporary files as plain SQLite always did.
        None => options.pragma("temp_store", "FILE"),
    })
}
