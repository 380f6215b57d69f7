//! `ui/src/bindings.ts` is generated from the same builder the app runs, and committed. This test
//! regenerates it and fails when that changed anything, so a stale file never lands.

use std::path::PathBuf;

fn repo_file(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(relative)
}

#[test]
fn bindings_ts_is_current() {
    let path = repo_file("ui/src/bindings.ts");
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = fresh_dir.path().join("bindings.ts");
    liaison_lib::specta_builder()
        .export(liaison_lib::bindings_language(), &fresh)
        .expect("export bindings");
    let generated = std::fs::read_to_string(&fresh).unwrap();
    if std::fs::read_to_string(&path).ok().as_deref() != Some(generated.as_str()) {
        std::fs::write(&path, &generated).unwrap();
        panic!("ui/src/bindings.ts was stale and has been regenerated: review it and commit it");
    }
}

#[test]
fn every_command_is_exported_and_granted_to_the_main_window_only() {
    let bindings = std::fs::read_to_string(repo_file("ui/src/bindings.ts")).unwrap();
    let capability: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo_file("src-tauri/capabilities/main.json")).unwrap()).unwrap();
    let granted: Vec<&str> = capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    let expected: Vec<String> = liaison_lib::APP_COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected, "the capability grants exactly the app's commands");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    for command in liaison_lib::APP_COMMANDS {
        assert!(bindings.contains(&format!("\"{command}\"")), "{command} is missing from bindings.ts");
    }
}
