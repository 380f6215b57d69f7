//! Saving a chart or map the webview drew (PNG or SVG) where the director chooses in the system
//! save dialog; the webview hands over the bytes, never a path.

use tauri::{AppHandle, Runtime};

use liaison_core::service::images::{self, ImageFormat};
use liaison_core::CoreError;

type Res<T> = Result<T, CoreError>;

/// Returns where the image went; None when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn image_save<R: Runtime>(app: AppHandle<R>, file_name: String, format: ImageFormat, bytes: Vec<u8>) -> Res<Option<String>> {
    let ext = format.extension();
    let Some(path) = crate::save_dialog::ask(&app, &ext.to_uppercase(), ext, &format!("{file_name}.{ext}")) else { return Ok(None) };
    images::save(&path, format, &bytes)?;
    Ok(Some(path.display().to_string()))
}
