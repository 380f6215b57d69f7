//! The app's log: `liaison.log` in the platform's log folder (Linux
//! `~/.local/share/app.liaison.desk/logs`), also on stderr. What failed out of the user's sight
//! (a background sweep, a backup, a read the page could not show) lands here, so support can see
//! it and the end-to-end tests fail on it.

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// A log larger than this is moved aside to `liaison.log.1` (the one before is dropped).
const MAX_BYTES: u64 = 1 << 20;

static FILE: OnceLock<PathBuf> = OnceLock::new();
static WRITING: Mutex<()> = Mutex::new(());

pub fn init(dir: PathBuf) {
    let _ = std::fs::create_dir_all(&dir);
    let _ = FILE.set(dir.join("liaison.log"));
}

pub fn error(source: &str, message: &str) {
    write("ERROR", source, message);
}

pub fn info(source: &str, message: &str) {
    write("INFO", source, message);
}

fn write(level: &str, source: &str, message: &str) {
    let line = format!("{} {level} {source}: {}\n", chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"), message.replace('\n', " ⏎ "));
    eprint!("{line}");
    let Some(path) = FILE.get() else { return };
    let _guard = WRITING.lock();
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let _ = std::fs::rename(path, path.with_extension("log.1"));
    }
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = file.write_all(line.as_bytes());
    }
}
