//! What the problem does to each department, and the chosen sponsor with what is in it for them,
//! for documents: the same figures the problem page and the sponsor finder show.

use super::fill::Context;
use crate::error::Result;
use crate::impact;
use crate::lang::Lang;
use crate::repo::{people, problem_effects};
use crate::repo::problems::Problem;
use crate::Workspace;

pub async fn gather(ws: &Workspace, problem: &Problem, lang: Lang, ctx: &mut Context) -> Result<()> {
    let effects = problem_effects::list_for(ws.pool(), problem.id).await?;
    let pick = |zh: &'static str, en: &'static str| if lang == Lang::ZhCn { zh } else { en };
    let rows = effects
        .iter()
        .map(|e| {
            vec![
                e.department_name.clone(),
                format!("{}（{}）", e.kpi_name, e.kpi_unit),
                impact::format_effect(e.effect, &e.unit),
                e.money.map(|m| impact::format_money(m, lang)).unwrap_or_default(),
                pick(if e.computed { "系统计算" } else { "人工估计" }, if e.computed { "computed" } else { "entered" }).to_owned(),
            ]
        })
        .collect();
    let columns = if lang == Lang::ZhCn { ["部门", "KPI（单位）", "影响", "释放金额", "来源"] } else { ["Department", "KPI (unit)", "Effect", "Money freed", "Source"] };
    ctx.table("effects", &columns, rows);
    let Some(sponsor) = problem.sponsor_person_id else { return Ok(()) };
    let person = people::get(ws.pool(), sponsor).await?;
    ctx.set("sponsor.name", &person.name);
    let theirs: Vec<String> = effects.iter().filter(|e| e.owner_person_id == Some(sponsor)).map(|e| impact::benefit(e, lang)).collect();
    ctx.set("sponsor.whatsInIt", theirs.join(pick("；", "; ")));
    Ok(())
}
