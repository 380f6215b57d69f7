//! Encryption at rest on real files: an encrypted workspace, its `-wal`, its backups and its
//! single-file copies hold none of the director's words in plaintext (checked byte by byte and
//! with the `strings` command); the right passphrase opens it, a wrong or missing one is named
//! as such and changes nothing; the version check runs after unlocking; a passphrase can be set,
//! changed and removed without losing anything.

use std::path::{Path, PathBuf};

use liaison_core::service::departments::DepartmentInput;
use liaison_core::service::people::PersonInput;
use liaison_core::service::stakeholders::{NoteInput, NoteKind};
use liaison_core::service::{backup, departments, people, stakeholders};
use liaison_core::{ErrorCode, Workspace};

const PASS: &str = "正确的口令 correct horse '42";
const PERSON: &str = "欧阳明远";
const NOTE: &str = "PLAINTEXT-CANARY-秘密";
const DEPARTMENT: &str = "CANARY-DEPT-财务共享中心";

/// The words a leak would show: each canary as UTF-8 and its ASCII part, and SQL schema text.
fn needles() -> Vec<&'static str> {
    vec![PERSON, NOTE, "PLAINTEXT-CANARY", "秘密", DEPARTMENT, "CANARY-DEPT", "CREATE TABLE", "SQLite format 3"]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// What `strings` prints for a file: 7-bit runs (the default) and 8-bit runs (`-e S`, which keeps
/// UTF-8 Chinese together).
fn strings_of(path: &Path) -> String {
    let mut all = String::new();
    for encoding in ["s", "S"] {
        let out = std::process::Command::new("strings")
            .args(["-a", "-n", "4", "-e", encoding])
            .arg(path)
            .output()
            .expect("the `strings` command (binutils) must be installed");
        assert!(out.status.success(), "strings failed on {}", path.display());
        all.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    all
}

/// Which of the needles the file shows, by a byte scan and by `strings`.
fn leaks(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let strings = strings_of(path);
    let mut found = Vec::new();
    for needle in needles() {
        if contains(&bytes, needle.as_bytes()) {
            found.push(format!("bytes: {needle}"));
        }
        if strings.contains(needle) {
            found.push(format!("strings: {needle}"));
        }
    }
    found
}

fn assert_sealed(path: &Path) {
    assert!(std::fs::metadata(path).unwrap().len() > 0, "{} is empty", path.display());
    let found = leaks(path);
    assert!(found.is_empty(), "{} shows plaintext: {found:?}", path.display());
}

fn wal_of(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", path.display()))
}

async fn write_secrets(ws: &Workspace) {
    let dept = departments::create(ws, DepartmentInput { name: DEPARTMENT.into(), ..Default::default() }).await.unwrap();
    let person = people::create(ws, PersonInput { name: PERSON.into(), department_id: Some(dept.id), ..Default::default() }).await.unwrap();
    let note = NoteInput { kind: NoteKind::Pressure, text: NOTE.into(), metric: None, source: "会议".into(), noted_on: 0 };
    stakeholders::add_note(ws, person.id, note).await.unwrap();
}

async fn read_secrets(ws: &Workspace) -> (Vec<String>, Vec<String>) {
    let depts = departments::list(ws).await.unwrap().into_iter().map(|d| d.name).collect();
    let persons = people::list(ws).await.unwrap();
    let mut texts = Vec::new();
    for p in &persons {
        texts.push(p.name.clone());
        texts.extend(stakeholders::profile(ws, p.id).await.unwrap().notes.into_iter().map(|n| n.text));
    }
    (depts, texts)
}

async fn assert_has_secrets(ws: &Workspace) {
    let (depts, texts) = read_secrets(ws).await;
    assert_eq!(depts, [DEPARTMENT]);
    assert_eq!(texts, [PERSON, NOTE]);
}

/// The checks themselves find the canaries in a plaintext workspace, so finding none below means
/// something.
#[tokio::test]
async fn the_scan_finds_plaintext_in_an_unencrypted_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.liaison");
    let ws = Workspace::open(&path).await.unwrap();
    assert!(!ws.is_encrypted());
    write_secrets(&ws).await;
    let wal = wal_of(&path);
    let in_wal = leaks(&wal);
    for needle in [NOTE, "PLAINTEXT-CANARY", PERSON] {
        assert!(in_wal.contains(&format!("bytes: {needle}")), "{needle} in the -wal: {in_wal:?}");
        assert!(in_wal.contains(&format!("strings: {needle}")), "{needle} by strings: {in_wal:?}");
    }
    let backup = backup::now(&ws).await.unwrap();
    assert!(leaks(&backup).contains(&format!("strings: {NOTE}")));
    ws.close().await;
    assert!(leaks(&path).contains(&format!("bytes: {PERSON}")));
    // A plaintext workspace stays an ordinary SQLite file and opens without a passphrase.
    assert!(std::fs::read(&path).unwrap().starts_with(b"SQLite format 3\0"));
    assert!(!Workspace::needs_passphrase(&path));
    let again = Workspace::open(&path).await.unwrap();
    assert_has_secrets(&again).await;
}

