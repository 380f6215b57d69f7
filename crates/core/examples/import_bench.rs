//! Incident import and board pivot, against the sqlite3 shell doing the same work in SQL.
//!   cargo run --release -p liaison-core --example import_bench -- [ROWS] [ROUNDS]
//! Generates a clean CSV (ISO dates, integer fen, 40 stores, 36 types, seasonality), then
//! alternates: our import through `import::run` (the function the UI calls: validation,
//! department lookup, dispatch by rules, assignment events, indexes) on a fresh workspace copy, and
//! `sqlite3` on another fresh copy: `.import` into a staging table, then INSERT … SELECT into
//! incidents with store and department ids joined, and the assignment events; one transaction.
//!
//! Streaming: `IMPORT_BENCH_FILE_MB=100,1024` imports a full ticket export (the columns above,
//! plus a description and free-text handling notes) of each size in MB of CSV, and
//! `IMPORT_BENCH_XLSX_ROWS=100000,1000000` the same as .xlsx files of so many rows; each reports
//! the time and the peak resident memory of the import alone.

#[path = "bench_shell/mod.rs"]
mod bench_shell;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use bench_shell::{fresh_copy, median, peak_rss_mb, run_shell};
use liaison_core::Lang;
use liaison_core::import::{self, source::FileKind, ImportOptions};
use liaison_core::service::board::{self, IncidentFilter};
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::overview;
use liaison_core::service::problems;
use liaison_core::service::routing::{self, RuleDraft};
use liaison_core::service::stores::{self, StoreInput};
use liaison_core::Workspace;

const TYPES: usize = 36;
const STORES: usize = 40;
const DEPARTMENTS: [&str; 6] = ["售后运营部", "产品部", "IT部", "供应链部", "财务部", "客服中心"];

const HEADER: [&str; 11] = ["external_id", "opened_at", "problem_type", "product_category", "product", "supplier", "store", "region", "wait_minutes", "complaint", "cost_fen"];
/// What a full ticket-system export adds: a description (our title) and the handling notes,
/// free text no field of ours takes.
const EXPORT_HEADER: [&str; 2] = ["title", "handling_notes"];

/// Incidents as a ticket system exports them, the same for every run (a fixed-seed generator).
struct Incidents {
    state: u64,
    start: chrono::NaiveDateTime,
    /// Also the columns of `EXPORT_HEADER`.
    export: bool,
}

impl Incidents {
    fn new(export: bool) -> Self {
        Incidents { state: 42, start: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(), export }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.state >> 33
    }

    /// Row `i`'s cells in the headers' order.
    fn row(&mut self, i: usize) -> Vec<String> {
        // Seasonality: more incidents in summer and around the new year.
        let mut day = (self.next() % 730) as i64;
        if self.next() % 4 == 0 {
            day = 150 + (self.next() % 90) as i64;
        }
        let at = self.start + chrono::Duration::days(day) + chrono::Duration::minutes((self.next() % 1440) as i64);
        let (t, s) = ((self.next() as usize) % TYPES, (self.next() as usize) % STORES);
        let (wait, complaint, cost) = (self.next() % 180, u8::from(self.next() % 3 == 0), self.next() % 500_000);
        let mut cells = vec![
            format!("T{i:08}"),
            at.format("%Y-%m-%d %H:%M:%S").to_string(),
            format!("类型{t:02}"),
            format!("品类{}", t % 6),
            format!("产品{}", t % 12),
            format!("供应商{}", t % 9),
            format!("门店{s:02}"),
            format!("区域{}", s % 7),
            wait.to_string(),
            complaint.to_string(),
            cost.to_string(),
        ];
        if self.export {
            cells.push(format!("顾客反映类型{t:02}的问题，产品{}在门店{s:02}第{}次报修，要求尽快处理并回电", t % 12, 1 + self.next() % 5));
            let step = |n: u64| format!("第{n}步：客服受理, 转门店{s:02}核实, 等待{wait}分钟后回访, 客户{}。", if complaint == 1 { "不满意" } else { "接受方案" });
            cells.push((1..=3).map(step).collect());
        }
        cells
    }
}

/// A CSV of `rows` incidents, or of however many fill `bytes`.
fn generate_csv(path: &Path, rows: usize, bytes: u64, export: bool) {
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    let header: Vec<&str> = HEADER.iter().chain(if export { &EXPORT_HEADER[..] } else { &[] }).copied().collect();
    writeln!(out, "{}", header.join(",")).unwrap();
    let (mut incidents, mut written, mut i) = (Incidents::new(export), 0u64, 0);
    while i < rows && written < bytes {
        // Handling notes have commas: quoted, as exports do.
        let line = incidents.row(i).iter().map(|c| if c.contains(',') { format!("\"{c}\"") } else { c.clone() }).collect::<Vec<_>>().join(",");
        writeln!(out, "{line}").unwrap();
        written += line.len() as u64 + 1;
        i += 1;
    }
    out.flush().unwrap();
}

