//! Reading a CSV or XLSX file as rows of text, streaming where the format allows.

use std::fs::File;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::Read;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender};

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
use serde::{Deserialize, Serialize};

use super::values::excel_serial_to_local;
use crate::error::{CoreError, ErrorCode, Result};

/// More columns than any ticket export has; a row past it is malformed, not data.
pub const MAX_COLUMNS: usize = 200;
/// Uncompressed size above which an XLSX is refused (zip bombs expand to many GB).
const XLSX_MAX_UNCOMPRESSED: u64 = 1 << 30;
const XLSX_MAX_RATIO: u64 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum TextEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "gb18030")]
    Gb18030,
}

/// One row of cells with the line (CSV) or row number (XLSX) the user sees in their file.
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

pub fn file_error(code: ErrorCode, path: &Path) -> CoreError {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    CoreError::new(code).with("file", name)
}

/// Tells CSV from XLSX by content, not by name; anything else is refused.
pub fn detect_kind(path: &Path) -> Result<FileKind> {
    let mut head = [0u8; 8192];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| file_error(ErrorCode::ImportUnreadable, path).with("detail", e))?;
    let head = &head[..n];
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(file_error(ErrorCode::ImportEmptyFile, path));
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(FileKind::Xlsx);
    }
    // Text files have no NUL bytes; images, PDFs and old .xls files do.
    if head.contains(&0) {
        return Err(file_error(ErrorCode::ImportUnsupportedFile, path));
    }
    Ok(FileKind::Csv)
}

/// UTF-8 (with or without BOM) if the sample is valid UTF-8, else GB18030 if it decodes cleanly.
pub fn detect_encoding(sample: &[u8]) -> Option<TextEncoding> {
    let body = sample.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(sample);
    match std::str::from_utf8(body) {
        Ok(_) => return Some(TextEncoding::Utf8),
        // A sample cut in the middle of a character is still UTF-8.
        Err(e) if e.error_len().is_none() => return Some(TextEncoding::Utf8),
        Err(_) => {}
    }
    let (_, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(sample);
    (!had_errors).then_some(TextEncoding::Gb18030)
}

pub fn read_sample(path: &Path, len: usize) -> Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(len);
    File::open(path)
        .and_then(|f| f.take(len as u64).read_to_end(&mut buf))
        .map_err(|e| file_error(ErrorCode::ImportUnreadable, path).with("detail", e))?;
    Ok(buf)
}

/// Why a row could not be read: that row is bad and the rest of the file goes on, or the file
/// cannot be read past it and the whole import fails.
pub enum Unreadable {
    Row(u64, CoreError),
    File(CoreError),
}

/// Rows of a file. The first row holds the headers.
pub enum Rows {
    Csv { reader: csv::Reader<LineCounting<File>>, encoding: TextEncoding, record: csv::ByteRecord, first: bool },
    /// Rows from the thread reading the sheet; `at_row` is the last one received.
    Xlsx { received: Receiver<FromSheet>, last_row: u32, at_row: u32 },
}

/// Excel's own column limit (XFD). A cell further right only comes from a damaged or hostile file.
const XLSX_MAX_WIDTH: usize = 16_384;

impl Rows {
    pub fn open_csv(path: &Path, encoding: TextEncoding) -> Result<Rows> {
        let file = File::open(path).map_err(|e| file_error(ErrorCode::ImportUnreadable, path).with("detail", e))?;
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(LineCounting::new(file));
        Ok(Rows::Csv { reader, encoding, record: csv::ByteRecord::new(), first: true })
    }

    /// Opens the sheet on a thread of its own that reads it row by row, a few rows ahead: a sheet
    /// of any size takes the memory of those rows (and calamine's shared-string table).
    pub fn open_xlsx(path: &Path, sheet: Option<&str>) -> Result<(Rows, Vec<String>)> {
        check_zip_bomb(path)?;
        let (sender, received) = std::sync::mpsc::sync_channel(XLSX_ROWS_AHEAD);
        let (owned, sheet) = (path.to_owned(), sheet.map(str::to_owned));
        std::thread::Builder::new()
            .name("liaison-xlsx-reader".into())
            .spawn(move || read_sheet(&owned, sheet.as_deref(), &sender))
            .map_err(|e| file_error(ErrorCode::ImportUnreadable, path).with("detail", e))?;
        match received.recv() {
            Ok(FromSheet::Opened { sheets, last_row }) => Ok((Rows::Xlsx { received, last_row, at_row: 0 }, sheets)),
            Ok(FromSheet::Failed(error)) => Err(error),
            Ok(FromSheet::Row(_)) | Err(_) => Err(file_error(ErrorCode::ImportUnsupportedFile, path)),
        }
    }

