//! Dispatch measured at scale, against the sqlite3 shell doing the same work:
//!   cargo run --release -p liaison-core --example dispatch_bench -- [INCIDENTS] [ROUNDS]
//! (default 1,000,000 incidents, 3 rounds). Everything is written under /tmp and removed after.
//!
//! 1. A workspace with the incidents (six departments, three clock-hour classes), made in bulk SQL.
//! 2. Their event history as a CSV of three events per incident (3,000,000 rows by default):
//!    created, then claimed and resolved, or transferred and claimed, or transferred twice.
//! 3. (b) The history import, each round on a fresh copy of the workspace: ours through
//!    `service::dispatch_stats::import_history` (the function the UI calls: every row checked,
//!    incidents and departments looked up, a claim deadline per receipt, a stable key per event,
//!    the incidents' own columns brought up to date, one transaction), and the shell on another
//!    copy: `.import` into a staging table, then one INSERT … SELECT into `incident_events` (the
//!    same rows: ids joined, times converted, deadlines, a key per event, `ON CONFLICT DO NOTHING`)
//!    and the same statements bringing the incidents up to date. The shell's key is the plain
//!    joined text, not a hash.
//! 4. (a) The department figures over the whole period on the imported workspace: ours through
//!    `service::dispatch_stats::departments`, the shell running the same statement with the same
//!    parameters. Both warm (one run first), then the median of ROUNDS runs.

#[path = "bench_shell/mod.rs"]
mod bench_shell;

use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use bench_shell::{fresh_copy, median, peak_rss_mb, run_shell};
use chrono::{FixedOffset, TimeZone};
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::dispatch_stats;
use liaison_core::Workspace;

const DEPARTMENTS: [&str; 6] = ["售后运营部", "产品部", "IT部", "供应链部", "财务部", "客服中心"];
/// Claim hours of the three classes (clock hours).
const CLAIM_HOURS: [i64; 3] = [1, 4, 8];
/// 2024-01-01 00:00 in Shanghai.
const START_MS: i64 = 1_704_038_400_000;
const TWO_YEARS_S: i64 = 730 * 86_400;
const MIN_MS: i64 = 60_000;

fn opened_at(x: i64) -> i64 {
    START_MS + (x * 7919 % TWO_YEARS_S) * 1000
}

/// A workspace with `n` incidents `B-1` … `B-n`, written in bulk by SQL.
async fn template(path: &Path, n: i64) {
    let ws = Workspace::open(path).await.unwrap();
    for name in DEPARTMENTS {
        departments::create(&ws, DepartmentInput { name: name.into(), ..Default::default() }).await.unwrap();
    }
    for (i, claim) in CLAIM_HOURS.iter().enumerate() {
        let id = liaison_core::testing::add_severity_class(&ws, &format!("P{}", i + 1), "", 24 * (i as i64 + 1), i as i64 + 1).await.unwrap();
        sqlx::query("UPDATE severity_classes SET claim_hours = ? WHERE id = ?").bind(claim).bind(id).execute(ws.pool()).await.unwrap();
    }
    let first_department: i64 = sqlx::query_scalar("SELECT min(id) FROM departments").fetch_one(ws.pool()).await.unwrap();
    let first_class: i64 = sqlx::query_scalar("SELECT min(id) FROM severity_classes").fetch_one(ws.pool()).await.unwrap();
    sqlx::query(
        "INSERT INTO incidents (title, external_id, department_id, severity_class_id, opened_at, created_at, updated_at, assigned_at)
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?1)
         SELECT 'bench ' || x, 'B-' || x, ?2 + x % 6, ?3 + x % 3, ?4 + (x * 7919 % ?5) * 1000, 0, 0, ?4 + (x * 7919 % ?5) * 1000 FROM n",
    )
    .bind(n)
    .bind(first_department)
    .bind(first_class)
    .bind(START_MS)
    .bind(TWO_YEARS_S)
    .execute(ws.pool())
    .await
    .unwrap();
    ws.close().await;
}

