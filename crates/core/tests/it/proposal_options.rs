//! Options written by the director in a proposal draft, on a workspace built here (not the demo):
//! two written options with B recommended reach Markdown, DOCX and PDF with every figure and the
//! mark on B only; nothing is recommended by default; the "do nothing" suggestion carries the
//! trend projection's figures; bad input names its field and writes nothing; a problem with no
//! incidents does not repeat "数据不足".

use crate::common;

use std::process::Command;

use liaison_core::error::ErrorCode;
use liaison_core::proposal::{Subject, TemplateKind};
use liaison_core::service::board::IncidentFilter;
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::proposal_options::{self as options, OptionEffect, OptionInput, OptionPhase, OptionResource, OptionRisk};
use liaison_core::service::proposals::{self, DraftRequest, ProposalFormat};
use liaison_core::service::stores::{self, StoreInput};
use liaison_core::service::problems;
use liaison_core::{Id, Lang, Money, Workspace};

const DAY: i64 = 86_400_000;
/// Monday 2024-04-01 00:00 in Shanghai.
const APRIL_1: i64 = 1_711_900_800_000;

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\\').collect()
}

/// What a reader of the file sees: Markdown as is, DOCX's word/document.xml, PDF through pdftotext.
fn read_back(format: ProposalFormat, bytes: &[u8], dir: &std::path::Path) -> String {
    match format {
        ProposalFormat::Markdown => String::from_utf8(bytes.to_vec()).unwrap(),
        ProposalFormat::Docx => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
            xml
        }
        ProposalFormat::Pdf => {
            let path = dir.join("options.pdf");
            std::fs::write(&path, bytes).unwrap();
            let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext (poppler-utils) is installed");
            assert!(out.status.success());
            String::from_utf8(out.stdout).unwrap()
        }
    }
}

/// A problem whose weekly events grow (1, 2, … 12 a week at 1,000 元 each), so the trend projects.
async fn growing_problem(ws: &Workspace, title: &str) -> Id {
    let store = stores::create(ws, StoreInput { name: "北京一店".into(), ..Default::default() }).await.unwrap().id;
    let other = stores::create(ws, StoreInput { name: "上海一店".into(), ..Default::default() }).await.unwrap().id;
    let mut records = Vec::new();
    for week in 0..12i64 {
        for n in 0..=week {
            records.push(IncidentInput {
                title: format!("预约超载 {week}-{n}"),
                problem_type: title.into(),
                store_id: Some(if n % 2 == 0 { store } else { other }),
                opened_at: APRIL_1 + week * 7 * DAY + n * DAY / 2,
                cost: Money::from_yuan(1_000),
                status: "open".into(),
                ..Default::default()
            });
        }
    }
    common::insert_records(ws, records).await;
    let link = IncidentFilter { problem_types: vec![title.into()], ..Default::default() };
    problems::create(ws, problems::default_input(title), Some(link)).await.unwrap().id
}

async fn solution(ws: &Workspace, problem_id: Id) -> Id {
    let r = DraftRequest {
        kind: TemplateKind::Solution,
        language: Lang::ZhCn,
        template_id: None,
        subject: Subject { problem_id: Some(problem_id), project_id: None, week: None },
        include_private: false,
        author: "林晓".into(),
    };
    proposals::create(ws, r, "2024-07-01").await.unwrap().id
}

fn option_a(after_sales: Id) -> OptionInput {
    OptionInput {
        title: "门店人工预警".into(),
        description: "店长每天早上查看预约量，超过工位能力时人工提醒。".into(),
        cost: Some(Money::from_yuan(50_000)),
        resources: vec![OptionResource { department_id: after_sales, person_weeks: 4.0, cost: None, note: "门店运营".into() }],
        phases: vec![OptionPhase { name: "试点".into(), weeks: 3 }],
        effects: vec![OptionEffect { metric: "每周超载次数".into(), unit: "次".into(), from: 18.0, to: 9.0 }],
        pros: "立即可做".into(),
        cons: "靠人工，难以规模化".into(),
        risks: vec![OptionRisk { risk: "店长遗忘查看".into(), counter_measure: "每日例会检查".into() }],
    }
}

fn option_b(after_sales: Id, product: Id) -> OptionInput {
    OptionInput {
        title: "预约系统显示工位负载".into(),
        description: "产品部在预约系统中实时显示各工位负载，超载前自动限流。".into(),
        cost: Some(Money::from_yuan(200_000)),
        resources: vec![
            OptionResource { department_id: product, person_weeks: 8.0, cost: Some(Money::from_yuan(160_000)), note: String::new() },
            OptionResource { department_id: after_sales, person_weeks: 2.0, cost: None, note: String::new() },
        ],
        phases: vec![OptionPhase { name: "POC".into(), weeks: 2 }, OptionPhase { name: "MVP".into(), weeks: 6 }],
        effects: vec![
            OptionEffect { metric: "NPS".into(), unit: String::new(), from: 76.0, to: 84.0 },
            OptionEffect { metric: "每周超载次数".into(), unit: "次".into(), from: 18.0, to: 4.0 },
        ],
        pros: "根治问题，效果可验证".into(),
        cons: "需要产品部排期".into(),
        risks: vec![OptionRisk { risk: "iOS团队排期冲突".into(), counter_measure: "提前两周与iOS负责人沟通".into() }],
    }
}

