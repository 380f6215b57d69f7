//! Gathers what a document says from the workspace: the problem and its computed evidence, the
//! project with its people, commitments, milestones, metrics and follow-ups, a weekly report.
//! Private stakeholder notes are read only when the document includes them.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::Subject;
use super::fill::Context;
use crate::lang::Lang;
use crate::error::Result;
use crate::evidence::{self, Evidence};
use crate::repo::ledger_entries::{self, Direction};
use crate::repo::people::{self, Person, Stance};
use crate::repo::person_notes::{self, NoteKind};
use crate::repo::project_people::{self, ProjectRole};
use crate::repo::{commitments, departments, milestones, problems, project_metrics, projects, touchpoints, weekly_reports};
use crate::{Id, Money, Workspace};

/// The `{{key}}` names a template may use, for the template editor.
pub const KEYS: &[&str] = &[
    "today", "problem.title", "problem.symptoms", "problem.workaround", "problem.fix", "problem.owner", "problem.incidents",
    "evidence.prevalence", "evidence.severity", "evidence.trend", "evidence.rootCause", "evidence.validation",
    "case.summary", "case.roi", "case.revenueLoss", "case.costPerYear", "case.investment", "case.strategic", "case.ifNotFixed",
    "project.title", "project.goal", "project.benefits", "project.coOwners", "report.week", "report.progress",
    "report.metrics", "report.nextWeek", "report.asks", "report.risks", "report.credits",
    "sponsor.name", "sponsor.whatsInIt",
];

/// The tables and lists a template may place, for the template editor.
pub const SOURCES: &[&str] = &[
    "evidenceTable", "businessCase", "whys", "options", "roles", "resources", "milestones", "metrics", "myCommitments",
    "risks", "nextSteps", "credits", "stakeholderNotes",
    "effects",
];

pub async fn gather(ws: &Workspace, subject: &Subject, lang: Lang, today: NaiveDate, include_private: bool) -> Result<Context> {
    let l = Labels(lang);
    let mut ctx = Context::default();
    ctx.set("today", l.day(today));
    if let Some(id) = subject.problem_id {
        problem(ws, id, &l, &mut ctx).await?;
    }
    if let Some(id) = subject.project_id {
        project(ws, id, subject.week.as_deref(), &l, include_private, &mut ctx).await?;
    }
    Ok(ctx)
}

async fn problem(ws: &Workspace, id: Id, l: &Labels, ctx: &mut Context) -> Result<()> {
    let p = problems::get(ws.pool(), id).await?;
    let e = evidence::compute(ws, id, l.0).await?;
    super::effects::gather(ws, &p, l.0, ctx).await?;
    let i = &p.input;
    ctx.set("problem.title", &i.title);
    ctx.set("problem.symptoms", &i.symptoms);
    ctx.set("problem.workaround", &i.workaround);
    ctx.set("problem.fix", &i.fix);
    ctx.set("problem.owner", p.owner_department_name.clone().unwrap_or_default());
    ctx.set("problem.incidents", e.incidents.to_string());
    ctx.set("evidence.prevalence", &e.prevalence.sentence);
    if e.incidents == 0 {
        // With no incidents every computed level says the same "not enough data": say it once.
        for key in ["evidence.severity", "evidence.trend", "evidence.rootCause"] {
            ctx.omit(key);
        }
    } else {
        ctx.set("evidence.severity", &e.severity.sentence);
        ctx.set("evidence.trend", &e.trend.sentence);
        ctx.set("evidence.rootCause", &e.root_cause.sentence);
    }
    ctx.set("evidence.validation", &e.validation.sentence);
    let case = &e.business_case;
    if case.revenue_loss.is_none() && case.cost_per_year.is_none() && case.investment.is_none() && case.if_not_fixed.is_none() {
        ctx.omit("case.summary");
    } else {
        ctx.set("case.summary", &case.sentence);
    }
    ctx.set("case.roi", case.roi.map(|r| format!("{r:.0}×")).unwrap_or_default());
    ctx.set("case.revenueLoss", l.money(case.revenue_loss));
    ctx.set("case.costPerYear", l.money(case.cost_per_year));
    ctx.set("case.investment", l.money(case.investment));
    ctx.set("case.strategic", &case.strategic_impact);
    if let Some(n) = &case.if_not_fixed {
        ctx.set("case.ifNotFixed", l.if_not_fixed(n.weeks, n.events, n.extra_cost));
    }
    ctx.bullets("whys", i.five_whys.iter().enumerate().map(|(n, w)| format!("{} {}：{w}", l.pick("为什么", "Why"), n + 1)).collect());
    ctx.table("evidenceTable", &l.cols(&["层级", "证据", "来源"], &["Level", "Evidence", "Source"]), evidence_rows(&e, l));
    ctx.table("businessCase", &l.cols(&["项目", "金额"], &["Item", "Amount"]), case_rows(&e, l));
    Ok(())
}

