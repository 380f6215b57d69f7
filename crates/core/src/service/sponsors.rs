//! Who should sponsor a problem: everyone ranked by decision power × how much this problem hurts
//! the KPIs they own × trust × interest, each rank explained in a sentence naming the KPI and its
//! figures; the sponsor the director chooses, and what is in it for them.

use serde::Serialize;

use crate::error::{CoreError, Result};
use crate::impact::{self, Effect};
use crate::lang::Lang;
use crate::repo::{people, problem_effects, problems, proposal_drafts};
use crate::{Id, Workspace};

pub use crate::repo::problems::Problem;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SponsorRank {
    pub person_id: Id,
    pub name: String,
    pub title: String,
    pub department_name: Option<String>,
    pub power: f64,
    pub interest: f64,
    /// None: not recorded; the score counts it as `impact::UNRECORDED_TRUST` and `reason` says so.
    pub trust: Option<i32>,
    /// 0–1: how hard the problem hits the KPI of theirs it hits hardest.
    pub stake: f64,
    /// That effect; None when none of their KPIs is hurt.
    pub hardest: Option<Effect>,
    /// 0–100 = power/10 × stake × trust/5 × interest/10 × 100.
    pub score: f64,
    pub reason: String,
    /// The one the director chose for this problem.
    pub chosen: bool,
}

/// Everyone, best sponsor first. Someone with power and no stake scores 0, below anyone with a stake.
pub async fn for_problem(ws: &Workspace, problem_id: Id, lang: Lang) -> Result<Vec<SponsorRank>> {
    let mut conn = ws.pool().acquire().await?;
    let problem = problems::get(&mut *conn, problem_id).await?;
    let effects = problem_effects::list_for(&mut *conn, problem_id).await?;
    let weights = impact::weights(&effects);
    let mut out: Vec<SponsorRank> = people::list(&mut *conn)
        .await?
        .into_iter()
        .map(|p| {
            let (hardest, stake) = impact::stake_of(p.id, &effects, &weights).map_or((None, 0.0), |(i, w)| (Some(effects[i].clone()), w));
            SponsorRank {
                reason: impact::reason(&impact::who(&p.name, &p.title), hardest.as_ref(), p.power, p.trust, lang),
                score: impact::score(p.power, stake, p.trust, p.interest),
                chosen: problem.sponsor_person_id == Some(p.id),
                person_id: p.id,
                name: p.name,
                title: p.title,
                department_name: p.department_name,
                power: p.power,
                interest: p.interest,
                trust: p.trust,
                stake,
                hardest,
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.stake.total_cmp(&a.stake)).then(b.power.total_cmp(&a.power)).then(a.person_id.cmp(&b.person_id)));
    Ok(out)
}

/// The ranking for a draft proposal's problem.
pub async fn for_proposal(ws: &Workspace, draft_id: Id, lang: Lang) -> Result<Vec<SponsorRank>> {
    let draft = proposal_drafts::get(ws.pool(), draft_id).await?;
    let problem_id = draft.subject.problem_id.ok_or_else(|| CoreError::required("problemId"))?;
    for_problem(ws, problem_id, lang).await
}

/// Sets (or with None clears) the problem's sponsor; returns the problem.
pub async fn choose(ws: &Workspace, problem_id: Id, person_id: Option<Id>) -> Result<Problem> {
    let mut tx = ws.write().await?;
    if let Some(p) = person_id {
        people::get(&mut *tx, p).await.map_err(|e| e.on_field("personId"))?;
    }
    problems::set_sponsor(&mut *tx, problem_id, person_id).await?;
    let problem = problems::get(&mut *tx, problem_id).await?;
    tx.commit().await?;
    Ok(problem)
}

/// What fixing a problem does for one person: the effects on the KPIs they own, each said once.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Benefit {
    pub person_id: Id,
    pub effects: Vec<Effect>,
    /// One per effect, same order.
    pub sentences: Vec<String>,
}

pub async fn what_is_in_it_for(ws: &Workspace, problem_id: Id, person_id: Id, lang: Lang) -> Result<Benefit> {
    let mut conn = ws.pool().acquire().await?;
    problems::get(&mut *conn, problem_id).await?;
    people::get(&mut *conn, person_id).await?;
    let effects: Vec<Effect> = problem_effects::list_for(&mut *conn, problem_id).await?.into_iter().filter(|e| e.owner_person_id == Some(person_id)).collect();
    let sentences = effects.iter().map(|e| impact::benefit(e, lang)).collect();
    Ok(Benefit { person_id, effects, sentences })
}
