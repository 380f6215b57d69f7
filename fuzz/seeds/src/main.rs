//! Writes small real inputs for each fuzz target into `fuzz/corpus/<target>/`: the files directors
//! really have (UTF-8 with BOM, GB18030, quoted multi-line cells, an Excel workbook written by
//! rust_xlsxwriter as Excel writes one), and the built-in proposal templates.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const HEADER: &str = "工单号,问题类型,归属部门,门店,等待时长（分钟）,是否投诉,成本,登记时间";
const ROWS: &[&str] = &[
    "T-001,包装破损,供应链部,上海一店,30,否,\"¥1,234.50\",2024/3/5",
    "T-002,快递丢件,,北京一店,1.5小时,是,1.2万,2024-03-05 14:00",
    "T-003,预约超载,,上海一店,45分钟,是,0,45356.5",
    ",,,,,,,",
    "T-004,\"多行\n描述, 带逗号\",IT部,广州二店,1:30,Y,-3.5元,2024年3月5日 09:30",
];

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "fuzz/corpus".into()));
    csv(&root.join("import_csv"));
    xlsx(&root.join("import_xlsx"));
    proposal(&root.join("proposal"));
}

fn put(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
    println!("{} ({} bytes)", dir.join(name).display(), bytes.len());
}

fn csv(dir: &Path) {
    let body = std::iter::once(HEADER).chain(ROWS.iter().copied()).collect::<Vec<_>>();
    put(dir, "utf8_bom_crlf.csv", format!("\u{feff}{}\r\n", body.join("\r\n")).as_bytes());
    let text = body.join("\n");
    let (gbk, _, errors) = encoding_rs::GB18030.encode(&text);
    assert!(!errors);
    put(dir, "gb18030.csv", &gbk);
    let english = "Ticket ID,Title,Department,Store,Region,Channel,Severity,Wait (min),Complaint,Cost,Cost (fen),Opened at,Closed at,Claimed at\n\
        A-1,\"Login \"\"fails\"\"\",IT,Store 9,East,App,,2h,yes,\"1,000\",,2024-03-05T14:00:00+08:00,2024-03-06 10:00,2024-03-05 15:00\n\
        A-2,Refund late,Finance,,,,,,no,,1250,20240305,,\n";
    put(dir, "english_lf.csv", english.as_bytes());
}

fn xlsx(dir: &Path) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = book.add_worksheet().set_name("问题登记").unwrap();
    for (c, h) in HEADER.split(',').enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    let rows: [(&str, &str, &str, f64, bool, f64, &str); 2] = [
        ("T-001", "包装破损", "上海一店", 30.0, false, 1234.5, "2024-03-05T14:00:00"),
        ("T-002", "快递丢件", "北京一店", 90.0, true, 12000.0, "2024-03-06T09:30:00"),
    ];
    for (r, (id, kind, store, wait, complaint, cost, at)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, *kind).unwrap();
        sheet.write_string(r, 3, *store).unwrap();
        sheet.write_number(r, 4, *wait).unwrap();
        sheet.write_boolean(r, 5, *complaint).unwrap();
        sheet.write_number(r, 6, *cost).unwrap();
        sheet.write_datetime_with_format(r, 7, ExcelDateTime::parse_from_str(at).unwrap(), &date).unwrap();
    }
    let other = book.add_worksheet().set_name("Sheet2").unwrap();
    other.write_string(0, 0, "Title").unwrap();
    other.write_string(0, 1, "Opened at").unwrap();
    other.write_string(1, 0, "second sheet").unwrap();
    other.write_string(1, 1, "2024/3/5").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    put(dir, "rust_xlsxwriter.xlsx", &bytes);

    // The same workbook as the target's structured form: its XML parts, NUL-separated.
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut parts = Vec::new();
    for name in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"] {
        let mut body = Vec::new();
        archive.by_name(name).unwrap().read_to_end(&mut body).unwrap();
        if !parts.is_empty() {
            parts.push(0);
        }
        parts.extend(body);
    }
    put(dir, "parts.bin", &parts);
    // A sheet with inline strings and no shared strings, as other tools write.
    let inline = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>登记时间</t></is></c><c r="C1" t="inlineStr"><is><t>是否投诉</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>空调不制冷</t></is></c><c r="B2" s="0"><v>45356.5</v></c><c r="C2" t="b"><v>1</v></c></row></sheetData></worksheet>"#;
    put(dir, "inline_parts.bin", inline.as_bytes());
}

fn proposal(dir: &Path) {
    for (lang, json) in [("zh-CN", include_str!("../../../crates/core/src/proposal/templates/zh-CN.json")), ("en", include_str!("../../../crates/core/src/proposal/templates/en.json"))] {
        let templates: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        for t in templates {
            let kind = t["kind"].as_str().unwrap().to_owned();
            put(dir, &format!("{kind}.{lang}.json"), serde_json::to_string(&t).unwrap().as_bytes());
        }
    }
    // A draft as the director edits it: a document, with a table and a list.
    let doc = serde_json::json!({
        "title": "预约超载 <解决方案>", "subtitle": "2024年3月5日", "author": "王主任", "language": "zh-CN",
        "sections": [{"heading": "一、问题", "private": false, "blocks": [
            {"type": "paragraph", "text": "第一行\n第二行 **不是粗体**"},
            {"type": "bullets", "items": ["- 不是列表", "1. 也不是"]},
            {"type": "table", "columns": ["项目", "负责人"], "rows": [["a|b", "c"], ["只有一格"]]},
            {"type": "data", "source": "milestones"}
        ]}]
    });
    put(dir, "document.json", serde_json::to_string(&doc).unwrap().as_bytes());
}
