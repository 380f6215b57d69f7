//! Work the app does on its own, beside the user's: desktop notifications for follow-ups that fall
//! due (also what fell due while the app was closed; each touchpoint announced once) and writing
//! down incidents that went past their SLA. Both are writes, so neither runs inside a command the
//! page reads with. They start once the first screen shows its data (or after a few seconds if
//! it never does), then every five minutes; a failure is logged, never shown as a dialog.

use std::time::Duration;

use liaison_core::Lang;
use liaison_core::service::followup::{self, Touchpoint};
use liaison_core::Workspace;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::Notify;

use crate::{applog, prefs, state::AppState};

const EVERY: Duration = Duration::from_secs(300);
/// Longest wait for the first screen before the sweeps start anyway (the welcome page has no data).
const FIRST_PAINT_WAIT: Duration = Duration::from_secs(5);

/// Set when the page has painted its first data.
#[derive(Default)]
pub struct FirstPaint(Notify);

impl FirstPaint {
    pub fn painted(&self) {
        self.0.notify_one();
    }
}

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    app.manage(FirstPaint::default());
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let _ = tokio::time::timeout(FIRST_PAINT_WAIT, app.state::<FirstPaint>().0.notified()).await;
        loop {
            if let Ok(ws) = app.state::<AppState>().workspace().await {
                escalate(&ws).await;
                announce(&app, &ws).await;
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

async fn escalate(ws: &Workspace) {
    match liaison_core::service::incidents::record_escalations(ws, liaison_core::time::now_ms()).await {
        Ok(0) => {}
        Ok(n) => applog::info("escalations", &format!("{n} incidents went past their SLA")),
        Err(e) => applog::error("escalations", &e.to_string()),
    }
}

async fn announce<R: Runtime>(app: &AppHandle<R>, ws: &Workspace) {
    let due = match followup::announce_due_now(ws, chrono::Utc::now()).await {
        Ok(due) => due,
        Err(e) => return applog::error("notifications", &e.to_string()),
    };
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
