//! Systemic problems on real workspace files: S4 fed as incidents and stores reproduces its
//! evidence chain, S3's business case gives ≈118×, thin data gives honest sentences.

use crate::common;

use liaison_core::{demo, Lang};
use liaison_core::service::board::{self, IncidentFilter, IncidentSort};
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::problems::{ProblemInput, StoreSet};
use liaison_core::service::stores::{self, StoreInput};
use liaison_core::service::incidents as actions;
use liaison_core::service::problems::{self, SuggestionRule};
use liaison_core::{Id, Money, Workspace};

const DAY: i64 = 86_400_000;
const WEEK: i64 = 7 * DAY;
/// Monday 2024-04-01 00:00 in Shanghai.
const APRIL_1: i64 = 1_711_900_800_000;
/// S4: April at 8 a week, rising through May, June at 18 a week.
const WEEKLY_EVENTS: [usize; 13] = [8, 8, 8, 8, 9, 10, 11, 12, 13, 17, 18, 18, 19];

fn incident(title: &str, store: Id, at: i64) -> IncidentInput {
    IncidentInput { title: title.into(), problem_type: "预约超载".into(), store_id: Some(store), opened_at: at, status: "closed".into(), ..Default::default() }
}

/// 40 stores, the first 28 with the booking system; S4's overload events at 23 of those 28,
/// 3,200 affected customers, and 680 unrelated complaints in the same months.
async fn feed_s4(ws: &Workspace) -> Vec<Id> {
    let mut store_ids = Vec::new();
    for n in 0..40 {
        let input = StoreInput { name: format!("门店{n:02}"), ..Default::default() };
        store_ids.push(stores::create(ws, input).await.unwrap().id);
    }
    let mut rows = Vec::new();
    let mut customer = 0usize;
    let mut event = 0usize;
    for (week, count) in WEEKLY_EVENTS.iter().enumerate() {
        for k in 0..*count {
            // One event = one store on one day: (k mod 23, k mod 7) never repeats within a week.
            let at = APRIL_1 + week as i64 * WEEK + (k % 7) as i64 * DAY + 10 * 3_600_000;
            let per_event = 20 + usize::from(event < 20);
            for _ in 0..per_event {
                let wait = match customer {
                    0..3195 => [15, 30, 45, 60, 75][customer % 5],
                    3195 => 180,
                    3198 => 45,
                    _ => 0,
                };
                let record = IncidentInput {
                    customer_ref: format!("C{customer}"),
                    wait_minutes: Some(wait),
                    complaint: customer % 10 == 0,
                    cost: Money::from_yuan(100),
                    ..incident("预约爆满", store_ids[(k + 4 * week) % 23], at)
                };
                rows.push(record);
                customer += 1;
            }
            event += 1;
        }
    }
    assert_eq!((customer, event), (3_200, 159));
    for n in 0..680 {
        let record = IncidentInput { problem_type: "其他".into(), complaint: true, ..incident("其他投诉", store_ids[30 + n % 10], APRIL_1 + WEEK + n as i64 * 60_000) };
        rows.push(record);
    }
    common::insert_records(ws, rows).await;
    store_ids
}

fn s4_input() -> ProblemInput {
    ProblemInput {
        title: "预约超载".into(),
        five_whys: vec![
            "客户到店后长时间等待".into(),
            "工位已满仍在接受预约".into(),
            "前台看不到工位负载".into(),
            "预约系统不显示实时工位负载".into(),
        ],
        period_a_from: Some(APRIL_1),
        period_a_to: Some(APRIL_1 + 4 * WEEK),
        period_b_from: Some(APRIL_1 + 9 * WEEK),
        period_b_to: Some(APRIL_1 + 13 * WEEK),
        ab_label_a: "有人工预警的门店".into(),
        ab_label_b: "其他门店".into(),
        nps_before: Some(82.0),
        nps_after: Some(76.0),
        pilot_rate_before: Some(25.0),
        pilot_rate_after: Some(5.0),
        competitor_notes: "两家竞品已上线该功能".into(),
        fix_cost: Some(Money::from_yuan(200_000)),
        fix_effort: "约 2 人月".into(),
        ..problems::default_input("预约超载")
    }
}

