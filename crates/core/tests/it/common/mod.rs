use std::path::PathBuf;

use liaison_core::service::incident_records::IncidentInput;
use liaison_core::Workspace;

pub struct TempWorkspace {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
}

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
pub async fn insert_records(ws: &Workspace, records: Vec<IncidentInput>) {
    liaison_core::testing::insert_records(ws, records).await.unwrap();
}
