//! What the fuzz targets share. Each target drives the core through the entry points the app's
//! commands call, on real files, and checks what must hold whatever the input:
//!
//! - import: `import::inspect` (the column-mapping screen, with the encoding and sheet overrides
//!   the user can pick), then `import::run` as a dry run (the preview of bad rows) on a real
//!   workspace file, with the mapping the inspection guessed. Nothing may panic, and a dry run
//!   never commits.
//! - proposal: a template as the director saves it (or a document as they edit it), read with
//!   the same JSON codec as the database rows, filled, and rendered to Markdown and DOCX. The
//!   Markdown has no raw `<` or `>`, every XML part of the DOCX is well-formed XML, and a document
//!   reads back from its stored JSON unchanged.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

use liaison_core::import::{self, source::TextEncoding, ImportOptions};
use liaison_core::proposal::fill::{self, Context};
use liaison_core::proposal::{self, context, Document, ProposalTemplate};
use liaison_core::service::proposals::{self, ProposalFormat};
use liaison_core::Workspace;

/// A folder of this process's own, under `TMPDIR` (scripts/fuzz.sh points it into fuzz/target).
///
/// Also puts Rust's default panic hook back in place of libfuzzer-sys's, which aborts on every
/// panic, even one the core catches on purpose (calamine's, in `source::Rows::open_xlsx`). A panic
/// that reaches the target still crashes the run: libfuzzer-sys aborts when it unwinds to it.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        drop(std::panic::take_hook());
        let dir = std::env::temp_dir().join(format!("liaison-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime"))
}

/// One real workspace file for the whole run; dry runs roll back, so it stays as created.
fn workspace() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| runtime().block_on(Workspace::open(&scratch().join("fuzz.liaison"))).expect("workspace"))
}

/// The importer on `bytes` saved as a file called `name` (the name only shows in messages: the
/// format is told from the content, as in the app).
pub fn import_file(bytes: &[u8], name: &str) {
    let path = scratch().join(name);
    std::fs::write(&path, bytes).expect("write the input file");
    let Ok(overview) = import::inspect(&path, None, None) else { return };
    assert_eq!(overview.headers.len(), overview.guessed.len(), "one guess per header");
    assert!(overview.sample.len() <= 5, "a preview of a few rows");

    // What the user may pick on the mapping screen: the other encoding, another sheet.
    if let Some(detected) = overview.encoding {
        let other = match detected {
            TextEncoding::Utf8 => TextEncoding::Gb18030,
            TextEncoding::Gb18030 => TextEncoding::Utf8,
        };
        let _ = import::inspect(&path, None, Some(other));
    }
    for sheet in overview.sheets.iter().skip(1).take(2) {
        let _ = import::inspect(&path, Some(sheet), None);
    }

    let options = ImportOptions { mapping: overview.guessed, valid_rows_only: true, ..Default::default() };
    let cancel = AtomicBool::new(false);
    let report = runtime().block_on(import::run(workspace(), &path, &options, true, &|f| assert!((0.0..=1.0).contains(&f), "progress {f}"), &cancel));
    if let Ok(report) = report {
        assert!(!report.committed, "a dry run never commits");
        assert!(report.issues.len() <= report.invalid as usize, "every listed issue is counted");
    }
}

/// The parts a structured XLSX input may carry, in order, separated by NUL bytes; parts not
/// given get a minimal default. A mutated XML part keeps its zip's checksums right, so the
/// fuzzer reaches the sheet reader instead of stopping at the archive's CRC check.
const XLSX_PARTS: [(&str, &str); 4] = [
    ("xl/worksheets/sheet1.xml", r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#),
    ("xl/sharedStrings.xml", r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>"#),
    (
        "xl/workbook.xml",
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    ("xl/styles.xml", r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#),
];

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// An .xlsx file built from NUL-separated parts (see `XLSX_PARTS`), entries stored uncompressed.
pub fn xlsx_from_parts(data: &[u8]) -> Vec<u8> {
    let mut given = data.split(|b| *b == 0);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, body: &[u8]| {
        zip.start_file(name, stored).expect("zip entry");
        zip.write_all(body).expect("zip body");
    };
    add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    add("_rels/.rels", ROOT_RELS.as_bytes());
    add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes());
    for (name, default) in XLSX_PARTS {
        let body = given.next().unwrap_or(default.as_bytes());
        add(name, body);
    }
    zip.finish().expect("zip").into_inner()
}

/// What a workspace could hold, markup and placeholders included: user text is data.
fn proposal_context() -> &'static Context {
    static CTX: OnceLock<Context> = OnceLock::new();
    CTX.get_or_init(|| {
        let mut ctx = Context::default();
        for (n, key) in context::KEYS.iter().enumerate() {
            // Every third key has no data, so the missing-data marker shows too.
            if n % 3 != 2 {
                ctx.set(key, format!("{key}: <b>粗体</b> & **x** | {{{{secret}}}} [链接](http://x)\n第二行 # 1. 标题"));
            }
        }
        for (n, source) in context::SOURCES.iter().enumerate() {
            match n % 3 {
                0 => ctx.table(source, &["项目", "Owner <x>"], vec![vec!["a|b".into(), "c\nd".into()], vec!["只有一格".into()]]),
                1 => ctx.bullets(source, vec!["- 列表 <li>".into(), "{{today}}".into(), " ".into()]),
                _ => {}
            }
        }
        ctx
    })
}

/// Fills and renders a template (or renders a document), checking the output formats.
pub fn proposal(data: &[u8]) {
    scratch();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc: Document = if let Ok(template) = proposal::from_json::<ProposalTemplate>(text) {
        let private = template.sections.len() % 2 == 0;
        fill::fill(&template, proposal_context(), private, "作者 <&>")
    } else if let Ok(doc) = proposal::from_json::<Document>(text) {
        doc
    } else {
        return;
    };

    // Drafts are stored as JSON and read back.
    let stored = proposal::to_json(&doc).expect("a document serialises");
    let back: Document = proposal::from_json(&stored).expect("a stored document reads back");
    assert_eq!(back, doc, "a document reads back as stored");

    let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).expect("a time");
    let markdown = proposals::render(&doc, ProposalFormat::Markdown, now).expect("Markdown renders");
    let markdown = String::from_utf8(markdown).expect("Markdown is UTF-8");
    assert!(!markdown.contains(['<', '>']), "user text reached Markdown unescaped:\n{markdown}");

    let docx = proposals::render(&doc, ProposalFormat::Docx, now).expect("DOCX renders");
    check_docx(&docx);
    let _ = proposal::coverage::missing_glyphs(&doc);
}

/// Every XML part of the package parses as XML 1.0: Word and WPS refuse a file where one does not.
fn check_docx(bytes: &[u8]) {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("the DOCX is a zip archive");
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("a readable entry");
        let name = entry.name().to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
        if let Err(e) = roxmltree::Document::parse(&xml) {
            panic!("{name} is not well-formed XML: {e}");
        }
    }
}
