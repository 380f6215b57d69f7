//! The two doors the architecture keeps shut, checked in the source: SQL is written only in the
//! repositories (and, for the file itself, the workspace module), and the Tauri shell reaches the
//! core through its services only, plus the shared value types.

use std::path::{Path, PathBuf};

use crate::architecture::strip_comments_and_strings;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if entry.is_dir() {
            out.extend(rust_files(&entry));
        } else if entry.extension().is_some_and(|e| e == "rs") {
            out.push(entry);
        }
    }
    out
}

/// The file's code without comments, strings and its unit tests, line by line.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let src = std::fs::read_to_string(path).unwrap();
    let code = strip_comments_and_strings(&src);
    code.lines().take_while(|l| !l.contains("#[cfg(test)]")).map(str::to_owned).enumerate().map(|(n, l)| (n + 1, l)).collect()
}

/// Lines of `files` (relative to `root`) outside `allowed` that contain any of `needles`.
fn offenders(root: &Path, allowed: &[&str], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(root) {
        let rel = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if allowed.iter().any(|a| rel == *a || rel.starts_with(&format!("{a}/"))) {
            continue;
        }
        for (n, line) in code_lines(&file) {
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("{rel}:{n}: {}", line.trim()));
            }
        }
    }
    found
}

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn sql_is_written_in_the_repositories_only() {
    // Split so that this file does not find itself.
    let needles = [concat!("sqlx::", "query"), concat!("Query", "Builder"), concat!("raw_", "sql"), concat!("sqlx::", "Connection::")];
    let found = offenders(&core_src(), &["repo", "workspace", "testing.rs"], &needles);
    assert!(found.is_empty(), "SQL outside repo/ (move it into the table's module):\n{}", found.join("\n"));
}

/// What the shell may name in the core: the services, the shared value types at the root, the
/// demo seeder and the synced-folder check of the workspace file.
const SHELL_MAY_USE: &[&str] = &["service::", "time::", "text::", "workspace::synced_folder", "demo", "CoreError", "ErrorCode", "Lang", "Id", "Workspace", "Money", "Result"];

/// Every path after `liaison_core::` on the line, a `{a, b::c}` group read as its members.
fn shell_reaches(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, m) in line.match_indices("liaison_core::") {
        let rest = &line[i + m.len()..];
        match rest.strip_prefix('{') {
            Some(group) => out.extend(group.split('}').next().unwrap_or("").split(',').map(|p| p.trim().to_owned())),
            None => out.push(rest.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).next().unwrap_or("").to_owned()),
        }
    }
    out
}

#[test]
fn the_shell_calls_the_core_through_services_only() {
    let shell = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri/src");
    let mut found = Vec::new();
    for file in rust_files(&shell) {
        for (n, line) in code_lines(&file) {
            for path in shell_reaches(&line) {
                if !SHELL_MAY_USE.iter().any(|ok| path.starts_with(ok)) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "the shell reaches past the services:\n{}", found.join("\n"));
}

/// Everything after a file's `#[cfg(test)]` is skipped by these checks and by the layer test, so
/// the test module must be the file's last item.
#[test]
fn test_modules_come_last() {
    let mut found = Vec::new();
    for file in rust_files(&core_src()) {
        let code = strip_comments_and_strings(&std::fs::read_to_string(&file).unwrap());
        let Some(start) = code.find("#[cfg(test)]") else { continue };
        let Some(open) = code[start..].find('{').map(|o| start + o) else { continue };
        let mut depth = 0;
        let end = code[open..].char_indices().find_map(|(i, c)| {
            depth += match c { '{' => 1, '}' => -1, _ => 0 };
            (depth == 0).then_some(open + i)
        });
        if end.is_some_and(|e| !code[e + 1..].trim().is_empty()) {
            found.push(file.display().to_string());
        }
    }
    assert!(found.is_empty(), "items after the test module (move them above it):\n{}", found.join("\n"));
}

#[test]
fn the_door_checks_see_what_they_look_for() {
    assert_eq!(shell_reaches("use liaison_core::repo::incidents; let x = liaison_core::service::board::page(1);"), ["repo::incidents", "service::board::page"]);
    assert_eq!(shell_reaches("use liaison_core::{repo, CoreError};"), ["repo", "CoreError"]);
    assert!(!SHELL_MAY_USE.iter().any(|ok| "repo::incidents".starts_with(ok) || "repo".starts_with(ok)));
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("repo")).unwrap();
    std::fs::write(dir.path().join("repo/a.rs"), concat!("fn f() { sqlx::", "query(\"x\"); }\n")).unwrap();
    std::fs::write(dir.path().join("b.rs"), concat!("// sqlx::", "query in a comment\nfn g() {\n    sqlx::", "query_as(\"y\");\n}\n#[cfg(test)]\nfn t() { sqlx::", "query(\"z\"); }\n")).unwrap();
    let needles = [concat!("sqlx::", "query")];
    assert_eq!(offenders(dir.path(), &["repo"], &needles), [concat!("b.rs:3: sqlx::", "query_as(   );")]);
}
