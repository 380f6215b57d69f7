//! S1's project plan (phases, commitments, success metrics, the week-2 report, the follow-up
//! cadence) and the problems of S3 and S4 with the cells a director enters by hand.

use chrono::{Days, NaiveDate};

use super::{Lang, T};
use crate::error::Result;
use crate::repo::commitments::{self, CommitmentInput};
use crate::repo::incident_filter::IncidentFilter;
use crate::repo::milestones::MilestoneInput;
use crate::repo::project_metrics::{self, MetricDirection, MetricInput};
use crate::repo::weekly_reports::{self, WeeklyReport};
use crate::service::{problems, projects};
use crate::{Id, Money, Workspace};

pub async fn seed(ws: &Workspace, lang: Lang, departments: &[Id], people: &[Id], project: Id, today: NaiveDate) -> Result<()> {
    let kickoff = today - Days::new(16);
    let day = |d: u64| (kickoff + Days::new(d)).format("%Y-%m-%d").to_string();
    for (name, from, to, staffing, exit) in [
        (T("POC", "POC"), 0, 13, T("1 名工程师", "1 engineer"), T("派单时间降到 1 小时以内", "Dispatch time under 1 hour")),
        (T("MVP", "MVP"), 14, 55, T("2–3 名工程师", "2–3 engineers"), T("试点门店全部上线", "Live in every pilot store")),
        (T("App 集成", "App integration"), 56, 83, T("产品团队 + iOS 团队", "Product team + iOS team"), T("App 内可查看派单进度", "Dispatch progress visible in the app")),
    ] {
        let m = MilestoneInput { name: name.pick(lang), starts_on: day(from), ends_on: day(to), staffing: staffing.pick(lang), exit_criteria: exit.pick(lang), done_on: None };
        crate::service::milestones::add(ws, project, m).await?;
    }
    for (dept, mine, what, people_n, weeks) in [
        (Some(1), false, T("架构、核心开发、App 集成（3 名工程师）", "Architecture, core development, app integration (3 engineers)"), Some(3.0), Some(16.0)),
        (Some(0), false, T("项目管理、需求、用户研究、试点运营", "Project management, requirements, user research, pilot operations"), Some(2.0), Some(16.0)),
        (None, false, T("外包：部分界面和非核心模块", "Outsourcing: some UI and non-core parts"), Some(2.0), Some(6.0)),
        (None, true, T("开发前冻结需求", "Requirements frozen before build"), None, None),
        (None, true, T("提供用户研究和证明 ROI 的数据", "User research and the data to prove ROI"), None, None),
        (None, true, T("负责试点并处理试点问题", "Run the pilot and handle its issues"), None, None),
        (None, true, T("成功共享，失败算我的", "Success is shared; failure is mine"), None, None),
    ] {
        let c = CommitmentInput { department_id: dept.map(|d| departments[d]), is_mine: mine, description: what.pick(lang), people: people_n, weeks, budget: None };
        commitments::insert(ws.pool(), project, &c).await?;
    }
    for (dept, name, unit, direction, baseline, target, actual) in [
        (1, T("NPS", "NPS"), T("分", "points"), MetricDirection::Up, 30.0, 35.0, Some(37.0)),
        (1, T("投诉量", "Complaints"), T("件/月", "per month"), MetricDirection::Down, 200.0, 120.0, None),
        (0, T("派单时间", "Dispatch time"), T("分钟", "minutes"), MetricDirection::Down, 120.0, 30.0, Some(45.0)),
        (0, T("首次修复率", "First-time-fix rate"), T("%", "%"), MetricDirection::Up, 80.0, 85.0, None),
    ] {
        let m = MetricInput { department_id: Some(departments[dept]), name: name.pick(lang), unit: unit.pick(lang), direction, baseline, target };
        let id = project_metrics::insert(ws.pool(), project, &m).await?;
        if let Some(v) = actual {
            project_metrics::add_reading(ws.pool(), id, &day(13), v).await?;
        }
    }
    let week = (kickoff + Days::new(13)).format("%G-W%V").to_string();
    let report = WeeklyReport {
        week,
        progress: T("POC 把派单时间从 2 小时降到 45 分钟；试点 NPS +7。", "The POC cut dispatch time from 2 h to 45 min; pilot NPS +7.").pick(lang),
        metrics: T("派单时间 120 → 45 分钟；NPS +7", "Dispatch time 120 → 45 min; NPS +7").pick(lang),
        next_week: T("启动 MVP。", "Start the MVP.").pick(lang),
        asks: T("请数据团队提供用户画像数据。", "Help to get the data team's user-profile data.").pick(lang),
        risks: T("App 集成可能需要 iOS 团队 — 已提前告知其负责人", "App integration may need the iOS team — their lead is already informed").pick(lang),
        credits: T("感谢郑航和刘洋攻克三个技术难点。", "Thanks to Zheng Hang and Liu Yang for solving three hard problems.").pick(lang),
    };
    weekly_reports::save(ws.pool(), project, &report).await?;
    let cadence = projects::ApplyCadence { template_id: None, anchor_on: day(0), counterpart_id: Some(people[1]) };
    projects::apply_cadence(ws, project, cadence, lang).await?;
    seed_problems(ws, lang, departments).await
}

