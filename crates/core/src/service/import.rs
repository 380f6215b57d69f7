//! Importing incidents from a CSV or XLSX file: reading its columns, checking every row, importing
//! in one transaction; the column mappings a director saved for files of the same shape.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::error::Result;
use crate::import;
use crate::repo::{import_presets, reference};
use crate::text::pinyin_key;
use crate::Workspace;

pub use crate::import::source::TextEncoding;
pub use crate::import::{FileOverview, ImportOptions, ImportReport, ListKind, NewEntries, ValueMapping};
pub use crate::repo::import_presets::{ImportPreset, PresetColumn};
pub use crate::repo::reference::NamedEntry;

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

/// Saves (or replaces) a named mapping of columns and values; returns every preset.
pub async fn save_preset(ws: &Workspace, name: &str, columns: &[PresetColumn], values: &[ValueMapping]) -> Result<Vec<ImportPreset>> {
    import_presets::save(ws.pool(), name, columns, values).await?;
    import_presets::list(ws.pool()).await
}

/// The entries of a list a new value can be mapped to (not archived), in pinyin order.
pub async fn mapping_targets(ws: &Workspace, kind: ListKind) -> Result<Vec<NamedEntry>> {
    let mut entries = reference::search_named(ws.pool(), import::lists::table(kind), "", false).await?;
    // Entries written before their list kept a pinyin key still get one to search by.
    for entry in entries.iter_mut().filter(|e| e.name_key.is_empty()) {
        entry.name_key = pinyin_key(&entry.name);
    }
    entries.sort_by(|a, b| a.name_key.cmp(&b.name_key).then(a.id.cmp(&b.id)));
    Ok(entries)
}
