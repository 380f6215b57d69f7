//! Where an export goes: the system save dialog, never a path from the webview.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Set by the end-to-end tests, which cannot drive the system save dialog; never by the webview.
const TEST_SAVE_FILE: &str = "LIAISON_TEST_SAVE_FILE";

/// Asks where to save a `.ext` file named `file_name`; None when the user cancels.
pub fn ask<R: Runtime>(app: &AppHandle<R>, filter_name: &str, ext: &str, file_name: &str) -> Option<PathBuf> {
    match std::env::var_os(TEST_SAVE_FILE) {
        Some(p) => Some(PathBuf::from(p)),
        None => app
            .dialog()
            .file()
            .add_filter(filter_name, &[ext])
            .set_file_name(file_name)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}
