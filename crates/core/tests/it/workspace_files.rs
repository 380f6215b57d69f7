//! Opening, creating and guarding workspace files on real SQLite files.

use crate::common;

use liaison_core::service::departments::DepartmentInput;
use liaison_core::service::departments;
use liaison_core::{ErrorCode, Workspace};

fn dept(name: &str) -> DepartmentInput {
    DepartmentInput { name: name.into(), ..Default::default() }
}

#[tokio::test]
async fn a_new_workspace_uses_wal_and_foreign_keys() {
    let t = common::temp_workspace().await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(fk, 1);
    let app_id: i32 = sqlx::query_scalar("PRAGMA application_id").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(app_id, liaison_core::workspace::APPLICATION_ID);
    let err = sqlx::query("INSERT INTO people (name, department_id, created_at, updated_at) VALUES ('x', 999, 0, 0)")
        .execute(t.ws.pool())
        .await;
    let refused = err.expect_err("a dangling department id must be refused");
    assert!(refused.as_database_error().is_some_and(|e| e.is_foreign_key_violation()), "{refused}");
}

#[tokio::test]
async fn data_survives_closing_and_reopening() {
    let t = common::temp_workspace().await;
    departments::create(&t.ws, dept("产品部")).await.unwrap();
    let path = t.path();
    t.ws.clone().close().await;
    let again = Workspace::open(&path).await.unwrap();
    let names: Vec<String> = departments::list(&again).await.unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["产品部"]);
}

#[tokio::test]
async fn a_file_that_is_not_a_workspace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.liaison");
    std::fs::write(&text, "这不是数据库 / not a database, just some text that is long enough").unwrap();
    let before = std::fs::read(&text).unwrap();
    let err = Workspace::open(&text).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspaceNotLiaison);
    assert_eq!(std::fs::read(&text).unwrap(), before);

    let foreign = dir.path().join("other.sqlite");
    let status = std::process::Command::new("sqlite3")
        .arg(&foreign)
        .arg("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .status();
    if status.map(|s| s.success()).unwrap_or(false) {
        let err = Workspace::open(&foreign).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::WorkspaceNotLiaison);
    } else {
        // Without the sqlite3 shell, build the foreign file through sqlx itself.
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", foreign.display())).await.unwrap();
        sqlx::query("CREATE TABLE t (x)").execute(&pool).await.unwrap();
        pool.close().await;
        assert_eq!(Workspace::open(&foreign).await.unwrap_err().code, ErrorCode::WorkspaceNotLiaison);
    }
}

#[tokio::test]
async fn a_file_from_a_newer_version_is_refused_untouched() {
    let t = common::temp_workspace().await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, 1, x'00', 0)",
    )
    .execute(t.ws.pool())
    .await
    .unwrap();
    let path = t.path();
    t.ws.clone().close().await;
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::WorkspaceNewerVersion);
    assert_eq!(err.params["file_version"], "99990101000000");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A pending migration is preceded by a backup; a migration that fails leaves the file as it was.
#[tokio::test]
async fn pending_migration_backs_up_first_and_failure_keeps_the_old_file() {
    let t = common::temp_workspace().await;
    departments::create(&t.ws, dept("售后运营部")).await.unwrap();
    // Forget that the first migration ran: it is pending again, and re-running it fails because
    // its tables exist, which is exactly a migration that breaks half-way on a user's file.
    sqlx::query("DELETE FROM _sqlx_migrations").execute(t.ws.pool()).await.unwrap();
    let path = t.path();
    t.ws.clone().close().await;

    let err = Workspace::open(&path).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::MigrationFailed, "{err:?}");

    let read_name = |file: std::path::PathBuf| async move {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", file.display())).await.unwrap();
        let name: String = sqlx::query_scalar("SELECT name FROM departments").fetch_one(&pool).await.unwrap();
        pool.close().await;
        name
    };
    assert_eq!(read_name(path.clone()).await, "售后运营部", "the old file is still readable");
    let backups: Vec<_> = std::fs::read_dir(t.dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(backups.len(), 1, "one backup before the migration: {backups:?}");
    assert!(backups[0].to_string_lossy().contains("pre-migration"));
    assert_eq!(read_name(backups[0].clone()).await, "售后运营部", "the backup holds the data");
}

