//! The escalation ladder: level n at a multiple of the SLA, telling someone.

use sqlx::SqliteConnection;

use crate::error::Result;
use crate::sla::Level;

pub async fn list(conn: &mut SqliteConnection) -> Result<Vec<Level>> {
    let rows: Vec<(i64, f64, String)> =
        sqlx::query_as("SELECT level, multiple, notify FROM escalation_levels ORDER BY level").fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(level, multiple, notify)| Level { level, multiple, notify }).collect())
}

/// The whole ladder at once: the one the user saved replaces the old one.
pub async fn replace(conn: &mut SqliteConnection, levels: &[Level]) -> Result<()> {
    sqlx::query("DELETE FROM escalation_levels").execute(&mut *conn).await?;
    for l in levels {
        sqlx::query("INSERT INTO escalation_levels (level, multiple, notify) VALUES (?, ?, ?)")
            .bind(l.level)
            .bind(l.multiple)
            .bind(&l.notify)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