async fn seed_problems(ws: &Workspace, lang: Lang, departments: &[Id]) -> Result<()> {
    let mut s4 = problems::default_input(&T("预约超载", "Booking overload").pick(lang));
    s4.symptoms = T("预约量超过工位负载，客户到店后长时间等待，最严重的一次上了媒体。", "Bookings exceed workshop bay capacity; customers wait long after arriving; the worst case reached the media.").pick(lang);
    s4.five_whys = [
        T("客户到店后要等很久", "Customers wait long after arriving"),
        T("同一时段预约超过了工位能力", "More bookings than bays in the same slot"),
        T("门店接预约时看不到工位负载", "Stores cannot see bay load when taking bookings"),
        T("预约系统不显示工位实时负载", "The booking system does not show bay load in real time"),
        T("预约系统设计时没有接入车间数据", "The booking system was built without workshop data"),
    ]
    .iter()
    .map(|w| w.pick(lang))
    .collect();
    s4.workaround = T("店长人工查看工位并提前预警（5 家门店在做）", "Store managers check bays by hand and warn early (5 stores do this)").pick(lang);
    s4.fix = T("预约系统实时显示工位负载，超载时自动提示改约", "The booking system shows bay load in real time and offers another slot when full").pick(lang);
    s4.owner_department_id = Some(departments[1]);
    s4.nps_before = Some(82.0);
    s4.nps_after = Some(76.0);
    s4.pilot_rate_before = Some(25.0);
    s4.pilot_rate_after = Some(5.0);
    s4.pilot_note = T("人工预警的试点门店超载减少 80%", "Pilot stores with a manual warning cut overload by 80%").pick(lang);
    s4.competitor_notes = T("两家竞品已上线该功能", "Two competitors already have the feature").pick(lang);
    s4.fix_cost = Some(Money::from_yuan(200_000));
    s4.fix_effort = T("约 2 人月", "About 2 person-months").pick(lang);
    s4.cost_per_month = Some(Money::from_yuan(60_000));
    s4.investment = Some(Money::from_yuan(200_000));
    s4.strategic_impact = T("等待体验直接影响 NPS 和品牌口碑", "Waiting shapes NPS and the brand's reputation").pick(lang);
    let filter = IncidentFilter { problem_types: vec![T("预约超载", "Booking overload").pick(lang)], ..Default::default() };
    problems::create(ws, s4, Some(filter)).await?;

    let mut s3 = problems::default_input(&T("充电桩故障", "Charging-pile failures").pick(lang));
    s3.symptoms = T("近 6 个月充电桩故障率 12%，行业平均 5%。", "Failure rate over 6 months 12% against an industry average of 5%.").pick(lang);
    s3.fix = T("升级充电桩监控系统", "Upgrade the charging-pile monitoring system").pick(lang);
    s3.workaround = T("故障后派人上门维修", "Send a technician after each failure").pick(lang);
    s3.owner_department_id = Some(departments[2]);
    s3.lost_customers = Some(2_000);
    s3.customer_value = Some(Money::from_yuan(350_000));
    s3.cost_per_month = Some(Money::from_yuan(800_000));
    s3.investment = Some(Money::from_yuan(6_000_000));
    s3.strategic_impact = T("充电网络是品牌的核心承诺", "The charging network is the brand's core promise").pick(lang);
    let filter = IncidentFilter { problem_types: vec![T("充电桩故障", "Charging-pile failure").pick(lang)], ..Default::default() };
    problems::create(ws, s3, Some(filter)).await?;
    Ok(())
}
