//! The options a director writes into a proposal draft: any number, in order, at most one
//! recommended (none by default). A "do nothing" option may be offered from the trend projection
//! as a suggestion, which stays out of the document until the director accepts it.

use std::collections::HashSet;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::{departments, proposal_drafts, proposal_options};
use crate::{Id, Money, Workspace};

pub use crate::repo::proposal_options::{OptionEffect, OptionInput, OptionPhase, OptionResource, OptionRisk, ProposalOption};

const TEXT_MAX: usize = 4_000;
const ROWS_MAX: usize = 100;
/// Ten years of weeks: a longer phase is a typo.
const WEEKS_MAX: i32 = 520;
const PERSON_WEEKS_MAX: f64 = 100_000.0;

pub async fn list(ws: &Workspace, draft_id: Id) -> Result<Vec<ProposalOption>> {
    proposal_drafts::get(ws.pool(), draft_id).await?;
    proposal_options::list_for(ws.pool(), draft_id).await
}

/// Adds an option at the end of the draft's list.
pub async fn create(ws: &Workspace, draft_id: Id, input: OptionInput) -> Result<ProposalOption> {
    let input = checked(ws, input).await?;
    let mut tx = ws.write().await?;
    proposal_drafts::get(&mut *tx, draft_id).await?;
    let id = proposal_options::insert(&mut tx, draft_id, &input, false).await?;
    tx.commit().await?;
    proposal_options::get(ws.pool(), id).await
}

/// Rewrites an option whole. Editing a suggestion does not make it the director's; accepting does.
pub async fn update(ws: &Workspace, id: Id, input: OptionInput) -> Result<ProposalOption> {
    let input = checked(ws, input).await?;
    proposal_options::update(ws.pool(), id, &input).await?;
    proposal_options::get(ws.pool(), id).await
}

