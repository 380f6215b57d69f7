//! The workspace's working-day calendar: holidays and make-up working days (调休/补班).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::cadence::Calendar;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CalendarDay {
    /// YYYY-MM-DD
    pub day: String,
    /// holiday | workday
    pub kind: String,
    pub name: String,
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<CalendarDay>> {
    Ok(sqlx::query_as("SELECT day, kind, name FROM calendar_days ORDER BY day").fetch_all(db).await?)
}

pub async fn calendar<'e>(db: impl SqliteExecutor<'e>) -> Result<Calendar> {
    let days = list(db).await?;
    Ok(Calendar::new(days.into_iter().filter_map(|d| {
        NaiveDate::parse_from_str(&d.day, "%Y-%m-%d").ok().map(|day| (day, d.kind == "workday"))
    })))
}

pub async fn upsert<'e>(db: impl SqliteExecutor<'e>, d: &CalendarDay) -> Result<()> {
    sqlx::query("INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name")
        .bind(&d.day)
        .bind(&d.kind)
        .bind(&d.name)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn delete<'e>(db: impl SqliteExecutor<'e>, day: &str) -> Result<()> {
    sqlx::query("DELETE FROM calendar_days WHERE day = ?").bind(day).execute(db).await?;
    Ok(())
}
