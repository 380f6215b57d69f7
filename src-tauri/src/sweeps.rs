//! Work the app does on its own, beside the user's: desktop notifications for follow-ups that fall
//! due (also what fell due while the app was closed; each touchpoint announced once) and for the
//! escalation levels incidents reach past their SLA, which it writes down. Both are writes, so
//! neither runs inside a command the page reads with. They start once the first screen shows its
//! data (or after a few seconds if it never does), then every five minutes; a failure is logged,
//! never shown as a dialog.

use std::time::Duration;

use liaison_core::Lang;
use liaison_core::service::escalations::{self, Escalated};
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
                escalate(&app, &ws).await;
                announce(&app, &ws).await;
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

async fn escalate<R: Runtime>(app: &AppHandle<R>, ws: &Workspace) {
    let done = match escalations::record(ws, liaison_core::time::now_ms()).await {
        Ok(done) => done,
        Err(e) => return applog::error("escalations", &e.to_string()),
    };
    let Some((title, body)) = escalated_message(&done, prefs::load(app).language.unwrap_or(Lang::ZhCn)) else { return };
    applog::info("escalations", &format!("{} escalation levels reached", done.len()));
    let _ = app.notification().builder().title(title).body(body).show();
}

/// The first escalation is named with its level and whom it tells; the rest are counted.
fn escalated_message(done: &[Escalated], lang: Lang) -> Option<(String, String)> {
    let first = done.first()?;
    let who = if first.notified.is_empty() { "—" } else { first.notified.as_str() };
    Some(match lang {
        Lang::ZhCn => (
            format!("{} 项超时升级", done.len()),
            format!("“{}”升至第 {} 级，通知 {}", first.title, first.level, who),
        ),
        Lang::En => (
            format!("{} escalations", done.len()),
            format!("“{}” reached level {}, telling {}", first.title, first.level, who),
        ),
    })
}

async fn announce<R: Runtime>(app: &AppHandle<R>, ws: &Workspace) {
    let due = match followup::announce_due_now(ws, liaison_core::time::now()).await {
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