/// The same export as an .xlsx of `rows` rows (rust_xlsxwriter's constant-memory mode).
fn generate_xlsx(path: &Path, rows: usize) {
    let mut book = rust_xlsxwriter::Workbook::new();
    // Shared strings, as Excel saves them: calamine keeps that table in memory, so it counts.
    let sheet = book.add_worksheet_with_low_memory();
    for (c, h) in HEADER.iter().chain(&EXPORT_HEADER).enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let mut incidents = Incidents::new(true);
    for i in 0..rows {
        for (c, cell) in incidents.row(i).into_iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(n) if (8..=10).contains(&c) => sheet.write_number(i as u32 + 1, c as u16, n),
                _ => sheet.write_string(i as u32 + 1, c as u16, cell),
            }
            .unwrap();
        }
    }
    book.save(path).unwrap();
}

/// A workspace with the departments, stores and one routing rule per type (six left to triage).
async fn template(path: &Path) {
    let _ = std::fs::remove_file(path);
    let ws = Workspace::open(path).await.unwrap();
    let mut ids = Vec::new();
    for name in DEPARTMENTS {
        ids.push(departments::create(&ws, DepartmentInput { name: name.into(), ..Default::default() }).await.unwrap().id);
    }
    for s in 0..STORES {
        let input = StoreInput { name: format!("门店{s:02}"), city: String::new(), region: format!("区域{}", s % 7), city_tier: None, ..Default::default() };
        stores::create(&ws, input).await.unwrap();
    }
    let rules = (0..TYPES - 6)
        .map(|t| RuleDraft { problem_type: Some(format!("类型{t:02}")), department_id: ids[t % ids.len()], enabled: true, ..Default::default() })
        .collect();
    routing::save(&ws, rules).await.unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(ws.pool()).await.unwrap();
    ws.close().await;
}

const SHELL_IMPORT: &str = "
.bail on
.mode csv
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
BEGIN;
CREATE TEMP TABLE staging (external_id, opened_at, problem_type, product_category, product, supplier, store, region, wait_minutes, complaint, cost_fen);
.import --skip 1 {CSV} staging
INSERT INTO incidents (external_id, title, department_id, problem_type, product_category, product, supplier,
    store_id, region, wait_minutes, complaint, cost_fen, opened_at, status, created_at, updated_at)
SELECT s.external_id, s.problem_type || ' · ' || s.store,
    (SELECT r.department_id FROM routing_rules r WHERE r.problem_type = s.problem_type ORDER BY r.position LIMIT 1),
    s.problem_type, s.product_category, s.product, s.supplier, st.id, s.region, CAST(s.wait_minutes AS INTEGER),
    CAST(s.complaint AS INTEGER), CAST(s.cost_fen AS INTEGER),
    (unixepoch(s.opened_at) - 8 * 3600) * 1000, 'open', 0, 0
FROM staging s LEFT JOIN stores st ON st.name = s.store;
INSERT INTO incident_events (incident_id, kind, source, to_department_id, rule_id, at, created_at)
SELECT i.id, 'assigned', 'rule', i.department_id,
    (SELECT r.id FROM routing_rules r WHERE r.problem_type = i.problem_type ORDER BY r.position LIMIT 1), i.opened_at, 0
FROM incidents i WHERE i.department_id IS NOT NULL;
COMMIT;
";

/// The pivot computed from the incidents themselves, for scale: what the aggregate table saves.
const RAW_PIVOT_SQL: &str = "SELECT department_id, problem_type, strftime('%Y-%m', opened_at / 1000 + 28800, 'unixepoch') AS month,
    count(*), coalesce(sum(wait_minutes), 0), sum(cost_fen) FROM incidents WHERE deleted_at IS NULL
    GROUP BY department_id, problem_type, month;";

