//! S1 on the stakeholder map: where each person stands, their KPIs, what we know of the product VP's world,
//! the first contacts, the favours on both sides, and who plays which role in smart dispatch.

use super::{Lang, T};
use crate::error::Result;
use crate::repo::interactions::{InteractionInput, InteractionKind};
use crate::repo::ledger_entries::{Direction, LedgerInput, LedgerKind};
use crate::repo::people::{PersonInput, Stance};
use crate::repo::person_notes::{NoteInput, NoteKind};
use crate::repo::project_people::{self, ProjectRole};
use crate::repo::relationships::RelationKind;
use crate::service::kpis::{self, KpiInput};
use crate::service::{people, stakeholders};
use crate::{Id, Workspace};

const DAY: i64 = 86_400_000;

/// Per person of `super::PEOPLE`, same order: stance, trust, power, interest, reports to.
const POSITIONS: [(Stance, i32, f64, f64, Option<usize>); 14] = [
    (Stance::Champion, 5, 6.0, 10.0, Some(10)),
    (Stance::Neutral, 2, 9.0, 6.0, Some(10)),
    (Stance::Supporter, 3, 5.0, 6.5, Some(1)),
    (Stance::Neutral, 3, 3.0, 5.0, Some(1)),
    (Stance::Supporter, 3, 2.0, 6.0, Some(2)),
    (Stance::Supporter, 3, 2.0, 5.5, Some(2)),
    (Stance::Neutral, 2, 4.0, 3.0, Some(1)),
    (Stance::Sceptic, 2, 7.0, 4.0, Some(10)),
    (Stance::Supporter, 4, 6.0, 3.0, Some(10)),
    (Stance::Neutral, 3, 8.0, 2.0, Some(10)),
    (Stance::Supporter, 4, 10.0, 8.0, None),
    (Stance::Neutral, 3, 5.0, 4.0, Some(7)),
    (Stance::Champion, 4, 4.0, 8.0, Some(10)),
    (Stance::Champion, 5, 2.0, 9.0, Some(0)),
];

