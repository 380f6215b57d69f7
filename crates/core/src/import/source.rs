//! Reading a CSV or XLSX file as rows of text, streaming where the format allows.

use std::fs::File;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::Read;
use std::path::Path;

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

/// Rows of a file. The first row holds the headers.
pub enum Rows {
    Csv { reader: csv::Reader<LineCounting<File>>, encoding: TextEncoding, record: csv::ByteRecord, first: bool },
    /// The sheet's non-empty cells in (row, column) order; a row is laid out only when it is read.
    Xlsx { cells: std::iter::Peekable<std::vec::IntoIter<((u32, u32), Data)>>, first_column: u32, width: usize, total: usize },
}

type XlsxCells = Vec<((u32, u32), Data)>;

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

    pub fn open_xlsx(path: &Path, sheet: Option<&str>) -> Result<(Rows, Vec<String>)> {
        check_zip_bomb(path)?;
        // calamine indexes some tables with numbers from the file (a shared string past the end
        // of the table, found by fuzzing): a panic in it is a file we cannot read, not a crash.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_xlsx(path, sheet)));
        let (sheets, mut cells) = read.unwrap_or_else(|panic| {
            let detail = panic.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| panic.downcast_ref::<String>().cloned());
            Err(file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", detail.unwrap_or_default()))
        })?;
        cells.sort_by_key(|(position, _)| *position);
        let first_column = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
        let last_column = cells.iter().map(|((_, c), _)| *c).max().unwrap_or(0);
        let width = ((last_column - first_column) as usize + 1).min(XLSX_MAX_WIDTH);
        let total = cells.len();
        Ok((Rows::Xlsx { cells: cells.into_iter().peekable(), first_column, width, total }, sheets))
    }

    /// How far through the file reading is, 0..=1.
    pub fn fraction_done(&self, total_bytes: u64) -> f64 {
        match self {
            Rows::Csv { reader, .. } => (reader.position().byte() as f64 / total_bytes as f64).min(1.0),
            Rows::Xlsx { cells, total, .. } => 1.0 - cells.len() as f64 / (*total).max(1) as f64,
        }
    }

    /// The next row, or an error naming its line; None at the end.
    pub fn next_row(&mut self) -> Option<std::result::Result<Row, (u64, CoreError)>> {
        match self {
            Rows::Xlsx { cells, first_column, width, .. } => {
                // Every row as wide as the sheet, blank rows left out (the importer skips them).
                let row = cells.peek()?.0 .0;
                let mut out = vec![String::new(); *width];
                while let Some(((_, column), value)) = cells.next_if(|((r, _), _)| *r == row) {
                    if let Some(slot) = out.get_mut((column - *first_column) as usize) {
                        *slot = cell_text(&value);
                    }
                }
                Some(Ok(Row { line: row as u64 + 1, cells: out }))
            }
            Rows::Csv { reader, encoding, record, first } => {
                let line = reader.get_ref().line_at(reader.position().byte());
                match reader.read_byte_record(record) {
                    Ok(false) => None,
                    Err(e) => Some(Err((line, CoreError::new(ErrorCode::ImportMalformedRow).with("detail", e)))),
                    Ok(true) => {
                        let line = record.position().map(|p| reader.get_ref().line_at(p.byte())).unwrap_or(line);
                        let mut cells = Vec::with_capacity(record.len());
                        for (i, field) in record.iter().enumerate() {
                            let field = if i == 0 && *first { field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field) } else { field };
                            match decode(field, *encoding) {
                                Some(text) => cells.push(text),
                                None => {
                                    return Some(Err((line, CoreError::new(ErrorCode::ImportBadEncoding).with("column", i + 1))))
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

/// The sheet names and the chosen sheet's non-empty cells, unordered, as calamine reads them.
fn read_xlsx(path: &Path, sheet: Option<&str>) -> Result<(Vec<String>, XlsxCells)> {
    let mut book: Xlsx<_> = calamine::open_workbook(path)
        .map_err(|e| file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", e))?;
    let sheets = book.sheet_names().to_vec();
    let name = match sheet {
        Some(s) => sheets.iter().find(|n| *n == s).cloned().ok_or_else(|| {
            file_error(ErrorCode::ImportSheetNotFound, path).with("sheet", s)
        })?,
        None => sheets.first().cloned().ok_or_else(|| file_error(ErrorCode::ImportEmptyFile, path))?,
    };
    // Only the cells the file has: calamine's `worksheet_range` lays the sheet out densely, so
    // two cells at A1 and XFD1048576 would ask for half a terabyte.
    let mut cells = Vec::new();
    match book.worksheet_cells_reader(&name) {
        Ok(mut reader) => loop {
            match reader.next_cell() {
                Ok(Some(cell)) if *cell.get_value() == DataRef::Empty => {}
                Ok(Some(cell)) => cells.push((cell.get_position(), Data::from(cell.get_value().clone()))),
                Ok(None) => break,
                Err(e) => return Err(file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", e)),
            }
        },
        // A chart sheet, say: no rows, as calamine's own range reader has it.
        Err(XlsxError::NotAWorksheet(_)) => {}
        Err(e) => return Err(file_error(ErrorCode::ImportUnsupportedFile, path).with("detail", e)),
    }
    Ok((sheets, cells))
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
        assert_eq!((rows[0].0, &rows[0].1[..2]), (1, &["标题".to_owned(), "登记时间".to_owned()][..]));
        assert_eq!(rows[0].1.len(), 16_384, "every row as wide as the sheet");
        assert_eq!((rows[1].0, rows[1].1[16_383].as_str()), (1_048_576, "1"));
    }

    #[test]
    fn rows_keep_their_line_numbers_and_columns() {
        // Cells out of order, a gap row, a sheet starting at B2: the same rows calamine's range gave.
        let dir = tempfile::tempdir().unwrap();
        let path = xlsx(dir.path(), r#"<sheetData><row r="4"><c r="C4"><v>2.5</v></c><c r="B4" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>标题</t></is></c><c r="C2" t="inlineStr"><is><t>成本</t></is></c><c r="D2" t="b"><v>1</v></c></row></sheetData>"#);
        let (mut rows, _) = Rows::open_xlsx(&path, None).unwrap();
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(all_rows(&mut rows), [(2, strings(&["标题", "成本", "1"])), (4, strings(&["x", "2.5", ""]))]);
        assert_eq!(rows.fraction_done(1), 1.0);
    }

    #[test]
    fn a_shared_string_past_the_table_is_a_file_we_cannot_read() {
        // Found by fuzzing (fuzz/): calamine indexes its shared-string table with the cell's number
        // and panicked, in release builds too, taking the import command down.
        let dir = tempfile::tempdir().unwrap();
        let path = xlsx(dir.path(), r#"<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>"#);
        let err = Rows::open_xlsx(&path, None).err().expect("refused");
        assert_eq!(err.code, ErrorCode::ImportUnsupportedFile);
        assert!(err.params.contains_key("file"), "the message names the file: {err:?}");
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
