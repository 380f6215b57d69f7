//! The importer on an .xlsx file: the bytes as the file itself when they start like a zip archive
//! (archive layer, zip-bomb guard), else NUL-separated XML parts packed into a valid archive so
//! the sheet, shared-string, workbook and style readers are reached (see `xlsx_from_parts`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK\x03\x04") {
        liaison_fuzz::import_file(data, "input.xlsx");
    } else {
        liaison_fuzz::import_file(&liaison_fuzz::xlsx_from_parts(data), "input.xlsx");
    }
});
