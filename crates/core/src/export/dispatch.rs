//! The dispatch league table and its weekly trend as one XLSX file (two sheets), times in hours.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::files::{failed, Staged};
use crate::error::Result;
use crate::lang::Lang;
use crate::repo::dispatch_stats::{DepartmentFigures, TrendWeek};

const COLUMNS: [(&str, &str); 11] = [
    ("部门", "Department"),
    ("接收问题数", "Incidents received"),
    ("按时认领率（%）", "Claimed within SLA (%)"),
    ("认领时长中位数（小时）", "Median time to claim (h)"),
    ("认领时长 P90（小时）", "P90 time to claim (h)"),
    ("已解决", "Resolved"),
    ("解决时长中位数（小时）", "Median time to resolve (h)"),
    ("解决时长 P90（小时）", "P90 time to resolve (h)"),
    ("转出次数", "Transfers out"),
    ("反复转派问题数", "Ping-pong incidents"),
    ("有认领时限的接收", "Receipts with a claim deadline"),
];

fn text(pair: &(&'static str, &'static str), lang: Lang) -> &'static str {
    if lang == Lang::ZhCn { pair.0 } else { pair.1 }
}

/// Writes one figures row at `row`, starting at column `col`.
fn figures_row(sheet: &mut Worksheet, row: u32, col: u16, f: &DepartmentFigures, hours: &Format) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    let h = |ms: Option<i64>| ms.map(|m| m as f64 / 3_600_000.0);
    sheet.write_string(row, col, &f.department)?;
    sheet.write_number(row, col + 1, f.received as f64)?;
    let numbers = [f.within_sla_pct, h(f.claim_median_ms), h(f.claim_p90_ms), Some(f.resolved as f64), h(f.resolve_median_ms), h(f.resolve_p90_ms)];
    for (i, n) in numbers.iter().enumerate() {
        if let Some(n) = n {
            sheet.write_number_with_format(row, col + 2 + i as u16, *n, hours)?;
        }
    }
    sheet.write_number(row, col + 8, f.transfers_out as f64)?;
    sheet.write_number(row, col + 9, f.ping_pong as f64)?;
    sheet.write_number(row, col + 10, f.with_due as f64)?;
    Ok(())
}

pub fn write(path: &Path, table: &[DepartmentFigures], weeks: &[TrendWeek], lang: Lang) -> Result<()> {
    let fail = |e: rust_xlsxwriter::XlsxError| failed(path, e);
    let bold = Format::new().set_bold();
    let hours = Format::new().set_num_format("0.0");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(if lang == Lang::ZhCn { "部门派单表现" } else { "Departments" }).map_err(fail)?;
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, text(h, lang), &bold).map_err(fail)?;
    }
    for (r, f) in table.iter().enumerate() {
        figures_row(sheet, r as u32 + 1, 0, f, &hours).map_err(fail)?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name(if lang == Lang::ZhCn { "每周趋势" } else { "Weekly trend" }).map_err(fail)?;
    sheet.write_string_with_format(0, 0, if lang == Lang::ZhCn { "周（周一）" } else { "Week (Monday)" }, &bold).map_err(fail)?;
    for (c, h) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16 + 1, text(h, lang), &bold).map_err(fail)?;
    }
    for (r, w) in weeks.iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, &w.week).map_err(fail)?;
        figures_row(sheet, r as u32 + 1, 1, &w.figures, &hours).map_err(fail)?;
    }
    let mut staged = Staged::beside(path)?;
    book.save_to_writer(staged.file()).map_err(fail)?;
    staged.commit()
}
