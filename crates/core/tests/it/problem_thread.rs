//! The whole thread on a workspace built here, through the services the screens use (S1–S5):
//! a ticket export imported → a problem → what it does to each department's KPIs → who should
//! sponsor it, in order and with the figures → a proposal with two written options, B recommended,
//! in DOCX and PDF → approved → the project pre-filled from B → incidents fall after the launch →
//! the verdict validated with the interval computed here → closed as solved, counted in S7.

use crate::common;
use crate::fix_validation::clopper_pearson_ratio;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;

use liaison_core::import::{self, ImportOptions};
use liaison_core::proposal::{Subject, TemplateKind};
use liaison_core::service::approval::{self, Approval};
use liaison_core::service::board::IncidentFilter;
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::effects::{self, EffectInput};
use liaison_core::service::kpis::{self, KpiInput};
use liaison_core::service::people::{self, PersonInput};
use liaison_core::service::problems::{self, LaunchVerdict};
use liaison_core::service::proposal_options::{self as options, OptionEffect, OptionInput, OptionPhase, OptionResource, OptionRisk};
use liaison_core::service::proposals::{self, DraftRequest, ProposalFormat};
use liaison_core::service::sponsors;
use liaison_core::service::thread;
use liaison_core::{ErrorCode, Id, Lang, Money, Workspace};

const DAY: i64 = 86_400_000;
const OFFSET_MS: i64 = 8 * 3_600_000;

fn today() -> i64 {
    (liaison_core::time::now_ms() + OFFSET_MS).div_euclid(DAY)
}

fn date(day: i64) -> String {
    (chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(day as u64)).format("%Y-%m-%d").to_string()
}