async fn dept(ws: &Workspace, name: &str) -> Id {
    departments::create(ws, DepartmentInput { name: name.into(), head: String::new(), kpis: String::new(), escalation_contact: String::new() }).await.unwrap().id
}

#[tokio::test]
async fn two_written_options_with_b_recommended_reach_every_format() {
    let t = common::temp_workspace().await;
    let after_sales = dept(&t.ws, "售后部").await;
    let product = dept(&t.ws, "产品部").await;
    let problem = growing_problem(&t.ws, "预约超载").await;
    let draft = solution(&t.ws, problem).await;

    // Only the suggestion so far: none of the director's options, nothing recommended.
    let listed = options::list(&t.ws, draft).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].suggested && !listed[0].recommended);
    options::delete(&t.ws, listed[0].id).await.unwrap();

    let a = options::create(&t.ws, draft, option_a(after_sales)).await.unwrap();
    let b = options::create(&t.ws, draft, option_b(after_sales, product)).await.unwrap();
    assert_eq!((a.position, b.position), (0, 1));
    assert!(options::list(&t.ws, draft).await.unwrap().iter().all(|o| !o.recommended && !o.suggested), "none recommended by default");
    // Without a recommendation the document claims none.
    let md = String::from_utf8(proposals::render_draft(&t.ws, draft, ProposalFormat::Markdown).await.unwrap()).unwrap();
    assert!(!md.contains("推荐方案") && !md.contains("建议采用"), "{md}");

    options::set_recommended(&t.ws, draft, Some(a.id)).await.unwrap();
    let after = options::set_recommended(&t.ws, draft, Some(b.id)).await.unwrap();
    assert_eq!(after.iter().filter(|o| o.recommended).map(|o| o.id).collect::<Vec<_>>(), vec![b.id], "one at a time");

    for format in [ProposalFormat::Markdown, ProposalFormat::Docx, ProposalFormat::Pdf] {
        let text = squeeze(&read_back(format, &proposals::render_draft(&t.ws, draft, format).await.unwrap(), t.dir.path()));
        for figure in [
            "方案A：门店人工预警", "方案B：预约系统显示工位负载★推荐方案", "投入：5万元", "投入：20万元",
            "售后部4人周（门店运营）", "产品部8人周（16万元）", "售后部2人周", "合计10人周",
            "POC2周→MVP6周（共8周）", "试点3周", "每周超载次数18→9次", "NPS76→84", "每周超载次数18→4次",
            "优点：根治问题，效果可验证", "缺点：需要产品部排期", "缺点：靠人工，难以规模化",
            "店长遗忘查看", "每日例会检查", "iOS团队排期冲突", "提前两周与iOS负责人沟通", "建议采用方案B：预约系统显示工位负载",
        ] {
            assert!(text.contains(figure), "{format:?}: missing {figure}\n{text}");
        }
        assert_eq!(text.matches("★").count(), 1, "{format:?}: the mark on B only");
        assert!(!text.contains("建议采用方案A") && !text.contains("需要投入"), "{format:?}: no canned option rows");
        // The risk table of a proposal written before its project exists holds the options' risks.
        let risks = &text[text.find("风险与应对").expect("risk section")..];
        assert!(risks.contains("方案B") && risks.contains("iOS团队排期冲突") && !risks.contains("【待补充：风险"), "{format:?}");
    }

    // Edited after the draft was made: the export shows the stored options as they are now.
    let mut renamed = option_a(after_sales);
    renamed.title = "店长人工预警".into();
    options::update(&t.ws, a.id, renamed).await.unwrap();
    options::move_to(&t.ws, b.id, 0).await.unwrap();
    let md = squeeze(&String::from_utf8(proposals::render_draft(&t.ws, draft, ProposalFormat::Markdown).await.unwrap()).unwrap());
    assert!(md.contains("方案A：预约系统显示工位负载★推荐方案") && md.contains("方案B：店长人工预警") && md.contains("建议采用方案A"), "{md}");
    options::set_recommended(&t.ws, draft, None).await.unwrap();
    let md = String::from_utf8(proposals::render_draft(&t.ws, draft, ProposalFormat::Markdown).await.unwrap()).unwrap();
    assert!(!md.contains('★') && !md.contains("建议采用"), "toggled off: nothing claims a recommendation");
}

