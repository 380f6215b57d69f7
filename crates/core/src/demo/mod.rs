//! The demo workspace (示例工作区), built from `shared/scenarios.md`: the departments and people of
//! S1, the stores of S2/S4, the smart-dispatch project and incidents of the S5 registry. It is
//! always written into its own file, never into a director's real workspace.

mod stakeholders;
mod tracker;

use crate::error::Result;
use crate::repo::departments::{self, DepartmentInput};
use crate::repo::incidents::{self, IncidentInput, NewIncident, STATUSES};
use crate::repo::people::PersonInput;
use crate::repo::projects::{self, ProjectInput, ProjectStatus};
use crate::repo::stores::{self, StoreInput};
use crate::repo::{problem_types, routing_rules, severity_classes};
use crate::service;
use crate::lang::Lang;
use crate::{Id, Money, Workspace};

/// A text in both languages, zh-CN first.
pub(crate) struct T(pub &'static str, pub &'static str);

impl T {
    pub(crate) fn pick(&self, lang: Lang) -> String {
        match lang {
            Lang::ZhCn => self.0,
            Lang::En => self.1,
        }
        .to_owned()
    }
}

struct Dept {
    name: T,
    head: T,
    kpis: T,
}

const DEPARTMENTS: &[Dept] = &[
    Dept { name: T("售后运营部", "After-sales Operations"), head: T("林晓", "Lin Xiao"),
        kpis: T("客户等待时长；首次修复率（FTFR）；派单效率；投诉量", "Customer wait; first-time-fix rate (FTFR); dispatch efficiency; complaints") },
    Dept { name: T("产品部", "Product"), head: T("陈立", "Chen Li"),
        kpis: T("用户增长；日活（DAU）；新功能上线数", "User growth; daily active users (DAU); new features shipped") },
    Dept { name: T("IT部", "IT"), head: T("王强", "Wang Qiang"),
        kpis: T("系统可用性；工单响应时效", "System availability; ticket response time") },
    Dept { name: T("供应链部", "Supply Chain"), head: T("赵敏", "Zhao Min"),
        kpis: T("准时交付率；库存周转；采购成本", "On-time delivery; inventory turnover; purchasing cost") },
    Dept { name: T("财务部", "Finance"), head: T("孙丽", "Sun Li"),
        kpis: T("成本控制；预算执行率", "Cost control; budget execution") },
    Dept { name: T("总部", "Headquarters"), head: T("周志远", "Zhou Zhiyuan"),
        kpis: T("品牌 NPS；战略项目按期交付", "Brand NPS; strategic projects on time") },
    Dept { name: T("数据团队", "Data Team"), head: T("吴桐", "Wu Tong"),
        kpis: T("数据可用性；用户画像覆盖率", "Data availability; user-profile coverage") },
    Dept { name: T("客服中心", "Customer Service"), head: T("黄蕾", "Huang Lei"),
        kpis: T("一次解决率；满意度", "First-contact resolution; satisfaction") },
];

/// (name, title, index into DEPARTMENTS)
const PEOPLE: &[(T, T, usize)] = &[
    (T("林晓", "Lin Xiao"), T("售后运营总监", "After-sales Operations Director"), 0),
    (T("陈立", "Chen Li"), T("产品副总裁", "VP Product"), 1),
    (T("郑航", "Zheng Hang"), T("技术负责人", "Tech Lead"), 1),
    (T("何静", "He Jing"), T("敏捷教练（Scrum Master）", "Scrum Master"), 1),
    (T("刘洋", "Liu Yang"), T("后端工程师", "Backend Engineer"), 1),
    (T("许诺", "Xu Nuo"), T("算法工程师", "Algorithm Engineer"), 1),
    (T("马骏", "Ma Jun"), T("iOS 团队负责人", "iOS Team Lead"), 1),
    (T("王强", "Wang Qiang"), T("IT 总监", "IT Director"), 2),
    (T("赵敏", "Zhao Min"), T("供应链总监", "Supply Chain Director"), 3),
    (T("孙丽", "Sun Li"), T("财务总监", "Finance Director"), 4),
    (T("周志远", "Zhou Zhiyuan"), T("首席执行官", "Chief Executive Officer"), 5),
    (T("吴桐", "Wu Tong"), T("数据团队负责人", "Head of Data"), 6),
    (T("黄蕾", "Huang Lei"), T("客服中心经理", "Customer Service Manager"), 7),
    (T("韩雪", "Han Xue"), T("试点门店店长", "Pilot Store Manager"), 0),
];

