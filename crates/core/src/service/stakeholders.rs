//! The stakeholder map's reasoning: who could sponsor a project (decision power × how much it
//! touches what they are measured on × trust), how healthy each relationship is against the
//! contact rhythm we intend, what a project offers each member, and the intelligence, contacts
//! and favours that feed them.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::error::{CoreError, ErrorCode, Result};
use crate::repo::interactions;
use crate::repo::ledger_entries;
use crate::repo::people::{self, Person};
use crate::repo::person_notes;
use crate::repo::project_people::{self, ProjectRole};
use crate::repo::relationships;
use crate::repo::projects;
pub use crate::metrics::METRICS;
pub use crate::metrics::parse_metrics;
pub use crate::repo::interactions::{Interaction, InteractionInput, InteractionKind};
pub use crate::repo::ledger_entries::{Direction, LedgerEntry, LedgerInput, LedgerKind};
pub use crate::repo::person_notes::{NoteInput, NoteKind, PersonNote};
pub use crate::repo::project_people::ProjectMember;
pub use crate::repo::relationships::{RelationKind, Relationship};
use crate::service::projects::Replan;
use crate::text::{bounded, clean};
use crate::{Id, Workspace};

const TEXT_MAX: usize = 500;
const DAY_MS: i64 = 86_400_000;

fn check_metric(metric: &Option<String>) -> Result<Option<String>> {
    match metric.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => Ok(None),
        Some(m) if METRICS.contains(&m) => Ok(Some(m.to_owned())),
        Some(m) => Err(CoreError::new(ErrorCode::InvalidChoice).with("value", m).on_field("metric")),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub person: Person,
    pub notes: Vec<PersonNote>,
    pub interactions: Vec<Interaction>,
    pub ledger: Vec<LedgerEntry>,
    /// Weight given minus weight received.
    pub balance: i64,
    pub projects: Vec<String>,
}

pub async fn profile(ws: &Workspace, id: Id) -> Result<Profile> {
    let mut conn = ws.pool().acquire().await?;
    let person = people::get(&mut *conn, id).await?;
    let ledger = ledger_entries::list_for(&mut *conn, id).await?;
    let balance = ledger.iter().map(|e| i64::from(e.weight) * if e.direction == ledger_entries::Direction::Given { 1 } else { -1 }).sum();
    Ok(Profile {
        person,
        notes: person_notes::list_for(&mut *conn, id).await?,
        interactions: interactions::list_for(&mut *conn, id).await?,
        ledger,
        balance,
        projects: project_people::project_titles_of(&mut *conn, id).await?,
    })
}

/// Adds a private note; returns the person's profile as it now stands.
pub async fn add_note(ws: &Workspace, person_id: Id, n: NoteInput) -> Result<Profile> {
    let n = NoteInput { text: clean(&n.text, "text", TEXT_MAX)?, source: bounded(&n.source, "source", 100)?, metric: check_metric(&n.metric)?, ..n };
    people::get(ws.pool(), person_id).await?;
    person_notes::insert(ws.pool(), person_id, &n).await?;
    profile(ws, person_id).await
}

/// A logged contact: the person's profile as it now stands, and the follow-ups it answered with
/// the dates it moved (each can be undone with `projects::undo_replan`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Logged {
    pub profile: Profile,
    pub replans: Vec<Replan>,
}

/// Records a contact; returns the person's profile and the follow-ups it answered.
pub async fn log_interaction(ws: &Workspace, person_id: Id, i: InteractionInput) -> Result<Logged> {
    let (_, replans) = record_interaction(ws, person_id, i).await?;
    Ok(Logged { profile: profile(ws, person_id).await?, replans })
}

/// Records a contact, which answers the follow-ups of the projects this person is a counterpart
/// of; returns its id and those re-plans.
pub(crate) async fn record_interaction(ws: &Workspace, person_id: Id, i: InteractionInput) -> Result<(Id, Vec<Replan>)> {
    if !(-2..=2).contains(&i.sentiment) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", -2).with("max", 2).on_field("sentiment"));
    }
    let next_step = bounded(&i.next_step, "nextStep", TEXT_MAX)?;
    if i.next_step_due.is_some() && next_step.is_empty() {
        return Err(CoreError::required("nextStep"));
    }
    let i = InteractionInput { summary: bounded(&i.summary, "summary", 2_000)?, next_step, ..i };
    let offset = crate::repo::settings::month_offset_seconds(ws.pool()).await?;
    let mut tx = ws.write().await?;
    people::get(&mut *tx, person_id).await?;
    let id = interactions::insert(&mut *tx, person_id, &i).await?;
    let Some(day) = chrono::DateTime::from_timestamp_millis(i.happened_at + offset * 1000) else {
        return Err(CoreError::new(ErrorCode::InvalidDate).with("value", i.happened_at).on_field("happenedAt"));
    };
    let replans = crate::service::projects::on_interaction(&mut tx, person_id, day.date_naive(), id).await?;
    tx.commit().await?;
    Ok((id, replans))
}