fn evidence_rows(e: &Evidence, l: &Labels) -> Vec<Vec<String>> {
    let computed = l.pick("系统计算", "computed");
    let entered = l.pick("人工录入", "entered");
    // With no incidents the prevalence row says so; the other computed rows would only repeat it.
    let said = |sentence: &str| if e.incidents == 0 { "—".to_owned() } else { sentence.to_owned() };
    vec![
        vec![l.pick("普遍性", "Prevalence"), e.prevalence.sentence.clone(), computed.clone()],
        vec![l.pick("严重性", "Severity"), said(&e.severity.sentence), computed.clone()],
        vec![l.pick("趋势", "Trend"), said(&e.trend.sentence), computed.clone()],
        vec![l.pick("根因", "Root cause"), said(&e.root_cause.sentence), computed],
        vec![l.pick("验证", "Validated fix"), e.validation.sentence.clone(), entered],
    ]
}

fn case_rows(e: &Evidence, l: &Labels) -> Vec<Vec<String>> {
    let c = &e.business_case;
    let nps = match (e.validation.nps_before, e.validation.nps_after) {
        (Some(b), Some(a)) => format!("{} → {}", num(Some(b)), num(Some(a))),
        _ => String::new(),
    };
    vec![
        vec![l.pick("收入损失", "Revenue loss"), l.money(c.revenue_loss)],
        vec![l.pick("成本增加（每年）", "Cost increase (per year)"), l.money(c.cost_per_year)],
        vec![l.pick("战略影响", "Strategic impact"), c.strategic_impact.clone()],
        vec!["NPS".into(), nps],
        vec![l.pick("投入", "Investment"), l.money(c.investment)],
        vec!["ROI".into(), c.roi.map(|r| format!("{r:.0}×")).unwrap_or_else(|| l.pick("数据不足", "not enough data"))],
    ]
}