#[tokio::test]
async fn s4_fed_as_incidents_reproduces_the_evidence_chain() {
    let t = common::temp_workspace().await;
    let store_ids = feed_s4(&t.ws).await;
    let link = IncidentFilter { problem_types: vec!["预约超载".into()], ..Default::default() };
    let problem = problems::create(&t.ws, s4_input(), Some(link)).await.unwrap();
    assert_eq!(problem.incident_count, 3_200);
    problems::set_stores(&t.ws, problem.id, StoreSet::Scope, &store_ids[..28]).await.unwrap();
    problems::set_stores(&t.ws, problem.id, StoreSet::A, &store_ids[23..28]).await.unwrap();
    problems::set_stores(&t.ws, problem.id, StoreSet::B, &store_ids[..23]).await.unwrap();

    let e = problems::evidence(&t.ws, problem.id, Lang::ZhCn).await.unwrap();
    let p = &e.prevalence;
    assert_eq!((p.stores_affected, p.stores_total, p.customers, p.events, p.weeks), (23, 28, 3_200, 159, 13));
    assert_eq!(format!("{:.0}", p.store_share_pct.unwrap()), "82");
    assert_eq!(format!("{:.0}", p.events_per_week.unwrap()), "12");
    assert!(p.sentence.starts_with("23 / 28 家门店（82%）出现该问题，13 周内影响 3200 位客户，平均每周 12.2 起"), "{}", p.sentence);

    let s = &e.severity;
    assert_eq!((s.mean_wait_minutes, s.p90_wait_minutes, s.worst_wait_minutes), (Some(45.0), Some(75), Some(180)));
    assert_eq!((s.complaints, s.all_complaints), (320, 1_000));
    assert_eq!(s.complaint_share_pct, Some(32.0));
    assert_eq!(s.cost, Money::from_yuan(320_000));

    let tr = &e.trend;
    assert_eq!(tr.weeks.iter().map(|w| w.events as usize).collect::<Vec<_>>(), WEEKLY_EVENTS);
    assert_eq!((tr.period_a.as_ref().unwrap().per_week, tr.period_b.as_ref().unwrap().per_week), (8.0, 18.0));
    assert_eq!(tr.change_pct, Some(125.0));
    let projection = tr.projection.as_ref().unwrap();
    assert!((projection.events_per_week - 30.0).abs() <= 3.0, "September: about 30 a week, got {}", projection.events_per_week);
    let september = chrono::DateTime::from_timestamp_millis(projection.week_start + 8 * 3_600_000).unwrap();
    assert_eq!(september.format("%Y-%m").to_string(), "2024-09");
    assert!(projection.method.contains("最小二乘"));
    assert!(tr.sentence.contains("+125%"), "{}", tr.sentence);

    let rc = &e.root_cause;
    assert_eq!(rc.whys.len(), 4);
    let (a, b) = (rc.group_a.as_ref().unwrap(), rc.group_b.as_ref().unwrap());
    assert_eq!((a.stores, a.events, b.stores, b.events), (5, 0, 23, 159));
    assert!((b.rate - 159.0 / (23.0 * 13.0)).abs() < 1e-9);
    assert!(rc.sentence.contains("预约系统不显示实时工位负载"));

    // Entered cells come back as entered, apart from computed ones.
    let v = &e.validation;
    assert_eq!((v.nps_before, v.nps_after, v.pilot_change_pct), (Some(82.0), Some(76.0), Some(-80.0)));
    assert!(v.sentence.contains("（录入）") && v.sentence.contains("20万元"), "{}", v.sentence);
    assert_eq!(e.business_case.nps_change, Some(-6.0));

    // Every computed number opens the incidents behind it.
    assert_eq!(board::page(&t.ws, &p.link, IncidentSort::OpenedDesc, 0, 1).await.unwrap().total, 3_200);
    assert_eq!(board::page(&t.ws, &s.link_complaints, IncidentSort::OpenedDesc, 0, 1).await.unwrap().total, 320);
    let june_last = board::page(&t.ws, &tr.weeks[12].link, IncidentSort::OpenedDesc, 0, 1).await.unwrap();
    assert_eq!(june_last.total, 19 * 20);
    let worst = board::incident(&t.ws, s.worst_incident_id.unwrap()).await.unwrap();
    assert_eq!(worst.wait_minutes, Some(180));
}

