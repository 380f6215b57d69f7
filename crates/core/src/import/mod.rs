//! Importing incidents from CSV and XLSX: look at the file, map its columns, preview every bad
//! row with its line number, then import in one transaction.

pub mod fields;
pub mod history;
pub mod lists;
pub mod source;
pub mod values;
mod writer;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, ErrorCode, Result};
use crate::Workspace;
pub use fields::Field;
pub use lists::{ListKind, NewEntries, ValueMapping};
use source::{detect_encoding, detect_kind, file_error, read_sample, FileKind, Row, Rows, TextEncoding, Unreadable, MAX_COLUMNS};

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
    /// Values of the file to take as existing entries instead of creating them.
    #[serde(default)]
    pub values: Vec<ValueMapping>,
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
    /// The entries the import creates in the reference lists, by kind in `ListKind::ALL` order;
    /// only kinds with some.
    pub new_entries: Vec<NewEntries>,
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
            Some(Err(Unreadable::Row(..))) => continue,
            Some(Err(Unreadable::File(error))) => return Err(error),
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
    let mut tx = ws.write().await?;
    let (mut writer, parser) = writer::Writer::prepare(&mut tx, &mapping, &options.values).await?;
    let (reader, mut received) = spawn_reader(rows, parser, total_bytes, path)?;
    let mut report = ImportReport::default();
    while let Some(chunk) = received.recv().await {
        if cancel.load(Ordering::Relaxed) {
            return Err(CoreError::new(ErrorCode::Cancelled));
        }
        for checked in chunk.rows {
            report.rows += 1;
            match checked {
                Checked::Row(line, record) => writer.write(&mut tx, line, record, &mut report).await?,
                Checked::Bad(line, error) => report.issue(line, error),
                Checked::Unreadable(error) => return Err(error),
            }
        }
        progress(chunk.done);
    }
    // The channel also closes when the reading thread panicked: never commit a partial import.
    let lists = reader.join().map_err(|_| file_error(ErrorCode::ImportUnreadable, path))?;
    writer.finish(&mut tx, &mut report).await?;
    let mut new_entries: Vec<NewEntries> = writer.new_entries().into_iter().chain(lists.create(&mut tx).await?).collect();
    new_entries.retain(|e| !e.names.is_empty());
    new_entries.sort_by_key(|e| e.kind);
    report.new_entries = new_entries;
    progress(1.0);
    let blocked = report.invalid > 0 && !options.valid_rows_only;
    if dry_run || blocked {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        report.committed = true;
    }
    Ok(report)
}

/// Rows read and checked ahead of the writer, at most this many chunks of `CHUNK_ROWS`.
const CHUNKS_AHEAD: usize = 4;
const CHUNK_ROWS: usize = 1024;

/// Checks a file's rows on the reading thread: the incident writer's parser, the event history's.
trait RowParser: Send + 'static {
    type Parsed: Send + 'static;
    /// What the parser gathered over the whole file, handed back when the thread ends.
    type Done: Send + 'static;
    fn parse(&mut self, line: u64, cells: &[String]) -> Result<Self::Parsed>;
    fn finish(self) -> Self::Done;
}

impl RowParser for writer::Parser {
    type Parsed = writer::Parsed;
    type Done = lists::TextLists;
    fn parse(&mut self, _line: u64, cells: &[String]) -> Result<writer::Parsed> {
        writer::Parser::parse(self, cells)
    }
    fn finish(self) -> lists::TextLists {
        self.into_lists()
    }
}

/// One non-blank row of the file, checked. Nearly every row is a `Row`: boxing it would cost an
/// allocation per row to save space on the rare bad one.
#[allow(clippy::large_enum_variant)]
enum Checked<T> {
    Row(u64, T),
    Bad(u64, CoreError),
    /// The file cannot be read past this point: the import fails whole.
    Unreadable(CoreError),
}

struct Chunk<T> {
    rows: Vec<Checked<T>>,
    /// Share of the file read, 0..=1.
    done: f64,
}

/// Starts reading and checking the rows on a thread of its own, a chunk ahead of the statements
/// SQLite runs for the chunk before, so the two overlap when a second core is free. The channel
/// also closes when the thread panicked: join it before committing anything.
fn spawn_reader<P: RowParser>(rows: Rows, parser: P, total_bytes: u64, path: &Path) -> Result<(std::thread::JoinHandle<P::Done>, tokio::sync::mpsc::Receiver<Chunk<P::Parsed>>)> {
    let (chunks, received) = tokio::sync::mpsc::channel(CHUNKS_AHEAD);
    let reader = std::thread::Builder::new()
        .name("liaison-import-reader".into())
        .spawn(move || read_and_check(rows, parser, total_bytes, &chunks))
        .map_err(|e| file_error(ErrorCode::ImportUnreadable, path).with("detail", e))?;
    Ok((reader, received))
}

/// Reads, decodes and checks every row, sending them on a chunk at a time; stops when the
/// import stops listening (cancelled or failed). Returns what the parser gathered.
fn read_and_check<P: RowParser>(mut rows: Rows, mut parser: P, total_bytes: u64, chunks: &tokio::sync::mpsc::Sender<Chunk<P::Parsed>>) -> P::Done {
    let mut checked = Vec::with_capacity(CHUNK_ROWS);
    while let Some(next) = rows.next_row() {
        checked.push(match next {
            Err(Unreadable::Row(line, error)) => Checked::Bad(line, error),
            Err(Unreadable::File(error)) => Checked::Unreadable(error),
            Ok(Row { cells, .. }) if cells.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(Row { line, cells }) if cells.len() > MAX_COLUMNS => Checked::Bad(
                line,
                CoreError::new(ErrorCode::ImportTooManyColumns).with("count", cells.len()).with("max", MAX_COLUMNS),
            ),
            Ok(Row { line, cells }) => match parser.parse(line, &cells) {
                Ok(record) => Checked::Row(line, record),
                Err(error) => Checked::Bad(line, error),
            },
        });
        if checked.len() == CHUNK_ROWS {
            let chunk = Chunk { rows: std::mem::replace(&mut checked, Vec::with_capacity(CHUNK_ROWS)), done: rows.fraction_done(total_bytes) };
            if chunks.blocking_send(chunk).is_err() {
                return parser.finish();
            }
        }
    }
    let _ = chunks.blocking_send(Chunk { rows: checked, done: 1.0 });
    parser.finish()
}

pub(crate) fn open(path: &Path, sheet: Option<&str>, encoding: Option<TextEncoding>) -> Result<(FileKind, Rows, Vec<String>, TextEncoding)> {
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
pub(crate) fn headers(path: &Path, rows: &mut Rows) -> Result<Vec<String>> {
    loop {
        match rows.next_row() {
            None => return Err(file_error(ErrorCode::ImportEmptyFile, path)),
            Some(Err(Unreadable::Row(line, e))) => return Err(e.with("line", line)),
            Some(Err(Unreadable::File(e))) => return Err(e),
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