/// Records a favour given or received; returns the person's profile as it now stands.
pub async fn add_ledger_entry(ws: &Workspace, person_id: Id, e: LedgerInput) -> Result<Profile> {
    if !(1..=5).contains(&e.weight) {
        return Err(CoreError::new(ErrorCode::OutOfRange).with("min", 1).with("max", 5).on_field("weight"));
    }
    let e = LedgerInput { description: clean(&e.description, "description", TEXT_MAX)?, meeting: bounded(&e.meeting, "meeting", 100)?, ..e };
    people::get(ws.pool(), person_id).await?;
    ledger_entries::insert(ws.pool(), person_id, &e).await?;
    profile(ws, person_id).await
}

/// Records how two people stand to each other; returns every relationship.
pub async fn add_relationship(ws: &Workspace, from: Id, to: Id, kind: RelationKind, note: &str) -> Result<Vec<Relationship>> {
    if from == to {
        return Err(CoreError::new(ErrorCode::SamePerson).on_field("toPersonId"));
    }
    let note = bounded(note, "note", TEXT_MAX)?;
    let mut tx = ws.write().await?;
    people::get(&mut *tx, from).await?;
    people::get(&mut *tx, to).await.map_err(|e| e.on_field("toPersonId"))?;
    if relationships::exists(&mut *tx, from, to, kind).await? {
        return Err(CoreError::new(ErrorCode::RelationshipExists).on_field("toPersonId"));
    }
    relationships::insert(&mut *tx, from, to, kind, &note).await?;
    tx.commit().await?;
    relationships::list(ws.pool()).await
}

/// How a relationship is doing against the rhythm we intend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContactHealth {
    pub person_id: Id,
    /// None: never contacted.
    pub days_since: Option<i64>,
    pub every_days: i32,
    /// 0–100: 70 % recency against the rhythm, 30 % the mood of the last three contacts.
    pub score: i32,
    pub overdue: bool,
    /// Open next steps whose due date has passed.
    pub late_next_steps: u32,
}

/// Recency is full within the rhythm and falls to nothing at twice it.
fn health_score(days_since: Option<i64>, every_days: i32, recent_sentiments: &[i32]) -> i32 {
    let every = f64::from(every_days.max(1));
    let recency = match days_since {
        None => 0.0,
        Some(d) if (d as f64) <= every => 1.0,
        Some(d) => (1.0 - (d as f64 - every) / every).max(0.0),
    };
    let mood = if recent_sentiments.is_empty() {
        0.5
    } else {
        let mean = recent_sentiments.iter().map(|s| f64::from(*s)).sum::<f64>() / recent_sentiments.len() as f64;
        (mean + 2.0) / 4.0
    };
    (70.0 * recency + 30.0 * mood).round() as i32
}

/// Everyone, most neglected first.
pub async fn contact_health(ws: &Workspace, now: i64) -> Result<Vec<ContactHealth>> {
    let people = people::list(ws.pool()).await?;
    let mut by_person: HashMap<Id, Vec<Interaction>> = HashMap::new();
    for i in interactions::list_all(ws.pool()).await? {
        by_person.entry(i.person_id).or_default().push(i);
    }
    let mut out: Vec<ContactHealth> = people
        .iter()
        .map(|p| {
            let contacts = by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
            let days_since = contacts.first().map(|i| (now - i.happened_at).max(0) / DAY_MS);
            let sentiments: Vec<i32> = contacts.iter().take(3).map(|i| i.sentiment).collect();
            ContactHealth {
                person_id: p.id,
                days_since,
                every_days: p.contact_every_days,
                score: health_score(days_since, p.contact_every_days, &sentiments),
                overdue: days_since.is_none_or(|d| d > i64::from(p.contact_every_days)),
                late_next_steps: contacts.iter().filter(|i| !i.next_step_done && i.next_step_due.is_some_and(|d| d < now)).count() as u32,
            }
        })
        .collect();
    out.sort_by_key(|h| (h.score, h.person_id));
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SponsorCandidate {
    pub person_id: Id,
    pub power: f64,
    /// None: not recorded, counted as `impact::UNRECORDED_TRUST`.
    pub trust: Option<i32>,
    /// The person's KPIs and pain points that the problem moves: the reason they would care.
    pub matched: Vec<PersonNote>,
    /// 0–1: the share of the problem's metrics (at most two needed) their KPIs touch.
    pub relevance: f64,
    /// 0–100 = power/10 × relevance × trust/5 × 100.
    pub score: f64,
}

/// Ranks everyone for a problem or project that moves `metrics`.
pub async fn find_sponsors(ws: &Workspace, metrics: &[String]) -> Result<Vec<SponsorCandidate>> {
    let wanted: BTreeSet<&str> = metrics.iter().map(String::as_str).filter(|m| METRICS.contains(m)).collect();
    if wanted.is_empty() {
        return Err(CoreError::required("metrics"));
    }
    let mut notes: HashMap<Id, Vec<PersonNote>> = HashMap::new();
    for n in person_notes::metric_notes(ws.pool()).await? {
        if n.metric.as_deref().is_some_and(|m| wanted.contains(m)) {
            notes.entry(n.person_id).or_default().push(n);
        }
    }
    // Touching two of the problem's metrics is already the whole reason to care.
    let needed = wanted.len().min(2) as f64;
    let mut out: Vec<SponsorCandidate> = people::list(ws.pool())
        .await?
        .into_iter()
        .map(|p| {
            let matched = notes.remove(&p.id).unwrap_or_default();
            let distinct: BTreeSet<&str> = matched.iter().filter_map(|n| n.metric.as_deref()).collect();
            let relevance = (distinct.len() as f64 / needed).min(1.0);
            let trust = f64::from(p.trust.unwrap_or(crate::impact::UNRECORDED_TRUST));
            let score = (p.power / 10.0 * relevance * trust / 5.0 * 1000.0).round() / 10.0;
            SponsorCandidate { person_id: p.id, power: p.power, trust: p.trust, matched, relevance, score }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.power.total_cmp(&a.power)));
    Ok(out)
}

/// What a project offers one of its members: their KPIs and pains it moves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MemberBenefit {
    pub person_id: Id,
    pub roles: Vec<ProjectRole>,
    pub matched: Vec<PersonNote>,
}

