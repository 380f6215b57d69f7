//! What a problem does to each department, and who should sponsor it, on a blank workspace built
//! through the services: KPIs in the director's words, effects in the KPI's unit (anything else
//! refused, nothing written), effects computed from the imported incidents, the sponsor ranking
//! with its reasons, the chosen sponsor in the S7 table and in a document.

use crate::common;

use liaison_core::proposal::{Subject, TemplateKind};
use liaison_core::service::departments::{self, DepartmentInput};
use liaison_core::service::effects::{self, EffectInput, Figure};
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::kpis::{self, KpiInput};
use liaison_core::service::people::{self, PersonInput};
use liaison_core::service::problems::{self, IncidentFilter};
use liaison_core::service::proposals::{self, DraftRequest, ProposalFormat};
use liaison_core::service::sponsors;
use liaison_core::{ErrorCode, Id, Lang, Money, Workspace};

async fn department(ws: &Workspace, name: &str) -> Id {
    departments::create(ws, DepartmentInput { name: name.into(), ..Default::default() }).await.unwrap().id
}

async fn person(ws: &Workspace, name: &str, title: &str, department_id: Id, power: f64, trust: Option<i32>, interest: f64) -> Id {
    let input = PersonInput { name: name.into(), title: title.into(), department_id: Some(department_id), power, trust, interest, ..Default::default() };
    people::create(ws, input).await.unwrap().id
}

async fn kpi(ws: &Workspace, name: &str, unit: &str, department_id: Id, owner: Option<Id>) -> Id {
    kpis::create(ws, KpiInput { name: name.into(), unit: unit.into(), department_id, owner_person_id: owner, metric: None }).await.unwrap().id
}

fn effect(kpi_id: Id, value: f64, unit: &str, money: Option<Money>) -> EffectInput {
    EffectInput { kpi_id, effect: value, unit: unit.into(), money, note: String::new(), computed: false }
}

const HOUR: i64 = 3_600_000;
const T0: i64 = 1_717_200_000_000;

struct World {
    supply: Id,
    service: Id,
    director: Id,
    manager: Id,
    ceo: Id,
    backlog: Id,
    complaints: Id,
    handling: Id,
    wait: Id,
    problem: Id,
    /// (department, cost in yuan, wait in minutes) of each linked incident, as the test wrote them.
    linked: Vec<(Option<Id>, i64, Option<i64>)>,
}

async fn world(ws: &Workspace) -> World {
    let supply = department(ws, "供应链部").await;
    let service = department(ws, "客服部").await;
    let office = department(ws, "总裁办").await;
    let director = person(ws, "周敏", "供应链总监", supply, 8.0, Some(4), 7.0).await;
    // Trust not recorded: the ranking still counts them, and says so.
    let manager = person(ws, "钱芳", "客服经理", service, 9.0, None, 9.0).await;
    // Great power, nothing of theirs hurt.
    let ceo = person(ws, "孙总", "CEO", office, 10.0, Some(5), 10.0).await;
    let backlog = kpi(ws, "库存积压", "元", supply, Some(director)).await;
    let complaints = kpi(ws, "客诉量", "次", service, Some(manager)).await;
    let handling = kpi(ws, "处理成本", "元", service, None).await;
    let wait = kpi(ws, "平均等待", "分钟", service, None).await;

    let mut linked = Vec::new();
    let mut rows = Vec::new();
    for n in 0..17i64 {
        // 12 for customer service, 3 for supply chain, 2 still in triage.
        let dept = match n { 0..12 => Some(service), 12..15 => Some(supply), _ => None };
        let cost = 150 + 37 * n;
        let wait = (n % 4 != 3).then_some(20 + 7 * n);
        linked.push((dept, cost, wait));
        rows.push(IncidentInput {
            title: format!("缺货 {n}"),
            problem_type: "缺货".into(),
            department_id: dept,
            cost: Money::from_yuan(cost),
            wait_minutes: wait,
            opened_at: T0 + n * HOUR,
            status: "open".into(),
            ..Default::default()
        });
    }
    // Not part of the problem: another type, a large cost that must not count.
    rows.push(IncidentInput { title: "包装破损".into(), problem_type: "包装".into(), department_id: Some(service), cost: Money::from_yuan(99_999), opened_at: T0, status: "open".into(), ..Default::default() });
    common::insert_records(ws, rows).await;
    let filter = IncidentFilter { problem_types: vec!["缺货".into()], ..Default::default() };
    let problem = problems::create(ws, problems::default_input("门店缺货"), Some(filter)).await.unwrap().id;
    World { supply, service, director, manager, ceo, backlog, complaints, handling, wait, problem, linked }
}

