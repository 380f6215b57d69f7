use std::path::PathBuf;

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
