//! What a problem does to each department: effects on the departments' KPIs, written by the
//! director in the KPI's unit (or in % of it), and the ones the linked incidents can compute for
//! each owning department, offered pre-filled and marked as computed.

use serde::Serialize;

use crate::error::{CoreError, ErrorCode, Result};
use crate::impact::PERCENT;
use crate::repo::{kpis, problem_effects, problems};
use crate::text::bounded;
use crate::{Id, Money, Workspace};

pub use crate::impact::{Effect, Figure};
pub use crate::repo::problem_effects::EffectInput;

const NOTE_MAX: usize = 500;

/// An effect the incidents compute, for the director to accept (saved as computed) or change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SuggestedEffect {
    pub department_id: Id,
    pub department_name: String,
    pub figure: Figure,
    /// The department's first KPI in a unit this figure is measured in; None: none fits, the
    /// director picks or names one.
    pub kpi_id: Option<Id>,
    pub kpi_name: Option<String>,
    /// Negative: what fixing the problem takes off the department.
    pub effect: f64,
    pub unit: String,
    pub money: Option<Money>,
    /// The department's incidents behind the figure.
    pub incidents: i64,
}

pub async fn list(ws: &Workspace, problem_id: Id) -> Result<Vec<Effect>> {
    problems::get(ws.pool(), problem_id).await?;
    problem_effects::list_for(ws.pool(), problem_id).await
}

/// Per owning department of the problem's live incidents: their count, their cost and their mean
/// wait, each on the department's KPI measured in that unit. KPIs the problem already has an
/// effect on are left out: the director has said what they think.
pub async fn suggested_effects(ws: &Workspace, problem_id: Id) -> Result<Vec<SuggestedEffect>> {
    let mut conn = ws.pool().acquire().await?;
    problems::get(&mut *conn, problem_id).await?;
    let taken: Vec<Id> = problem_effects::list_for(&mut *conn, problem_id).await?.iter().map(|e| e.kpi_id).collect();
    let mut out = Vec::new();
    for d in problem_effects::department_figures(&mut *conn, problem_id).await? {
        let kpis = kpis::list_of_department(&mut *conn, d.department_id).await?;
        let cost = (d.cost_fen > 0).then(|| Money::from_fen(d.cost_fen));
        let figures = [
            (Figure::Incidents, Some(-(d.incidents as f64)), None),
            (Figure::Cost, cost.map(|c| -(c.fen() as f64) / 100.0), cost),
            (Figure::MeanWait, d.mean_wait_minutes.map(|w| -(w * 10.0).round() / 10.0), None),
        ];
        for (figure, effect, money) in figures {
            let Some(effect) = effect else { continue };
            let kpi = kpis.iter().find(|k| figure.fits(&k.unit));
            if kpi.is_some_and(|k| taken.contains(&k.id)) {
                continue;
            }
            out.push(SuggestedEffect {
                department_id: d.department_id,
                department_name: d.department_name.clone(),
                figure,
                kpi_id: kpi.map(|k| k.id),
                kpi_name: kpi.map(|k| k.name.clone()),
                effect,
                unit: kpi.map_or(figure.unit(), |k| k.unit.as_str()).to_owned(),
                money,
                incidents: d.incidents,
            });
        }
    }
    Ok(out)
}

/// The effect is in the KPI's own unit or in % of it; anything else is refused, naming both.
async fn validate(conn: &mut sqlx::SqliteConnection, e: EffectInput) -> Result<EffectInput> {
    let kpi = kpis::get(&mut *conn, e.kpi_id).await.map_err(|err| err.on_field("kpiId"))?;
    if !e.effect.is_finite() {
        return Err(CoreError::new(ErrorCode::InvalidNumber).with("value", e.effect).on_field("effect"));
    }
    let unit = match e.unit.trim() {
        "％" => PERCENT.to_owned(),
        u => u.to_owned(),
    };
    if unit != kpi.unit && unit != PERCENT {
        return Err(CoreError::new(ErrorCode::UnitMismatch).with("unit", &unit).with("expected", &kpi.unit).with("kpi", &kpi.name).on_field("unit"));
    }
    if e.money.is_some_and(|m| m.fen() < 0) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).on_field("money"));
    }
    Ok(EffectInput { unit, note: bounded(&e.note, "note", NOTE_MAX)?, ..e })
}

/// Adds an effect to the problem; returns the problem's effects.
pub async fn add(ws: &Workspace, problem_id: Id, input: EffectInput) -> Result<Vec<Effect>> {
    let mut tx = ws.write().await?;
    problems::get(&mut *tx, problem_id).await?;
    let input = validate(&mut tx, input).await?;
    problem_effects::insert(&mut *tx, problem_id, &input).await?;
    tx.commit().await?;
    problem_effects::list_for(ws.pool(), problem_id).await
}

/// Rewrites an effect as the director now states it; returns the problem's effects.
pub async fn update(ws: &Workspace, id: Id, input: EffectInput) -> Result<Vec<Effect>> {
    let mut tx = ws.write().await?;
    let problem_id = problem_effects::get(&mut *tx, id).await?.problem_id;
    let input = validate(&mut tx, input).await?;
    problem_effects::update(&mut *tx, id, &input).await?;
    tx.commit().await?;
    problem_effects::list_for(ws.pool(), problem_id).await
}

/// Deletes an effect; returns the problem's effects.
pub async fn delete(ws: &Workspace, id: Id) -> Result<Vec<Effect>> {
    let mut tx = ws.write().await?;
    let problem_id = problem_effects::get(&mut *tx, id).await?.problem_id;
    problem_effects::soft_delete(&mut *tx, id).await?;
    tx.commit().await?;
    problem_effects::list_for(ws.pool(), problem_id).await
}
