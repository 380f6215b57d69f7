//! An export killed midway leaves the file it was replacing as it was: the worker (this test
//! binary again, as in crash_safety) exports a large list over an existing file and is killed with
//! SIGKILL at moments while its temporary file is being written. After every kill the target holds
//! either the old bytes or a whole new export, never part of one.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use liaison_core::service::board::{self, IncidentFilter, ListFormat};
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::{Lang, Workspace};

use crate::common;

const WORKER: &str = "LIAISON_EXPORT_WORKER";
const ROWS: usize = 120_000;
const OLD: &[u8] = b"the list exported last week\n";

#[tokio::test]
#[ignore = "the worker process of an_export_killed_midway_leaves_the_old_file"]
async fn export_worker() {
    let dir = std::env::var_os(WORKER).expect("LIAISON_EXPORT_WORKER names the worker's folder");
    let dir = Path::new(&dir);
    let ws = Workspace::open(&dir.join("w.liaison")).await.unwrap();
    board::export(&ws, &IncidentFilter::default(), ListFormat::Csv, &dir.join("out").join("list.csv"), Lang::ZhCn).await.unwrap();
}

fn temp_file_in(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().starts_with(".liaison-export-"))
}

#[tokio::test]
async fn an_export_killed_midway_leaves_the_old_file() {
    if std::env::var_os(WORKER).is_some() {
        return;
    }
    let t = common::temp_workspace().await;
    let rows = (0..ROWS).map(|n| IncidentInput { title: format!("工单 {n}"), problem_type: "包装破损".into(), opened_at: 1_775_000_000_000 + n as i64, status: "open".into(), ..Default::default() }).collect();
    common::insert_records(&t.ws, rows).await;
    let workspace = t.dir.path().join("w.liaison");
    liaison_core::service::backup::save_copy(&t.ws, &workspace).await.unwrap();
    let out = t.dir.path().join("out");
    let target = out.join("list.csv");
    let me = std::env::current_exe().unwrap();
    let mut killed_midway = 0;
    for delay_ms in [0, 20, 60, 120, 250] {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(&target, OLD).unwrap();
        let mut child = Command::new(&me)
            .args(["--exact", "export_crash::export_worker", "--ignored", "--test-threads=1"])
            .env(WORKER, t.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !temp_file_in(&out) && child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let now = std::fs::read(&target).unwrap();
        if now == OLD {
            killed_midway += usize::from(!finished);
        } else {
            let text = String::from_utf8(now).expect("a whole export is UTF-8");
            assert_eq!(text.lines().count(), ROWS + 1, "after a kill {delay_ms} ms into the export the file is a whole export");
        }
        std::fs::remove_dir_all(&out).unwrap();
    }
    assert!(killed_midway > 0, "at least one kill landed while the export was being written");
}
