//! A minimal Tauri window built from the same workspace and config as Liaison: the baseline of
//! the start-up benchmark (`bench/startup.mjs`). It opens `hello.html` and marks its first paint
//! through a command with the same name and output as Liaison's.

use tauri::{WebviewUrl, WebviewWindowBuilder};

#[tauri::command]
fn mark_first_data() {
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    println!("LIAISON_FIRST_DATA {ms}");
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![mark_first_data])
        .setup(|app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("hello.html".into())).title("hello").build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("hello-world window");
}
