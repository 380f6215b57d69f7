//! What each department has promised a project, and whether it delivered.

use crate::error::Result;
use crate::repo::commitments;
use crate::text::clean;
use crate::{Id, Workspace};

pub use crate::repo::commitments::{Commitment, CommitmentInput};

pub async fn of_project(ws: &Workspace, project_id: Id) -> Result<Vec<Commitment>> {
    commitments::list_for(ws.pool(), project_id).await
}

/// Records a commitment; returns the project's commitments.
pub async fn add(ws: &Workspace, project_id: Id, input: CommitmentInput) -> Result<Vec<Commitment>> {
    commitments::insert(ws.pool(), project_id, &check_commitment(input)?).await?;
    commitments::list_for(ws.pool(), project_id).await
}

pub(crate) fn check_commitment(input: CommitmentInput) -> Result<CommitmentInput> {
    Ok(CommitmentInput { description: clean(&input.description, "description", 500)?, ..input })
}

pub async fn set_done(ws: &Workspace, id: Id, done: bool) -> Result<()> {
    commitments::set_done(ws.pool(), id, done).await
}

pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    commitments::delete(ws.pool(), id).await
}
