//! Liaison's Tauri shell: app state, commands over `liaison-core`, plugins, the window.

pub mod applog;
pub mod backup_commands;
pub mod board_commands;
pub mod commands;
pub mod encryption_commands;
pub mod image_commands;
pub mod incident_commands;
pub mod prefs;
pub mod save_dialog;
pub mod problem_commands;
pub mod project_commands;
pub mod proposal_commands;
pub mod stakeholder_commands;
pub mod state;
pub mod sweeps;
pub mod trash_commands;

include!("../app_commands.rs");

use tauri::{Manager, WebviewWindowBuilder, WindowEvent, Wry};

/// The one tauri-specta builder: the app registers its handler, the bindings test exports it.
pub fn specta_builder() -> tauri_specta::Builder<Wry> {
    use backup_commands::*;
    use commands::*;
    use encryption_commands::*;
    use image_commands::*;
    use trash_commands::*;
    use board_commands::*;
    use incident_commands::*;
    use problem_commands::*;
    use project_commands::*;
    use proposal_commands::*;
    use stakeholder_commands::*;
    tauri_specta::Builder::<Wry>::new()
        .commands(tauri_specta::collect_commands![
            app_info::<Wry>,
            mark_first_data::<Wry>,
            ui_error_report,
            prefs_get::<Wry>,
            prefs_set_language::<Wry>,
            workspace_status,
            workspace_open_mine::<Wry>,
            workspace_open_demo::<Wry>,
            workspace_open_dialog::<Wry>,
            workspace_new_dialog::<Wry>,
            overview_counts,
            departments_list,
            departments_create,
            departments_update,
            departments_delete,
            people_list,
            people_create,
            people_update,
            people_delete,
            projects_list,
            incidents_recent,
            import_pick_file::<Wry>,
            import_inspect,
            import_preview,
            import_run,
            import_cancel,
            board_pivot,
            incident_history,
            incident_claim,
            incident_transfer,
            incident_escalations,
            import_presets_list,
            import_preset_save,
            incidents_page,
            incidents_cards,
            board_lists,
            incident_get,
            incident_create,
            incident_update,
            incident_delete,
            incidents_export::<Wry>,
            severity_class_update,
            routing_rules_list,
            routing_rules_save,
            routing_rules_trial,
            person_place,
            person_profile,
            person_note_add,
            person_note_delete,
            interaction_log,
            interaction_step_done,
            interaction_delete,
            ledger_add,
            ledger_delete,
            relationships_list,
            relationship_add,
            relationship_delete,
            contact_health,
            sponsor_finder,
            project_members,
            project_benefits,
            problems_list,
            problem_create,
            problem_update,
            problem_delete,
            problem_link,
            problem_unlink,
            problem_stores,
            problem_set_stores,
            problem_evidence,
            problem_announce_fix,
            problem_suggestions,
            problem_accept_suggestion,
            problem_approach_table,
            project_create,
            project_update,
            project_delete,
            project_set_co_owners,
            project_add_role,
            project_remove_role,
            commitments_list,
            commitment_add,
            commitment_set_done,
            commitment_delete,
            timeline,
            milestone_add,
            milestone_update,
            milestone_delete,
            milestone_add_dependency,
            milestone_remove_dependency,
            project_metrics,
            metric_add,
            metric_reading_add,
            metric_delete,
            cadence_templates,
            cadence_steps,
            cadence_steps_save,
            cadence_apply,
            touchpoints_list,
            touchpoint_complete,
            touchpoint_skip,
            touchpoint_reschedule,
            touchpoint_escalate,
            touchpoint_draft,
            touchpoints_export_ics::<Wry>,
            weekly_reports,
            weekly_report_draft,
            weekly_report_save,
            weekly_report_text,
            today,
            calendar_days,
            calendar_day_save,
            calendar_day_delete,
            proposal_catalogue,
            proposal_drafts,
            proposal_create,
            proposal_save,
            proposal_delete,
            proposal_export::<Wry>,
            proposal_template_save,
            proposal_template_delete,
            backups_list,
            backup_now,
            backup_set_keep,
            backup_restore::<Wry>,
            workspace_save_copy::<Wry>,
            trash_list,
            trash_restore,
            trash_purge,
            trash_empty,
            image_save::<Wry>,
            workspace_unlock::<Wry>,
            workspace_unlock_cancel,
            workspace_set_passphrase::<Wry>,
        ])
        // Ids and millisecond timestamps are i64 in Rust; both stay far below 2^53, so a JS number
        // holds them exactly. Money never takes this path: it crosses as a decimal string.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type (`Person`, not `Person_Serialize` and `_Deserialize`).
        .disable_serde_phases()
}