/// Median of the shell's `.timer` lines for `sql` run 11 times (the first, cold, dropped): wall
/// time, and CPU time (user + sys) since the shell prints wall time to the millisecond only.
/// Results go to /dev/null, as ours go to a vector: neither side pays for a terminal or a pipe.
fn shell_median_ms(db: &Path, sql: &str) -> Option<(f64, f64)> {
    let script = format!(".timer on\n.output /dev/null\n{}", format!("{sql};\n").repeat(11));
    let out = run_shell(db, &script);
    let (mut real, mut cpu) = (Vec::new(), Vec::new());
    for line in String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| l.strip_prefix("Run Time: real ")) {
        // "0.001 user 0.000945 sys 0.000000"
        let fields: Vec<f64> = line.split_whitespace().filter_map(|f| f.parse().ok()).collect();
        if let [r, u, s] = fields[..] {
            real.push(r * 1000.0);
            cpu.push((u + s) * 1000.0);
        }
    }
    if real.len() < 2 {
        println!("sqlite3 shell printed no timings: {}", String::from_utf8_lossy(&out.stderr));
        return None;
    }
    Some((median(real[1..].to_vec()), median(cpu[1..].to_vec())))
}

#[tokio::main]
async fn main() {
    // `IMPORT_BENCH_PIVOT_ONLY=workspace.liaison`: time the pivot and the evidence chain on an
    // existing workspace made by an earlier run (`IMPORT_BENCH_KEEP=1`).
    if let Some(path) = std::env::var_os("IMPORT_BENCH_PIVOT_ONLY") {
        let ws = Workspace::open(Path::new(&path)).await.unwrap();
        let rows = overview::counts(&ws).await.unwrap().incidents as usize;
        pivot_bench(&ws, rows).await;
        evidence_bench(&ws).await;
        return;
    }
    if let Some(workspace) = std::env::var_os("IMPORT_BENCH_IMPORT_INTO") {
        import_once(Path::new(&workspace), Path::new(&std::env::args_os().nth(1).unwrap())).await;
        return;
    }
    if let Some(sizes) = std::env::var_os("IMPORT_BENCH_FILE_MB") {
        streaming_bench(FileKind::Csv, &sizes.to_string_lossy()).await;
        return;
    }
    if let Some(sizes) = std::env::var_os("IMPORT_BENCH_XLSX_ROWS") {
        streaming_bench(FileKind::Xlsx, &sizes.to_string_lossy()).await;
        return;
    }
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map(|a| a.parse().unwrap()).unwrap_or(1_000_000);
    let rounds: usize = args.next().map(|a| a.parse().unwrap()).unwrap_or(3);
    let dir = tempfile_dir();
    let csv = dir.join("incidents.csv");
    let started = Instant::now();
    generate_csv(&csv, rows, u64::MAX, false);
    let size_mb = std::fs::metadata(&csv).unwrap().len() as f64 / 1e6;
    println!("generated {rows} rows ({size_mb:.0} MB) in {:.1} s", started.elapsed().as_secs_f64());
    let template_path = dir.join("template.liaison");
    template(&template_path).await;

    let overview = import::inspect(&csv, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed, ..Default::default() };
    let (mut ours, mut shell) = (Vec::new(), Vec::new());
    let mut last_ws = None;
    for round in 0..rounds {
        let path = fresh_copy(&template_path, "ours.liaison");
        let ws = Workspace::open(&path).await.unwrap();
        let t0 = Instant::now();
        let report = import::run(&ws, &csv, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
        ours.push(t0.elapsed().as_secs_f64());
        assert_eq!(report.inserted as usize, rows, "{:?}", report.issues.first());
        println!("round {}: ours {:.2} s, peak memory so far {:.0} MB", round + 1, ours[round], peak_rss_mb());

        let shell_db = fresh_copy(&template_path, "shell.liaison");
        let script = SHELL_IMPORT.replace("{CSV}", &csv.display().to_string());
        let t0 = Instant::now();
        let out = run_shell(&shell_db, &script);
        shell.push(t0.elapsed().as_secs_f64());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        println!("round {}: ours {:.2} s, sqlite3 {:.2} s", round + 1, ours[round], shell[round]);
        if let Some(old) = last_ws.replace(ws) {
            let old: Workspace = old;
            old.close().await;
        }
    }
    let ws = last_ws.unwrap();
    let (ours_m, shell_m) = (median(ours), median(shell));
    println!("import of {rows} rows, median: ours {ours_m:.2} s ({:.0} rows/s), sqlite3 shell {shell_m:.2} s, ratio {:.2} (target ≤ 1.0)", rows as f64 / ours_m, ours_m / shell_m);
    println!("peak resident memory of this process: {:.0} MB (file {size_mb:.0} MB)", peak_rss_mb());

    pivot_bench(&ws, rows).await;
    evidence_bench(&ws).await;
    ws.close().await;
    if std::env::var_os("IMPORT_BENCH_KEEP").is_some() {
        println!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Imports full ticket exports of each size (MB of CSV, or rows of XLSX) once, each in a fresh
/// process on a fresh workspace, so the peak it reports is the importing process's own.
async fn streaming_bench(kind: FileKind, sizes: &str) {
    let dir = tempfile_dir();
    let template_path = dir.join("template.liaison");
    template(&template_path).await;
    for size in sizes.split(',').map(|s| s.trim().parse::<u64>().expect("sizes: numbers, comma-separated")) {
        let file = match kind {
            FileKind::Csv => {
                let file = dir.join("export.csv");
                generate_csv(&file, usize::MAX, size * 1_000_000, true);
                file
            }
            FileKind::Xlsx => {
                let file = dir.join("export.xlsx");
                generate_xlsx(&file, size as usize);
                file
            }
        };
        let workspace = fresh_copy(&template_path, "stream.liaison");
        let status = Command::new(std::env::current_exe().unwrap())
            .env_remove("IMPORT_BENCH_FILE_MB")
            .env_remove("IMPORT_BENCH_XLSX_ROWS")
            .env("IMPORT_BENCH_IMPORT_INTO", &workspace)
            .arg(&file)
            .status()
            .unwrap();
        assert!(status.success());
        let _ = std::fs::remove_file(&file);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The child of `streaming_bench`: imports `file` into the workspace and reports.
async fn import_once(workspace: &Path, file: &Path) {
    let file_mb = std::fs::metadata(file).unwrap().len() as f64 / 1e6;
    let ws = Workspace::open(workspace).await.unwrap();
    let overview = import::inspect(file, None, None).unwrap();
    let options = ImportOptions { mapping: overview.guessed, ..Default::default() };
    let t0 = Instant::now();
    let report = import::run(&ws, file, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    let took = t0.elapsed().as_secs_f64();
    assert!(report.committed && report.invalid == 0, "{:?}", report.issues.first());
    let rows = report.inserted;
    println!(
        "{:?} export of {file_mb:.0} MB, {rows} rows: imported in {took:.1} s ({:.0} rows/s); peak resident memory of the importing process {:.0} MB",
        overview.kind,
        f64::from(rows) / took,
        peak_rss_mb()
    );
    ws.close().await;
    println!("  workspace file after the import: {:.0} MB", std::fs::metadata(workspace).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0));
}

/// The full evidence chain of a problem linked to a tenth of the incidents (4 of the 36 types…
/// about 111,000 of 1,000,000), warm, median of 10.
async fn evidence_bench(ws: &Workspace) {
    let link = IncidentFilter { problem_types: (0..4).map(|t| format!("类型{t:02}")).collect(), ..Default::default() };
    let problem = problems::create(ws, problems::default_input("基准问题"), Some(link)).await.unwrap();
    let mut times = Vec::new();
    problems::evidence(ws, problem.id, Lang::ZhCn).await.unwrap();
    for _ in 0..10 {
        let t0 = Instant::now();
        let e = problems::evidence(ws, problem.id, Lang::ZhCn).await.unwrap();
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(e.incidents, problem.incident_count);
    }
    println!("evidence chain of a problem linked to {} incidents, warm median of 10: {:.1} ms (target < 150 ms)", problem.incident_count, median(times));
}

/// The board pivot, ours against the same SQL in the sqlite3 shell, warm, median of 10.
async fn pivot_bench(ws: &Workspace, rows: usize) {
    let mut pivot_ours = Vec::new();
    board::pivot(ws).await.unwrap();
    for _ in 0..10 {
        let t0 = Instant::now();
        let cells = board::pivot(ws).await.unwrap();
        pivot_ours.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert!(!cells.is_empty());
    }
    println!("board pivot over {rows} rows, ours, warm median of 10: {:.2} ms", median(pivot_ours.clone()));
    let db = ws.path().to_owned();
    let p_ours = median(pivot_ours);
    if let Some((p_shell, p_cpu)) = shell_median_ms(&db, board::PIVOT_SQL.to_str().unwrap()) {
        println!("board pivot (department × type × month over {rows} rows), warm median of 10: ours {p_ours:.2} ms, sqlite3 shell {p_shell:.1} ms wall (to the ms; {p_cpu:.2} ms CPU) on the same SQL, ratio {:.2} to its wall time, {:.2} to its CPU time (target < 150 ms, ≤ 1.0)", p_ours / p_shell, p_ours / p_cpu);
    }
    if let Some((raw, _)) = shell_median_ms(&db, RAW_PIVOT_SQL.trim_end_matches(';')) {
        println!("for scale, the shell grouping all {rows} incidents without the aggregate: {raw:.1} ms");
    }
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("liaison-import-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
