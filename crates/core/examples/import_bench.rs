//! Incident import and board pivot, against the sqlite3 shell doing the same work in SQL.
//!   cargo run --release -p liaison-core --example import_bench -- [ROWS] [ROUNDS]
//! Generates a clean CSV (ISO dates, integer fen, 40 stores, 36 types, seasonality), then
//! alternates: our import through `import::run` (the function the UI calls: validation,
//! department lookup, dispatch by rules, assignment events, indexes) on a fresh workspace copy, and
//! `sqlite3` on another fresh copy: `.import` into a staging table, then INSERT … SELECT into
//! incidents with store and department ids joined, and the assignment events; one transaction.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use liaison_core::demo::Lang;
use liaison_core::evidence;
use liaison_core::import::{self, ImportOptions};
use liaison_core::repo::incident_filter::IncidentFilter;
use liaison_core::service::problems;
use liaison_core::repo::{self, departments::DepartmentInput, routing_rules, stores::StoreInput};
use liaison_core::service::departments;
use liaison_core::Workspace;

const TYPES: usize = 36;
const STORES: usize = 40;
const DEPARTMENTS: [&str; 6] = ["售后运营部", "产品部", "IT部", "供应链部", "财务部", "客服中心"];

fn generate_csv(path: &Path, rows: usize) {
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "external_id,opened_at,problem_type,product_category,product,supplier,store,region,wait_minutes,complaint,cost_fen").unwrap();
    let mut state: u64 = 42;
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        state >> 33
    };
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    for i in 0..rows {
        // Seasonality: more incidents in summer and around the new year.
        let mut day = (next() % 730) as i64;
        if next() % 4 == 0 {
            day = 150 + (next() % 90) as i64;
        }
        let at = start + chrono::Duration::days(day) + chrono::Duration::minutes((next() % 1440) as i64);
        let t = (next() as usize) % TYPES;
        let s = (next() as usize) % STORES;
        writeln!(
            out,
            "T{i:08},{},类型{t:02},品类{},产品{},供应商{},门店{s:02},区域{},{},{},{}",
            at.format("%Y-%m-%d %H:%M:%S"),
            t % 6,
            t % 12,
            t % 9,
            s % 7,
            next() % 180,
            u8::from(next() % 3 == 0),
            next() % 500_000
        )
        .unwrap();
    }
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
        let input = StoreInput { name: format!("门店{s:02}"), city: String::new(), region: format!("区域{}", s % 7), city_tier: None };
        repo::stores::insert(ws.pool(), &input).await.unwrap();
    }
    for t in 0..TYPES - 6 {
        routing_rules::insert_for_type(ws.pool(), t as i64, "", &format!("类型{t:02}"), ids[t % ids.len()]).await.unwrap();
    }
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(ws.pool()).await.unwrap();
    ws.close().await;
}

fn fresh_copy(template: &Path, name: &str) -> PathBuf {
    let path = template.with_file_name(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(template, &path).unwrap();
    path
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

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 }
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

#[tokio::main]
async fn main() {
    // `IMPORT_BENCH_PIVOT_ONLY=workspace.liaison`: time the pivot and the evidence chain on an
    // existing workspace made by an earlier run (`IMPORT_BENCH_KEEP=1`).
    if let Some(path) = std::env::var_os("IMPORT_BENCH_PIVOT_ONLY") {
        let ws = Workspace::open(Path::new(&path)).await.unwrap();
        let rows = repo::count_live(ws.pool(), "incidents").await.unwrap() as usize;
        pivot_bench(&ws, rows).await;
        evidence_bench(&ws).await;
        return;
    }
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map(|a| a.parse().unwrap()).unwrap_or(1_000_000);
    let rounds: usize = args.next().map(|a| a.parse().unwrap()).unwrap_or(3);
    let dir = tempfile_dir();
    let csv = dir.join("incidents.csv");
    let started = Instant::now();
    generate_csv(&csv, rows);
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

/// The full evidence chain of a problem linked to a tenth of the incidents (4 of the 36 types…
/// about 111,000 of 1,000,000), warm, median of 10.
async fn evidence_bench(ws: &Workspace) {
    let link = IncidentFilter { problem_types: (0..4).map(|t| format!("类型{t:02}")).collect(), ..Default::default() };
    let problem = problems::create(ws, problems::default_input("基准问题"), Some(link)).await.unwrap();
    let mut times = Vec::new();
    evidence::compute(ws, problem.id, Lang::ZhCn).await.unwrap();
    for _ in 0..10 {
        let t0 = Instant::now();
        let e = evidence::compute(ws, problem.id, Lang::ZhCn).await.unwrap();
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(e.incidents, problem.incident_count);
    }
    println!("evidence chain of a problem linked to {} incidents, warm median of 10: {:.1} ms (target < 150 ms)", problem.incident_count, median(times));
}

/// The board pivot, ours against the same SQL in the sqlite3 shell, warm, median of 10.
async fn pivot_bench(ws: &Workspace, rows: usize) {
    let mut pivot_ours = Vec::new();
    repo::incidents::pivot(ws.pool()).await.unwrap();
    for _ in 0..10 {
        let t0 = Instant::now();
        let cells = repo::incidents::pivot(ws.pool()).await.unwrap();
        pivot_ours.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert!(!cells.is_empty());
    }
    println!("board pivot over {rows} rows, ours, warm median of 10: {:.2} ms", median(pivot_ours.clone()));
    let db = ws.path().to_owned();
    let p_ours = median(pivot_ours);
    if let Some((p_shell, p_cpu)) = shell_median_ms(&db, repo::incidents::PIVOT_SQL) {
        println!("board pivot (department × type × month over {rows} rows), warm median of 10: ours {p_ours:.2} ms, sqlite3 shell {p_shell:.1} ms wall (to the ms; {p_cpu:.2} ms CPU) on the same SQL, ratio {:.2} (target < 150 ms, ≤ 1.0)", p_ours / p_shell);
    }
    if let Some((raw, _)) = shell_median_ms(&db, RAW_PIVOT_SQL.trim_end_matches(';')) {
        println!("for scale, the shell grouping all {rows} incidents without the aggregate: {raw:.1} ms");
    }
}

/// Dot-commands only work on the shell's input, not as an argument.
fn run_shell(db: &Path, script: &str) -> std::process::Output {
    let mut child = Command::new("sqlite3")
        .arg(db)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sqlite3 shell (apt install sqlite3)");
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("liaison-import-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