/// A ticket export: `n` screen faults spread over `[from, to)` (local days), round the four stores.
fn export(dir: &Path, name: &str, n: i64, from: i64, to: i64) -> std::path::PathBuf {
    let mut lines = vec!["工单号,门店,问题类型,登记时间,费用".to_owned()];
    for i in 0..n {
        let day = from + i * (to - from) / n;
        lines.push(format!("{name}-{i},门店{},屏幕故障,{} 10:00,1200", i % 4, date(day)));
    }
    let path = dir.join(format!("{name}.csv"));
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

async fn import_file(ws: &Workspace, path: &Path) {
    let overview = import::inspect(path, None, None).unwrap();
    let report = import::run(ws, path, &ImportOptions { mapping: overview.guessed, ..Default::default() }, false, &|_| {}, &AtomicBool::new(false)).await.unwrap();
    assert!(report.committed, "{report:?}");
}

async fn department(ws: &Workspace, name: &str) -> Id {
    departments::create(ws, DepartmentInput { name: name.into(), head: String::new(), kpis: String::new(), escalation_contact: String::new() }).await.unwrap().id
}

async fn person(ws: &Workspace, name: &str, department_id: Id, power: f64, trust: i32) -> Id {
    let p = PersonInput { name: name.into(), title: name.into(), department_id: Some(department_id), trust: Some(trust), power, interest: 10.0, ..Default::default() };
    people::create(ws, p).await.unwrap().id
}

fn option(title: &str, cost_yuan: i64, resources: Vec<OptionResource>, phases: &[(&str, i32)], to: f64, risk: (&str, &str)) -> OptionInput {
    OptionInput {
        title: title.into(),
        description: format!("{title}：做法说明"),
        cost: Some(Money::from_yuan(cost_yuan)),
        resources,
        phases: phases.iter().map(|(name, weeks)| OptionPhase { name: (*name).into(), weeks: *weeks }).collect(),
        effects: vec![OptionEffect { metric: "屏幕故障".into(), unit: "次/周".into(), from: 7.5, to }],
        pros: format!("{title}的优点"),
        cons: format!("{title}的缺点"),
        risks: vec![OptionRisk { risk: risk.0.into(), counter_measure: risk.1.into() }],
    }
}

/// What a reader of the exported file sees, without line breaks or spaces.
fn read(path: &Path, format: ProposalFormat) -> String {
    let text = match format {
        ProposalFormat::Docx => {
            let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
            xml
        }
        _ => {
            let out = Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (poppler-utils) is installed");
            String::from_utf8(out.stdout).unwrap()
        }
    };
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[tokio::test]
async fn from_an_import_to_a_validated_fix() {
    let t = common::temp_workspace().await;
    let launch = today() - 28;
    // 1. The ticket export: 30 screen faults in the four weeks before the launch, 15 before that.
    import_file(&t.ws, &export(t.dir.path(), "早", 15, launch - 84, launch - 56)).await;
    import_file(&t.ws, &export(t.dir.path(), "前", 30, launch - 28, launch)).await;
    let link = IncidentFilter { problem_types: vec!["屏幕故障".into()], ..Default::default() };
    let problem = problems::create(&t.ws, problems::default_input("门店屏幕故障"), Some(link)).await.unwrap().id;

    // 2. What it does to each department: supply chain's backlog, as the director estimates it.
    let after_sales = department(&t.ws, "售后部").await;
    let supply = department(&t.ws, "供应链部").await;
    let it = department(&t.ws, "IT部").await;
    let supply_head = person(&t.ws, "供应链总监", supply, 8.0, 4).await;
    let cio = person(&t.ws, "CIO", it, 10.0, 5).await;
    let ops_vp = person(&t.ws, "运营副总裁", after_sales, 9.0, 5).await;
    let backlog = kpis::create(&t.ws, KpiInput { name: "库存积压".into(), unit: "元".into(), department_id: supply, owner_person_id: Some(supply_head), metric: None }).await.unwrap().id;
    let bad = EffectInput { kpi_id: backlog, effect: -30.0, unit: "次".into(), money: None, note: String::new(), computed: false };
    assert_eq!(effects::add(&t.ws, problem, bad).await.unwrap_err().code, ErrorCode::UnitMismatch);
    let hurt = EffectInput { kpi_id: backlog, effect: -30.0, unit: "%".into(), money: Some(Money::from_yuan(8_000_000)), note: String::new(), computed: false };
    effects::add(&t.ws, problem, hurt).await.unwrap();

    // 3. Who should sponsor it: the one with a stake before the one with more power and none.
    let ranked = sponsors::for_problem(&t.ws, problem, Lang::ZhCn).await.unwrap();
    let order: Vec<Id> = ranked.iter().map(|r| r.person_id).collect();
    let (first, cio_at) = (order[0], order.iter().position(|p| *p == cio).unwrap());
    assert_eq!(first, supply_head);
    assert!(cio_at > 0 && ranked[cio_at].stake == 0.0);
    assert_eq!(ranked[0].reason, "供应链总监：库存积压 KPI 受影响最大（−30 %，800万元）；决策权 8；信任 4");
    sponsors::choose(&t.ws, problem, Some(supply_head)).await.unwrap();

    // 4. The complete solution with the director's two options, B recommended.
    let request = DraftRequest { kind: TemplateKind::Solution, language: Lang::ZhCn, template_id: None, subject: Subject { problem_id: Some(problem), ..Default::default() }, include_private: false, author: "林晓".into() };
    let draft = proposals::create(&t.ws, request, &date(today())).await.unwrap().id;
    for suggested in options::list(&t.ws, draft).await.unwrap() {
        options::delete(&t.ws, suggested.id).await.unwrap();
    }
    let a = options::create(&t.ws, draft, option("门店自助排查手册", 30_000, vec![OptionResource { department_id: after_sales, person_weeks: 3.0, cost: None, note: String::new() }], &[("编写", 2)], 5.0, ("店员不按手册操作", "纳入巡店检查"))).await.unwrap();
    let resources = vec![
        OptionResource { department_id: supply, person_weeks: 12.0, cost: Some(Money::from_yuan(450_000)), note: String::new() },
        OptionResource { department_id: after_sales, person_weeks: 4.0, cost: None, note: "门店试点".into() },
    ];
    let b = options::create(&t.ws, draft, option("更换屏幕供应商", 600_000, resources, &[("招标", 2), ("试点", 2)], 1.5, ("新供应商交期延误", "保留原供应商三个月"))).await.unwrap();
    let refused = approval::approve(&t.ws, draft, Approval { approved_on: date(launch - 40), approved_by: "HQ 运营副总裁".into() }).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::NoRecommendedOption, "nothing to approve without a recommendation");
    assert_eq!(approval::approval(&t.ws, draft).await.unwrap(), None, "nothing written");
    options::set_recommended(&t.ws, draft, Some(b.id)).await.unwrap();
    for format in [ProposalFormat::Docx, ProposalFormat::Pdf] {
        let path = t.dir.path().join(format!("solution.{}", format.extension()));
        proposals::export(&t.ws, draft, format, &path).await.unwrap();
        let text = read(&path, format);
        for figure in ["门店自助排查手册", "更换屏幕供应商", "3万元", "60万元", "45万元", "12", "7.5", "1.5", "新供应商交期延误", "保留原供应商三个月", "店员不按手册操作", "纳入巡店检查", "招标"] {
            assert!(text.contains(figure), "{format:?} lacks {figure}");
        }
        let marks = text.matches("推荐方案").count();
        assert_eq!(marks, 1, "{format:?}: one recommended mark");
        let mark = text.find("推荐方案").unwrap();
        assert!(text[mark..].contains("更换屏幕供应商") && text.find("门店自助排查手册").unwrap() < mark, "{format:?}: the mark is on B");
    }
    let _ = a;

    // 5. Approved; the project pre-filled from B; a launch before the approval refused.
    let approved = approval::approve(&t.ws, draft, Approval { approved_on: date(launch - 40), approved_by: "HQ 运营副总裁".into() }).await.unwrap();
    assert_eq!(approved.approved_on, date(launch - 40));
    let mut plan = approval::plan(&t.ws, draft, Lang::ZhCn).await.unwrap();
    assert_eq!(plan.project.title, "更换屏幕供应商");
    assert_eq!((plan.co_owners.ours, plan.co_owners.theirs), (None, Some(supply_head)), "the problem's sponsor; the director adds their own");
    assert_eq!(plan.commitments.iter().map(|c| (c.department_id, c.weeks, c.budget)).collect::<Vec<_>>(), vec![(Some(supply), Some(4.0), Some(Money::from_yuan(450_000))), (Some(after_sales), Some(4.0), None)]);
    assert_eq!(plan.commitments[0].people, Some(3.0), "12 person-weeks over the 4 weeks of the timeline");
    assert_eq!(plan.milestones.iter().map(|m| (m.name.as_str(), m.starts_on.clone(), m.ends_on.clone())).collect::<Vec<_>>(), vec![
        ("招标", date(launch - 40), date(launch - 27)),
        ("试点", date(launch - 26), date(launch - 13)),
    ]);
    assert_eq!(plan.project.launch_on, Some(date(launch - 13)));
    let rate = &plan.metrics[0];
    assert!(rate.baseline_computed && rate.metric.name == "问题发生次数");
    let evidence = problems::evidence(&t.ws, problem, Lang::ZhCn).await.unwrap();
    let per_week = evidence.prevalence.events_per_week.unwrap();
    assert_eq!(rate.metric.baseline, (per_week * 10.0).round() / 10.0, "the baseline from the evidence chain");
    assert_eq!((plan.metrics[1].metric.name.as_str(), plan.metrics[1].metric.baseline, plan.metrics[1].metric.target), ("屏幕故障", 7.5, 1.5));

    plan.project.launch_on = Some(date(launch - 41));
    let early = approval::create_project(&t.ws, draft, plan.clone()).await.unwrap_err();
    assert_eq!((early.code, early.field.as_deref()), (ErrorCode::LaunchBeforeProposal, Some("project.launchOn")));
    let projects: i64 = sqlx::query_scalar("SELECT count(*) FROM projects").fetch_one(t.ws.pool()).await.unwrap();
    assert_eq!(projects, 0, "nothing written");
    plan.project.launch_on = Some(date(launch));
    plan.co_owners.ours = Some(ops_vp);
    let project = approval::create_project(&t.ws, draft, plan).await.unwrap();
    let th = thread::of_problem(&t.ws, problem).await.unwrap();
    assert_eq!((th.projects.len(), th.proposals.len()), (1, 1));
    assert_eq!((th.projects[0].project_id, th.proposals[0].proposal_id), (project.id, draft));
    assert_eq!(thread::of_project(&t.ws, project.id).await.unwrap().problems[0].problem_id, problem);

    // 6. After the launch, 6 screen faults where 30 came in the four weeks before.
    import_file(&t.ws, &export(t.dir.path(), "后", 6, launch, launch + 28)).await;
    let launch_effect = problems::evidence(&t.ws, problem, Lang::ZhCn).await.unwrap().validation.launch.unwrap();
    assert_eq!((launch_effect.before, launch_effect.after, launch_effect.days), (30, 6, 28));
    assert_eq!(launch_effect.verdict, LaunchVerdict::Validated);
    let (low, high) = clopper_pearson_ratio(30, 6);
    assert!((launch_effect.ratio_low.unwrap() - low).abs() < 1e-9 && (launch_effect.ratio_high.unwrap() - high).abs() < 1e-9);

    // 7. Closed as solved; S7 counts it without anything entered by hand.
    problems::close_solved(&t.ws, problem, Lang::ZhCn).await.unwrap();
    let row = problems::approach_table(&t.ws).await.unwrap().into_iter().find(|r| r.cases > 0).unwrap();
    assert_eq!((row.approach.as_str(), row.cases, row.approved_pct, row.solved_pct), ("data_and_solution", 1, Some(100.0), Some(100.0)));
}