/// (person index, kind, text, metric, source, days ago)
type NoteRow = (usize, NoteKind, T, Option<&'static str>, T, i64);
const NOTES: &[NoteRow] = &[
    (1, NoteKind::Kpi, T("用户增长", "User growth"), Some("user_growth"), T("年度目标会", "Annual goals meeting"), 60),
    (1, NoteKind::Kpi, T("日活（DAU）", "Daily active users (DAU)"), Some("dau"), T("年度目标会", "Annual goals meeting"), 60),
    (1, NoteKind::Kpi, T("新功能上线数", "New features shipped"), Some("features_shipped"), T("年度目标会", "Annual goals meeting"), 60),
    (1, NoteKind::Pressure, T("日活增长停滞，连续两个月持平", "DAU growth has stalled, flat for two months"), None, T("高管例会", "Executive review"), 21),
    (1, NoteKind::Initiative, T("用户画像系统，用于个性化推荐", "A user-profile system for personalised recommendations"), None, T("产品周会", "Product weekly meeting"), 18),
    (1, NoteKind::PainPoint, T("售后投诉拖累 NPS", "After-sales complaints drag NPS down"), Some("nps"), T("同事（客服中心黄蕾）", "A colleague (Huang Lei, customer service)"), 16),
    (1, NoteKind::PainPoint, T("投诉用户的留存明显偏低", "Customers who complain are retained noticeably less"), Some("retention"), T("同事（客服中心黄蕾）", "A colleague (Huang Lei, customer service)"), 16),
    (1, NoteKind::Opportunity, T("我们的 10 万条服务记录能补上用户画像缺的售后行为数据", "Our 100,000 service records fill the after-sales gap in the user profiles"), None, T("咖啡聊天", "Coffee chat"), 17),
    (10, NoteKind::Kpi, T("NPS 与口碑", "NPS and reputation"), Some("nps"), T("年度目标会", "Annual goals meeting"), 60),
    (10, NoteKind::Kpi, T("营收增长", "Revenue growth"), Some("revenue"), T("年度目标会", "Annual goals meeting"), 60),
    (10, NoteKind::Pressure, T("要求 3 个月内上线智能派单", "Wants smart dispatch live within 3 months"), None, T("高管例会", "Executive review"), 30),
    (12, NoteKind::Kpi, T("投诉量", "Complaint volume"), Some("complaints"), T("客服月报", "Customer service monthly report"), 40),
    (12, NoteKind::Kpi, T("客户满意度", "Customer satisfaction"), Some("satisfaction"), T("客服月报", "Customer service monthly report"), 40),
    (7, NoteKind::Kpi, T("系统稳定性", "System stability"), None, T("IT 周会", "IT weekly meeting"), 35),
    (7, NoteKind::Pressure, T("今年 IT 预算被压缩 15%", "IT budget cut by 15% this year"), None, T("同事", "A colleague"), 25),
];

/// KPIs in the director's own words, each owned by a person of their department:
/// (person index, name, unit, metric tag).
const KPIS: &[(usize, T, &str, Option<&str>)] = &[
    (0, T("客户等待时长", "Customer wait"), "分钟", Some("wait_time")),
    (1, T("日活（DAU）", "Daily active users (DAU)"), "人", Some("dau")),
    (1, T("用户增长", "User growth"), "%", Some("user_growth")),
    (7, T("系统稳定性", "System stability"), "%", None),
    (8, T("库存积压", "Inventory backlog"), "元", None),
    (10, T("NPS 与口碑", "NPS and reputation"), "分", Some("nps")),
    (12, T("投诉量", "Complaint volume"), "次", Some("complaints")),
    (12, T("客户满意度", "Customer satisfaction"), "%", Some("satisfaction")),
];

/// (person index, kind, days ago, summary, sentiment, next step, due in days, done)
type ContactRow = (usize, InteractionKind, i64, T, i32, T, Option<i64>, bool);
const CONTACTS: &[ContactRow] = &[
    (1, InteractionKind::Message, 20, T("发了一条短消息：40% 的投诉来自长时间等待和反复转派", "Short message: 40% of complaints come from long waits and repeated transfers"), 1,
     T("约 10 分钟咖啡", "Set up a 10-minute coffee"), Some(-18), true),
    (1, InteractionKind::Coffee, 17, T("10 分钟咖啡：他关心 NPS 和留存，对用户画像缺数据很头疼", "10-minute coffee: he cares about NPS and retention; the user profiles lack data"), 2,
     T("发出共同负责人邀请的书面方案", "Send the written co-owner proposal"), Some(-14), true),
    (1, InteractionKind::Meeting, 6, T("方案评审：同意先做 2 周 POC", "Proposal review: agreed to a 2-week POC first"), 1,
     T("周五例会确认 POC 工程师人选", "Confirm the POC engineer at Friday's review"), Some(1), false),
    (10, InteractionKind::OneOnOne, 12, T("向 CEO 汇报等待时长数据和项目思路", "Briefed the CEO on wait-time data and the project idea"), 2, T("", ""), None, false),
    (12, InteractionKind::Coffee, 9, T("黄蕾分享了投诉分类数据", "Huang Lei shared the complaint breakdown"), 2, T("", ""), None, false),
    (7, InteractionKind::Email, 75, T("询问门店系统卡顿的排查进展", "Asked about the store-system lag investigation"), -1, T("", ""), None, false),
];

/// (person index, direction, kind, description, meeting, weight, days ago)
const LEDGER: &[(usize, Direction, LedgerKind, T, T, i32, i64)] = &[
    (1, Direction::Given, LedgerKind::DataShared, T("10 万条清洗后的售后服务记录，用于用户画像项目", "100,000 cleaned after-sales service records for the user-profile project"), T("", ""), 4, 10),
    (1, Direction::Received, LedgerKind::Help, T("同意派 1 名工程师做 2 周 POC", "Agreed to lend one engineer for the 2-week POC"), T("", ""), 3, 6),
    (4, Direction::Given, LedgerKind::PublicCredit, T("点名感谢：解决派单算法的三个难题", "Credited by name for solving three hard dispatch problems"), T("周五项目周会", "Friday project review"), 2, 3),
    (5, Direction::Given, LedgerKind::PublicCredit, T("点名感谢：解决派单算法的三个难题", "Credited by name for solving three hard dispatch problems"), T("周五项目周会", "Friday project review"), 2, 3),
    (12, Direction::Received, LedgerKind::DataShared, T("投诉分类数据", "Complaint breakdown data"), T("", ""), 2, 9),
];

const RELATIONS: &[(usize, usize, RelationKind, T)] = &[
    (1, 10, RelationKind::Influences, T("CEO 很看重他的产品判断", "The CEO values his product judgement")),
    (7, 1, RelationKind::Rival, T("争夺研发资源", "Compete for engineering resources")),
    (12, 0, RelationKind::Ally, T("投诉数据一直互通", "Always share complaint data")),
    (11, 1, RelationKind::Ally, T("用户画像的数据伙伴", "Data partner on user profiles")),
    (2, 1, RelationKind::Influences, T("技术判断他最信任郑航", "He trusts Zheng Hang's technical calls most")),
];

/// Smart dispatch's roles (S1): (person index, role).
const ROLES: &[(usize, ProjectRole)] = &[
    (0, ProjectRole::ExecutiveSponsor),
    (1, ProjectRole::ExecutiveSponsor),
    (0, ProjectRole::ProductOwner),
    (2, ProjectRole::TechLead),
    (3, ProjectRole::ScrumMaster),
    (4, ProjectRole::Stakeholder),
    (5, ProjectRole::Stakeholder),
    (6, ProjectRole::Stakeholder),
];

pub async fn seed(ws: &Workspace, lang: Lang, person_ids: &[Id], smart_dispatch: Id, now: i64) -> Result<()> {
    for (i, (stance, trust, power, interest, manager)) in POSITIONS.iter().enumerate() {
        let current = crate::repo::people::get(ws.pool(), person_ids[i]).await?;
        let input = PersonInput {
            name: current.name,
            title: current.title,
            department_id: current.department_id,
            reports_to_id: manager.map(|m| person_ids[m]),
            stance: *stance,
            trust: Some(*trust),
            power: *power,
            interest: *interest,
            contact_every_days: if matches!(i, 1 | 10) { 14 } else { 30 },
        };
        people::update(ws, person_ids[i], input).await?;
    }
    for (who, kind, text, metric, source, ago) in NOTES {
        let note = NoteInput { kind: *kind, text: text.pick(lang), metric: metric.map(str::to_owned), source: source.pick(lang), noted_on: now - ago * DAY };
        stakeholders::add_note(ws, person_ids[*who], note).await?;
    }
    for (who, name, unit, metric) in KPIS {
        let owner = crate::repo::people::get(ws.pool(), person_ids[*who]).await?;
        let Some(department_id) = owner.department_id else { continue };
        let input = KpiInput { name: name.pick(lang), unit: (*unit).to_owned(), department_id, owner_person_id: Some(owner.id), metric: metric.map(str::to_owned) };
        kpis::create(ws, input).await?;
    }
    for (who, kind, ago, summary, sentiment, next, due, done) in CONTACTS {
        let contact = InteractionInput {
            kind: *kind,
            happened_at: now - ago * DAY,
            summary: summary.pick(lang),
            sentiment: *sentiment,
            next_step: next.pick(lang),
            next_step_due: due.map(|d| now + d * DAY),
        };
        let (id, _) = stakeholders::record_interaction(ws, person_ids[*who], contact).await?;
        if *done {
            crate::repo::interactions::set_next_step_done(ws.pool(), id, true).await?;
        }
    }
    for (who, direction, kind, description, meeting, weight, ago) in LEDGER {
        let entry = LedgerInput { direction: *direction, kind: *kind, description: description.pick(lang), meeting: meeting.pick(lang), weight: *weight, happened_at: now - ago * DAY };
        stakeholders::add_ledger_entry(ws, person_ids[*who], entry).await?;
    }
    for (from, to, kind, note) in RELATIONS {
        stakeholders::add_relationship(ws, person_ids[*from], person_ids[*to], *kind, &note.pick(lang)).await?;
    }
    for (who, role) in ROLES {
        project_people::add(ws.pool(), smart_dispatch, person_ids[*who], *role).await?;
    }
    Ok(())
}
