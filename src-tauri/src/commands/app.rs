//! Commands of the app itself: its version and data folder, preferences, the first-paint mark and
//! the page's error reports.

use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use liaison_core::Lang;

use crate::prefs::{self, Preferences};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
}

#[tauri::command]
#[specta::specta]
pub fn app_info<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: app.package_info().version.to_string(),
        data_dir: state.default_path().parent().map(|p| p.display().to_string()).unwrap_or_default(),
    }
}

/// The page calls this once its first data is on screen: the background sweeps may start, and the
/// start-up benchmark reads the mark.
#[tauri::command]
#[specta::specta]
pub fn mark_first_data<R: Runtime>(app: AppHandle<R>) {
    if std::env::var_os("LIAISON_STARTUP_MARK").is_some() {
        println!("LIAISON_FIRST_DATA {}", chrono::Utc::now().timestamp_millis());
    }
    app.state::<crate::sweeps::FirstPaint>().painted();
}

/// What went wrong in the page (a read that failed, an uncaught error) goes to the app's log.
#[tauri::command]
#[specta::specta]
pub fn ui_error_report(kind: String, message: String) {
    crate::applog::error(&format!("ui.{}", kind.chars().filter(char::is_ascii_alphanumeric).take(20).collect::<String>()), &message.chars().take(2000).collect::<String>());
}

#[tauri::command]
#[specta::specta]
pub fn prefs_get<R: Runtime>(app: AppHandle<R>) -> Preferences {
    prefs::load(&app)
}

#[tauri::command]
#[specta::specta]
pub fn prefs_set_language<R: Runtime>(app: AppHandle<R>, language: Lang) -> Preferences {
    prefs::update(&app, |p| p.language = Some(language))
}