pub fn bindings_language() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
        .header("// Generated by src-tauri/tests/bindings.rs from the tauri-specta builder. Do not edit.\n// @ts-nocheck")
}

pub fn run() {
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            applog::init(app.path().app_log_dir()?);
            state::init(app.handle())?;
            sweeps::start(app.handle());
            open_main_window(app)?;
            Ok(())
        })
        .on_window_event(|window, event| {
            // Also on resize: a window closed by the system or a killed process sends no close.
            if let WindowEvent::Resized(_) | WindowEvent::CloseRequested { .. } = event {
                remember_window_size(window);
            }
        })
        .run(tauri::generate_context!())
        .expect("Liaison could not start");
}

/// The main window is declared with `create: false` so it opens at the size the user left it.
fn open_main_window(app: &mut tauri::App) -> tauri::Result<()> {
    let config = app.config().app.windows.first().cloned().expect("main window in tauri.conf.json");
    // The dev server is an app page only in `tauri dev`; a built app serves its pages itself.
    let dev_url = app.config().build.dev_url.clone().filter(|_| tauri::is_dev());
    let mut window = WebviewWindowBuilder::from_config(app.handle(), &config)?
        .on_navigation(move |url| is_app_page(url, dev_url.as_ref()));
    if let Some(size) = prefs::load(app.handle()).window {
        window = window.inner_size(size.width, size.height);
    }
    window.build()?;
    Ok(())
}

/// The window only ever shows the app's own pages: a link or redirect to anywhere else is refused.
fn is_app_page(url: &tauri::Url, dev_url: Option<&tauri::Url>) -> bool {
    match url.scheme() {
        "tauri" => true,
        "about" => url.path() == "blank",
        "http" | "https" => url.host_str() == Some("tauri.localhost") || dev_url.is_some_and(|dev| dev.origin() == url.origin()),
        _ => false,
    }
}

fn remember_window_size(window: &tauri::Window) {
    let (Ok(size), Ok(scale)) = (window.inner_size(), window.scale_factor()) else { return };
    let logical = size.to_logical::<f64>(scale);
    if window.is_maximized().unwrap_or(false) || window.is_minimized().unwrap_or(false) || logical.width < 200.0 {
        return;
    }
    let size = prefs::WindowSize { width: logical.width.round(), height: logical.height.round() };
    let app = window.app_handle();
    // A resize drag sends many events: write only when the rounded size changed.
    if prefs::load(app).window != Some(size) {
        prefs::update(app, |p| p.window = Some(size));
    }
}

#[cfg(test)]
mod tests {
    use super::is_app_page;

    #[test]
    fn only_the_apps_own_pages_may_be_shown() {
        let url = |s: &str| tauri::Url::parse(s).unwrap();
        let dev = url("http://localhost:5173");
        for ok in ["tauri://localhost/index.html", "http://tauri.localhost/", "about:blank", "http://localhost:5173/src/main.tsx"] {
            assert!(is_app_page(&url(ok), Some(&dev)), "{ok}");
        }
        for refused in ["https://example.com/", "http://localhost:8080/", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"] {
            assert!(!is_app_page(&url(refused), Some(&dev)), "{refused}");
        }
        assert!(!is_app_page(&url("http://localhost:5173/"), None), "no dev server in a built app");
    }
}
