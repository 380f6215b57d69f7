use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::departments;
use crate::repo::people;

pub use crate::repo::people::{Person, PersonInput, Stance};
use crate::repo::project_people;
use crate::text::{bounded, clean, pinyin_key};
use crate::{Id, Workspace};

const NAME_MAX: usize = 60;
const TITLE_MAX: usize = 80;
/// Deeper than any real org chart; a longer chain means bad data, not a hierarchy.
const CHAIN_MAX: i64 = 64;

pub async fn list(ws: &Workspace) -> Result<Vec<Person>> {
    people::list(ws.pool()).await
}

pub async fn create(ws: &Workspace, input: PersonInput) -> Result<Person> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_links(&mut tx, &input, None).await?;
    let id = people::insert(&mut *tx, &input, &pinyin_key(&input.name)).await?;
    let created = people::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(created)
}

pub async fn update(ws: &Workspace, id: Id, input: PersonInput) -> Result<Person> {
    let input = validate(input)?;
    let mut tx = ws.write().await?;
    ensure_links(&mut tx, &input, Some(id)).await?;
    people::update(&mut *tx, id, &input, &pinyin_key(&input.name)).await?;
    let updated = people::get(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(updated)
}

/// Dragging on the power/interest grid.
pub async fn place(ws: &Workspace, id: Id, power: f64, interest: f64) -> Result<Person> {
    let power = scale(power, "power")?;
    let interest = scale(interest, "interest")?;
    people::place(ws.pool(), id, power, interest).await?;
    people::get(ws.pool(), id).await
}

/// Moves a person to the trash. Someone who holds a project role is only deleted when the caller
/// says to remove those roles too (the trash keeps them for a restore); otherwise the error names
/// the projects and nothing changes.
pub async fn delete(ws: &Workspace, id: Id, remove_project_roles: bool) -> Result<()> {
    let mut tx = ws.write().await?;
    let projects = project_people::project_titles_of(&mut *tx, id).await?;
    if !projects.is_empty() {
        if !remove_project_roles {
            return Err(CoreError::new(ErrorCode::PersonInProjects).with("projects", projects.join("、")).with("count", projects.len()));
        }
        project_people::move_to_trash(&mut tx, id).await?;
    }
    people::soft_delete(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// 0–10 with one decimal: finer than anyone can place a person by hand.
fn scale(value: f64, field: &str) -> Result<f64> {
    if !(0.0..=10.0).contains(&value) || value.is_nan() {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).with("max", 10).on_field(field));
    }
    Ok((value * 10.0).round() / 10.0)
}

fn validate(input: PersonInput) -> Result<PersonInput> {
    if input.trust.is_some_and(|t| !(1..=5).contains(&t)) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 5).on_field("trust"));
    }
    if !(1..=365).contains(&input.contact_every_days) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 365).on_field("contactEveryDays"));
    }
    Ok(PersonInput {
        name: clean(&input.name, "name", NAME_MAX)?,
        title: bounded(&input.title, "title", TITLE_MAX)?,
        power: scale(input.power, "power")?,
        interest: scale(input.interest, "interest")?,
        ..input
    })
}

async fn ensure_links(tx: &mut sqlx::SqliteConnection, input: &PersonInput, id: Option<Id>) -> Result<()> {
    if let Some(d) = input.department_id {
        departments::get(&mut *tx, d).await.map_err(|e: CoreError| e.on_field("departmentId"))?;
    }
    let Some(manager) = input.reports_to_id else { return Ok(()) };
    let manager_person = people::get(&mut *tx, manager).await.map_err(|e| e.on_field("reportsToId"))?;
    let Some(id) = id else { return Ok(()) };
    // A cycle: the new manager is this person, or reports (directly or not) to this person.
    if manager == id || people::managers_of(&mut *tx, manager, CHAIN_MAX).await?.contains(&id) {
        return Err(CoreError::new(ErrorCode::ReportsToCycle).with("manager", manager_person.name).on_field("reportsToId"));
    }
    Ok(())
}
