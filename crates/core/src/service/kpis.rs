//! KPIs in the director's own words (库存积压 in 元, 客诉量 in 次): kept in the stakeholder map, on a
//! department and maybe its owner, and linked to problems through their effects. The twelve
//! metric codes are only a tag a KPI may carry.

use crate::error::{CoreError, ErrorCode, Result};
use crate::impact::PERCENT;
use crate::metrics::METRICS;
use crate::repo::{departments, kpis, people, problem_effects};
use crate::text::clean;
use crate::{Id, Workspace};

pub use crate::repo::kpis::{Kpi, KpiInput};

const NAME_MAX: usize = 60;
const UNIT_MAX: usize = 12;

fn validate(k: KpiInput) -> Result<KpiInput> {
    let metric = match k.metric.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(m) if METRICS.contains(&m) => Some(m.to_owned()),
        Some(m) => return Err(CoreError::new(ErrorCode::InvalidChoice).with("value", m).on_field("metric")),
    };
    Ok(KpiInput { name: clean(&k.name, "name", NAME_MAX)?, unit: clean(&k.unit, "unit", UNIT_MAX)?, metric, ..k })
}

async fn ensure_links(conn: &mut sqlx::SqliteConnection, k: &KpiInput) -> Result<()> {
    departments::get(&mut *conn, k.department_id).await.map_err(|e| e.on_field("departmentId"))?;
    if let Some(p) = k.owner_person_id {
        people::get(&mut *conn, p).await.map_err(|e| e.on_field("ownerPersonId"))?;
    }
    Ok(())
}

pub async fn list(ws: &Workspace) -> Result<Vec<Kpi>> {
    kpis::list(ws.pool()).await
}

pub async fn create(ws: &Workspace, input: KpiInput) -> Result<Kpi> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_links(&mut tx, &input).await?;
    let id = kpis::insert(&mut *tx, &input).await?;
    let created = kpis::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

/// A new unit is refused while effects are written in the old one (they would stop making sense).
pub async fn update(ws: &Workspace, id: Id, input: KpiInput) -> Result<Kpi> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_links(&mut tx, &input).await?;
    let before = kpis::get(&mut *tx, id).await?;
    if before.unit != input.unit {
        let used = problem_effects::units_of_kpi(&mut *tx, id).await?;
        if let Some(old) = used.iter().find(|u| u.as_str() != PERCENT) {
            return Err(CoreError::new(ErrorCode::UnitMismatch).with("unit", &input.unit).with("expected", old).with("kpi", &before.name).on_field("unit"));
        }
    }
    kpis::update(&mut *tx, id, &input).await?;
    let updated = kpis::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Deletes the KPI and the effects problems had on it.
pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    let mut tx = ws.write().await?;
    kpis::soft_delete(&mut *tx, id).await?;
    problem_effects::soft_delete_of_kpi(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(())
}