#[tokio::test]
async fn s3_business_case_gives_about_118_times() {
    let t = common::temp_workspace().await;
    let input = ProblemInput {
        lost_customers: Some(2_000),
        customer_value: Some(Money::from_yuan(350_000)),
        cost_per_month: Some(Money::from_yuan(800_000)),
        investment: Some(Money::from_yuan(6_000_000)),
        strategic_impact: "充电网络是品牌的核心承诺".into(),
        ..problems::default_input("充电桩故障")
    };
    let problem = problems::create(&t.ws, input, None).await.unwrap();
    let e = problems::evidence(&t.ws, problem.id, Lang::ZhCn).await.unwrap();
    let b = &e.business_case;
    assert_eq!(b.revenue_loss, Some(Money::from_yuan(700_000_000)));
    assert_eq!(b.cost_per_year, Some(Money::from_yuan(9_600_000)));
    assert_eq!(format!("{:.0}", b.roi.unwrap()), "118");
    assert!(b.sentence.contains("收入损失 7亿元") && b.sentence.contains("ROI ≈ 118 倍"), "{}", b.sentence);
}

#[tokio::test]
async fn thin_data_gives_honest_sentences_never_nan() {
    let t = common::temp_workspace().await;
    let empty = problems::create(&t.ws, problems::default_input("还没有数据"), None).await.unwrap();
    let e = problems::evidence(&t.ws, empty.id, Lang::ZhCn).await.unwrap();
    assert_eq!(e.incidents, 0);
    assert!(e.prevalence.sentence.contains("数据不足") && e.severity.sentence.contains("数据不足") && e.trend.sentence.contains("数据不足"));
    assert_eq!((e.prevalence.events_per_week, e.trend.projection.is_none(), e.business_case.roi), (None, true, None));
    assert!(e.business_case.sentence.contains("无法计算 ROI"));
    let json = serde_json::to_string(&e).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"), "{json}");

    // One week of data, zero investment, and a compared period with no events.
    let store = stores::create(&t.ws, StoreInput { name: "一店".into(), ..Default::default() }).await.unwrap().id;
    common::insert_records(&t.ws, (0..3).map(|d| incident("卡顿", store, APRIL_1 + d * DAY)).collect()).await;
    let input = ProblemInput {
        investment: Some(Money::ZERO),
        cost_per_month: Some(Money::from_yuan(10)),
        period_a_from: Some(APRIL_1 - 4 * WEEK),
        period_a_to: Some(APRIL_1),
        period_b_from: Some(APRIL_1),
        period_b_to: Some(APRIL_1 + WEEK),
        ..problems::default_input("一周")
    };
    let one_week = problems::create(&t.ws, input, Some(IncidentFilter::default())).await.unwrap();
    let e = problems::evidence(&t.ws, one_week.id, Lang::En).await.unwrap();
    assert_eq!(e.trend.weeks.len(), 1);
    assert_eq!(e.trend.sentence, "Only one week of data: no trend yet.");
    assert_eq!(e.trend.change_pct, None, "the first period had no events");
    assert_eq!(e.business_case.roi, None);
    assert!(e.business_case.sentence.contains("ROI cannot be computed"));
    let json = serde_json::to_string(&e).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"));
}

