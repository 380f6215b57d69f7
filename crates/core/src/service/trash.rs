//! The trash: everything deleted is only marked, so a restore brings it back as it was; emptying
//! the trash deletes for good (see `repo::trash` for how links are followed).

use crate::error::Result;
use crate::repo::{project_people, trash};
use crate::{Id, Workspace};

pub use crate::repo::trash::{TrashItem, TrashKind, TrashList, LIST_LIMIT};

pub async fn list(ws: &Workspace) -> Result<TrashList> {
    trash::list(ws.pool()).await
}

/// Takes a row out of the trash. A person gets back the project roles their delete removed.
pub async fn restore(ws: &Workspace, kind: TrashKind, id: Id) -> Result<()> {
    let mut tx = ws.write().await?;
    trash::restore(&mut tx, kind, id).await?;
    if kind == TrashKind::Person {
        project_people::restore_trashed_roles(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes for good: one row of the trash, or (`None`) everything in it; returns how many rows.
pub async fn purge(ws: &Workspace, item: Option<(TrashKind, Id)>) -> Result<u64> {
    trash::purge(ws.pool(), item).await
}