pub async fn what_is_in_it_for_them(ws: &Workspace, project_id: Id) -> Result<Vec<MemberBenefit>> {
    let project = projects::get(ws.pool(), project_id).await?;
    let metrics = parse_metrics(&project.input.impact_metrics);
    let members = project_people::list(ws.pool()).await?;
    let notes = person_notes::metric_notes(ws.pool()).await?;
    let mut out: Vec<MemberBenefit> = Vec::new();
    for m in members.into_iter().filter(|m| m.project_id == project_id) {
        match out.iter_mut().find(|b| b.person_id == m.person_id) {
            Some(b) => b.roles.push(m.role),
            None => out.push(MemberBenefit {
                person_id: m.person_id,
                roles: vec![m.role],
                matched: notes
                    .iter()
                    .filter(|n| n.person_id == m.person_id && n.metric.as_ref().is_some_and(|x| metrics.contains(x)))
                    .cloned()
                    .collect(),
            }),
        }
    }
    Ok(out)
}


pub async fn delete_note(ws: &Workspace, id: Id) -> Result<()> {
    person_notes::soft_delete(ws.pool(), id).await
}

pub async fn set_next_step_done(ws: &Workspace, interaction_id: Id, done: bool) -> Result<()> {
    interactions::set_next_step_done(ws.pool(), interaction_id, done).await
}

pub async fn delete_interaction(ws: &Workspace, id: Id) -> Result<()> {
    interactions::soft_delete(ws.pool(), id).await
}

pub async fn delete_ledger_entry(ws: &Workspace, id: Id) -> Result<()> {
    ledger_entries::soft_delete(ws.pool(), id).await
}

pub async fn relationships(ws: &Workspace) -> Result<Vec<Relationship>> {
    relationships::list(ws.pool()).await
}

pub async fn delete_relationship(ws: &Workspace, id: Id) -> Result<()> {
    relationships::soft_delete(ws.pool(), id).await
}

/// Everyone's roles on every project.
pub async fn project_members(ws: &Workspace) -> Result<Vec<ProjectMember>> {
    project_people::list(ws.pool()).await
}

/// [`find_sponsors`] for `metrics`, or for the project's own metrics when `metrics` is empty.
pub async fn sponsors_for(ws: &Workspace, metrics: Vec<String>, project_id: Option<Id>) -> Result<Vec<SponsorCandidate>> {
    let metrics = match (metrics.is_empty(), project_id) {
        (true, Some(p)) => parse_metrics(&projects::get(ws.pool(), p).await?.input.impact_metrics),
        _ => metrics,
    };
    find_sponsors(ws, &metrics).await
}

#[cfg(test)]
mod tests {
    use super::health_score;

    #[test]
    fn health_falls_after_the_rhythm_and_follows_the_mood() {
        assert_eq!(health_score(Some(10), 30, &[2]), 100);
        assert_eq!(health_score(Some(10), 30, &[0]), 85);
        assert_eq!(health_score(Some(45), 30, &[0]), 50, "half-way to twice the rhythm");
        assert_eq!(health_score(Some(60), 30, &[-2]), 0);
        assert_eq!(health_score(None, 30, &[]), 15, "never contacted");
    }
}
