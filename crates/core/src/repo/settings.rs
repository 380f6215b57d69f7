//! Workspace settings that travel with the file.

use std::str::FromStr;

use chrono_tz::Tz;
use sqlx::SqliteExecutor;

use crate::error::Result;

pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Asia::Shanghai;

/// The zone times are shown and typed in; Asia/Shanghai unless the workspace says otherwise.
pub async fn time_zone<'e>(db: impl SqliteExecutor<'e>) -> Result<Tz> {
    let name: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'time_zone'")
        .fetch_optional(db)
        .await?;
    Ok(name.and_then(|n| Tz::from_str(&n).ok()).unwrap_or(DEFAULT_TIME_ZONE))
}

/// The offset the board's months are cut at, seconds east of UTC (the zone's offset, stored so
/// that the pivot's triggers and the month filter agree).
pub async fn month_offset_seconds<'e>(db: impl SqliteExecutor<'e>) -> Result<i64> {
    let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'pivot_offset_seconds'")
        .fetch_optional(db)
        .await?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(8 * 3600))
}

/// How many backups the workspace keeps.
pub const BACKUP_KEEP: &str = "backup_keep";

pub async fn get<'e>(db: impl SqliteExecutor<'e>, key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT value FROM settings WHERE key = ?").bind(key).fetch_optional(db).await?)
}

pub async fn set<'e>(db: impl SqliteExecutor<'e>, key: &str, value: &str) -> Result<()> {
    sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(db)
        .await?;
    Ok(())
}
