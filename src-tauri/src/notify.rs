//! Desktop notifications for follow-ups that fall due: checked at start (what fell due while the
//! app was closed) and every five minutes while it runs. Each touchpoint is announced once; the
//! Today page lists them whether or not the desktop showed the notification.

use std::time::Duration;

use liaison_core::demo::Lang;
use liaison_core::repo::touchpoints::Touchpoint;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::{prefs, state::AppState};

const EVERY: Duration = Duration::from_secs(300);

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            announce(&app).await;
            tokio::time::sleep(EVERY).await;
        }
    });
}

async fn announce<R: Runtime>(app: &AppHandle<R>) {
    let Ok(ws) = app.state::<AppState>().workspace().await else { return };
    let Ok(zone) = liaison_core::repo::settings::time_zone(ws.pool()).await else { return };
    let today = chrono::Utc::now().with_timezone(&zone).format("%Y-%m-%d").to_string();
    let Ok(due) = liaison_core::service::followup::announce_due(&ws, &today).await else { return };
    let Some((title, body)) = message(&due, prefs::load(app).language.unwrap_or(Lang::ZhCn)) else { return };
    // No notification service (a bare X session) is not an error worth a dialog.
    let _ = app.notification().builder().title(title).body(body).show();
}

/// One touchpoint is named; several (after a holiday) make one summary, not a stack of pop-ups.
fn message(due: &[Touchpoint], lang: Lang) -> Option<(String, String)> {
    let first = due.first()?;
    let who = first.counterpart_name.clone().unwrap_or_default();
    Some(match (due.len(), lang) {
        (1, Lang::ZhCn) => (format!("跟进到期：{}", first.project_title), format!("{} {}（{}）", first.action, who, first.due_on)),
        (1, Lang::En) => (format!("Follow-up due: {}", first.project_title), format!("{} {} ({})", first.action, who, first.due_on)),
        (n, Lang::ZhCn) => (format!("{n} 项跟进到期"), format!("最早：{}，{}（{}）", first.project_title, first.action, first.due_on)),
        (n, Lang::En) => (format!("{n} follow-ups due"), format!("Earliest: {}, {} ({})", first.project_title, first.action, first.due_on)),
    })
}