#[tokio::test]
async fn an_encrypted_workspace_its_wal_backups_and_copies_show_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.liaison");
    let ws = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap();
    assert!(ws.is_encrypted());
    write_secrets(&ws).await;

    // Still open: the new pages are in the -wal.
    let wal = wal_of(&path);
    assert!(std::fs::metadata(&wal).unwrap().len() > 0, "the writes are in the -wal");
    assert_sealed(&wal);
    assert_sealed(&path);

    let backup = backup::now(&ws).await.unwrap();
    assert_sealed(&backup);
    let copy = dir.path().join("elsewhere").join("copy.liaison");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    backup::save_copy(&ws, &copy).await.unwrap();
    assert_sealed(&copy);
    assert!(!PathBuf::from(format!("{}-wal", copy.display())).exists());

    // Everything checkpointed into the main file.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(ws.pool()).await.unwrap();
    assert_sealed(&path);
    ws.close().await;
    assert_sealed(&path);

    // The copies are whole workspaces that open with the same passphrase, and only with it.
    for file in [&backup, &copy] {
        assert_eq!(Workspace::check_file(file).await.unwrap_err().code, ErrorCode::WorkspacePassphraseRequired);
        Workspace::check_file_with_passphrase(file, Some(PASS)).await.unwrap();
    }
    let opened = Workspace::open_with_passphrase(&copy, Some(PASS)).await.unwrap();
    assert_has_secrets(&opened).await;
}

#[tokio::test]
async fn the_right_passphrase_opens_a_wrong_or_missing_one_is_named_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.liaison");
    let ws = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap();
    write_secrets(&ws).await;
    ws.close().await;
    assert!(Workspace::needs_passphrase(&path));
    let before = std::fs::read(&path).unwrap();

    let err = Workspace::open(&path).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspacePassphraseRequired, "{err:?}");
    assert_eq!(err.params["path"], path.display().to_string());
    let err = Workspace::open_with_passphrase(&path, Some("正确的口令 correct horse '43")).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspacePassphraseWrong, "{err:?}");
    let err = Workspace::open_with_passphrase(&path, Some("")).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Required);
    assert_eq!(std::fs::read(&path).unwrap(), before, "refused opens leave the file as it was");
    assert!(!wal_of(&path).exists());

    let ws = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap();
    assert_eq!(ws.passphrase(), Some(PASS));
    assert!(!format!("{ws:?}").contains(PASS), "the passphrase is never printed");
    assert_has_secrets(&ws).await;
    // Every pooled connection is unlocked, not just the first.
    let held: Vec<_> = futures_like_acquire(&ws, 4).await;
    drop(held);
    ws.close().await;

    // A text file is still "not a Liaison workspace", with or without a passphrase asked for.
    let text = dir.path().join("notes.liaison");
    std::fs::write(&text, "这不是数据库 / not a database").unwrap();
    assert!(!Workspace::needs_passphrase(&text));
    assert_eq!(Workspace::open(&text).await.unwrap_err().code, ErrorCode::WorkspaceNotLiaison);
}