/// (city, region, tier); two service centres per city make the 40 stores of S2.
const CITIES: &[(T, T, i32)] = &[
    (T("上海", "Shanghai"), T("华东", "East"), 1),
    (T("北京", "Beijing"), T("华北", "North"), 1),
    (T("广州", "Guangzhou"), T("华南", "South"), 1),
    (T("深圳", "Shenzhen"), T("华南", "South"), 1),
    (T("杭州", "Hangzhou"), T("华东", "East"), 2),
    (T("南京", "Nanjing"), T("华东", "East"), 2),
    (T("苏州", "Suzhou"), T("华东", "East"), 2),
    (T("成都", "Chengdu"), T("西南", "Southwest"), 2),
    (T("重庆", "Chongqing"), T("西南", "Southwest"), 2),
    (T("武汉", "Wuhan"), T("华中", "Central"), 2),
    (T("长沙", "Changsha"), T("华中", "Central"), 2),
    (T("西安", "Xi'an"), T("西北", "Northwest"), 2),
    (T("天津", "Tianjin"), T("华北", "North"), 2),
    (T("青岛", "Qingdao"), T("华东", "East"), 2),
    (T("郑州", "Zhengzhou"), T("华中", "Central"), 2),
    (T("沈阳", "Shenyang"), T("东北", "Northeast"), 2),
    (T("合肥", "Hefei"), T("华东", "East"), 2),
    (T("厦门", "Xiamen"), T("华南", "South"), 3),
    (T("昆明", "Kunming"), T("西南", "Southwest"), 3),
    (T("佛山", "Foshan"), T("华南", "South"), 3),
];
const SITES: [T; 2] = [T("一店", "Store 1"), T("二店", "Store 2")];

/// The S5 classes: many fine-grained problem types regrouped by severity, each with a preset
/// remedy and an SLA in hours.
const SEVERITY_CLASSES: &[(T, T, i64)] = &[
    (T("严重", "Critical"), T("24 小时内上门处理并给予补偿，店长亲自回访挽回客户", "On site within 24 h with compensation; the store manager calls the customer back"), 24),
    (T("较重", "Major"), T("72 小时内解决，客服每天向客户同步进度", "Solved within 72 h; customer service updates the customer daily"), 72),
    (T("一般", "Minor"), T("7 天内解决，致歉并记录原因", "Solved within 7 days; apologise and record the cause"), 168),
];

struct Kind {
    problem_type: T,
    category: T,
    product: T,
    supplier: T,
    department: usize,
    class: usize,
    cost_yuan: (i64, i64),
    wait_minutes: (i64, i64),
    /// Whether a routing rule sends this type to its department (the others wait in triage).
    routed: bool,
}

const INCIDENT_KINDS: &[Kind] = &[
    Kind { problem_type: T("预约超载", "Booking overload"), category: T("服务", "Service"), product: T("预约系统", "Booking system"), supplier: T("自研", "In-house"), department: 1, class: 1, cost_yuan: (0, 300), wait_minutes: (20, 180), routed: true },
    Kind { problem_type: T("门店系统卡顿", "Store system lag"), category: T("系统", "Systems"), product: T("门店系统", "Store system"), supplier: T("自研", "In-house"), department: 2, class: 1, cost_yuan: (0, 500), wait_minutes: (15, 60), routed: true },
    Kind { problem_type: T("充电桩故障", "Charging-pile failure"), category: T("充电", "Charging"), product: T("家用充电桩", "Home charger"), supplier: T("星能电气", "Xingneng Electric"), department: 2, class: 0, cost_yuan: (800, 4000), wait_minutes: (30, 240), routed: false },
    Kind { problem_type: T("反复转派", "Repeated transfers"), category: T("服务", "Service"), product: T("派单", "Dispatch"), supplier: T("自研", "In-house"), department: 0, class: 2, cost_yuan: (0, 200), wait_minutes: (60, 180), routed: true },
    Kind { problem_type: T("包装破损", "Packaging defect"), category: T("配件", "Parts"), product: T("后视镜总成", "Mirror assembly"), supplier: T("华包物流", "Huabao Packaging"), department: 3, class: 2, cost_yuan: (100, 900), wait_minutes: (0, 30), routed: true },
    Kind { problem_type: T("客服备注错误", "Wrong service note"), category: T("服务", "Service"), product: T("客服工单", "Service ticket"), supplier: T("自研", "In-house"), department: 7, class: 2, cost_yuan: (0, 100), wait_minutes: (0, 20), routed: false },
    Kind { problem_type: T("仓库发错货", "Wrong item shipped"), category: T("配件", "Parts"), product: T("刹车片", "Brake pads"), supplier: T("中储仓配", "Zhongchu Warehousing"), department: 3, class: 1, cost_yuan: (200, 1500), wait_minutes: (0, 60), routed: true },
    Kind { problem_type: T("快递丢件", "Parcel lost by courier"), category: T("配件", "Parts"), product: T("雨刮器", "Wiper blades"), supplier: T("迅达快运", "Xunda Express"), department: 3, class: 2, cost_yuan: (50, 600), wait_minutes: (0, 30), routed: true },
];