/// Deletes an option, or declines a suggestion; the rest close up their order.
pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    let mut tx = ws.write().await?;
    let o = proposal_options::get(&mut *tx, id).await?;
    proposal_options::soft_delete(&mut *tx, id).await?;
    let rest = proposal_options::list_for(&mut *tx, o.draft_id).await?;
    renumber(&mut tx, rest.iter().map(|o| o.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves an option to `position` (0-based, clamped to the list) and returns the list in order.
pub async fn move_to(ws: &Workspace, id: Id, position: i32) -> Result<Vec<ProposalOption>> {
    let mut tx = ws.write().await?;
    let o = proposal_options::get(&mut *tx, id).await?;
    let mut ids: Vec<Id> = proposal_options::list_for(&mut *tx, o.draft_id).await?.into_iter().map(|o| o.id).filter(|x| *x != id).collect();
    let at = usize::try_from(position.max(0)).unwrap_or(0).min(ids.len());
    ids.insert(at, id);
    renumber(&mut tx, ids.into_iter()).await?;
    tx.commit().await?;
    proposal_options::list_for(ws.pool(), o.draft_id).await
}

async fn renumber(tx: &mut sqlx::SqliteConnection, ids: impl Iterator<Item = Id>) -> Result<()> {
    for (n, id) in ids.enumerate() {
        proposal_options::set_position(&mut *tx, id, i32::try_from(n).unwrap_or(i32::MAX)).await?;
    }
    Ok(())
}

/// Marks `option_id` as the draft's one recommendation, or clears it with `None`. A suggestion
/// must be accepted before it can be recommended.
pub async fn set_recommended(ws: &Workspace, draft_id: Id, option_id: Option<Id>) -> Result<Vec<ProposalOption>> {
    let mut tx = ws.write().await?;
    proposal_drafts::get(&mut *tx, draft_id).await?;
    if let Some(id) = option_id {
        let o = proposal_options::get(&mut *tx, id).await?;
        if o.draft_id != draft_id {
            return Err(CoreError::not_found("proposal_option", id).on_field("optionId"));
        }
        if o.suggested {
            return Err(CoreError::new(ErrorCode::ProposalOptionSuggested).on_field("recommended"));
        }
    }
    proposal_options::set_recommended(&mut tx, draft_id, option_id).await?;
    tx.commit().await?;
    proposal_options::list_for(ws.pool(), draft_id).await
}

/// The director takes a suggested option as their own.
pub async fn accept(ws: &Workspace, id: Id) -> Result<ProposalOption> {
    proposal_options::get(ws.pool(), id).await?;
    proposal_options::accept(ws.pool(), id).await?;
    proposal_options::get(ws.pool(), id).await
}

/// Offers the "do nothing" option from the problem's trend projection, as a suggestion; nothing
/// when the draft has no problem, the problem no projection, or the draft already holds one.
pub(crate) async fn suggest_do_nothing(ws: &Workspace, draft_id: Id) -> Result<Option<ProposalOption>> {
    let draft = proposal_drafts::get(ws.pool(), draft_id).await?;
    let Some(problem_id) = draft.subject.problem_id else { return Ok(None) };
    let evidence = crate::evidence::compute(ws, problem_id, draft.language).await?;
    let Some(input) = crate::proposal::options::do_nothing(&evidence, draft.language) else { return Ok(None) };
    let mut tx = ws.write().await?;
    if proposal_options::list_for(&mut *tx, draft_id).await?.iter().any(|o| o.suggested) {
        return Ok(None);
    }
    let id = proposal_options::insert(&mut tx, draft_id, &input, true).await?;
    tx.commit().await?;
    Ok(Some(proposal_options::get(ws.pool(), id).await?))
}

/// Every field checked before anything is written; a bad row is named by its place
/// (`phases.2.weeks`).
async fn checked(ws: &Workspace, mut o: OptionInput) -> Result<OptionInput> {
    use crate::text::{bounded, clean};
    o.title = clean(&o.title, "title", 200)?;
    o.description = bounded(&o.description, "description", TEXT_MAX)?;
    o.pros = bounded(&o.pros, "pros", TEXT_MAX)?;
    o.cons = bounded(&o.cons, "cons", TEXT_MAX)?;
    not_negative(o.cost, "cost")?;
    for (list, len) in [("resources", o.resources.len()), ("phases", o.phases.len()), ("effects", o.effects.len()), ("risks", o.risks.len())] {
        if len > ROWS_MAX {
            return Err(CoreError::new(ErrorCode::TooLong).with("max", ROWS_MAX).on_field(list));
        }
    }
    let known: HashSet<Id> = departments::list(ws.pool()).await?.into_iter().map(|d| d.id).collect();
    for (n, r) in o.resources.iter_mut().enumerate() {
        if !known.contains(&r.department_id) {
            return Err(CoreError::not_found("department", r.department_id).on_field(&format!("resources.{n}.departmentId")));
        }
        if !(r.person_weeks.is_finite() && r.person_weeks > 0.0 && r.person_weeks <= PERSON_WEEKS_MAX) {
            return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).with("max", PERSON_WEEKS_MAX).on_field(&format!("resources.{n}.personWeeks")));
        }
        not_negative(r.cost, &format!("resources.{n}.cost"))?;
        r.note = bounded(&r.note, &format!("resources.{n}.note"), 500)?;
    }
    for (n, p) in o.phases.iter_mut().enumerate() {
        p.name = clean(&p.name, &format!("phases.{n}.name"), 200)?;
        if !(1..=WEEKS_MAX).contains(&p.weeks) {
            return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", WEEKS_MAX).on_field(&format!("phases.{n}.weeks")));
        }
    }
    for (n, e) in o.effects.iter_mut().enumerate() {
        e.metric = clean(&e.metric, &format!("effects.{n}.metric"), 200)?;
        e.unit = bounded(&e.unit, &format!("effects.{n}.unit"), 40)?;
        for (value, field) in [(e.from, "from"), (e.to, "to")] {
            if !value.is_finite() {
                return Err(CoreError::new(ErrorCode::InvalidNumber).on_field(&format!("effects.{n}.{field}")));
            }
        }
    }
    for (n, r) in o.risks.iter_mut().enumerate() {
        r.risk = clean(&r.risk, &format!("risks.{n}.risk"), 1_000)?;
        r.counter_measure = bounded(&r.counter_measure, &format!("risks.{n}.counterMeasure"), 1_000)?;
    }
    Ok(o)
}

fn not_negative(m: Option<Money>, field: &str) -> Result<()> {
    match m {
        Some(m) if m.fen() < 0 => Err(CoreError::new(ErrorCode::OutOfRange).with("min", 0).on_field(field)),
        _ => Ok(()),
    }
}
