//! Stored time is UTC milliseconds since the epoch; the workspace time zone only matters when a
//! time is shown or typed.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};

/// A file holding how many hours the app's clock runs ahead of the system's, read once at start.
/// The end-to-end tests set it to see SLAs run out and escalate without waiting days (writing a
/// larger number before each relaunch); nothing else does.
pub const CLOCK_FILE_ENV: &str = "LIAISON_TEST_CLOCK_FILE";

fn offset_ms() -> i64 {
    static OFFSET: OnceLock<i64> = OnceLock::new();
    *OFFSET.get_or_init(|| {
        let hours = std::env::var_os(CLOCK_FILE_ENV).and_then(|path| std::fs::read_to_string(path).ok());
        hours.and_then(|h| h.trim().parse::<f64>().ok()).map_or(0, |h| (h * 3_600_000.0) as i64)
    })
}

pub fn now_ms() -> i64 {
    Utc::now().timestamp_millis() + offset_ms()
}

/// The app's clock as a date-time (see [`CLOCK_FILE_ENV`]).
pub fn now() -> DateTime<Utc> {
    to_utc(now_ms()).unwrap_or_else(Utc::now)
}

pub fn to_utc(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}