async fn project(ws: &Workspace, id: Id, week: Option<&str>, l: &Labels, include_private: bool, ctx: &mut Context) -> Result<()> {
    let pool = ws.pool();
    let p = projects::get(pool, id).await?;
    ctx.set("project.title", &p.input.title);
    ctx.set("project.goal", &p.input.goal);
    ctx.set("project.benefits", &p.input.benefits);
    let people: HashMap<Id, Person> = people::list(pool).await?.into_iter().map(|p| (p.id, p)).collect();
    let members: Vec<_> = project_people::list(pool).await?.into_iter().filter(|m| m.project_id == id).collect();
    let who = |pid: Id| people.get(&pid).map(|p| match &p.department_name {
        Some(d) => format!("{}（{d}）", p.name),
        None => p.name.clone(),
    });
    let sponsors: Vec<String> = members.iter().filter(|m| m.role == ProjectRole::ExecutiveSponsor).filter_map(|m| who(m.person_id)).collect();
    ctx.set("project.coOwners", sponsors.join(l.pick_str("、", ", ")));
    ctx.table(
        "roles",
        &l.cols(&["角色", "姓名", "职务"], &["Role", "Name", "Title"]),
        members.iter().filter_map(|m| people.get(&m.person_id).map(|p| vec![l.role(m.role), p.name.clone(), p.title.clone()])).collect(),
    );
    let depts: HashMap<Id, String> = departments::list(pool).await?.into_iter().map(|d| (d.id, d.name)).collect();
    let commits = commitments::list_for(pool, id).await?;
    ctx.table(
        "resources",
        &l.cols(&["部门", "承诺", "人数", "周数", "预算"], &["Department", "Commitment", "People", "Weeks", "Budget"]),
        commits
            .iter()
            .filter(|c| !c.is_mine)
            .map(|c| {
                vec![c.department_id.and_then(|d| depts.get(&d).cloned()).unwrap_or_default(), c.description.clone(),
                     num(c.people), num(c.weeks), c.budget.map(|b| l.money(Some(b))).unwrap_or_default()]
            })
            .collect(),
    );
    ctx.bullets("myCommitments", commits.iter().filter(|c| c.is_mine).map(|c| c.description.clone()).collect());
    ctx.table(
        "milestones",
        &l.cols(&["阶段", "开始", "结束", "人员", "完成标准"], &["Phase", "Start", "End", "Staffing", "Exit criteria"]),
        milestones::list_for(pool, id)
            .await?
            .into_iter()
            .map(|m| vec![m.name, m.starts_on, m.ends_on, m.staffing, m.exit_criteria])
            .collect(),
    );
    metrics(ws, id, &depts, l, ctx).await?;
    let open: Vec<_> = touchpoints::list_for(pool, id).await?.into_iter().filter(|t| t.done_on.is_none() && t.state != "skipped").take(5).collect();
    ctx.table(
        "nextSteps",
        &l.cols(&["日期", "事项", "目的"], &["Date", "Action", "Purpose"]),
        open.into_iter().map(|t| vec![t.due_on, t.action, t.purpose]).collect(),
    );
    let reports = weekly_reports::list_for(pool, id).await?;
    let credits: Vec<String> = reports.iter().flat_map(|r| lines(&r.credits)).collect();
    ctx.bullets("credits", credits);
    if let Some(r) = week.and_then(|w| reports.iter().find(|r| r.week == w)).or(reports.first()) {
        ctx.set("report.week", &r.week);
        ctx.set("report.progress", &r.progress);
        ctx.set("report.metrics", &r.metrics);
        ctx.set("report.nextWeek", &r.next_week);
        ctx.set("report.asks", &r.asks);
        ctx.set("report.risks", &r.risks);
        ctx.set("report.credits", &r.credits);
    }
    if include_private {
        private_notes(ws, &members.iter().map(|m| m.person_id).collect::<Vec<_>>(), &people, l, ctx).await?;
    }
    Ok(())
}

async fn metrics(ws: &Workspace, id: Id, depts: &HashMap<Id, String>, l: &Labels, ctx: &mut Context) -> Result<()> {
    let readings = project_metrics::readings_for(ws.pool(), id).await?;
    let rows = project_metrics::list_for(ws.pool(), id)
        .await?
        .into_iter()
        .map(|m| {
            let actual = readings.iter().filter(|r| r.metric_id == m.id).max_by(|a, b| a.taken_on.cmp(&b.taken_on)).map(|r| num(Some(r.value)));
            vec![m.department_id.and_then(|d| depts.get(&d).cloned()).unwrap_or_default(), format!("{} ({})", m.name, m.unit),
                 num(Some(m.baseline)), num(Some(m.target)), actual.unwrap_or_else(|| "—".into())]
        })
        .collect();
    ctx.table("metrics", &l.cols(&["一方", "指标", "基线", "目标", "实际"], &["Side", "Metric", "Baseline", "Target", "Actual"]), rows);
    Ok(())
}

