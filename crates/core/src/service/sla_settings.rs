//! The workspace's SLA settings: its working day, the escalation ladder and the director's sponsor
//! (whom the last level tells).

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::sla_terms::{DEFAULT_WORK_HOURS, SPONSOR_KEY, WORK_HOURS_KEY};
use crate::repo::{escalation_levels, settings};
use crate::sla::WorkHours;
use crate::text::bounded;
use crate::Workspace;

pub use crate::sla::Level;

const NOTIFY: [&str; 3] = ["head", "escalation_contact", "sponsor"];
const MAX_LEVELS: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SlaSettings {
    /// `HH:MM-HH:MM`, local time of the workspace's zone.
    pub work_hours: String,
    pub sponsor: String,
    pub levels: Vec<Level>,
}

pub async fn get(ws: &Workspace) -> Result<SlaSettings> {
    let mut conn = ws.pool().acquire().await?;
    Ok(SlaSettings {
        work_hours: settings::get(&mut *conn, WORK_HOURS_KEY).await?.unwrap_or_else(|| DEFAULT_WORK_HOURS.to_owned()),
        sponsor: settings::get(&mut *conn, SPONSOR_KEY).await?.unwrap_or_default(),
        levels: escalation_levels::list(&mut conn).await?,
    })
}

/// Levels are numbered 1, 2, … in order, each at a larger multiple of the SLA than the one before.
fn check_levels(levels: &[Level]) -> Result<()> {
    if levels.len() > MAX_LEVELS {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("max", MAX_LEVELS).on_field("levels"));
    }
    let mut previous = 0.0;
    for (i, l) in levels.iter().enumerate() {
        let field = format!("levels.{i}");
        if l.level != i as i64 + 1 {
            return Err(CoreError::new(ErrorCode::InvalidChoice).with("value", l.level).on_field(&field));
        }
        if !l.multiple.is_finite() || l.multiple <= previous {
            return Err(CoreError::new(ErrorCode::OutOfRange).with("min", previous).on_field(&format!("{field}.multiple")));
        }
        if !NOTIFY.contains(&l.notify.as_str()) {
            return Err(CoreError::new(ErrorCode::InvalidChoice).with("value", &l.notify).on_field(&format!("{field}.notify")));
        }
        previous = l.multiple;
    }
    Ok(())
}

pub async fn save(ws: &Workspace, input: SlaSettings) -> Result<SlaSettings> {
    let span = WorkHours::parse_span(&input.work_hours).ok_or_else(|| CoreError::new(ErrorCode::InvalidWorkHours).on_field("workHours"))?;
    let sponsor = bounded(&input.sponsor, "sponsor", 100)?;
    check_levels(&input.levels)?;
    let work_hours = format!("{}-{}", span.0.format("%H:%M"), span.1.format("%H:%M"));
    let mut tx = ws.write().await?;
    settings::set(&mut *tx, WORK_HOURS_KEY, &work_hours).await?;
    settings::set(&mut *tx, SPONSOR_KEY, &sponsor).await?;
    escalation_levels::replace(&mut tx, &input.levels).await?;
    tx.commit().await?;
    get(ws).await
}
