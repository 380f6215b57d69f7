//! The board's filtered list as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX (numbers as
//! numbers, times as Excel dates), in the workspace's time zone and the user's language.
//! Rows stream from the database: exporting a million incidents holds one row at a time. The file
//! is written beside the target and renamed over it, so a failed export leaves the old one.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, TimeZone};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};

use super::files::Staged;
use crate::error::{CoreError, ErrorCode, Result};
use crate::lang::Lang;
use crate::repo::incident_filter::{self, IncidentFilter, IncidentSort};
use crate::repo::incidents::Incident;
use crate::repo::settings;
use crate::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ListFormat {
    Csv,
    Xlsx,
}

impl ListFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ListFormat::Csv => "csv",
            ListFormat::Xlsx => "xlsx",
        }
    }
}

/// Excel's sheet holds 1,048,576 rows, one of them the header.
const XLSX_MAX_ROWS: u64 = 1_048_575;

const HEADERS: [(&str, &str); 19] = [
    ("工单号", "Ticket id"),
    ("标题", "Title"),
    ("责任部门", "Owning department"),
    ("问题类型", "Problem type"),
    ("产品类别", "Product category"),
    ("产品", "Product"),
    ("供应商", "Supplier"),
    ("门店", "Store"),
    ("区域", "Region"),
    ("渠道", "Channel"),
    ("客户", "Customer"),
    ("严重等级", "Severity class"),
    ("等待（分钟）", "Wait (minutes)"),
    ("投诉", "Complaint"),
    ("成本（元）", "Cost (yuan)"),
    ("创建时间", "Opened"),
    ("关闭时间", "Closed"),
    ("状态", "Status"),
    ("已升级", "Escalated"),
];

fn status_label(status: &str, lang: Lang) -> &str {
    let zh = match status {
        "open" => "待认领",
        "claimed" => "已认领",
        "in_progress" => "处理中",
        "resolved" => "已解决",
        "closed" => "已关闭",
        other => other,
    };
    if lang == Lang::ZhCn { zh } else { status }
}

fn yes_no(v: bool, lang: Lang) -> &'static str {
    match (v, lang) {
        (true, Lang::ZhCn) => "是",
        (false, Lang::ZhCn) => "否",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

fn local(ms: i64, zone: Tz) -> Option<DateTime<Tz>> {
    zone.timestamp_millis_opt(ms).single()
}

/// The text cells of a row, in header order; numbers and times are written by the caller.
fn texts(i: &Incident) -> [String; 12] {
    [
        i.external_id.clone().unwrap_or_default(),
        i.title.clone(),
        i.department_name.clone().unwrap_or_default(),
        i.problem_type.clone(),
        i.product_category.clone(),
        i.product.clone(),
        i.supplier.clone(),
        i.store_name.clone().unwrap_or_default(),
        i.region.clone(),
        i.channel.clone(),
        i.customer_ref.clone(),
        i.severity_class.clone().unwrap_or_default(),
    ]
}

/// A spreadsheet cell must not start a formula: Excel runs `=…`, `+…`, `-…`, `@…` typed into a CSV.
fn defuse(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Writes every incident the filter matches to `path`, whole or not at all; returns how many.
pub async fn write(ws: &Workspace, filter: &IncidentFilter, format: ListFormat, path: &Path, lang: Lang) -> Result<u64> {
    let zone = settings::time_zone(ws.pool()).await?;
    let offset = settings::month_offset_seconds(ws.pool()).await?;
    let mut staged = Staged::beside(path)?;
    let count = match format {
        ListFormat::Csv => write_csv(ws, filter, offset, staged.file(), zone, lang).await,
        ListFormat::Xlsx => write_xlsx(ws, filter, offset, staged.file(), zone, lang).await,
    }
    .map_err(|e| if e.code == ErrorCode::ExportFailed { e.with("path", path.display()) } else { e })?;
    staged.commit()?;
    Ok(count)
}

fn header(h: &(&'static str, &'static str), lang: Lang) -> &'static str {
    if lang == Lang::ZhCn { h.0 } else { h.1 }
}

async fn write_csv(ws: &Workspace, filter: &IncidentFilter, offset: i64, file: &mut File, zone: Tz, lang: Lang) -> Result<u64> {
    let fail = |e: &dyn std::fmt::Display| CoreError::new(ErrorCode::ExportFailed).with("detail", e);
    let mut out = std::io::BufWriter::new(file);
    out.write_all(b"\xEF\xBB\xBF").map_err(|e| fail(&e))?;
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(HEADERS.iter().map(|h| header(h, lang))).map_err(|e| fail(&e))?;
    let time = |ms: Option<i64>| ms.and_then(|m| local(m, zone)).map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
    let count = incident_filter::for_each(ws.pool(), filter, IncidentSort::OpenedDesc, offset, |i| {
        let mut record: Vec<String> = texts(&i).iter().map(|c| defuse(c)).collect();
        record.push(i.wait_minutes.map(|w| w.to_string()).unwrap_or_default());
        record.push(yes_no(i.complaint, lang).to_owned());
        record.push(i.cost.to_yuan_string());
        record.push(time(Some(i.opened_at)));
        record.push(time(i.closed_at));
        record.push(status_label(&i.status, lang).to_owned());
        record.push(yes_no(i.escalated_at.is_some(), lang).to_owned());
        csv.write_record(&record).map_err(|e| fail(&e))
    })
    .await?;
    csv.flush().map_err(|e| fail(&e))?;
    Ok(count)
}

async fn write_xlsx(ws: &Workspace, filter: &IncidentFilter, offset: i64, file: &mut File, zone: Tz, lang: Lang) -> Result<u64> {
    let fail = |e: rust_xlsxwriter::XlsxError| CoreError::new(ErrorCode::ExportFailed).with("detail", e);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name(if lang == Lang::ZhCn { "问题明细" } else { "Incidents" }).map_err(fail)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, header(h, lang), &bold).map_err(fail)?;
    }
    // Excel counts days from 1899-12-30 in local time.
    let serial = |ms: i64| local(ms, zone).map(|t| (t.naive_local().and_utc().timestamp_millis() as f64) / 86_400_000.0 + 25_569.0);
    let mut row: u64 = 0;
    incident_filter::for_each(ws.pool(), filter, IncidentSort::OpenedDesc, offset, |i| {
        row += 1;
        if row > XLSX_MAX_ROWS {
            return Err(CoreError::new(ErrorCode::ExportTooManyRows).with("max", XLSX_MAX_ROWS));
        }
        let r = row as u32;
        for (c, text) in texts(&i).iter().enumerate() {
            sheet.write_string(r, c as u16, text).map_err(fail)?;
        }
        if let Some(w) = i.wait_minutes {
            sheet.write_number(r, 12, w as f64).map_err(fail)?;
        }
        sheet.write_string(r, 13, yes_no(i.complaint, lang)).map_err(fail)?;
        sheet.write_number_with_format(r, 14, i.cost.fen() as f64 / 100.0, &money).map_err(fail)?;
        if let Some(s) = serial(i.opened_at) {
            sheet.write_number_with_format(r, 15, s, &date).map_err(fail)?;
        }
        if let Some(s) = i.closed_at.and_then(serial) {
            sheet.write_number_with_format(r, 16, s, &date).map_err(fail)?;
        }
        sheet.write_string(r, 17, status_label(&i.status, lang)).map_err(fail)?;
        sheet.write_string(r, 18, yes_no(i.escalated_at.is_some(), lang)).map_err(fail)?;
        Ok(())
    })
    .await?;
    book.save_to_writer(file).map_err(fail)?;
    Ok(row)
}