    /// How far through the file reading is, 0..=1.
    pub fn fraction_done(&self, total_bytes: u64) -> f64 {
        match self {
            Rows::Csv { reader, .. } => (reader.position().byte() as f64 / total_bytes as f64).min(1.0),
            Rows::Xlsx { last_row, at_row, .. } if *last_row > 0 => (f64::from(*at_row) / f64::from(*last_row)).min(1.0),
            Rows::Xlsx { .. } => 0.0,
        }
    }

    /// The next row, or why it cannot be read; None at the end.
    pub fn next_row(&mut self) -> Option<std::result::Result<Row, Unreadable>> {
        match self {
            Rows::Xlsx { received, at_row, .. } => match received.recv().ok()? {
                FromSheet::Row(row) => {
                    *at_row = row.line as u32;
                    Some(Ok(row))
                }
                // The sheet opened, so the file is an XLSX damaged from here on. A row is whole
                // only once the next starts: the line is the first row not read whole.
                FromSheet::Failed(error) => {
                    let damaged = CoreError { code: ErrorCode::ImportDamagedFile, ..error };
                    Some(Err(Unreadable::File(damaged.with("line", u64::from(*at_row) + 1))))
                }
                FromSheet::Opened { .. } => None,
            },
            Rows::Csv { reader, encoding, record, first } => {
                let line = reader.get_ref().line_at(reader.position().byte());
                match reader.read_byte_record(record) {
                    Ok(false) => None,
                    Err(e) => Some(Err(Unreadable::Row(line, CoreError::new(ErrorCode::ImportMalformedRow).with("detail", e)))),
                    Ok(true) => {
                        let line = record.position().map(|p| reader.get_ref().line_at(p.byte())).unwrap_or(line);
                        let mut cells = Vec::with_capacity(record.len());
                        for (i, field) in record.iter().enumerate() {
                            let field = if i == 0 && *first { field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field) } else { field };
                            match decode(field, *encoding) {
                                Some(text) => cells.push(text),
                                None => {
                                    return Some(Err(Unreadable::Row(line, CoreError::new(ErrorCode::ImportBadEncoding).with("column", i + 1))))
                                }
                            }
                        }
                        *first = false;
                        Some(Ok(Row { line, cells }))
                    }
                }
            }
        }
    }
}

/// What the thread reading a sheet sends: the sheet names and the sheet's last row (from its
/// `<dimension>`, for progress), then the rows, or a failure that ends the file.
pub enum FromSheet {
    Opened { sheets: Vec<String>, last_row: u32 },
    Row(Row),
    Failed(CoreError),
}

/// Rows the sheet's thread may read ahead of the import.
const XLSX_ROWS_AHEAD: usize = 64;

fn read_sheet(path: &Path, sheet: Option<&str>, out: &SyncSender<FromSheet>) {
    // calamine indexes some tables with numbers from the file (a shared string past the end
    // of the table, found by fuzzing): a panic in it is a file we cannot read, not a crash.
    let failure = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stream_sheet(path, sheet, out))) {
        Ok(Ok(())) => return,
        Ok(Err(error)) => error,
        Err(panic) => {
            let detail = panic.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| panic.downcast_ref::<String>().cloned());
            file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", detail.unwrap_or_default())
        }
    };
    let _ = out.send(FromSheet::Failed(failure));
}

