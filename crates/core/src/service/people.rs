use crate::error::{CoreError, Result};
use crate::repo::departments;
use crate::repo::people::{self, Person, PersonInput};
use crate::text::{bounded, clean, pinyin_key};
use crate::{Id, Workspace};

const NAME_MAX: usize = 60;
const TITLE_MAX: usize = 80;

pub async fn list(ws: &Workspace) -> Result<Vec<Person>> {
    people::list(ws.pool()).await
}

pub async fn create(ws: &Workspace, input: PersonInput) -> Result<Person> {
    let input = validate(input)?;
    let mut tx = ws.pool().begin().await?;
    ensure_department(&mut tx, input.department_id).await?;
    let id = people::insert(&mut *tx, &input, &pinyin_key(&input.name)).await?;
    let created = people::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

pub async fn update(ws: &Workspace, id: Id, input: PersonInput) -> Result<Person> {
    let input = validate(input)?;
    let mut tx = ws.pool().begin().await?;
    ensure_department(&mut tx, input.department_id).await?;
    people::update(&mut *tx, id, &input, &pinyin_key(&input.name)).await?;
    let updated = people::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    people::soft_delete(ws.pool(), id).await
}

fn validate(input: PersonInput) -> Result<PersonInput> {
    Ok(PersonInput {
        name: clean(&input.name, "name", NAME_MAX)?,
        title: bounded(&input.title, "title", TITLE_MAX)?,
        department_id: input.department_id,
    })
}

async fn ensure_department(tx: &mut sqlx::SqliteConnection, department_id: Option<Id>) -> Result<()> {
    if let Some(id) = department_id {
        departments::get(&mut *tx, id)
            .await
            .map_err(|e: CoreError| e.on_field("departmentId"))?;
    }
    Ok(())
}