/// Writes the demo content into an empty workspace.
pub async fn seed(ws: &Workspace, lang: Lang) -> Result<()> {
    let mut department_ids = Vec::new();
    for d in DEPARTMENTS {
        let input = DepartmentInput { name: d.name.pick(lang), head: d.head.pick(lang), kpis: d.kpis.pick(lang), ..Default::default() };
        department_ids.push(service::departments::create(ws, input).await?.id);
    }
    let mut person_ids = Vec::new();
    for (name, title, dept) in PEOPLE {
        let input = PersonInput { name: name.pick(lang), title: title.pick(lang), department_id: Some(department_ids[*dept]), ..Default::default() };
        person_ids.push(service::people::create(ws, input).await?.id);
    }
    let mut tx = ws.write().await?;
    for (city, region, tier) in CITIES {
        for site in &SITES {
            let name = match lang {
                Lang::ZhCn => format!("{}{}", city.0, site.0),
                Lang::En => format!("{} {}", city.1, site.1),
            };
            let input = StoreInput { name, city: city.pick(lang), region: region.pick(lang), city_tier: Some(*tier), ..Default::default() };
            stores::insert(&mut *tx, &input).await?;
        }
    }
    let mut project_ids = Vec::new();
    for (title, goal, status, metrics, benefits) in [
        (T("智能派单", "Smart dispatch"),
         T("平均等待从 2 小时降到 30 分钟；产品侧 NPS +5、投诉 −40%；售后侧派单效率 +50%、首次修复率 +5%；3 个月内上线 MVP",
           "Average wait from 2 h to 30 min; product side NPS +5, complaints −40%; after-sales side dispatch efficiency +50%, FTFR +5%; MVP within 3 months"),
         ProjectStatus::Active, "nps,retention,complaints,wait_time,dispatch_efficiency,ftfr",
         T("产品侧：NPS +5 到 +8、留存 +3% 到 +5%、投诉 −40%；售后侧：等待从 2 小时降到 30 分钟、派单效率 +50%、首次修复率 +5%",
           "Product: NPS +5 to +8, retention +3% to +5%, complaints −40%; after-sales: wait from 2 h to 30 min, dispatch efficiency +50%, FTFR +5%")),
        (T("预约负载实时显示", "Real-time booking load"),
         T("预约系统实时显示工位负载，超载事件减少 80%", "Booking system shows workshop bay load in real time; overload events −80%"),
         ProjectStatus::Proposed, "wait_time,complaints,nps", T("等待时间缩短，投诉减少", "Shorter waits, fewer complaints")),
        (T("充电桩监控系统升级", "Charging-pile monitoring upgrade"),
         T("故障率从 12% 降到行业平均 5% 以下", "Failure rate from 12% to below the industry average of 5%"),
         ProjectStatus::Launched, "cost,complaints", T("维修成本和投诉下降", "Lower repair cost and fewer complaints")),
    ] {
        let input = ProjectInput { title: title.pick(lang), goal: goal.pick(lang), status, impact_metrics: metrics.into(), benefits: benefits.pick(lang), anchor_on: None, launch_on: None };
        project_ids.push(projects::insert(&mut *tx, &input).await?);
    }
    tx.commit().await?;
    stakeholders::seed(ws, lang, &person_ids, project_ids[0], crate::time::now_ms()).await?;
    seed_registry(ws, lang, &department_ids).await?;
    insert_incidents(ws, lang, 240, crate::time::now_ms()).await?;
    let zone = crate::repo::settings::time_zone(ws.pool()).await?;
    let today = crate::time::now().with_timezone(&zone).date_naive();
    tracker::seed(ws, lang, &department_ids, &person_ids, project_ids[0], today).await
}