/// Backups: one daily copy, the newest N kept, and a restore that first backs up what it replaces.
#[tokio::test]
async fn daily_backups_are_pruned_and_a_restore_can_be_undone() {
    use liaison_core::service::backup;
    let t = common::temp_workspace().await;
    let before = liaison_core::service::departments::create(&t.ws, liaison_core::service::departments::DepartmentInput { name: "备份前的部门".into(), ..Default::default() }).await.unwrap();
    assert!(backup::daily(&t.ws).await.unwrap().is_some());
    assert!(backup::daily(&t.ws).await.unwrap().is_none(), "one daily backup a day");
    backup::set_keep(&t.ws, 3).await.unwrap();
    for _ in 0..4 {
        backup::create(&t.ws, "manual").await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    backup::prune(&t.ws, backup::keep_setting(&t.ws).await.unwrap());
    let kept = backup::list(&t.ws);
    assert_eq!(kept.len(), 3);
    assert!(kept.windows(2).all(|w| w[0].created_at >= w[1].created_at), "newest first");
    assert_eq!(backup::set_keep(&t.ws, 0).await.unwrap_err().code, liaison_core::ErrorCode::OutOfRange);

    // A change after the backup, then the restore: the change is gone, the pre-restore copy has it.
    liaison_core::service::departments::delete(&t.ws, before.id).await.unwrap();
    let chosen = kept[0].file_name.clone();
    let ws = backup::restore(t.ws, &chosen).await.unwrap();
    let names: Vec<String> = liaison_core::service::departments::list(&ws).await.unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["备份前的部门"]);
    assert_eq!(backup::list(&ws)[0].reason, "pre-restore");

    // Not a workspace: refused, nothing replaced.
    std::fs::write(backup::backups_dir(&ws).join("test-20990101T000000.000Z-manual.liaison"), b"not sqlite at all").unwrap();
    let ws_path = ws.path().to_owned();
    let err = backup::restore(ws, "test-20990101T000000.000Z-manual.liaison").await.unwrap_err();
    assert_eq!(err.code, liaison_core::ErrorCode::WorkspaceNotLiaison);
    let ws = liaison_core::Workspace::open(&ws_path).await.unwrap();
    assert_eq!(liaison_core::service::departments::list(&ws).await.unwrap().len(), 1);

    // A name that climbs out of the backups folder is refused even when a workspace lies there.
    let outside = backup::backups_dir(&ws).join("../escape.liaison");
    let escape = liaison_core::Workspace::open(&outside).await.unwrap();
    liaison_core::service::departments::create(&escape, dept("外面的部门")).await.unwrap();
    escape.close().await;
    let err = backup::restore(ws, "../escape.liaison").await.unwrap_err();
    assert_eq!(err.code, liaison_core::ErrorCode::NotFound);
    let ws = liaison_core::Workspace::open(&ws_path).await.unwrap();
    let names: Vec<String> = liaison_core::service::departments::list(&ws).await.unwrap().into_iter().map(|d| d.name).collect();
    assert_eq!(names, ["备份前的部门"], "the workspace is not replaced");
}

/// A closed workspace is one file, however many connections the pool had open: they close at
/// once on their own threads, and each could leave the `-wal` to another (found as a rare
/// failure of the encryption tests under load).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn closing_leaves_no_write_ahead_log() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..40 {
        let path = dir.path().join(format!("w{round}.liaison"));
        let ws = Workspace::open(&path).await.unwrap();
        let mut held = Vec::new();
        for _ in 0..4 {
            held.push(ws.pool().acquire().await.unwrap());
        }
        for (i, conn) in held.iter_mut().enumerate() {
            sqlx::query("INSERT INTO settings (key, value) VALUES (?, 'x')").bind(format!("k{i}")).execute(&mut **conn).await.unwrap();
        }
        drop(held);
        ws.close().await;
        assert!(!std::path::PathBuf::from(format!("{}-wal", path.display())).exists(), "round {round}: a -wal is left");
    }
}