#[tokio::test]
async fn kpis_are_named_by_the_director_in_their_own_unit() {
    let t = common::temp_workspace().await;
    let w = world(&t.ws).await;
    let all = kpis::list(&t.ws).await.unwrap();
    assert_eq!(all.len(), 4);
    let backlog = all.iter().find(|k| k.id == w.backlog).unwrap();
    assert_eq!((backlog.unit.as_str(), backlog.department_id, backlog.owner_name.as_deref()), ("元", w.supply, Some("周敏")));

    let bad_metric = KpiInput { name: "NPS".into(), unit: "分".into(), department_id: w.service, owner_person_id: None, metric: Some("inventory".into()) };
    let e = kpis::create(&t.ws, bad_metric.clone()).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidChoice, Some("metric")));
    let e = kpis::create(&t.ws, KpiInput { department_id: 9_999, metric: None, ..bad_metric.clone() }).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotFound, Some("departmentId")));
    let e = kpis::create(&t.ws, KpiInput { unit: " ".into(), metric: None, ..bad_metric.clone() }).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Required, Some("unit")));
    let tagged = kpis::create(&t.ws, KpiInput { metric: Some("nps".into()), ..bad_metric }).await.unwrap();
    assert_eq!(tagged.metric.as_deref(), Some("nps"), "a code is only a tag");
    assert_eq!(kpis::list(&t.ws).await.unwrap().len(), 5);

    // A KPI whose effects are written in its unit keeps that unit.
    effects::add(&t.ws, w.problem, effect(w.wait, -12.0, "分钟", None)).await.unwrap();
    let e = kpis::update(&t.ws, w.wait, KpiInput { name: "平均等待".into(), unit: "小时".into(), department_id: w.service, owner_person_id: None, metric: None }).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref(), e.params["expected"].as_str()), (ErrorCode::UnitMismatch, Some("unit"), "分钟"));
    kpis::delete(&t.ws, w.wait).await.unwrap();
    assert!(effects::list(&t.ws, w.problem).await.unwrap().is_empty(), "a deleted KPI takes its effects along");
}

#[tokio::test]
async fn effects_in_another_unit_are_refused_and_nothing_is_written() {
    let t = common::temp_workspace().await;
    let w = world(&t.ws).await;
    let saved = effects::add(&t.ws, w.problem, effect(w.backlog, -30.0, "%", Some(Money::from_yuan(8_000_000)))).await.unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!((saved[0].kpi_name.as_str(), saved[0].effect, saved[0].unit.as_str(), saved[0].computed), ("库存积压", -30.0, "%", false));

    let e = effects::add(&t.ws, w.problem, effect(w.complaints, -40.0, "元", None)).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::UnitMismatch, Some("unit")));
    assert_eq!((e.params["unit"].as_str(), e.params["expected"].as_str(), e.params["kpi"].as_str()), ("元", "次", "客诉量"));
    let e = effects::add(&t.ws, w.problem, effect(w.complaints, f64::NAN, "%", None)).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidNumber, Some("effect")));
    let e = effects::add(&t.ws, w.problem, effect(w.complaints, f64::INFINITY, "次", None)).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidNumber, Some("effect")));
    let e = effects::add(&t.ws, w.problem, effect(9_999, -1.0, "%", None)).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotFound, Some("kpiId")));
    let e = effects::add(&t.ws, 9_999, effect(w.complaints, -1.0, "%", None)).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    let e = effects::update(&t.ws, saved[0].id, effect(w.backlog, -30.0, "次", None)).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::UnitMismatch);
    let after = effects::list(&t.ws, w.problem).await.unwrap();
    assert_eq!(after, saved, "nothing written by the refused ones");

    // The KPI's own unit and a full-width ％ are accepted; an edit is stored as written.
    effects::add(&t.ws, w.problem, effect(w.complaints, -40.0, "％", None)).await.unwrap();
    let list = effects::update(&t.ws, saved[0].id, effect(w.backlog, -6_000_000.0, "元", Some(Money::from_yuan(6_000_000)))).await.unwrap();
    let backlog = list.iter().find(|e| e.kpi_id == w.backlog).unwrap();
    assert_eq!((backlog.effect, backlog.unit.as_str(), backlog.money), (-6_000_000.0, "元", Some(Money::from_yuan(6_000_000))));
    assert_eq!(list.iter().find(|e| e.kpi_id == w.complaints).unwrap().unit, "%");
    let list = effects::delete(&t.ws, backlog.id).await.unwrap();
    assert_eq!(list.len(), 1);
}

