//! Saving a chart or map the webview drew (PNG or SVG) where the director chooses in the system
//! save dialog; the webview hands over the bytes, never a path.

use serde::Deserialize;
use tauri::{AppHandle, Runtime};

use liaison_core::export::files::write_whole;
use liaison_core::{CoreError, ErrorCode};

type Res<T> = Result<T, CoreError>;

#[derive(Debug, Clone, Copy, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }

    /// The bytes really are such an image: a PNG signature, or SVG markup.
    fn accepts(self, bytes: &[u8]) -> bool {
        match self {
            ImageFormat::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            ImageFormat::Svg => {
                let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
                head.trim_start().starts_with("<svg") || head.trim_start().starts_with("<?xml")
            }
        }
    }
}

/// Returns where the image went; None when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn image_save<R: Runtime>(app: AppHandle<R>, file_name: String, format: ImageFormat, bytes: Vec<u8>) -> Res<Option<String>> {
    if !format.accepts(&bytes) {
        return Err(CoreError::new(ErrorCode::ExportFailed).with("path", &file_name).with("detail", "not an image"));
    }
    let ext = format.extension();
    let Some(path) = crate::save_dialog::ask(&app, &ext.to_uppercase(), ext, &format!("{file_name}.{ext}")) else { return Ok(None) };
    write_whole(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::ImageFormat;

    #[test]
    fn only_real_images_are_written() {
        assert!(ImageFormat::Png.accepts(b"\x89PNG\r\n\x1a\n rest"));
        assert!(!ImageFormat::Png.accepts(b"<svg/>"));
        assert!(ImageFormat::Svg.accepts(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        assert!(ImageFormat::Svg.accepts(b"  <SVG></SVG>"));
        assert!(!ImageFormat::Svg.accepts(b"#!/bin/sh\nrm -rf ~"));
        assert!(!ImageFormat::Png.accepts(b""));
    }
}
