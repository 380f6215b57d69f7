//! Importing incidents from CSV and XLSX: look at the file, map its columns, preview every bad
//! row with its line number, then import in one transaction.

pub mod fields;
pub mod source;
pub mod values;
mod writer;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::Workspace;
pub use fields::Field;
use source::{detect_encoding, detect_kind, file_error, read_sample, FileKind, Row, Rows, TextEncoding, MAX_COLUMNS};

const SAMPLE_ROWS: usize = 5;
/// Bad rows kept for the preview; the count goes on past it.
const MAX_ISSUES: usize = 1000;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FileOverview {
    pub kind: FileKind,
    /// None for XLSX; for CSV what was detected (the user may override it).
    pub encoding: Option<TextEncoding>,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub guessed: Vec<Option<Field>>,
    pub sample: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub sheet: Option<String>,
    pub encoding: Option<TextEncoding>,
    /// For each column of the file, the field it fills (None: ignored).
    pub mapping: Vec<Option<Field>>,
    /// Import the valid rows and skip the bad ones, instead of importing nothing.
    pub valid_rows_only: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RowIssue {
    pub line: u32,
    pub error: CoreError,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub rows: u32,
    pub inserted: u32,
    pub updated: u32,
    pub invalid: u32,
    /// The first bad rows, with line numbers and reasons.
    pub issues: Vec<RowIssue>,
    /// Rows whose incident is in the trash: reported, not restored.
    pub in_trash: Vec<RowIssue>,
    pub dispatched_by_rule: u32,
    pub to_triage: u32,
    pub created_departments: Vec<String>,
    pub created_stores: Vec<String>,
    /// False for a preview, and when bad rows stopped an all-or-nothing import.
    pub committed: bool,
}

impl ImportReport {
    fn issue(&mut self, line: u64, error: CoreError) {
        self.invalid += 1;
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(RowIssue { line: line as u32, error });
        }
    }
}

/// Reads the headers and a few rows so the user can map columns.
pub fn inspect(path: &Path, sheet: Option<&str>, encoding: Option<TextEncoding>) -> Result<FileOverview> {
    let (kind, mut rows, sheets, encoding) = open(path, sheet, encoding)?;
    let headers = headers(path, &mut rows)?;
    let mut sample = Vec::new();
    while sample.len() < SAMPLE_ROWS {
        match rows.next_row() {
            Some(Ok(row)) if row.cells.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(row)) => sample.push(row.cells),
            Some(Err(_)) => continue,
            None => break,
        }
    }
    let guessed = fields::guess(&headers);
    if guessed.iter().all(Option::is_none) {
        return Err(file_error(ErrorCode::ImportNoMappableColumns, path));
    }
    Ok(FileOverview { kind, encoding: (kind == FileKind::Csv).then_some(encoding), sheets, headers, guessed, sample })
}

/// Checks every row and, unless `dry_run`, imports in one transaction. `progress` gets the share
/// done (0..=1); setting `cancel` stops the import with nothing written.
pub async fn run(
    ws: &Workspace,
    path: &Path,
    options: &ImportOptions,
    dry_run: bool,
    progress: &(dyn Fn(f64) + Sync),
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    let (_, mut rows, _, _) = open(path, options.sheet.as_deref(), options.encoding)?;
    let headers = headers(path, &mut rows)?;
    let mapping = validate_mapping(path, &options.mapping, headers.len())?;
    let total_bytes = std::fs::metadata(path).map(|m| m.len().max(1)).unwrap_or(1);

    // Immediate: the writer numbers new incidents itself, so no other write may slip in between.
    let mut tx = ws.pool().begin_with("BEGIN IMMEDIATE").await?;
    let mut writer = writer::Writer::prepare(&mut tx, &mapping).await?;
    let mut report = ImportReport::default();
    let mut count: u64 = 0;
    while let Some(next) = rows.next_row() {
        count += 1;
        if count % 2048 == 0 {
            if cancel.load(Ordering::Relaxed) {
                return Err(CoreError::new(ErrorCode::Cancelled));
            }
            progress(rows.fraction_done(total_bytes));
        }
        let Row { line, cells } = match next {
            Ok(row) => row,
            Err((line, error)) => {
                report.rows += 1;
                report.issue(line, error);
                continue;
            }
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        report.rows += 1;
        if cells.len() > MAX_COLUMNS {
            report.issue(line, CoreError::new(ErrorCode::ImportTooManyColumns).with("count", cells.len()).with("max", MAX_COLUMNS));
            continue;
        }
        match writer.parse(&cells) {
            Ok(record) => writer.write(&mut tx, line, record, &mut report).await?,
            Err(error) => report.issue(line, error),
        }
    }
    writer.flush(&mut tx, &mut report).await?;
    progress(1.0);
    report.created_departments = writer.created_departments();
    report.created_stores = writer.created_stores();
    let blocked = report.invalid > 0 && !options.valid_rows_only;
    if dry_run || blocked {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        report.committed = true;
    }
    Ok(report)
}

fn open(path: &Path, sheet: Option<&str>, encoding: Option<TextEncoding>) -> Result<(FileKind, Rows, Vec<String>, TextEncoding)> {
    match detect_kind(path)? {
        FileKind::Xlsx => {
            let (rows, sheets) = Rows::open_xlsx(path, sheet)?;
            Ok((FileKind::Xlsx, rows, sheets, TextEncoding::Utf8))
        }
        FileKind::Csv => {
            let encoding = match encoding {
                Some(e) => e,
                None => detect_encoding(&read_sample(path, 1 << 16)?)
                    .ok_or_else(|| file_error(ErrorCode::ImportUnknownEncoding, path))?,
            };
            Ok((FileKind::Csv, Rows::open_csv(path, encoding)?, Vec::new(), encoding))
        }
    }
}

/// The first non-blank row, as headers.
fn headers(path: &Path, rows: &mut Rows) -> Result<Vec<String>> {
    loop {
        match rows.next_row() {
            None => return Err(file_error(ErrorCode::ImportEmptyFile, path)),
            Some(Err((line, e))) => return Err(e.with("line", line)),
            Some(Ok(row)) if row.cells.iter().all(|c| c.trim().is_empty()) => continue,
            Some(Ok(row)) if row.cells.len() > MAX_COLUMNS => {
                return Err(file_error(ErrorCode::ImportTooManyColumns, path).with("count", row.cells.len()).with("max", MAX_COLUMNS))
            }
            Some(Ok(row)) => return Ok(row.cells.into_iter().map(|c| c.trim().to_owned()).collect()),
        }
    }
}

fn validate_mapping(path: &Path, mapping: &[Option<Field>], columns: usize) -> Result<Vec<Option<Field>>> {
    let mut mapping = mapping.to_vec();
    mapping.resize(columns, None);
    let has = |f: Field| mapping.contains(&Some(f));
    if mapping.iter().all(Option::is_none) {
        return Err(file_error(ErrorCode::ImportNoMappableColumns, path));
    }
    if !has(Field::OpenedAt) {
        return Err(CoreError::new(ErrorCode::ImportFieldNotMapped).with("field", "opened_at"));
    }
    if !has(Field::Title) && !has(Field::ProblemType) {
        return Err(CoreError::new(ErrorCode::ImportFieldNotMapped).with("field", "title"));
    }
    Ok(mapping)
}