#[tokio::test]
async fn suggested_effects_are_the_linked_incidents_figures_per_owning_department() {
    let t = common::temp_workspace().await;
    let w = world(&t.ws).await;
    let suggested = effects::suggested_effects(&t.ws, w.problem).await.unwrap();
    for (dept, name) in [(w.service, "客服部"), (w.supply, "供应链部")] {
        let mine: Vec<_> = w.linked.iter().filter(|(d, _, _)| *d == Some(dept)).collect();
        let count = mine.len() as f64;
        let cost: i64 = mine.iter().map(|(_, c, _)| c).sum();
        let waits: Vec<i64> = mine.iter().filter_map(|(_, _, w)| *w).collect();
        let mean_wait = waits.iter().sum::<i64>() as f64 / waits.len() as f64;
        let of = |f: Figure| suggested.iter().find(|s| s.department_id == dept && s.figure == f).unwrap_or_else(|| panic!("{name} {f:?}"));
        assert_eq!(of(Figure::Incidents).effect, -count, "{name}");
        assert_eq!(of(Figure::Incidents).incidents, mine.len() as i64);
        assert_eq!(of(Figure::Cost).effect, -(cost as f64), "{name}");
        assert_eq!(of(Figure::Cost).money, Some(Money::from_yuan(cost)), "{name}");
        assert_eq!(of(Figure::MeanWait).effect, -(mean_wait * 10.0).round() / 10.0, "{name}");
        assert_eq!(of(Figure::MeanWait).unit, "分钟");
    }
    assert_eq!(suggested.iter().filter(|s| s.department_id != w.service && s.department_id != w.supply).count(), 0, "triage owns nothing");
    let of = |d: Id, f: Figure| suggested.iter().find(|s| s.department_id == d && s.figure == f).unwrap();
    assert_eq!((of(w.service, Figure::Incidents).kpi_id, of(w.service, Figure::Incidents).unit.as_str()), (Some(w.complaints), "次"));
    assert_eq!(of(w.service, Figure::Cost).kpi_id, Some(w.handling));
    assert_eq!(of(w.service, Figure::MeanWait).kpi_id, Some(w.wait));
    assert_eq!(of(w.supply, Figure::Cost).kpi_id, Some(w.backlog));
    assert_eq!(of(w.supply, Figure::Incidents).kpi_id, None, "supply chain has no KPI counted in 件 or 次");

    // Accepted as it was offered: stored as computed; its KPI is no longer offered.
    let s = of(w.service, Figure::MeanWait);
    let saved = effects::add(&t.ws, w.problem, EffectInput { kpi_id: w.wait, effect: s.effect, unit: s.unit.clone(), money: None, note: String::new(), computed: true }).await.unwrap();
    assert_eq!((saved[0].effect, saved[0].computed), (s.effect, true));
    let again = effects::suggested_effects(&t.ws, w.problem).await.unwrap();
    assert!(again.iter().all(|x| x.kpi_id != Some(w.wait)));
    assert_eq!(again.len(), suggested.len() - 1);
}

