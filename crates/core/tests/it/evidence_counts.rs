//! The evidence chain counts in SQLite (migration 0010); on messy data — incidents without a
//! store, a wait or a customer, ties for the worst wait, trashed incidents, times before 1970 and
//! around local midnight — every figure equals a plain pass over the linked incidents in Rust.

use crate::common;

use std::collections::{BTreeMap, HashSet};

use liaison_core::Lang;
use liaison_core::service::board::IncidentFilter;
use liaison_core::service::incident_records::IncidentInput;
use liaison_core::service::problems::StoreSet;
use liaison_core::service::stores::{self, StoreInput};
use liaison_core::service::problems;
use liaison_core::{Id, Money};

const DAY: i64 = 86_400_000;
/// Monday 2024-04-01 00:00 in Shanghai.
const APRIL_1: i64 = 1_711_900_800_000;
const OFFSET_S: i64 = 8 * 3600;

/// One live link as the chain reads it.
struct Row {
    id: Id,
    store: Option<Id>,
    opened_at: i64,
    wait: Option<i64>,
    cost: i64,
    complaint: bool,
    customer: String,
}

fn day(opened_at: i64) -> i64 {
    (opened_at / 1000 + OFFSET_S).div_euclid(86_400)
}

/// Events (one store on one day; an incident without a store is one of its own) per day.
fn events_by_day(rows: &[Row], stores: Option<&HashSet<Id>>) -> BTreeMap<i64, i64> {
    let events: HashSet<(i64, i64)> = rows
        .iter()
        .filter(|r| stores.is_none_or(|set| r.store.is_some_and(|s| set.contains(&s))))
        .map(|r| (r.store.unwrap_or(-r.id), day(r.opened_at)))
        .collect();
    let mut by_day = BTreeMap::new();
    for (_, d) in events {
        *by_day.entry(d).or_insert(0) += 1;
    }
    by_day
}

