//! Importing incidents from a CSV or XLSX file: reading its columns, checking every row, importing
//! in one transaction; the column mappings a director saved for files of the same shape.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::error::Result;
use crate::import;
use crate::repo::import_presets;
use crate::Workspace;

pub use crate::import::source::TextEncoding;
pub use crate::import::{FileOverview, ImportOptions, ImportReport};
pub use crate::repo::import_presets::{ImportPreset, PresetColumn};

/// The file's sheets, headers, guessed mapping and first rows; `sheet` and `encoding` override
/// what was detected.
pub fn inspect(path: &Path, sheet: Option<&str>, encoding: Option<TextEncoding>) -> Result<FileOverview> {
    import::inspect(path, sheet, encoding)
}

/// Checks every row without writing anything.
pub async fn preview(ws: &Workspace, path: &Path, options: &ImportOptions, cancel: &AtomicBool) -> Result<ImportReport> {
    import::run(ws, path, options, true, &|_| {}, cancel).await
}

/// Imports in one transaction; `progress` gets the share done (0..=1), `cancel` stops it with
/// nothing written.
pub async fn run(ws: &Workspace, path: &Path, options: &ImportOptions, progress: &(dyn Fn(f64) + Sync), cancel: &AtomicBool) -> Result<ImportReport> {
    import::run(ws, path, options, false, progress, cancel).await
}

pub async fn presets(ws: &Workspace) -> Result<Vec<ImportPreset>> {
    import_presets::list(ws.pool()).await
}

/// Saves (or replaces) a named mapping; returns every preset.
pub async fn save_preset(ws: &Workspace, name: &str, columns: &[PresetColumn]) -> Result<Vec<ImportPreset>> {
    import_presets::save(ws.pool(), name, columns).await?;
    import_presets::list(ws.pool()).await
}
