//! The director's options in a document. The `options` and `risks` data blocks stay in a stored
//! draft as placeholders (`LIVE`) and are expanded here from the stored options just before
//! preview and export, so an option edited after the draft was made reads the same everywhere.
//! Each option prints every field it has; only the one the director recommends is marked, and the
//! recommendation sentence follows from it (none without one). Suggestions are not the
//! director's yet and stay out.

use std::collections::HashMap;

use super::fill::{missing, LIVE};
use super::model::{Block, Document, Subject};
use crate::error::Result;
use crate::evidence::Evidence;
use crate::lang::Lang;
use crate::repo::proposal_options::{self, OptionInput, ProposalOption};
use crate::repo::{departments, weekly_reports};
use crate::{Id, Money, Workspace};

/// The document with its live blocks expanded from what is stored now.
pub async fn expand(ws: &Workspace, draft_id: Id, subject: &Subject, lang: Lang, mut doc: Document) -> Result<Document> {
    let live = |b: &Block| matches!(b, Block::Data { source } if LIVE.contains(&source.as_str()));
    if !doc.sections.iter().flat_map(|s| &s.blocks).any(live) {
        return Ok(doc);
    }
    let options: Vec<ProposalOption> = proposal_options::list_for(ws.pool(), draft_id).await?.into_iter().filter(|o| !o.suggested).collect();
    let depts: HashMap<Id, String> = departments::list(ws.pool()).await?.into_iter().map(|d| (d.id, d.name)).collect();
    let reported = match subject.project_id {
        Some(p) => {
            let reports = weekly_reports::list_for(ws.pool(), p).await?;
            let report = subject.week.as_deref().and_then(|w| reports.iter().find(|r| r.week == w)).or(reports.first());
            report.map(|r| (r.week.clone(), r.risks.clone()))
        }
        None => None,
    };
    let w = Words(lang);
    for s in &mut doc.sections {
        s.blocks = std::mem::take(&mut s.blocks)
            .into_iter()
            .flat_map(|b| match &b {
                Block::Data { source } if source == "options" => options_blocks(&options, &depts, &w),
                Block::Data { source } if source == "risks" => risk_blocks(&options, reported.as_ref(), &w),
                _ => vec![b],
            })
            .collect();
    }
    Ok(doc)
}

fn letter(position: usize) -> String {
    let n = position as u32;
    if n < 26 { char::from_u32('A' as u32 + n).map(String::from).unwrap_or_default() } else { (n + 1).to_string() }
}

fn options_blocks(options: &[ProposalOption], depts: &HashMap<Id, String>, w: &Words) -> Vec<Block> {
    if options.is_empty() {
        return vec![Block::Paragraph { text: missing(w.0, w.pick("方案", "options")) }];
    }
    let mut blocks = Vec::new();
    for (n, o) in options.iter().enumerate() {
        let i = &o.input;
        let mark = if o.recommended { format!("  {}", w.pick("★ 推荐方案", "★ Recommended")) } else { String::new() };
        let head = match w.0 {
            Lang::ZhCn => format!("方案 {}：{}{mark}", letter(n), i.title),
            Lang::En => format!("Option {}: {}{mark}", letter(n), i.title),
        };
        blocks.push(Block::Paragraph { text: head });
        if !i.description.trim().is_empty() {
            blocks.push(Block::Paragraph { text: i.description.clone() });
        }
        let items = facts(i, depts, w);
        if !items.is_empty() {
            blocks.push(Block::Bullets { items });
        }
        if !i.risks.is_empty() {
            let rows = i.risks.iter().map(|r| vec![r.risk.clone(), measure(&r.counter_measure, w)]).collect();
            blocks.push(Block::Table { columns: vec![w.pick("风险", "Risk").into(), w.pick("应对措施", "Counter-measure").into()], rows });
        }
    }
    if let Some((n, o)) = options.iter().enumerate().find(|(_, o)| o.recommended) {
        let text = match w.0 {
            Lang::ZhCn => format!("建议采用方案 {}：{}。", letter(n), o.input.title),
            Lang::En => format!("We recommend option {}: {}.", letter(n), o.input.title),
        };
        blocks.push(Block::Paragraph { text });
    }
    blocks
}

