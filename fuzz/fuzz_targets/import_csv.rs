//! The importer on any bytes saved as a .csv file: encoding detection, streaming rows, header
//! guessing, the dry-run preview with dates, waits, money and yes/no read from every cell.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    liaison_fuzz::import_file(data, "input.csv");
});
