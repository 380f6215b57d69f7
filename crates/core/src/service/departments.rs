use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::departments;

pub use crate::repo::departments::{Department, DepartmentInput};
use crate::text::{bounded, clean, pinyin_key};
use crate::{Id, Workspace};

const NAME_MAX: usize = 60;
const HEAD_MAX: usize = 60;
const KPIS_MAX: usize = 2000;

/// Every department, archived ones too (they still own incidents; pickers leave them out).
pub async fn list(ws: &Workspace) -> Result<Vec<Department>> {
    departments::list(ws.pool()).await
}

/// The departments whose name or pinyin contains `search`, archived ones too, by pinyin.
pub async fn search(ws: &Workspace, search: &str) -> Result<Vec<Department>> {
    departments::search(ws.pool(), &crate::repo::reference::search_term(search)).await
}

pub async fn create(ws: &Workspace, input: DepartmentInput) -> Result<Department> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, &input.name, None).await?;
    let id = departments::insert(&mut *tx, &input, &pinyin_key(&input.name)).await?;
    let created = departments::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

pub async fn update(ws: &Workspace, id: Id, input: DepartmentInput) -> Result<Department> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_name_free(&mut tx, &input.name, Some(id)).await?;
    departments::update(&mut *tx, id, &input, &pinyin_key(&input.name)).await?;
    let updated = departments::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Moves the department to the trash; its people keep the link so a restore brings it back.
pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    departments::soft_delete(ws.pool(), id).await
}

pub(crate) fn validate(input: DepartmentInput) -> Result<DepartmentInput> {
    Ok(DepartmentInput {
        name: clean(&input.name, "name", NAME_MAX)?,
        head: bounded(&input.head, "head", HEAD_MAX)?,
        escalation_contact: bounded(&input.escalation_contact, "escalationContact", HEAD_MAX)?,
        kpis: bounded(&input.kpis, "kpis", KPIS_MAX)?,
    })
}

async fn ensure_name_free(tx: &mut sqlx::SqliteConnection, name: &str, except: Option<Id>) -> Result<()> {
    if departments::find_by_name(&mut *tx, name, except).await?.is_some() {
        return Err(CoreError::new(ErrorCode::DepartmentNameTaken).with("name", name).on_field("name"));
    }
    Ok(())
}