/// Holds `n` pool connections at once and reads through each.
async fn futures_like_acquire(ws: &Workspace, n: usize) -> Vec<sqlx::pool::PoolConnection<sqlx::Sqlite>> {
    let mut held = Vec::new();
    for _ in 0..n {
        let mut conn = ws.pool().acquire().await.unwrap();
        let count: i64 = sqlx::query_scalar("SELECT count(*) FROM people").fetch_one(&mut *conn).await.unwrap();
        assert_eq!(count, 1);
        held.push(conn);
    }
    held
}

#[tokio::test]
async fn a_newer_encrypted_file_is_refused_after_unlocking_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.liaison");
    let ws = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    )
    .execute(ws.pool())
    .await
    .unwrap();
    ws.close().await;
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspaceNewerVersion);
    assert_eq!(err.params["file_version"], "99990101000000");
    // Without the passphrase the version cannot be read: the passphrase is asked for first.
    assert_eq!(Workspace::open(&path).await.unwrap_err().code, ErrorCode::WorkspacePassphraseRequired);
    assert_eq!(Workspace::open_with_passphrase(&path, Some("nope")).await.unwrap_err().code, ErrorCode::WorkspacePassphraseWrong);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Nothing is left beside it either: the version was read after unlocking, and a read-only
    // look at a WAL-mode file would create a -wal and -shm it cannot remove.
    for suffix in ["-wal", "-shm"] {
        assert!(!PathBuf::from(format!("{}{suffix}", path.display())).exists(), "a refused open left {suffix}");
    }
}

#[tokio::test]
async fn set_change_and_remove_a_passphrase_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.liaison");
    let ws = Workspace::open(&path).await.unwrap();
    write_secrets(&ws).await;
    let plain_backup = backup::now(&ws).await.unwrap();
    assert!(!leaks(&plain_backup).is_empty(), "a backup from before the passphrase is plaintext");

    // Refusals happen before anything is closed or written: the workspace stays open as it was.
    assert_eq!(ws.clone().remove_passphrase("x").await.unwrap_err().code, ErrorCode::WorkspaceNotEncrypted);
    assert_eq!(ws.clone().set_passphrase("   ").await.unwrap_err().code, ErrorCode::Required);

    // Set: the workspace and every backup (including the one made just before) are encrypted.
    let ws = ws.set_passphrase(PASS).await.unwrap();
    assert!(ws.is_encrypted());
    assert_has_secrets(&ws).await;
    let backups = backup::list(&ws);
    assert!(backups.iter().any(|b| b.reason == "pre-passphrase"), "{backups:?}");
    assert!(backups.len() >= 2);
    for b in &backups {
        let file = backup::backups_dir(&ws).join(&b.file_name);
        assert_sealed(&file);
        Workspace::check_file_with_passphrase(&file, Some(PASS)).await.unwrap();
    }
    assert_sealed(&plain_backup);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(leftovers.iter().all(|n| !n.to_string_lossy().contains("rekey")), "no staging file left: {leftovers:?}");
    assert_eq!(ws.clone().set_passphrase("again").await.unwrap_err().code, ErrorCode::WorkspaceAlreadyEncrypted);
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(ws.pool()).await.unwrap();
    assert_sealed(&path);
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(ws.pool()).await.unwrap();
    assert_eq!(journal, "wal");
    let app_id: i32 = sqlx::query_scalar("PRAGMA application_id").fetch_one(ws.pool()).await.unwrap();
    assert_eq!(app_id, liaison_core::workspace::APPLICATION_ID);

    // Change: the current passphrase must be given; afterwards only the new one opens it.
    let err = ws.clone().change_passphrase("not it", "新口令-2").await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspacePassphraseWrong);
    let ws = ws.change_passphrase(PASS, "新口令-2").await.unwrap();
    assert_has_secrets(&ws).await;
    ws.clone().close().await;
    assert_sealed(&path);
    assert_eq!(Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap_err().code, ErrorCode::WorkspacePassphraseWrong);
    let ws = Workspace::open_with_passphrase(&path, Some("新口令-2")).await.unwrap();
    for b in backup::list(&ws) {
        let file = backup::backups_dir(&ws).join(&b.file_name);
        assert_sealed(&file);
        assert_eq!(Workspace::check_file_with_passphrase(&file, Some(PASS)).await.unwrap_err().code, ErrorCode::WorkspacePassphraseWrong);
        Workspace::check_file_with_passphrase(&file, Some("新口令-2")).await.unwrap();
    }

    // Remove: back to an ordinary SQLite file that opens without a passphrase, backups too.
    assert_eq!(ws.clone().remove_passphrase(PASS).await.unwrap_err().code, ErrorCode::WorkspacePassphraseWrong);
    let ws = ws.remove_passphrase("新口令-2").await.unwrap();
    assert!(!ws.is_encrypted());
    assert_has_secrets(&ws).await;
    let listed = backup::list(&ws);
    ws.close().await;
    assert!(std::fs::read(&path).unwrap().starts_with(b"SQLite format 3\0"));
    let ws = Workspace::open(&path).await.unwrap();
    assert_has_secrets(&ws).await;
    for b in listed {
        Workspace::check_file(&backup::backups_dir(&ws).join(&b.file_name)).await.unwrap();
    }
}

