//! What the SLA engine reads: the classes' and departments' terms, the escalation levels and the
//! working day (settings `work_hours`, the zone and the calendar's exceptions).

use sqlx::SqliteConnection;

use crate::error::Result;
use crate::sla::{Book, Terms, WorkHours};
use crate::Id;

/// The working day when the workspace names none (or an unreadable one).
pub const DEFAULT_WORK_HOURS: &str = "09:00-18:00";
pub const WORK_HOURS_KEY: &str = "work_hours";
/// Who level-`sponsor` escalations go to: the director's sponsor, by name.
pub const SPONSOR_KEY: &str = "escalation_sponsor";

pub async fn book(conn: &mut SqliteConnection) -> Result<Book> {
    let classes: Vec<(Id, Option<i64>, i64, bool)> =
        sqlx::query_as("SELECT id, claim_hours, sla_hours, working_hours FROM severity_classes WHERE deleted_at IS NULL")
            .fetch_all(&mut *conn)
            .await?;
    let departments: Vec<(Id, Id, Option<i64>, i64, bool)> = sqlx::query_as(
        "SELECT s.severity_class_id, s.department_id, s.claim_hours, s.resolve_hours, c.working_hours
         FROM department_slas s JOIN severity_classes c ON c.id = s.severity_class_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Book {
        classes: classes.into_iter().map(|(id, claim, resolve, working)| (id, Terms::from_hours(claim, resolve, working))).collect(),
        departments: departments
            .into_iter()
            .map(|(class, department, claim, resolve, working)| ((class, department), Terms::from_hours(claim, resolve, working)))
            .collect(),
    })
}

pub async fn work_hours(conn: &mut SqliteConnection) -> Result<WorkHours> {
    let zone = super::settings::time_zone(&mut *conn).await?;
    let span = super::settings::get(&mut *conn, WORK_HOURS_KEY).await?;
    let (start, end) = span
        .as_deref()
        .and_then(WorkHours::parse_span)
        .or_else(|| WorkHours::parse_span(DEFAULT_WORK_HOURS))
        .expect("the default working day parses");
    let calendar = super::calendar_days::calendar(&mut *conn).await?;
    Ok(WorkHours { zone, start, end, calendar })
}

/// Everything the engine needs, read once per sweep or import.
pub struct SlaContext {
    pub book: Book,
    pub levels: Vec<crate::sla::Level>,
    pub work: WorkHours,
}

pub async fn context(conn: &mut SqliteConnection) -> Result<SlaContext> {
    Ok(SlaContext { book: book(&mut *conn).await?, levels: super::escalation_levels::list(&mut *conn).await?, work: work_hours(&mut *conn).await? })
}
