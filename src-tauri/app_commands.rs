// The app's commands, one list for the ACL manifest (build.rs) and for the test that checks the
// capability file and the bindings against it. Adding a command means adding it here.
pub const APP_COMMANDS: &[&str] = &[
    "app_info",
    "mark_first_data",
    "prefs_get",
    "prefs_set_language",
    "workspace_status",
    "workspace_open_mine",
    "workspace_open_demo",
    "workspace_open_dialog",
    "workspace_new_dialog",
    "overview_counts",
    "departments_list",
    "departments_create",
    "departments_update",
    "departments_delete",
    "people_list",
    "people_create",
    "people_update",
    "people_delete",
    "projects_list",
    "incidents_recent",
];
