//! The first-run checklist of a director's own workspace: what it needs before dispatch, SLAs and
//! evidence work on their data. Each item is ticked from the data itself, so it stays true however
//! the user got there (a screen, an import, a restore).

use serde::Serialize;

use crate::error::Result;
use crate::lang::Lang;
use crate::repo::{self, settings};
use crate::Workspace;

const DISMISSED_KEY: &str = "first_run_checklist_dismissed";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    pub departments: i64,
    pub stores: i64,
    pub severity_classes: i64,
    pub incidents: i64,
    pub routing_rules: i64,
    /// The user put it away; it can be brought back.
    pub dismissed: bool,
}

/// A severity class the checklist suggests: shown for the user to edit, stored only as they confirm it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SuggestedClass {
    pub name: String,
    pub remedy: String,
    pub claim_hours: i32,
    pub resolve_hours: i32,
    pub working_hours: bool,
}

pub async fn get(ws: &Workspace) -> Result<Checklist> {
    let pool = ws.pool();
    Ok(Checklist {
        departments: repo::count_live(pool, "departments").await?,
        stores: repo::count_live(pool, "stores").await?,
        severity_classes: repo::count_live(pool, "severity_classes").await?,
        incidents: repo::count_live(pool, "incidents").await?,
        routing_rules: repo::count_live(pool, "routing_rules").await?,
        dismissed: settings::get(pool, DISMISSED_KEY).await?.as_deref() == Some("1"),
    })
}

pub async fn dismiss(ws: &Workspace, dismissed: bool) -> Result<Checklist> {
    settings::set(ws.pool(), DISMISSED_KEY, if dismissed { "1" } else { "0" }).await?;
    get(ws).await
}

/// A common service-desk ladder: urgent cases around the clock, the rest in working hours.
pub fn suggested_classes(lang: Lang) -> Vec<SuggestedClass> {
    let rows: [(&str, &str, &str, &str, i32, i32, bool); 3] = [
        ("P1 紧急", "P1 urgent", "立即处置，4 小时内恢复营业", "Act at once; stores trading again within 4 hours", 1, 4, false),
        ("P2 较重", "P2 major", "一个工作日内解决，当天回复客户", "Solved within a working day; customer answered the same day", 4, 24, true),
        ("P3 一般", "P3 minor", "三个工作日内解决", "Solved within three working days", 8, 72, true),
    ];
    rows.iter()
        .map(|&(zh, en, remedy_zh, remedy_en, claim_hours, resolve_hours, working_hours)| SuggestedClass {
            name: match lang { Lang::ZhCn => zh, Lang::En => en }.to_owned(),
            remedy: match lang { Lang::ZhCn => remedy_zh, Lang::En => remedy_en }.to_owned(),
            claim_hours,
            resolve_hours,
            working_hours,
        })
        .collect()
}