/// Severity classes, problem types under them, and routing rules for most types.
async fn seed_registry(ws: &Workspace, lang: Lang, department_ids: &[Id]) -> Result<()> {
    let mut tx = ws.write().await?;
    let mut class_ids = Vec::new();
    for (position, (name, remedy, sla)) in SEVERITY_CLASSES.iter().enumerate() {
        class_ids.push(severity_classes::insert(&mut *tx, &name.pick(lang), &remedy.pick(lang), *sla, position as i64).await?);
    }
    for (position, kind) in INCIDENT_KINDS.iter().enumerate() {
        let type_name = kind.problem_type.pick(lang);
        problem_types::insert(&mut *tx, &type_name, Some(class_ids[kind.class])).await?;
        if kind.routed {
            routing_rules::insert_for_type(&mut *tx, position as i64, &type_name, &type_name, department_ids[kind.department]).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Adds `count` generated incidents over the twelve weeks before `until_ms`, spread over the
/// stores with more of them recently (the S4 trend). Deterministic, so tests and benchmarks
/// see the same data every run.
pub async fn insert_incidents(ws: &Workspace, lang: Lang, count: usize, until_ms: i64) -> Result<()> {
    const TWELVE_WEEKS_MS: i64 = 12 * WEEK_MS;
    let mut department_ids = Vec::new();
    for d in DEPARTMENTS {
        department_ids.push(departments::find_by_name(ws.pool(), &d.name.pick(lang), None).await?);
    }
    let store_ids: Vec<Id> = stores::list(ws.pool()).await?.into_iter().map(|s| s.id).collect();
    let class_ids: Vec<Id> = severity_classes::list(ws.pool()).await?.into_iter().map(|c| c.id).collect();
    let mut rng = Lcg(0x5EED_1A15);
    let mut rows = Vec::with_capacity(count);
    for n in 0..count {
        let kind = &INCIDENT_KINDS[rng.below(INCIDENT_KINDS.len() as u64) as usize];
        // Square root skews the dates toward the present: a rising weekly count.
        let age = ((rng.unit().sqrt()) * TWELVE_WEEKS_MS as f64) as i64;
        let store = store_ids.get(rng.below(store_ids.len().max(1) as u64) as usize).copied();
        let (lo, hi) = kind.cost_yuan;
        let cost_yuan = lo + rng.below((hi - lo + 1) as u64) as i64;
        let (wait_lo, wait_hi) = kind.wait_minutes;
        let wait = wait_lo + rng.below((wait_hi - wait_lo + 1) as u64) as i64;
        let opened_at = until_ms - TWELVE_WEEKS_MS + age;
        // Older incidents are mostly closed; the last weeks' spread over the board's columns.
        let status = if until_ms - opened_at > 3 * WEEK_MS && rng.below(10) < 8 { "closed" } else { STATUSES[rng.below(4) as usize] };
        let closed_at = (status == "closed").then(|| opened_at + (1 + rng.below(72) as i64) * 3_600_000);
        let record = IncidentInput {
            title: match lang {
                Lang::ZhCn => format!("{}（#{}）", kind.problem_type.0, n + 1),
                Lang::En => format!("{} (#{})", kind.problem_type.1, n + 1),
            },
            department_id: department_ids[kind.department],
            problem_type: kind.problem_type.pick(lang),
            product_category: kind.category.pick(lang),
            product: kind.product.pick(lang),
            supplier: kind.supplier.pick(lang),
            store_id: store,
            channel: CHANNELS[rng.below(CHANNELS.len() as u64) as usize].pick(lang),
            severity_class_id: class_ids.get(kind.class).copied(),
            wait_minutes: Some(wait),
            // S4: about a third of complaints are about waiting.
            complaint: rng.below(100) < 32,
            cost: Money::from_yuan(cost_yuan),
            opened_at,
            closed_at,
            status: status.to_owned(),
            ..Default::default()
        };
        rows.push(NewIncident { id: None, content_hash: None, record });
    }
    let mut tx = ws.write().await?;
    incidents::insert_many(&mut tx, &rows).await?;
    tx.commit().await?;
    Ok(())
}

const WEEK_MS: i64 = 7 * 24 * 3600 * 1000;
const CHANNELS: [T; 3] = [T("门店", "Store"), T("客服热线", "Hotline"), T("App", "App")];

/// A small deterministic generator; demo data needs repeatability, not quality randomness.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
}