/// The history of incident `x`: (event, department index, time).
fn history(x: i64) -> [(&'static str, usize, i64); 3] {
    let o = opened_at(x);
    let d = (x % 6) as usize;
    let next = (d + 1) % 6;
    match x % 10 {
        0..=5 => {
            let claimed = o + ((x * 31) % 180 + 5) * MIN_MS;
            [("created", d, o), ("claimed", d, claimed), ("resolved", d, claimed + ((x * 17) % 72 + 1) * 60 * MIN_MS)]
        }
        6..=8 => {
            let moved = o + ((x * 13) % 120 + 10) * MIN_MS;
            [("created", d, o), ("transferred", next, moved), ("claimed", next, moved + ((x * 7) % 90 + 5) * MIN_MS)]
        }
        _ => [("created", d, o), ("transferred", next, o + 60 * MIN_MS), ("transferred", d, o + 120 * MIN_MS)],
    }
}

fn write_history(path: &Path, n: i64) -> usize {
    let zone = FixedOffset::east_opt(8 * 3600).unwrap();
    let mut out = BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "incident,event,department,time,reason").unwrap();
    let mut rows = 0;
    for x in 1..=n {
        for (event, d, at) in history(x) {
            let time = zone.timestamp_millis_opt(at).unwrap().format("%Y-%m-%d %H:%M:%S");
            let reason = if event == "transferred" { "bench" } else { "" };
            writeln!(out, "B-{x},{event},{},{time},{reason}", DEPARTMENTS[d]).unwrap();
            rows += 1;
        }
    }
    out.flush().unwrap();
    rows
}

/// The shell's import: staging table, one INSERT … SELECT, the incidents' UPDATE, as ours does.
fn shell_import(db: &Path, csv: &Path) -> f64 {
    let now = liaison_core::time::now_ms();
    let script = format!(
        "PRAGMA foreign_keys = ON;
CREATE TEMP TABLE h (number TEXT, event TEXT, department TEXT, time TEXT, reason TEXT);
.import --csv --skip 1 {csv} h
BEGIN;
.parameter init
.parameter set ?1 0
.parameter set ?2 {now}
INSERT INTO incident_events (incident_id, kind, source, to_department_id, reason, at, created_at, due_at, external_key)
SELECT i.id, h.event, 'history', d.id, h.reason, (unixepoch(h.time) - 28800) * 1000, {now},
       CASE WHEN h.event IN ('created', 'transferred') THEN (unixepoch(h.time) - 28800) * 1000 + c.claim_hours * 3600000 END,
       h.number || char(31) || h.event || char(31) || lower(h.department) || char(31) || ((unixepoch(h.time) - 28800) * 1000)
FROM h
JOIN incidents i ON i.external_id = h.number AND i.deleted_at IS NULL
JOIN departments d ON lower(trim(d.name)) = lower(trim(h.department)) AND d.deleted_at IS NULL
LEFT JOIN severity_classes c ON c.id = i.severity_class_id
WHERE true
ON CONFLICT (external_key) WHERE external_key IS NOT NULL DO NOTHING;
{create_last};
{collect_last};
{apply_last};
COMMIT;
",
        csv = csv.display(),
        create_last = dispatch_stats::HISTORY_CREATE_LAST,
        collect_last = dispatch_stats::HISTORY_COLLECT_LAST,
        apply_last = dispatch_stats::HISTORY_APPLY_LAST,
    );
    let t0 = Instant::now();
    let out = run_shell(db, &script);
    let secs = t0.elapsed().as_secs_f64();
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    secs
}

async fn events(ws: &Workspace) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM incident_events").fetch_one(ws.pool()).await.unwrap()
}

const FROM: &str = "2024-01-01";
const UNTIL: &str = "2026-01-01";