#[tokio::test]
async fn restoring_a_backup_keeps_the_workspace_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.liaison");

    // A plaintext backup from before the passphrase, kept aside so the set does not encrypt it.
    let ws = Workspace::open(&path).await.unwrap();
    write_secrets(&ws).await;
    let old_plain = backup::now(&ws).await.unwrap();
    let aside = dir.path().join("aside.liaison");
    std::fs::copy(&old_plain, &aside).unwrap();
    let ws = ws.set_passphrase(PASS).await.unwrap();

    // An encrypted backup, a change after it, then the restore: the change is gone.
    let chosen = backup::now(&ws).await.unwrap();
    departments::create(&ws, DepartmentInput { name: "备份之后".into(), ..Default::default() }).await.unwrap();
    let chosen_name = chosen.file_name().unwrap().to_string_lossy().into_owned();
    let ws = backup::restore(ws, &chosen_name).await.unwrap();
    assert!(ws.is_encrypted());
    assert_has_secrets(&ws).await;
    assert_eq!(backup::list(&ws)[0].reason, "pre-restore");
    assert_sealed(&backup::backups_dir(&ws).join(&backup::list(&ws)[0].file_name));

    // A plaintext backup put back into the folder is encrypted on its way in.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let stray = backup::backups_dir(&ws).join("work-20000101T000000.000Z-manual.liaison");
    std::fs::copy(&aside, &stray).unwrap();
    let ws = backup::restore(ws, "work-20000101T000000.000Z-manual.liaison").await.unwrap();
    assert!(ws.is_encrypted());
    assert_has_secrets(&ws).await;
    ws.clone().close().await;
    assert_sealed(&path);
    assert_eq!(Workspace::open(&path).await.unwrap_err().code, ErrorCode::WorkspacePassphraseRequired);

    // A backup under another passphrase is refused and nothing is replaced.
    let ws = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap();
    let other_dir = tempfile::tempdir().unwrap();
    let other = Workspace::open_with_passphrase(&other_dir.path().join("o.liaison"), Some("另一个口令")).await.unwrap();
    let foreign = backup::now(&other).await.unwrap();
    std::fs::copy(&foreign, backup::backups_dir(&ws).join("work-20000102T000000.000Z-manual.liaison")).unwrap();
    let before = backup::list(&ws).len();
    let err = backup::restore(ws, "work-20000102T000000.000Z-manual.liaison").await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspacePassphraseWrong);
    let ws = Workspace::open_with_passphrase(&path, Some(PASS)).await.unwrap();
    assert_has_secrets(&ws).await;
    assert_eq!(backup::list(&ws).len(), before, "no pre-restore backup for a refused restore");
}
