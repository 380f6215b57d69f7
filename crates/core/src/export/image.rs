//! A chart or map the webview drew (PNG or SVG), saved where the director chose; the webview
//! hands over the bytes, never a path.

use std::path::Path;

use serde::Deserialize;

use super::files::write_whole;
use crate::error::{CoreError, ErrorCode, Result};

#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
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

pub fn write(path: &Path, format: ImageFormat, bytes: &[u8]) -> Result<()> {
    if !format.accepts(bytes) {
        return Err(CoreError::new(ErrorCode::ExportFailed).with("path", path.display()).with("detail", "not an image"));
    }
    write_whole(path, bytes)
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
