//! Which workspace is open, and where the default and demo files live.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::RwLock;

use liaison_core::{demo, Lang};
use liaison_core::{CoreError, ErrorCode, Workspace};

use crate::prefs;

pub struct AppState {
    current: RwLock<Option<Workspace>>,
    /// The file the user picked for import, so later calls never take a path from the webview.
    import_file: std::sync::Mutex<Option<PathBuf>>,
    pub import_cancel: std::sync::atomic::AtomicBool,
    data_dir: PathBuf,
    /// Why the workspace chosen at start could not be opened, shown once by the UI.
    startup_error: std::sync::Mutex<Option<CoreError>>,
    /// An encrypted workspace the user chose, waiting for its passphrase.
    locked: std::sync::Mutex<Option<PathBuf>>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    pub path: String,
    pub file_name: String,
    pub is_demo: bool,
    /// The file-sync tool whose folder holds the workspace (it would corrupt the live file).
    pub synced_folder: Option<String>,
    /// Protected with a passphrase (SQLCipher).
    pub encrypted: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceStatus {
    pub current: Option<WorkspaceInfo>,
    pub startup_error: Option<CoreError>,
    /// An encrypted workspace waiting for its passphrase: the UI asks for it.
    pub locked: Option<String>,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        AppState {
            current: RwLock::new(None),
            import_file: Default::default(),
            import_cancel: Default::default(),
            data_dir,
            startup_error: Default::default(),
            locked: Default::default(),
        }
    }

    pub fn default_path(&self) -> PathBuf {
        self.data_dir.join("workspace.liaison")
    }

    /// The demo lives in its own folder so its file and backups never sit beside real data.
    pub fn demo_path(&self) -> PathBuf {
        self.data_dir.join("demo").join("demo.liaison")
    }

    pub fn import_file(&self) -> Option<PathBuf> {
        self.import_file.lock().ok().and_then(|f| f.clone())
    }

    pub fn set_import_file(&self, path: PathBuf) {
        if let Ok(mut f) = self.import_file.lock() {
            *f = Some(path);
        }
    }

    pub async fn workspace(&self) -> Result<Workspace, CoreError> {
        injected_fault()?;
        self.current.read().await.clone().ok_or_else(|| CoreError::new(ErrorCode::WorkspaceNotOpen))
    }

    pub async fn status(&self) -> WorkspaceStatus {
        let current = self.current.read().await.as_ref().map(|ws| self.info(ws));
        let startup_error = self.startup_error.lock().ok().and_then(|mut e| e.take());
        let locked = self.locked.lock().ok().and_then(|l| l.as_ref().map(|p| p.display().to_string()));
        WorkspaceStatus { current, startup_error, locked }
    }

    fn info(&self, ws: &Workspace) -> WorkspaceInfo {
        let path = ws.path();
        WorkspaceInfo {
            path: path.display().to_string(),
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            is_demo: path == self.demo_path(),
            synced_folder: liaison_core::workspace::synced_folder::synced_folder(path).map(str::to_owned),
            encrypted: ws.is_encrypted(),
        }
    }

    /// Opens `path` (creating it if new), makes it current, remembers it for the next start. An
    /// encrypted file is kept as `locked` until `unlock` is given its passphrase.
    pub async fn open<R: Runtime>(&self, app: &AppHandle<R>, path: &Path) -> Result<WorkspaceInfo, CoreError> {
        self.open_with(app, path, None).await
    }

    /// Opens the workspace waiting for its passphrase.
    pub async fn unlock<R: Runtime>(&self, app: &AppHandle<R>, passphrase: &str) -> Result<WorkspaceInfo, CoreError> {
        let path = self.locked.lock().ok().and_then(|l| l.clone()).ok_or_else(|| CoreError::new(ErrorCode::WorkspaceNotOpen))?;
        self.open_with(app, &path, Some(passphrase)).await
    }

    /// The user chose not to unlock: the workspace open before (if any) stays.
    pub fn cancel_unlock(&self) {
        self.set_locked(None);
    }

    fn set_locked(&self, path: Option<PathBuf>) {
        if let Ok(mut l) = self.locked.lock() {
            *l = path;
        }
    }

    async fn open_with<R: Runtime>(&self, app: &AppHandle<R>, path: &Path, passphrase: Option<&str>) -> Result<WorkspaceInfo, CoreError> {
        let ws = match Workspace::open_with_passphrase(path, passphrase).await {
            Ok(ws) => ws,
            Err(e) => {
                if matches!(e.code, ErrorCode::WorkspacePassphraseRequired | ErrorCode::WorkspacePassphraseWrong) {
                    self.set_locked(Some(path.to_owned()));
                }
                return Err(e);
            }
        };
        self.set_locked(None);
        let info = self.info(&ws);
        let previous = self.current.write().await.replace(ws);
        if let Some(previous) = previous {
            if previous.path() != path {
                previous.close().await;
            }
        }
        prefs::update(app, |p| p.last_workspace = Some(path.display().to_string()));
        // The daily backup runs beside the work, not in its way (it only reads the workspace); a
        // failure shows on the backups screen and in the log.
        if let Ok(ws) = self.workspace().await {
            tauri::async_runtime::spawn(async move {
                if let Err(e) = liaison_core::service::backup::daily(&ws).await {
                    crate::applog::error("backup", &e.to_string());
                }
            });
        }
        Ok(info)
    }

