//! Per-laptop preferences (language, last workspace, window size) in tauri-plugin-store, typed.
//! Nothing a workspace needs lives here: that belongs in the workspace database.

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime};
use tauri_plugin_store::StoreExt;

use liaison_core::Lang;

const STORE_FILE: &str = "preferences.json";
const KEY: &str = "preferences";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Preferences {
    /// None until the user picks one; the UI then starts in zh-CN.
    pub language: Option<Lang>,
    pub last_workspace: Option<String>,
    pub window: Option<WindowSize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct WindowSize {
    pub width: f64,
    pub height: f64,
}

pub fn load<R: Runtime>(app: &AppHandle<R>) -> Preferences {
    app.store(STORE_FILE)
        .ok()
        .and_then(|store| store.get(KEY))
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default()
}

/// Applies `change` and writes the store to disk at once, so a crash loses nothing.
pub fn update<R: Runtime>(app: &AppHandle<R>, change: impl FnOnce(&mut Preferences)) -> Preferences {
    let mut prefs = load(app);
    change(&mut prefs);
    if let Ok(store) = app.store(STORE_FILE) {
        if let Ok(value) = serde_json::to_value(&prefs) {
            store.set(KEY, value);
            let _ = store.save();
        }
    }
    prefs
}