#[tokio::test]
async fn sponsors_rank_by_power_stake_trust_and_interest_and_say_why() {
    let t = common::temp_workspace().await;
    let w = world(&t.ws).await;
    effects::add(&t.ws, w.problem, effect(w.backlog, -30.0, "%", Some(Money::from_yuan(8_000_000)))).await.unwrap();
    effects::add(&t.ws, w.problem, effect(w.complaints, -40.0, "%", None)).await.unwrap();

    let ranked = sponsors::for_problem(&t.ws, w.problem, Lang::ZhCn).await.unwrap();
    let order: Vec<Id> = ranked.iter().map(|r| r.person_id).collect();
    assert_eq!(order, [w.manager, w.director, w.ceo]);
    // Both hurt as hard as anything in this problem (the most money; the largest change in %):
    // 9/10 × 1 × 3/5 (not recorded) × 9/10 = 48.6 and 8/10 × 1 × 4/5 × 7/10 = 44.8; the CEO 0.
    assert_eq!(ranked.iter().map(|r| r.score).collect::<Vec<_>>(), [48.6, 44.8, 0.0]);
    assert_eq!(ranked[0].trust, None, "first without a recorded trust…");
    assert_eq!(ranked[0].reason, "客服经理：客诉量 KPI 受影响最大（−40 %）；决策权 9；信任未记录（按 3 计）", "…and the result says so");
    assert_eq!(ranked[1].reason, "供应链总监：库存积压 KPI 受影响最大（−30 %，800万元）；决策权 8；信任 4");
    assert_eq!(ranked[2].reason, "CEO：没有自己的 KPI 受此问题影响；决策权 10；信任 5");
    assert!(ranked[2].power > ranked[0].power, "great power without a stake ranks last");
    let en = sponsors::for_problem(&t.ws, w.problem, Lang::En).await.unwrap();
    assert_eq!(en[1].reason, "供应链总监: the 库存积压 KPI is hit hardest (−30 %, ¥8,000,000); decision power 8; trust 4");

    // Money weighs against money: a smaller saving now on the complaints, the backlog stays ahead on it.
    let complaints = effects::list(&t.ws, w.problem).await.unwrap().into_iter().find(|e| e.kpi_id == w.complaints).unwrap();
    effects::update(&t.ws, complaints.id, effect(w.complaints, -40.0, "%", Some(Money::from_yuan(2_000_000)))).await.unwrap();
    let director = sponsors::for_problem(&t.ws, w.problem, Lang::ZhCn).await.unwrap().into_iter().find(|r| r.person_id == w.director).unwrap();
    assert_eq!(director.stake, 1.0);
}

#[tokio::test]
async fn the_chosen_sponsor_counts_in_s7_and_in_the_document() {
    let t = common::temp_workspace().await;
    let w = world(&t.ws).await;
    effects::add(&t.ws, w.problem, effect(w.backlog, -30.0, "%", Some(Money::from_yuan(8_000_000)))).await.unwrap();
    let raised = problems::ProblemInput { raised_at: Some(T0), had_data: true, had_solution: true, followed_up: true, ..problems::default_input("门店缺货") };
    problems::update(&t.ws, w.problem, raised).await.unwrap();
    let row = |rows: &[problems::ApproachRow], name: &str| rows.iter().find(|r| r.approach == name).unwrap().cases;
    let before = problems::approach_table(&t.ws).await.unwrap();
    assert_eq!((row(&before, "data_and_solution"), row(&before, "all_strategies")), (1, 0));

    let e = sponsors::choose(&t.ws, w.problem, Some(9_999)).await.unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::NotFound, Some("personId")));
    let chosen = sponsors::choose(&t.ws, w.problem, Some(w.director)).await.unwrap();
    assert_eq!(chosen.sponsor_person_id, Some(w.director));
    let after = problems::approach_table(&t.ws).await.unwrap();
    assert_eq!((row(&after, "data_and_solution"), row(&after, "all_strategies")), (0, 1), "had a sponsor, without ticking it again");
    assert!(sponsors::for_problem(&t.ws, w.problem, Lang::ZhCn).await.unwrap().iter().any(|r| r.chosen && r.person_id == w.director));

    let theirs = sponsors::what_is_in_it_for(&t.ws, w.problem, w.director, Lang::ZhCn).await.unwrap();
    assert_eq!(theirs.sentences, ["解决后，库存积压（供应链部）−30 %，释放 800万元（人工估计）"]);
    assert!(sponsors::what_is_in_it_for(&t.ws, w.problem, w.ceo, Lang::ZhCn).await.unwrap().effects.is_empty());

    let request = DraftRequest {
        kind: TemplateKind::Solution,
        language: Lang::ZhCn,
        template_id: None,
        subject: Subject { problem_id: Some(w.problem), ..Default::default() },
        include_private: false,
        author: String::new(),
    };
    let draft = proposals::create(&t.ws, request, "2026-12-03").await.unwrap();
    let text = String::from_utf8(proposals::render(&draft.document, ProposalFormat::Markdown, chrono::Utc::now()).unwrap()).unwrap();
    for expected in ["周敏", "库存积压（元）", "−30 %", "800万元", "人工估计", "解决后，库存积压（供应链部）−30 %，释放 800万元"] {
        assert!(text.replace('\\', "").contains(expected), "{expected} in\n{text}");
    }
    let from_draft = sponsors::for_proposal(&t.ws, draft.id, Lang::ZhCn).await.unwrap();
    assert_eq!(from_draft[0].person_id, w.director, "the draft's problem: only the director has a stake");
}
