//! Crash safety: a worker process imports and edits in a loop; it is killed with SIGKILL at random
//! moments, 50 times. After each kill the workspace reopens with `PRAGMA integrity_check` ok, every
//! change the worker saw committed is there, and no import is half-applied.
//!
//! The worker is this same test binary, started again with `LIAISON_CRASH_WORKER` set: Rust
//! integration tests cannot name an example's binary, but can always find their own.

use std::io::Write;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use liaison_core::import::{self, ImportOptions};
use liaison_core::service::departments::DepartmentInput;
use liaison_core::Workspace;

const WORKER: &str = "LIAISON_CRASH_WORKER";
const ROWS: usize = 300;
const KILLS: usize = 50;

/// The worker: round after round, one import of `ROWS` incidents and one edit, each logged to the
/// journal only after its commit returned. Not a test on its own (it asserts nothing until killed):
/// ignored in a normal run, started with `--ignored` by the test below.
#[tokio::test]
#[ignore = "the worker process of sigkill_at_random_moments_loses_nothing_committed"]
async fn crash_worker() {
    let dir = std::env::var_os(WORKER).expect("LIAISON_CRASH_WORKER names the worker's folder");
    let dir = Path::new(&dir);
    let ws = Workspace::open(&dir.join("crash.liaison")).await.unwrap();
    let mut journal = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("journal")).unwrap();
    let start: usize = std::fs::read_to_string(dir.join("journal")).unwrap().lines().count();
    for round in start.. {
        let csv = dir.join(format!("round{round}.csv"));
        let mut body = String::from("工单号,问题类型,门店,等待时长（分钟）,成本,登记时间\n");
        for n in 0..ROWS {
            body.push_str(&format!("R{round}-{n},包装破损,上海{}店,{},{}元,2026-03-{:02} 10:00\n", n % 7, n % 90, n * 3, n % 28 + 1));
        }
        std::fs::write(&csv, body).unwrap();
        let mapping = import::inspect(&csv, None, None).unwrap().guessed;
        let options = ImportOptions { mapping, ..Default::default() };
        import::run(&ws, &csv, &options, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
        let input = DepartmentInput { name: format!("部门{round}"), ..Default::default() };
        // A round whose edit committed just before the last kill, but was not yet logged, runs again.
        match liaison_core::service::departments::create(&ws, input).await {
            Ok(_) => {}
            Err(e) if e.code == liaison_core::ErrorCode::DepartmentNameTaken => {}
            Err(e) => panic!("{e:?}"),
        }
        // One write call: `writeln!` may split the number and its newline, and a kill between the two
        // would glue this round to the next one in the journal.
        journal.write_all(format!("{round}\n").as_bytes()).unwrap();
        journal.sync_all().unwrap();
    }
}

#[tokio::test]
async fn sigkill_at_random_moments_loses_nothing_committed() {
    if std::env::var_os(WORKER).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journal"), "").unwrap();
    let me = std::env::current_exe().unwrap();
    // A small deterministic generator: the kill moments differ per round but every run is the same.
    let mut seed: u64 = 0x5eed_1a15_0000_0001;
    let mut killed_mid_round = 0;
    for kill in 0..KILLS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = Duration::from_millis(40 + seed % 400);
        let mut child = Command::new(&me)
            .args(["--exact", "crash_safety::crash_worker", "--ignored", "--nocapture", "--test-threads=1"])
            .env(WORKER, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        let ws = Workspace::open(&dir.path().join("crash.liaison")).await.unwrap_or_else(|e| panic!("kill {kill}: reopen failed: {e:?}"));
        let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(ws.pool()).await.unwrap();
        assert_eq!(check, "ok", "kill {kill}");
        let committed: Vec<usize> = std::fs::read_to_string(dir.path().join("journal")).unwrap().lines().map(|l| l.parse().unwrap()).collect();
        // One pass over each table per kill: incidents per round, departments per round.
        let rows: HashMap<i64, i64> = sqlx::query_as(
            "SELECT CAST(substr(external_id, 2, instr(external_id, '-') - 2) AS INTEGER), count(*) FROM incidents GROUP BY 1",
        )
        .fetch_all(ws.pool())
        .await
        .unwrap()
        .into_iter()
        .collect();
        let depts: Vec<String> = sqlx::query_scalar("SELECT name FROM departments").fetch_all(ws.pool()).await.unwrap();
        for (round, n) in &rows {
            assert_eq!(*n, ROWS as i64, "kill {kill}: round {round} half-imported");
        }
        for round in &committed {
            assert_eq!(rows.get(&(*round as i64)), Some(&(ROWS as i64)), "kill {kill}: round {round} was committed");
            assert!(depts.contains(&format!("部门{round}")), "kill {kill}: the edit of round {round} was committed");
        }
        let last = committed.last().map_or(0, |r| r + 1) as i64;
        if rows.contains_key(&last) && !depts.contains(&format!("部门{last}")) {
            killed_mid_round += 1;
        }
        ws.close().await;
    }
    let committed = std::fs::read_to_string(dir.path().join("journal")).unwrap().lines().count();
    assert!(committed >= 5, "the worker got work done between kills ({committed} rounds)");
    println!("{KILLS} kills, {committed} rounds committed, {killed_mid_round} kills between an import and its edit");
}
