//! The workspace's working-day calendar: public holidays and make-up working days, which the
//! follow-up cadence steps around.

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::calendar_days;
use crate::service::projects::parse_day;
use crate::Workspace;

pub use crate::repo::calendar_days::CalendarDay;

pub async fn days(ws: &Workspace) -> Result<Vec<CalendarDay>> {
    calendar_days::list(ws.pool()).await
}

/// Adds or changes a holiday or make-up working day (next year's, once announced).
pub async fn save(ws: &Workspace, day: &CalendarDay) -> Result<()> {
    parse_day(&day.day, "day")?;
    if day.kind != "holiday" && day.kind != "workday" {
        return Err(CoreError::new(ErrorCode::InvalidChoice).with("value", &day.kind).on_field("kind"));
    }
    calendar_days::upsert(ws.pool(), day).await
}

pub async fn delete(ws: &Workspace, day: &str) -> Result<()> {
    calendar_days::delete(ws.pool(), day).await
}