/// Sends the chosen sheet's rows in the file's order, each laid out from the cells it has; stops
/// early, without error, when the import stops listening.
fn stream_sheet(path: &Path, sheet: Option<&str>, out: &SyncSender<FromSheet>) -> Result<()> {
    let unsupported = |e: XlsxError| file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", e);
    let mut book: Xlsx<_> = calamine::open_workbook(path).map_err(unsupported)?;
    let sheets = book.sheet_names().to_vec();
    let name = match sheet {
        Some(s) => sheets.iter().find(|n| *n == s).cloned().ok_or_else(|| {
            file_error(ErrorCode::ImportSheetNotFound, path).with("sheet", s)
        })?,
        None => sheets.first().cloned().ok_or_else(|| file_error(ErrorCode::ImportEmptyFile, path))?,
    };
    // Only the cells the file has: calamine's `worksheet_range` lays the sheet out densely, so
    // two cells at A1 and XFD1048576 would ask for half a terabyte.
    let mut reader = match book.worksheet_cells_reader(&name) {
        Ok(reader) => reader,
        // A chart sheet, say: no rows, as calamine's own range reader has it.
        Err(XlsxError::NotAWorksheet(_)) => {
            let _ = out.send(FromSheet::Opened { sheets, last_row: 0 });
            return Ok(());
        }
        Err(e) => return Err(unsupported(e)),
    };
    if out.send(FromSheet::Opened { sheets, last_row: reader.dimensions().end.0 }).is_err() {
        return Ok(());
    }
    let mut layout = RowLayout::default();
    loop {
        let (row, end) = match reader.next_cell().map_err(unsupported)? {
            Some(cell) if *cell.get_value() == DataRef::Empty => continue,
            Some(cell) => (layout.add(cell.get_position(), cell_text(&Data::from(cell.get_value().clone()))), false),
            None => (layout.finish(), true),
        };
        if let Some(row) = row {
            if out.send(FromSheet::Row(row)).is_err() {
                return Ok(());
            }
        }
        if end {
            return Ok(());
        }
    }
}

/// Gathers a row's cells as the sheet lists them and lays the row out when the next one starts.
/// Columns count from the first non-blank row's first cell (a sheet may start at B2).
#[derive(Default)]
struct RowLayout {
    first_column: Option<u32>,
    row: Option<u32>,
    cells: Vec<(u32, String)>,
}

impl RowLayout {
    /// Adds a cell; returns the row before it when this cell starts a new one.
    fn add(&mut self, (row, column): (u32, u32), text: String) -> Option<Row> {
        let done = if self.row.is_some_and(|r| r != row) { self.finish() } else { None };
        self.row = Some(row);
        self.cells.push((column, text));
        done
    }

    /// The row gathered so far, as wide as its cells reach.
    fn finish(&mut self) -> Option<Row> {
        let row = self.row.take()?;
        let cells = std::mem::take(&mut self.cells);
        if self.first_column.is_none() {
            self.first_column = cells.iter().filter(|(_, t)| !t.trim().is_empty()).map(|(c, _)| *c).min();
        }
        let first = self.first_column.unwrap_or(0);
        let width = cells.iter().filter_map(|(c, _)| c.checked_sub(first)).max().map_or(0, |w| w as usize + 1).min(XLSX_MAX_WIDTH);
        let mut out = vec![String::new(); width];
        for (column, text) in cells {
            if let Some(slot) = column.checked_sub(first).and_then(|i| out.get_mut(i as usize)) {
                *slot = text;
            }
        }
        Some(Row { line: u64::from(row) + 1, cells: out })
    }
}

/// Counts line breaks as bytes stream through, so a record's line is right whatever the line
/// endings (the csv crate's own count is off by one per CRLF). Holds only the newlines still in
/// the csv reader's buffer: memory stays bounded on any file size.
pub struct LineCounting<R> {
    inner: R,
    offset: u64,
    pending: RefCell<VecDeque<u64>>,
    passed: Cell<u64>,
}

impl<R> LineCounting<R> {
    fn new(inner: R) -> Self {
        LineCounting { inner, offset: 0, pending: RefCell::new(VecDeque::new()), passed: Cell::new(0) }
    }