#[tokio::test]
async fn the_do_nothing_suggestion_carries_the_projection() {
    let t = common::temp_workspace().await;
    let problem = growing_problem(&t.ws, "预约超载").await;
    let evidence = problems::evidence(&t.ws, problem, Lang::ZhCn).await.unwrap();
    let projected = evidence.business_case.if_not_fixed.clone().expect("a growing trend projects");
    assert!(projected.events > 0.0 && projected.extra_cost.fen() > 0);
    let draft = solution(&t.ws, problem).await;
    let listed = options::list(&t.ws, draft).await.unwrap();
    let [s] = listed.as_slice() else { panic!("one suggestion: {listed:?}") };
    assert!(s.suggested && !s.recommended);
    assert_eq!(s.input.cost, Some(projected.extra_cost));
    for figure in [format!("未来 {} 周", projected.weeks), format!("约 {:.0} 次", projected.events), projected.extra_cost.format_zh()] {
        assert!(s.input.description.contains(&figure), "{figure} in {}", s.input.description);
    }
    // A suggestion is not the director's: out of the document, and not recommendable until accepted.
    let md = String::from_utf8(proposals::render_draft(&t.ws, draft, ProposalFormat::Markdown).await.unwrap()).unwrap();
    assert!(!md.contains("维持现状"), "{md}");
    let err = options::set_recommended(&t.ws, draft, Some(s.id)).await.unwrap_err();
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::ProposalOptionSuggested, Some("recommended")));
    let accepted = options::accept(&t.ws, s.id).await.unwrap();
    assert!(!accepted.suggested);
    options::set_recommended(&t.ws, draft, Some(s.id)).await.unwrap();
    let md = squeeze(&String::from_utf8(proposals::render_draft(&t.ws, draft, ProposalFormat::Markdown).await.unwrap()).unwrap());
    assert!(md.contains("方案A：维持现状（不处理）★推荐方案") && md.contains(&squeeze(&projected.extra_cost.format_zh())), "{md}");
}

#[tokio::test]
async fn bad_input_names_its_field_and_writes_nothing() {
    let t = common::temp_workspace().await;
    let after_sales = dept(&t.ws, "售后部").await;
    let problem = problems::create(&t.ws, problems::default_input("门店系统卡顿"), None).await.unwrap().id;
    let draft = solution(&t.ws, problem).await;
    let good = options::create(&t.ws, draft, option_a(after_sales)).await.unwrap();
    let before = options::list(&t.ws, draft).await.unwrap();

    let mut phases = option_a(after_sales);
    phases.phases = vec![OptionPhase { name: "一".into(), weeks: 1 }, OptionPhase { name: "二".into(), weeks: 2 }, OptionPhase { name: "三".into(), weeks: 0 }];
    let mut dept_gone = option_a(after_sales);
    dept_gone.resources[0].department_id = 9_999;
    let mut no_weeks = option_a(after_sales);
    no_weeks.resources[0].person_weeks = f64::NAN;
    let mut negative = option_a(after_sales);
    negative.cost = Some(Money::from_yuan(-1));
    let mut no_title = option_a(after_sales);
    no_title.title = "  ".into();
    let mut no_risk = option_a(after_sales);
    no_risk.risks.push(OptionRisk { risk: String::new(), counter_measure: "x".into() });
    let mut no_metric = option_a(after_sales);
    no_metric.effects[0].metric = String::new();
    let cases = [
        (phases, ErrorCode::OutOfRange, "phases.2.weeks"),
        (dept_gone, ErrorCode::NotFound, "resources.0.departmentId"),
        (no_weeks, ErrorCode::OutOfRange, "resources.0.personWeeks"),
        (negative, ErrorCode::OutOfRange, "cost"),
        (no_title, ErrorCode::Required, "title"),
        (no_risk, ErrorCode::Required, "risks.1.risk"),
        (no_metric, ErrorCode::Required, "effects.0.metric"),
    ];
    for (input, code, field) in cases {
        let err = options::create(&t.ws, draft, input.clone()).await.unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (code, Some(field)));
        let err = options::update(&t.ws, good.id, input).await.unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (code, Some(field)));
        assert_eq!(options::list(&t.ws, draft).await.unwrap(), before, "nothing written for {field}");
    }
    let other = solution(&t.ws, problem).await;
    let err = options::set_recommended(&t.ws, other, Some(good.id)).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(options::list(&t.ws, draft).await.unwrap().iter().all(|o| !o.recommended));
}

#[tokio::test]
async fn a_problem_without_incidents_says_not_enough_data_once() {
    let t = common::temp_workspace().await;
    let problem = problems::create(&t.ws, problems::default_input("门店系统卡顿"), None).await.unwrap().id;
    let draft = solution(&t.ws, problem).await;
    assert!(options::list(&t.ws, draft).await.unwrap().is_empty(), "no projection, no suggestion");
    for format in [ProposalFormat::Markdown, ProposalFormat::Pdf] {
        let text = squeeze(&read_back(format, &proposals::render_draft(&t.ws, draft, format).await.unwrap(), t.dir.path()));
        assert_eq!(text.matches("数据不足").count(), 1, "{format:?}: {text}");
        assert!(!text.contains("ROI"), "{format:?}: no ROI sentence without figures: {text}");
    }
}