#[tokio::test]
async fn suggestions_become_problems_and_a_fix_is_announced_to_every_incident() {
    let t = common::temp_workspace().await;
    demo::seed(&t.ws, Lang::ZhCn).await.unwrap();
    let now = liaison_core::time::now_ms();
    let rule = SuggestionRule { min_stores: 5, window_days: 90 };
    let suggestions = problems::suggest(&t.ws, rule, now).await.unwrap();
    assert!(!suggestions.is_empty());
    assert!(suggestions.windows(2).all(|w| w[0].stores >= w[1].stores));
    assert!(suggestions.iter().all(|s| s.stores >= 5));
    let first = suggestions[0].clone();
    let problem = problems::accept(&t.ws, &first, rule, now).await.unwrap();
    assert_eq!(problem.incident_count, first.incidents);
    assert!(problems::suggest(&t.ws, rule, now).await.unwrap().iter().any(|s| s.problem_type == first.problem_type && s.linked == first.incidents));

    assert_eq!(problems::announce_fix(&t.ws, problem.id).await.unwrap_err().field.as_deref(), Some("fix"), "no fix written yet");
    problems::update(&t.ws, problem.id, ProblemInput { fix: "预约系统上线工位负载显示".into(), ..problem.input.clone() }).await.unwrap();
    let told = problems::announce_fix(&t.ws, problem.id).await.unwrap();
    assert!(told > 0);
    let linked = IncidentFilter { problem_id: Some(problem.id), ..Default::default() };
    let page = board::page(&t.ws, &linked, IncidentSort::OpenedDesc, 0, 1000).await.unwrap();
    assert!(page.rows.iter().all(|i| i.status == "resolved" || i.status == "closed"));
    let resolved = page.rows.iter().find(|i| i.status == "resolved").unwrap();
    let history = actions::history(&t.ws, resolved.id).await.unwrap();
    assert!(history.last().unwrap().reason.contains("预约系统上线工位负载显示"));
}

#[tokio::test]
async fn the_approach_table_follows_s7() {
    let t = common::temp_workspace().await;
    let month = 30.4 * DAY as f64;
    let raised = APRIL_1;
    let cases = [
        (false, false, false, false, None, None),
        (false, false, false, false, Some(1.0), None),
        (true, false, false, false, Some(1.0), Some(4.0)),
        (true, true, true, true, Some(0.5), Some(2.0)),
        (true, true, true, true, Some(0.5), Some(2.4)),
    ];
    for (n, (data, solution, sponsor, follow, approved, solved)) in cases.into_iter().enumerate() {
        let input = ProblemInput {
            raised_at: Some(raised),
            had_data: data,
            had_solution: solution,
            had_sponsor: sponsor,
            followed_up: follow,
            approved_at: approved.map(|m: f64| raised + (m * month) as i64),
            solved_at: solved.map(|m: f64| raised + (m * month) as i64),
            ..problems::default_input(&format!("案例 {n}"))
        };
        problems::create(&t.ws, input, None).await.unwrap();
    }
    problems::create(&t.ws, problems::default_input("还没提出"), None).await.unwrap();
    let table = problems::approach_table(&t.ws).await.unwrap();
    let row = |name: &str| table.iter().find(|r| r.approach == name).unwrap().clone();
    assert_eq!((row("problem_only").cases, row("problem_only").approved_pct, row("problem_only").solved_pct), (2, Some(50.0), Some(0.0)));
    assert_eq!(row("problem_only").average_cycle_months, None);
    assert_eq!((row("data_only").cases, row("data_and_solution").cases, row("data_and_solution").approved_pct), (1, 0, None));
    let all = row("all_strategies");
    assert_eq!((all.cases, all.approved_pct, all.solved_pct), (2, Some(100.0), Some(100.0)));
    assert!((all.average_cycle_months.unwrap() - 2.2).abs() < 0.01);
}
