//! Charts and maps the director saves as pictures.

use std::path::Path;

use crate::error::Result;
use crate::export::image;

pub use crate::export::image::ImageFormat;

/// Writes the image to `path` whole (a temporary file renamed into place); bytes that are not an
/// image of `format` are refused.
pub fn save(path: &Path, format: ImageFormat, bytes: &[u8]) -> Result<()> {
    image::write(path, format, bytes)
}