    /// Sets, changes (`current` and `next`) or removes (`current` only) the open workspace's
    /// passphrase. The core backs up first.
    pub async fn set_passphrase<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        current: Option<&str>,
        next: Option<&str>,
    ) -> Result<WorkspaceInfo, CoreError> {
        self.replace(app, async |ws| match (current, next) {
            (None, Some(next)) => ws.set_passphrase(next).await,
            (Some(current), Some(next)) => ws.change_passphrase(current, next).await,
            (Some(current), None) => ws.remove_passphrase(current).await,
            (None, None) => Ok(ws),
        })
        .await
    }

    /// Replaces the open workspace with one of its backups (the current file is backed up first).
    pub async fn restore<R: Runtime>(&self, app: &AppHandle<R>, file_name: &str) -> Result<WorkspaceInfo, CoreError> {
        self.replace(app, async |ws| liaison_core::service::backup::restore(ws, file_name).await).await
    }

    /// Runs an operation that takes the open workspace and hands back its successor. Whatever
    /// happens, a workspace is open afterwards: the new one, or the one before, reopened with the
    /// passphrase it had.
    async fn replace<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        operation: impl AsyncFnOnce(Workspace) -> Result<Workspace, CoreError>,
    ) -> Result<WorkspaceInfo, CoreError> {
        let ws = self.current.write().await.take().ok_or_else(|| CoreError::new(ErrorCode::WorkspaceNotOpen))?;
        let path = ws.path().to_owned();
        let passphrase = ws.passphrase().map(str::to_owned);
        match operation(ws).await {
            Ok(successor) => {
                let info = self.info(&successor);
                *self.current.write().await = Some(successor);
                Ok(info)
            }
            Err(e) => {
                self.open_with(app, &path, passphrase.as_deref()).await?;
                Err(e)
            }
        }
    }

    /// Opens the demo workspace, building it on first use in the user's language.
    pub async fn open_demo<R: Runtime>(&self, app: &AppHandle<R>, lang: Lang) -> Result<WorkspaceInfo, CoreError> {
        let path = self.demo_path();
        let fresh = !path.exists();
        let info = self.open(app, &path).await?;
        if fresh {
            demo::seed(&self.workspace().await?, lang).await?;
        }
        Ok(info)
    }
}

/// While the file named by `LIAISON_TEST_FAULT_FILE` exists, every call that needs the open
/// workspace fails as a locked database does. The end-to-end tests use it to check that every view
/// shows a failed read as an error, never as an empty list; unset, it costs one variable lookup.
fn injected_fault() -> Result<(), CoreError> {
    match std::env::var_os("LIAISON_TEST_FAULT_FILE") {
        Some(file) if Path::new(&file).exists() => Err(CoreError::new(ErrorCode::Storage).with("detail", "database is locked (fault injected by a test)")),
        _ => Ok(()),
    }
}

/// Picks the workspace at start: `--workspace PATH`, else the last one used. With neither, the UI
/// shows the welcome dialog.
pub fn init<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let data_dir = app.path().app_data_dir()?;
    app.manage(AppState::new(data_dir));
    let state = app.state::<AppState>();
    let chosen = workspace_argument(std::env::args())
        .or_else(|| prefs::load(app).last_workspace.map(PathBuf::from).filter(|p| p.exists()));
    if let Some(path) = chosen {
        match tauri::async_runtime::block_on(state.open(app, &path)) {
            // The UI asks for the passphrase of a locked workspace; that is not an error to show.
            Err(e) if e.code == ErrorCode::WorkspacePassphraseRequired => {}
            Err(e) => *state.startup_error.lock().expect("startup error lock") = Some(e),
            Ok(_) => {}
        }
    }
    Ok(())
}

fn workspace_argument(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--workspace=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter().map(|s| s.to_string()).collect::<Vec<_>>().into_iter()
    }

    #[test]
    fn workspace_argument_in_both_spellings() {
        assert_eq!(workspace_argument(args(&["liaison", "--workspace", "/tmp/a.liaison"])), Some("/tmp/a.liaison".into()));
        assert_eq!(workspace_argument(args(&["liaison", "--workspace=/tmp/b.liaison"])), Some("/tmp/b.liaison".into()));
        assert_eq!(workspace_argument(args(&["liaison"])), None);
        assert_eq!(workspace_argument(args(&["liaison", "--workspace"])), None);
    }
}
