//! Workspace settings that travel with the file.

use std::str::FromStr;

use chrono::{Offset, TimeZone, Utc};
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

/// The zone's current offset from UTC, in seconds.
pub fn utc_offset_now(zone: Tz) -> i64 {
    i64::from(zone.offset_from_utc_datetime(&Utc::now().naive_utc()).fix().local_minus_utc())
}