/// Cost, people, timeline, effects, pros and cons: only those the option has.
fn facts(i: &OptionInput, depts: &HashMap<Id, String>, w: &Words) -> Vec<String> {
    let sep = w.pick("；", "; ");
    let mut items = Vec::new();
    if let Some(c) = i.cost {
        items.push(format!("{}{}", w.pick("投入：", "Cost: "), w.money(c)));
    }
    if !i.resources.is_empty() {
        let total: f64 = i.resources.iter().map(|r| r.person_weeks).sum();
        let rows: Vec<String> = i
            .resources
            .iter()
            .map(|r| {
                let dept = depts.get(&r.department_id).cloned().unwrap_or_else(|| w.pick("（已删除的部门）", "(deleted department)").into());
                let mut extra: Vec<String> = r.cost.map(|c| w.money(c)).into_iter().collect();
                if !r.note.trim().is_empty() {
                    extra.push(r.note.trim().to_owned());
                }
                let extra = if extra.is_empty() { String::new() } else { format!("（{}）", extra.join(w.pick("，", ", "))) };
                format!("{dept} {} {}{extra}", num(r.person_weeks), w.pick("人周", "person-weeks"))
            })
            .collect();
        items.push(format!("{}{}{}{} {}", w.pick("人力：", "People: "), rows.join(sep), w.pick("；合计 ", "; total "), num(total), w.pick("人周", "person-weeks")));
    }
    if !i.phases.is_empty() {
        let total: i32 = i.phases.iter().map(|p| p.weeks).sum();
        let phases: Vec<String> = i.phases.iter().map(|p| format!("{} {} {}", p.name, p.weeks, w.pick("周", "weeks"))).collect();
        items.push(format!("{}{}{}{} {}", w.pick("时间计划：", "Timeline: "), phases.join(" → "), w.pick("（共 ", " ("), total, w.pick("周）", "weeks in all)")));
    }
    if !i.effects.is_empty() {
        let effects: Vec<String> = i.effects.iter().map(|e| format!("{} {} → {}{}", e.metric, num(e.from), num(e.to), unit(&e.unit))).collect();
        items.push(format!("{}{}", w.pick("预期效果：", "Expected effects: "), effects.join(sep)));
    }
    for (label, text) in [(w.pick("优点：", "Pros: "), &i.pros), (w.pick("缺点：", "Cons: "), &i.cons)] {
        if !text.trim().is_empty() {
            items.push(format!("{label}{}", text.trim()));
        }
    }
    items
}

/// The options' risks, then the chosen weekly report's, so a proposal made before its project
/// has risks and one about a running project has both.
fn risk_blocks(options: &[ProposalOption], reported: Option<&(String, String)>, w: &Words) -> Vec<Block> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (n, o) in options.iter().enumerate() {
        for r in &o.input.risks {
            rows.push(vec![format!("{} {}", w.pick("方案", "Option"), letter(n)), r.risk.clone(), measure(&r.counter_measure, w)]);
        }
    }
    if let Some((week, text)) = reported {
        for line in lines(text) {
            let (risk, counter) = split_risk(&line);
            rows.push(vec![format!("{} {week}", w.pick("周报", "Report")), risk, measure(&counter, w)]);
        }
    }
    if rows.is_empty() {
        return vec![Block::Paragraph { text: missing(w.0, w.pick("风险", "risks")) }];
    }
    vec![Block::Table { columns: vec![w.pick("来源", "From").into(), w.pick("风险", "Risk").into(), w.pick("应对措施", "Counter-measure").into()], rows }]
}

fn measure(text: &str, w: &Words) -> String {
    if text.trim().is_empty() { missing(w.0, w.pick("应对措施", "counter-measure")) } else { text.trim().to_owned() }
}

fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim().to_owned()).filter(|l| !l.is_empty())
}

/// "risk — counter-measure" (or with "——", "->", "→") splits; otherwise the measure is still to write.
fn split_risk(line: &str) -> (String, String) {
    for sep in [" — ", "——", " -> ", "→"] {
        if let Some((risk, measure)) = line.split_once(sep) {
            return (risk.trim().to_owned(), measure.trim().to_owned());
        }
    }
    (line.to_owned(), String::new())
}

fn unit(u: &str) -> String {
    if u.trim().is_empty() { String::new() } else { format!(" {}", u.trim()) }
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v}") }
}

/// The "do nothing" option Liaison offers from the trend projection, for the director to accept
/// or delete: its cost is what the projected events would cost, its figures are in the text.
/// None when the problem has no projection to offer.
pub fn do_nothing(e: &Evidence, lang: Lang) -> Option<OptionInput> {
    let n = e.business_case.if_not_fixed.as_ref()?;
    let w = Words(lang);
    let description = match lang {
        Lang::ZhCn => format!(
            "按当前趋势推算：未来 {} 周预计再发生约 {:.0} 次，届时约每周 {} 次，多花 {}。",
            n.weeks, n.events, num(n.events_per_week_then), n.extra_cost.format_zh()
        ),
        Lang::En => format!(
            "On the current trend: about {:.0} more events in the next {} weeks, about {} a week by then, costing {} more.",
            n.events, n.weeks, num(n.events_per_week_then), n.extra_cost.format_en()
        ),
    };
    Some(OptionInput {
        title: w.pick("维持现状（不处理）", "Do nothing").into(),
        description,
        cost: Some(n.extra_cost),
        pros: w.pick("无需投入人力", "No people needed").into(),
        cons: w.pick("问题继续发生，成本按趋势增加", "The problem keeps happening; cost grows with the trend").into(),
        ..OptionInput::default()
    })
}

struct Words(Lang);

impl Words {
    fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self.0 {
            Lang::ZhCn => zh,
            Lang::En => en,
        }
    }

    fn money(&self, m: Money) -> String {
        match self.0 {
            Lang::ZhCn => m.format_zh(),
            Lang::En => m.format_en(),
        }
    }
}