    /// The 1-based line of the byte at `offset`; offsets must not go backwards.
    fn line_at(&self, offset: u64) -> u64 {
        let mut pending = self.pending.borrow_mut();
        // `<=`: after a CRLF the csv reader puts the next record's start on the LF itself.
        while pending.front().is_some_and(|&nl| nl <= offset) {
            pending.pop_front();
            self.passed.set(self.passed.get() + 1);
        }
        self.passed.get() + 1
    }
}

impl<R: Read> Read for LineCounting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut pending = self.pending.borrow_mut();
        pending.extend(buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| self.offset + i as u64));
        self.offset += n as u64;
        Ok(n)
    }
}

fn decode(bytes: &[u8], encoding: TextEncoding) -> Option<String> {
    match encoding {
        TextEncoding::Utf8 => std::str::from_utf8(bytes).ok().map(str::to_owned),
        TextEncoding::Gb18030 => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            (!had_errors).then(|| text.into_owned())
        }
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 { format!("{}", *f as i64) } else { f.to_string() }
        }
        Data::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
        Data::DateTime(dt) => excel_serial_to_local(dt.as_f64())
            .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
            .unwrap_or_else(|| dt.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn check_zip_bomb(path: &Path) -> Result<()> {
    let file = File::open(path).map_err(|e| file_error(ErrorCode::ImportUnreadable, path).with("detail", e))?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|e| file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", e))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", e))?;
        total = total.saturating_add(entry.size());
        let suspicious_ratio = entry.size() > (10 << 20) && entry.size() / entry.compressed_size().max(1) > XLSX_MAX_RATIO;
        if total > XLSX_MAX_UNCOMPRESSED || suspicious_ratio {
            return Err(file_error(ErrorCode::ImportXlsxTooLarge, path));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(detect_encoding("工单号,门店\n".as_bytes()), Some(TextEncoding::Utf8));
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFid,store\n"), Some(TextEncoding::Utf8));
        let (gbk, _, _) = encoding_rs::GBK.encode("工单号,门店\n上海一店");
        assert_eq!(detect_encoding(&gbk), Some(TextEncoding::Gb18030));
        // 0xFF is never valid in UTF-8 nor in GB18030.
        assert_eq!(detect_encoding(b"id,\xFF\xFF\xFF\n"), None);
        // A sample cut inside a UTF-8 character is still UTF-8.
        let cut = &"门店".as_bytes()[..4];
        assert_eq!(detect_encoding(cut), Some(TextEncoding::Utf8));
    }

    /// A one-sheet .xlsx around `sheet` (the worksheet XML), as a file in `dir`.
    fn xlsx(dir: &Path, sheet: &str) -> std::path::PathBuf {
        use std::io::Write;
        const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
        const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let path = dir.join("sheet.xlsx");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        let parts = [
            ("[Content_Types].xml", r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", format!(r#"<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)),
            ("xl/_rels/workbook.xml.rels", format!(r#"<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)),
            ("xl/workbook.xml", format!(r#"<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets><sheet name="问题" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
            ("xl/worksheets/sheet1.xml", format!(r#"<worksheet xmlns="{MAIN}">{sheet}</worksheet>"#)),
        ];
        for (name, body) in parts {
            zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    fn all_rows(rows: &mut Rows) -> Vec<(u64, Vec<String>)> {
        std::iter::from_fn(|| rows.next_row()).map(|r| r.ok().unwrap()).map(|r| (r.line, r.cells)).collect()
    }

    #[test]
    fn far_apart_cells_are_read_without_laying_out_the_sheet() {
        // Found by fuzzing (fuzz/): a 400-byte sheet with cells at A1 and XFD1048576 made calamine's
        // dense range ask for 550 GB, and the app died.
        let dir = tempfile::tempdir().unwrap();
        let path = xlsx(dir.path(), r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>登记时间</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#);
        let (mut rows, sheets) = Rows::open_xlsx(&path, None).unwrap();
        assert_eq!(sheets, ["问题"]);
        let rows = all_rows(&mut rows);
        assert_eq!(rows.len(), 2, "blank rows in between are not laid out");
        assert_eq!((rows[0].0, &rows[0].1[..]), (1, &["标题".to_owned(), "登记时间".to_owned()][..]));
        assert_eq!(rows[1].1.len(), 16_384, "a row is as wide as its own cells reach");
        assert_eq!((rows[1].0, rows[1].1[16_383].as_str()), (1_048_576, "1"));
    }

    #[test]
    fn rows_keep_their_line_numbers_and_columns() {
        // Cells out of order within a row, a gap row, a sheet starting at B2, a short row.
        let dir = tempfile::tempdir().unwrap();
        let path = xlsx(dir.path(), r#"<dimension ref="B2:D5"/><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>标题</t></is></c><c r="C2" t="inlineStr"><is><t>成本</t></is></c><c r="D2" t="b"><v>1</v></c></row><row r="4"><c r="C4"><v>2.5</v></c><c r="B4" t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="A5"><v>7</v></c><c r="C5"><v>3</v></c></row></sheetData>"#);
        let (mut rows, _) = Rows::open_xlsx(&path, None).unwrap();
        assert_eq!(rows.fraction_done(1), 0.0);
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        // A5 is left of the headers' first column: no header names it, so it is not read.
        assert_eq!(all_rows(&mut rows), [(2, strings(&["标题", "成本", "1"])), (4, strings(&["x", "2.5"])), (5, strings(&["", "3"]))]);
        assert_eq!(rows.fraction_done(1), 1.0);
    }

    #[tokio::test]
    async fn a_shared_string_past_the_table_is_a_file_we_cannot_read() {
        // Found by fuzzing (fuzz/): calamine indexes its shared-string table with the cell's number
        // and panicked, in release builds too, taking the import command down. Read row by row, the
        // broken cell may come after good rows: the import then fails whole, naming the file.
        let dir = tempfile::tempdir().unwrap();
        let broken = |r: u32| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>3</v></c></row>"#);
        let path = xlsx(dir.path(), &format!("<sheetData>{}</sheetData>", broken(1)));
        let err = super::super::inspect(&path, None, None).expect_err("refused");
        assert_eq!((err.code, err.params.get("line").map(ToString::to_string)), (ErrorCode::ImportDamagedFile, Some("1".into())));
        assert!(err.params.contains_key("file"), "the message names the file: {err:?}");

        let good = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>问题类型</t></is></c><c r="B1" t="inlineStr"><is><t>登记时间</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>包装破损</t></is></c><c r="B2" t="inlineStr"><is><t>2024/3/5</t></is></c></row>"#;
        let path = xlsx(dir.path(), &format!("<sheetData>{good}{}</sheetData>", broken(3)));
        // The preview's sample reaches row 3 too, and says so.
        assert_eq!(super::super::inspect(&path, None, None).unwrap_err().code, ErrorCode::ImportDamagedFile);
        let ws = crate::Workspace::open(&dir.path().join("w.liaison")).await.unwrap();
        let mapping = vec![Some(super::super::Field::ProblemType), Some(super::super::Field::OpenedAt)];
        let options = super::super::ImportOptions { mapping, valid_rows_only: true, ..Default::default() };
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let err = super::super::run(&ws, &path, &options, false, &|_| {}, &cancel).await.unwrap_err();
        // Row 2 is whole only once row 3 starts, so the message names the first row not read whole.
        assert_eq!((err.code, err.params.get("line").map(ToString::to_string)), (ErrorCode::ImportDamagedFile, Some("2".into())));
        assert_eq!(crate::repo::count_live(ws.pool(), "incidents").await.unwrap(), 0, "not even the good row, asked for valid rows only");
    }

    #[test]
    fn a_reversed_dimension_is_read() {
        // Found by fuzzing (fuzz/): `<dimension ref="C5:A1"/>` is legal and made calamine subtract
        // past zero (tafia/calamine#692), a panic in debug builds: calamine builds without overflow
        // checks in every profile now, as in release (root Cargo.toml).
        let dir = tempfile::tempdir().unwrap();
        let path = xlsx(dir.path(), r#"<dimension ref="C5:A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row><row r="5"><c r="C5"><v>9</v></c></row></sheetData>"#);
        let (mut rows, _) = Rows::open_xlsx(&path, None).unwrap();
        let rows = all_rows(&mut rows);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [1, 5]);
        assert_eq!(rows[1].1[2], "9");
    }
}
