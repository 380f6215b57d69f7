//! Editing the routing rules: the whole ordered list is tried on real incidents before it is
//! saved, and saved in one go so dispatch never sees half an edit.

use serde::Serialize;

use crate::dispatch::{self, Rule};
use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::routing_rules;

pub use crate::repo::routing_rules::RuleDraft;
use crate::repo::{departments, incidents, stores};
use crate::text::bounded;
use crate::{Id, Workspace};

const TEXT_MAX: usize = 100;

pub async fn list(ws: &Workspace) -> Result<Vec<RuleDraft>> {
    routing_rules::list(ws.pool()).await
}

fn condition(value: &Option<String>, field: &str, index: usize) -> Result<Option<String>> {
    let v = value.as_deref().map(|v| bounded(v, field, TEXT_MAX)).transpose().map_err(|e| e.with("rule", index + 1))?;
    Ok(v.filter(|v| !v.is_empty()))
}

async fn validate(conn: &mut sqlx::SqliteConnection, drafts: Vec<RuleDraft>) -> Result<Vec<RuleDraft>> {
    let mut out = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.into_iter().enumerate() {
        departments::get(&mut *conn, d.department_id).await.map_err(|e| e.with("rule", i + 1).on_field("departmentId"))?;
        if let Some(s) = d.store_id {
            stores::get(&mut *conn, s).await.map_err(|e| e.with("rule", i + 1).on_field("storeId"))?;
        }
        out.push(RuleDraft {
            name: bounded(&d.name, "name", TEXT_MAX)?,
            problem_type: condition(&d.problem_type, "problemType", i)?,
            product_category: condition(&d.product_category, "productCategory", i)?,
            product: condition(&d.product, "product", i)?,
            supplier: condition(&d.supplier, "supplier", i)?,
            region: condition(&d.region, "region", i)?,
            ..d
        });
    }
    Ok(out)
}

pub async fn save(ws: &Workspace, drafts: Vec<RuleDraft>) -> Result<Vec<RuleDraft>> {
    let mut tx = ws.write().await?;
    let drafts = validate(&mut tx, drafts).await?;
    routing_rules::retire_all(&mut *tx).await?;
    for (position, d) in drafts.iter().enumerate() {
        routing_rules::insert(&mut *tx, position as i64, d).await?;
    }
    let saved = routing_rules::list(&mut *tx).await?;
    tx.commit().await?;
    Ok(saved)
}

/// What the draft rules would do with one sample incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RuleTrial {
    pub incident_id: Id,
    pub title: String,
    pub current_department_id: Option<Id>,
    /// Index into the drafts of the first rule that matches; None: triage.
    pub rule_index: Option<u32>,
    pub department_id: Option<Id>,
}

/// Runs the drafts, unsaved, over the newest `sample` incidents.
pub async fn trial(ws: &Workspace, drafts: Vec<RuleDraft>, sample: u32) -> Result<Vec<RuleTrial>> {
    if drafts.iter().any(|d| d.department_id <= 0) {
        return Err(CoreError::new(ErrorCode::Required).on_field("departmentId"));
    }
    let rules: Vec<Rule> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.enabled)
        .map(|(i, d)| Rule {
            id: i as Id,
            position: i as i64,
            name: d.name.clone(),
            problem_type: d.problem_type.clone(),
            product_category: d.product_category.clone(),
            product: d.product.clone(),
            supplier: d.supplier.clone(),
            store_id: d.store_id,
            region: d.region.clone(),
            department_id: d.department_id,
        })
        .collect();
    let samples = incidents::list_recent(ws.pool(), i64::from(sample.clamp(1, 1000))).await?;
    Ok(samples
        .into_iter()
        .map(|i| {
            let hit = dispatch::route(&rules, &i.facts());
            RuleTrial {
                incident_id: i.id,
                title: i.title.clone(),
                current_department_id: i.department_id,
                rule_index: hit.map(|r| r.id as u32),
                department_id: hit.map(|r| r.department_id),
            }
        })
        .collect())
}
