use std::path::PathBuf;

use liaison_core::repo::incidents::{self, IncidentInput, NewIncident};
use liaison_core::Workspace;

#[allow(dead_code)] // each test binary uses its own part of this helper
pub struct TempWorkspace {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
}

#[allow(dead_code)]
impl TempWorkspace {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("test.liaison")
    }
}

pub async fn temp_workspace() -> TempWorkspace {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("test.liaison")).await.unwrap();
    TempWorkspace { dir, ws }
}

/// Writes incidents the way an import does (one batched insert), without a file.
#[allow(dead_code)]
pub async fn insert_records(ws: &Workspace, records: Vec<IncidentInput>) {
    let rows: Vec<NewIncident> = records.into_iter().map(|record| NewIncident { id: None, content_hash: None, record }).collect();
    let mut conn = ws.pool().acquire().await.unwrap();
    incidents::insert_many(&mut conn, &rows).await.unwrap();
}