/// The shell's `.timer` wall times of the figures' statement, run `runs` + 1 times (the first dropped).
fn shell_figures(db: &Path, runs: usize) -> Vec<f64> {
    let (from, until) = (START_MS, START_MS + 731 * 86_400_000);
    let statement = format!("{};\n", dispatch_stats::figures_statement());
    let script = format!(
        ".parameter init\n.parameter set ?1 {from}\n.parameter set ?2 {until}\n.parameter set ?3 {from}\n.parameter set ?4 {}\n.timer on\n.output /dev/null\n{}",
        until - from,
        statement.repeat(runs + 1)
    );
    let out = run_shell(db, &script);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let times: Vec<f64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("Run Time: real "))
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    assert_eq!(times.len(), runs + 1, "{}", String::from_utf8_lossy(&out.stdout));
    times[1..].to_vec()
}

fn machine_state() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mem = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let available = mem.lines().find(|l| l.starts_with("MemAvailable")).unwrap_or("").split_whitespace().nth(1).unwrap_or("0").parse::<f64>().unwrap_or(0.0) / 1e6;
    format!("load average {}; {available:.1} GB memory available; {} cores", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "), std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0))
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: i64 = args.next().map(|a| a.parse().unwrap()).unwrap_or(1_000_000);
    let rounds: usize = args.next().map(|a| a.parse().unwrap()).unwrap_or(3);
    let dir = std::env::temp_dir().join(format!("liaison-dispatch-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    println!("machine: {}", machine_state());

    let started = Instant::now();
    let template_path = dir.join("template.liaison");
    template(&template_path, n).await;
    let csv = dir.join("history.csv");
    let rows = write_history(&csv, n);
    println!(
        "generated {n} incidents and a history of {rows} rows ({:.0} MB) in {:.1} s",
        std::fs::metadata(&csv).unwrap().len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // (b) the history import.
    let (mut ours, mut shell) = (Vec::new(), Vec::new());
    let mut imported = None;
    for round in 0..rounds {
        let path = fresh_copy(&template_path, "ours.liaison");
        let ws = Workspace::open(&path).await.unwrap();
        let t0 = Instant::now();
        let report = dispatch_stats::import_history(&ws, &csv, None, &|_| {}, &AtomicBool::new(false)).await.unwrap();
        ours.push(t0.elapsed().as_secs_f64());
        assert!(report.committed && report.inserted as usize == rows, "{:?}", report.issues.first());
        ws.close().await;

        let shell_db = fresh_copy(&template_path, "shell.liaison");
        shell.push(shell_import(&shell_db, &csv));
        let check = Workspace::open(&shell_db).await.unwrap();
        assert_eq!(events(&check).await as usize, rows, "the shell imported every row");
        check.close().await;
        let _ = std::fs::remove_file(&shell_db);
        println!("import round {}: ours {:.2} s, sqlite3 {:.2} s; {}", round + 1, ours[round], shell[round], machine_state());
        imported = Some(path);
    }
    let (o, s) = (median(ours), median(shell));
    println!("(b) history import of {rows} rows, median of {rounds}: ours {o:.2} s ({:.0} rows/s), sqlite3 shell {s:.2} s, ratio {:.2} (goal ≤ 1.0); peak memory {:.0} MB", rows as f64 / o, o / s, peak_rss_mb());

    // (a) the department figures over the whole period, on the imported workspace.
    let path = imported.unwrap();
    let ws = Workspace::open(&path).await.unwrap();
    let mut times = Vec::new();
    let mut table = Vec::new();
    for _ in 0..=rounds {
        let t0 = Instant::now();
        table = dispatch_stats::departments(&ws, FROM, UNTIL).await.unwrap();
        times.push(t0.elapsed().as_secs_f64());
    }
    ws.close().await;
    let ours = median(times[1..].to_vec());
    let shell = median(shell_figures(&path, rounds));
    let received: i64 = table.iter().map(|f| f.received).sum();
    println!(
        "(a) department figures over {} events, warm median of {rounds}: ours {ours:.2} s, sqlite3 shell {shell:.2} s on the same SQL, ratio {:.2} (goal ≤ 1.5); {} departments, {received} receptions; {}",
        rows,
        ours / shell,
        table.len(),
        machine_state()
    );
    if std::env::var_os("DISPATCH_BENCH_KEEP").is_some() {
        println!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