#[tokio::test]
async fn sql_counts_equal_a_pass_over_the_linked_incidents() {
    let t = common::temp_workspace().await;
    let mut store_ids = Vec::new();
    for n in 0..12 {
        store_ids.push(stores::create(&t.ws, StoreInput { name: format!("门店{n:02}"), ..Default::default() }).await.unwrap().id);
    }
    let mut state: u64 = 2024;
    let mut next = move |m: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    let mut rows = Vec::new();
    for i in 0..3_000 {
        // Twenty weeks, with many incidents just before and after local midnight; a few before 1970.
        let opened_at = match next(20) {
            0 => -(next(3) as i64) * DAY - next(DAY as u64) as i64,
            1 | 2 => APRIL_1 + next(140) as i64 * DAY + [-1, 0, 1, 999, -1000][next(5) as usize],
            _ => APRIL_1 + next(140 * DAY as u64) as i64,
        };
        let record = IncidentInput {
            title: format!("事件 {i}"),
            problem_type: "混乱数据".into(),
            store_id: (next(10) != 0).then(|| store_ids[next(12) as usize]),
            opened_at,
            wait_minutes: (next(10) != 0).then(|| [0, 5, 45, 45, 90, 240][next(6) as usize] + next(3) as i64),
            complaint: next(3) == 0,
            cost: Money::from_fen(next(50_000) as i64),
            customer_ref: if next(5) == 0 { String::new() } else { format!("C{}", next(400)) },
            status: "open".into(),
            ..Default::default()
        };
        rows.push(record);
    }
    common::insert_records(&t.ws, rows).await;

    let link = IncidentFilter { problem_types: vec!["混乱数据".into()], ..Default::default() };
    let problem = problems::create(&t.ws, problems::default_input("混乱数据"), Some(link)).await.unwrap();
    // Trashed after linking: the links stay, not live.
    sqlx::query("UPDATE incidents SET deleted_at = 1 WHERE id % 13 = 0").execute(t.ws.pool()).await.unwrap();
    problems::set_stores(&t.ws, problem.id, StoreSet::Scope, &store_ids[..9]).await.unwrap();
    problems::set_stores(&t.ws, problem.id, StoreSet::A, &store_ids[2..5]).await.unwrap();
    problems::set_stores(&t.ws, problem.id, StoreSet::B, &store_ids[5..11]).await.unwrap();

    type Link = (Id, Option<Id>, i64, Option<i64>, i64, bool, String);
    let linked: Vec<Link> = sqlx::query_as(
        "SELECT incident_id, store_id, opened_at, wait_minutes, cost_fen, complaint, customer_ref FROM problem_incidents WHERE problem_id = ? AND live = 1",
    )
    .bind(problem.id)
    .fetch_all(t.ws.pool())
    .await
    .unwrap();
    let rows: Vec<Row> = linked
        .into_iter()
        .map(|(id, store, opened_at, wait, cost, complaint, customer)| Row { id, store, opened_at, wait, cost, complaint, customer })
        .collect();
    assert!(rows.len() > 2_500 && rows.len() < 3_000, "{}", rows.len());

    let e = problems::evidence(&t.ws, problem.id, Lang::En).await.unwrap();
    assert_eq!(e.incidents, rows.len() as i64);

    // Prevalence.
    let scope: HashSet<Id> = store_ids[..9].iter().copied().collect();
    let affected = rows.iter().filter_map(|r| r.store).filter(|s| scope.contains(s)).collect::<HashSet<_>>().len() as i64;
    let customers = rows.iter().filter(|r| !r.customer.is_empty()).map(|r| r.customer.as_str()).collect::<HashSet<_>>().len() as i64
        + rows.iter().filter(|r| r.customer.is_empty()).count() as i64;
    let days = events_by_day(&rows, None);
    let events: i64 = days.values().sum();
    let p = &e.prevalence;
    assert_eq!((p.stores_affected, p.stores_total, p.customers, p.events), (affected, 9, customers, events));

    // Weekly counts from the first event's week to the last's, empty weeks included.
    let week = |d: i64| (d + 3).div_euclid(7);
    let (w0, w1) = (week(*days.keys().next().unwrap()), week(*days.keys().last().unwrap()));
    let mut weekly = vec![0i64; (w1 - w0 + 1) as usize];
    for (d, n) in &days {
        weekly[(week(*d) - w0) as usize] += n;
    }
    assert_eq!(e.trend.weeks.iter().map(|w| w.events).collect::<Vec<_>>(), weekly);
    assert_eq!(p.weeks, weekly.len() as i64);

    // Severity: mean, nearest-rank 90th percentile, worst and the lowest id among the worst.
    let mut waits: Vec<i64> = rows.iter().filter_map(|r| r.wait).collect();
    waits.sort_unstable();
    let mean = waits.iter().sum::<i64>() as f64 / waits.len() as f64;
    let worst = *waits.last().unwrap();
    let s = &e.severity;
    assert_eq!(s.mean_wait_minutes, Some((mean * 10.0).round() / 10.0));
    assert_eq!(s.p90_wait_minutes, Some(waits[((waits.len() as f64 * 0.9).ceil() as usize).max(1) - 1]));
    assert_eq!(s.worst_wait_minutes, Some(worst));
    assert_eq!(s.worst_incident_id, rows.iter().filter(|r| r.wait == Some(worst)).map(|r| r.id).min());
    assert!(rows.iter().filter(|r| r.wait == Some(worst)).count() > 1, "the test data has ties for the worst wait");
    assert_eq!(s.cost, Money::from_fen(rows.iter().map(|r| r.cost).sum()));
    assert_eq!(s.complaints, rows.iter().filter(|r| r.complaint).count() as i64);

    // Root cause: events at each group's stores.
    let group = |range: std::ops::Range<usize>| events_by_day(&rows, Some(&store_ids[range].iter().copied().collect())).values().sum::<i64>();
    let (a, b) = (e.root_cause.group_a.as_ref().unwrap(), e.root_cause.group_b.as_ref().unwrap());
    assert_eq!((a.stores, a.events, b.stores, b.events), (3, group(2..5), 6, group(5..11)));
}

/// Without a chosen scope, the share is of the stores in operation: an archived (closed) store
/// stays in history but leaves the count.
#[tokio::test]
async fn prevalence_counts_the_stores_in_operation() {
    use liaison_core::service::reference::{self, ReferenceList};
    let t = common::temp_workspace().await;
    let mut ids = Vec::new();
    for name in ["北京一店", "北京二店", "上海一店", "上海二店"] {
        ids.push(stores::create(&t.ws, StoreInput { name: name.into(), ..Default::default() }).await.unwrap().id);
    }
    let at = |i: usize| IncidentInput { title: format!("屏幕闪烁 {i}"), problem_type: "屏幕故障".into(), store_id: Some(ids[i]), opened_at: APRIL_1 + i as i64 * DAY, status: "open".into(), ..Default::default() };
    common::insert_records(&t.ws, vec![at(0), at(1)]).await;
    let link = IncidentFilter { problem_types: vec!["屏幕故障".into()], ..Default::default() };
    let problem = problems::create(&t.ws, problems::default_input("屏幕故障"), Some(link)).await.unwrap();
    let share = |e: liaison_core::service::problems::Evidence| (e.prevalence.stores_affected, e.prevalence.stores_total);
    assert_eq!(share(problems::evidence(&t.ws, problem.id, Lang::ZhCn).await.unwrap()), (2, 4));
    reference::archive(&t.ws, ReferenceList::Stores, ids[3], true).await.unwrap();
    assert_eq!(share(problems::evidence(&t.ws, problem.id, Lang::ZhCn).await.unwrap()), (2, 3));
}
