//! DOCX output through docx-rs: real heading styles (Word's navigation pane and WPS outline see
//! them), shaded header rows, bullet numbering, `第 N 页 / 共 M 页` footers and the core document
//! properties. docx-rs escapes text for XML; the core properties are written here, escaped here.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, IndentLevel, Level, LevelJc, LevelText, NumPages, NumberFormat,
    Numbering, NumberingId, PageNum, Paragraph, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType,
    Table, TableCell, TableRow, WidthType,
};

use super::{Block, Document};
use crate::lang::Lang;
use crate::error::{CoreError, ErrorCode, Result};

const BULLETS: usize = 1;
/// A4 text width with docx-rs's default 3 cm margins, in twips.
const TEXT_WIDTH: usize = 8_500;

pub fn render(doc: &Document, created: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    let mut docx = styles(Docx::new())
        .default_fonts(fonts())
        .default_size(21)
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(
            Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
                .indent(Some(420), Some(SpecialIndentType::Hanging(420)), None, None),
        ))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(footer(doc.language))
        .add_paragraph(Paragraph::new().style("Title").add_run(run(&doc.title)));
    if !doc.subtitle.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().style("Subtitle").add_run(run(&doc.subtitle)));
    }
    for s in &doc.sections {
        docx = docx.add_paragraph(Paragraph::new().style("Heading1").add_run(run(&s.heading)));
        for b in &s.blocks {
            docx = match b {
                Block::Paragraph { text } => docx.add_paragraph(text_paragraph(text)),
                Block::Bullets { items } => items.iter().fold(docx, |d, i| {
                    d.add_paragraph(text_paragraph(i).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)))
                }),
                Block::Table { columns, rows } => docx.add_table(table(columns, rows)).add_paragraph(Paragraph::new()),
                Block::Data { source } => docx.add_paragraph(text_paragraph(source)),
            };
        }
    }
    let mut xml = docx.created_at(&stamp(created)).updated_at(&stamp(created)).build();
    xml.doc_props.core = core_properties(doc, created).into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| CoreError::new(ErrorCode::ProposalRenderFailed).with("detail", e))?;
    Ok(out.into_inner())
}

fn fonts() -> RunFonts {
    RunFonts::new().ascii("Arial").hi_ansi("Arial").east_asia("Microsoft YaHei").cs("Arial")
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(Style::new("Title", StyleType::Paragraph).name("Title").size(36).bold().align(AlignmentType::Center))
        .add_style(Style::new("Subtitle", StyleType::Paragraph).name("Subtitle").size(22).color("595959").align(AlignmentType::Center))
        .add_style(Style::new("Heading1", StyleType::Paragraph).name("heading 1").size(28).bold().color("1F3864").outline_lvl(0).next("Normal"))
}

/// A line break in the text stays a line break in the paragraph.
fn text_paragraph(text: &str) -> Paragraph {
    let mut run = Run::new();
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(printable(line));
    }
    Paragraph::new().add_run(run)
}

fn run(text: &str) -> Run {
    Run::new().add_text(printable(text))
}

/// XML 1.0 has no place for control characters nor U+FFFE/U+FFFF: a pasted one would make Word
/// refuse the file.
fn printable(text: &str) -> String {
    text.chars().filter(|c| (!c.is_control() || *c == '\t') && !matches!(c, '\u{FFFE}' | '\u{FFFF}')).collect()
}

fn table(columns: &[String], rows: &[Vec<String>]) -> Table {
    let width = TEXT_WIDTH / columns.len().max(1);
    let cell = |text: &str| TableCell::new().width(width, WidthType::Dxa).add_paragraph(text_paragraph(text));
    let header = TableRow::new(
        columns
            .iter()
            .map(|c| {
                TableCell::new()
                    .width(width, WidthType::Dxa)
                    .shading(Shading::new().fill("D9E2F3"))
                    .add_paragraph(Paragraph::new().add_run(run(c).bold()))
            })
            .collect(),
    );
    let body = rows.iter().map(|r| TableRow::new(r.iter().map(|c| cell(c)).collect()));
    Table::new(std::iter::once(header).chain(body).collect())
        .set_grid(vec![width; columns.len()])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn footer(lang: Lang) -> Footer {
    let p = Paragraph::new().align(AlignmentType::Center);
    let p = match lang {
        Lang::ZhCn => p
            .add_run(Run::new().add_text("第 "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" 页 / 共 "))
            .add_num_pages(NumPages::new())
            .add_run(Run::new().add_text(" 页")),
        Lang::En => p
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    };
    Footer::new().add_paragraph(p)
}

fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// docx-rs has no setters for title, author or language, so docProps/core.xml is written here.
fn core_properties(doc: &Document, created: chrono::DateTime<chrono::Utc>) -> String {
    let lang = match doc.language {
        Lang::ZhCn => "zh-CN",
        Lang::En => "en-GB",
    };
    let author = if doc.author.trim().is_empty() { "Liaison" } else { doc.author.as_str() };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>{lang}</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified></cp:coreProperties>"#,
        xml_escape(&doc.title),
        xml_escape(&doc.subtitle),
        xml_escape(author),
        xml_escape(author),
        at = stamp(created),
    )
}

fn xml_escape(text: &str) -> String {
    printable(text).chars()
        .fold(String::with_capacity(text.len()), |mut out, c| {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                _ => out.push(c),
            }
            out
        })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::proposal::Section;

    fn part(docx: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        xml
    }

    #[test]
    fn characters_xml_forbids_are_left_out() {
        // Found by fuzzing (fuzz/): U+FFFE in a template made document.xml ill-formed.
        let bad = "a\u{FFFE}b\u{FFFF}c\u{1}d";
        let doc = Document {
            title: bad.into(),
            subtitle: bad.into(),
            author: bad.into(),
            language: Lang::ZhCn,
            sections: vec![Section { heading: bad.into(), blocks: vec![Block::Paragraph { text: bad.into() }], private: false }],
        };
        let docx = render(&doc, chrono::DateTime::from_timestamp(0, 0).unwrap()).unwrap();
        for name in ["word/document.xml", "docProps/core.xml"] {
            let xml = part(&docx, name);
            assert!(xml.contains("abcd"), "{name}");
            assert!(!xml.contains(['\u{FFFE}', '\u{FFFF}', '\u{1}']), "{name}");
        }
    }
}