/// Stance, trust, pressures and favours of the project's people: only for documents that ask.
async fn private_notes(ws: &Workspace, ids: &[Id], people: &HashMap<Id, Person>, l: &Labels, ctx: &mut Context) -> Result<()> {
    let mut rows = Vec::new();
    let mut seen = Vec::new();
    for id in ids {
        let Some(p) = people.get(id) else { continue };
        if seen.contains(id) {
            continue;
        }
        seen.push(*id);
        let notes = person_notes::list_for(ws.pool(), *id).await?;
        let pressures: Vec<String> = notes.iter().filter(|n| matches!(n.kind, NoteKind::Pressure | NoteKind::PainPoint | NoteKind::Kpi)).map(|n| n.text.clone()).collect();
        let given: Vec<String> = ledger_entries::list_for(ws.pool(), *id).await?.into_iter().filter(|e| e.direction == Direction::Given).map(|e| e.description).collect();
        rows.push(vec![p.name.clone(), l.stance(p.stance), p.trust.map(|t| t.to_string()).unwrap_or_default(), pressures.join("；"), given.join("；")]);
    }
    ctx.table("stakeholderNotes", &l.cols(&["姓名", "立场", "信任", "KPI 与压力", "我方给予"], &["Name", "Stance", "Trust", "KPIs and pressures", "We gave"]), rows);
    Ok(())
}

fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().map(|l| l.trim().trim_start_matches(['-', '•', '*']).trim().to_owned()).filter(|l| !l.is_empty())
}

fn num(v: Option<f64>) -> String {
    v.map(|v| if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v}") }).unwrap_or_default()
}

struct Labels(Lang);

impl Labels {
    fn pick(&self, zh: &str, en: &str) -> String {
        self.pick_str(zh, en).to_owned()
    }

    fn pick_str<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self.0 {
            Lang::ZhCn => zh,
            Lang::En => en,
        }
    }

    fn cols<'a>(&self, zh: &[&'a str], en: &[&'a str]) -> Vec<&'a str> {
        match self.0 {
            Lang::ZhCn => zh.to_vec(),
            Lang::En => en.to_vec(),
        }
    }

    fn day(&self, d: NaiveDate) -> String {
        match self.0 {
            Lang::ZhCn => d.format("%Y年%-m月%-d日").to_string(),
            Lang::En => d.format("%-d %B %Y").to_string(),
        }
    }

    fn money(&self, m: Option<Money>) -> String {
        match (m, self.0) {
            (None, _) => String::new(),
            (Some(m), Lang::ZhCn) => m.format_zh(),
            (Some(m), Lang::En) => m.format_en(),
        }
    }

    fn if_not_fixed(&self, weeks: i32, events: f64, cost: Money) -> String {
        match self.0 {
            Lang::ZhCn => format!("若不解决，未来 {weeks} 周预计再发生约 {events:.0} 次，多花 {}", cost.format_zh()),
            Lang::En => format!("If not fixed, about {events:.0} more events in the next {weeks} weeks, costing {} more", cost.format_en()),
        }
    }

    fn role(&self, r: ProjectRole) -> String {
        let (zh, en) = match r {
            ProjectRole::ExecutiveSponsor => ("执行发起人", "Executive sponsor"),
            ProjectRole::ProductOwner => ("产品负责人", "Product owner"),
            ProjectRole::TechLead => ("技术负责人", "Tech lead"),
            ProjectRole::ScrumMaster => ("敏捷教练", "Scrum master"),
            ProjectRole::Stakeholder => ("相关方", "Stakeholder"),
        };
        self.pick(zh, en)
    }

    fn stance(&self, s: Stance) -> String {
        let (zh, en) = match s {
            Stance::Champion => ("倡导者", "Champion"),
            Stance::Supporter => ("支持者", "Supporter"),
            Stance::Neutral => ("中立", "Neutral"),
            Stance::Sceptic => ("怀疑者", "Sceptic"),
            Stance::Blocker => ("阻碍者", "Blocker"),
        };
        self.pick(zh, en)
    }
}
