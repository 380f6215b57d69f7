//! Problem types, each under the severity class its incidents default to. Incidents and routing
//! rules name a type by its text, so a rename carries over to them.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::repo::reference::search_term;
use crate::repo::{problem_types, severity_classes};
use crate::service::reference::{ensure_name_free, rename_in, ReferenceList, NAME_MAX};
use crate::text::clean;
use crate::{Id, Workspace};

pub use crate::repo::problem_types::ProblemType;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProblemTypeInput {
    pub name: String,
    pub severity_class_id: Option<Id>,
}

/// Every type, archived ones too, whose name or pinyin contains `search`, by pinyin.
pub async fn search(ws: &Workspace, search: &str) -> Result<Vec<ProblemType>> {
    problem_types::search(ws.pool(), &search_term(search)).await
}

pub async fn create(ws: &Workspace, input: ProblemTypeInput) -> Result<Id> {
    let name = clean(&input.name, "name", NAME_MAX)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, ReferenceList::ProblemTypes, &name, None).await?;
    if let Some(class) = input.severity_class_id {
        severity_classes::get(&mut *tx, class).await.map_err(|e| e.on_field("severityClassId"))?;
    }
    let id = problem_types::insert(&mut *tx, &name, input.severity_class_id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames a type (incidents and routing rules follow) and sets its class.
pub async fn update(ws: &Workspace, id: Id, input: ProblemTypeInput) -> Result<()> {
    let name = clean(&input.name, "name", NAME_MAX)?;
    let mut tx = ws.write().await?;
    if let Some(class) = input.severity_class_id {
        severity_classes::get(&mut *tx, class).await.map_err(|e| e.on_field("severityClassId"))?;
    }
    rename_in(&mut tx, ReferenceList::ProblemTypes, id, &name).await?;
    problem_types::update(&mut *tx, id, &name, input.severity_class_id).await?;
    tx.commit().await?;
    Ok(())
}
