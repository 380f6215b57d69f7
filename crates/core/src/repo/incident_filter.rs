//! Reading incidents through the board's filters: one WHERE clause shared by the detail list,
//! the kanban, the facet lists and the export, so all four always agree.

use serde::{Deserialize, Serialize};
use futures_util::TryStreamExt;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::incidents::{Incident, SELECT};
use crate::error::{CoreError, ErrorCode, Result};
use crate::{Id, Money};

/// Empty lists and None mean "any". Department id 0 stands for "not yet dispatched" (triage).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct IncidentFilter {
    /// Searched in title, external id, customer reference and product.
    pub text: Option<String>,
    pub department_ids: Vec<Id>,
    pub problem_types: Vec<String>,
    pub product_categories: Vec<String>,
    pub products: Vec<String>,
    pub suppliers: Vec<String>,
    pub store_ids: Vec<Id>,
    pub regions: Vec<String>,
    pub channels: Vec<String>,
    pub severity_class_ids: Vec<Id>,
    pub statuses: Vec<String>,
    pub complaint: Option<bool>,
    pub escalated: Option<bool>,
    /// `YYYY-MM` in the workspace zone: the pivot's drill-down.
    pub month: Option<String>,
    pub opened_from: Option<i64>,
    pub opened_to: Option<i64>,
    pub closed_from: Option<i64>,
    pub closed_to: Option<i64>,
    pub wait_min: Option<i64>,
    pub wait_max: Option<i64>,
    pub cost_min: Option<Money>,
    pub cost_max: Option<Money>,
    /// The incidents linked to a systemic problem.
    pub problem_id: Option<Id>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum IncidentSort {
    #[default]
    OpenedDesc,
    OpenedAsc,
    CostDesc,
    WaitDesc,
}

impl IncidentSort {
    fn sql(self) -> &'static str {
        match self {
            IncidentSort::OpenedDesc => " ORDER BY i.opened_at DESC, i.id DESC",
            IncidentSort::OpenedAsc => " ORDER BY i.opened_at, i.id",
            IncidentSort::CostDesc => " ORDER BY i.cost_fen DESC, i.id DESC",
            IncidentSort::WaitDesc => " ORDER BY i.wait_minutes DESC NULLS LAST, i.id DESC",
        }
    }
}

fn any_of<T>(q: &mut QueryBuilder<Sqlite>, column: &str, values: &[T])
where
    T: Clone + for<'t> sqlx::Encode<'t, Sqlite> + sqlx::Type<Sqlite>,
{
    if values.is_empty() {
        return;
    }
    q.push(format_args!(" AND {column} IN ("));
    let mut list = q.separated(", ");
    for v in values {
        list.push_bind(v.clone());
    }
    list.push_unseparated(")");
}

/// The UTC millisecond range of a `YYYY-MM` month in a zone `offset_seconds` east of UTC.
fn month_range(month: &str, offset_seconds: i64) -> Result<(i64, i64)> {
    let bad = || CoreError::new(ErrorCode::InvalidDate).with("value", month).on_field("month");
    let first = chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").map_err(|_| bad())?;
    let next = first.checked_add_months(chrono::Months::new(1)).ok_or_else(bad)?;
    let ms = |d: chrono::NaiveDate| (d.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp() - offset_seconds) * 1000;
    Ok((ms(first), ms(next)))
}

impl IncidentFilter {
    /// Appends `WHERE …` for live incidents matching the filter (aliased `i`).
    pub(crate) fn push_where(&self, q: &mut QueryBuilder<Sqlite>, offset_seconds: i64) -> Result<()> {
        q.push(" WHERE i.deleted_at IS NULL");
        if let Some(p) = self.problem_id {
            q.push(" AND i.id IN (SELECT incident_id FROM problem_incidents WHERE problem_id = ").push_bind(p).push(")");
        }
        if let Some(text) = self.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            let like = format!("%{}%", text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
            q.push(" AND (i.title LIKE ").push_bind(like.clone()).push(" ESCAPE '\\'");
            q.push(" OR i.external_id LIKE ").push_bind(like.clone()).push(" ESCAPE '\\'");
            q.push(" OR i.customer_ref LIKE ").push_bind(like.clone()).push(" ESCAPE '\\'");
            q.push(" OR i.product LIKE ").push_bind(like).push(" ESCAPE '\\')");
        }
        if !self.department_ids.is_empty() {
            q.push(" AND coalesce(i.department_id, 0) IN (");
            let mut list = q.separated(", ");
            for id in &self.department_ids {
                list.push_bind(*id);
            }
            list.push_unseparated(")");
        }
        any_of(q, "i.problem_type", &self.problem_types);
        any_of(q, "i.product_category", &self.product_categories);
        any_of(q, "i.product", &self.products);
        any_of(q, "i.supplier", &self.suppliers);
        any_of(q, "i.store_id", &self.store_ids);
        any_of(q, "i.region", &self.regions);
        any_of(q, "i.channel", &self.channels);
        any_of(q, "i.severity_class_id", &self.severity_class_ids);
        any_of(q, "i.status", &self.statuses);
        if let Some(c) = self.complaint {
            q.push(" AND i.complaint = ").push_bind(c);
        }
        match self.escalated {
            Some(true) => q.push(" AND i.escalated_at IS NOT NULL"),
            Some(false) => q.push(" AND i.escalated_at IS NULL"),
            None => q,
        };
        if let Some(month) = &self.month {
            let (from, to) = month_range(month, offset_seconds)?;
            q.push(" AND i.opened_at >= ").push_bind(from).push(" AND i.opened_at < ").push_bind(to);
        }
        let range = |q: &mut QueryBuilder<Sqlite>, column: &str, min: Option<i64>, max: Option<i64>, inclusive_max: bool| {
            if let Some(min) = min {
                q.push(format_args!(" AND {column} >= ")).push_bind(min);
            }
            if let Some(max) = max {
                q.push(format_args!(" AND {column} {} ", if inclusive_max { "<=" } else { "<" })).push_bind(max);
            }
        };
        range(q, "i.opened_at", self.opened_from, self.opened_to, false);
        range(q, "i.closed_at", self.closed_from, self.closed_to, false);
        range(q, "i.wait_minutes", self.wait_min, self.wait_max, true);
        range(q, "i.cost_fen", self.cost_min.map(Money::fen), self.cost_max.map(Money::fen), true);
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IncidentPage {
    pub total: i64,
    pub total_cost: Money,
    pub total_wait_minutes: i64,
    pub rows: Vec<Incident>,
}


/// One page of the detail list, with the totals of everything the filter matches.
pub async fn page(
    conn: &mut sqlx::SqliteConnection,
    filter: &IncidentFilter,
    sort: IncidentSort,
    offset: i64,
    limit: i64,
    offset_seconds: i64,
) -> Result<IncidentPage> {
    let mut totals = QueryBuilder::<Sqlite>::new("SELECT count(*), coalesce(sum(i.cost_fen), 0), coalesce(sum(i.wait_minutes), 0) FROM incidents i");
    filter.push_where(&mut totals, offset_seconds)?;
    let (total, total_cost, total_wait_minutes): (i64, Money, i64) = totals.build_query_as().fetch_one(&mut *conn).await?;
    let mut q = QueryBuilder::<Sqlite>::new("");
    push_select(&mut q, filter, sort, offset_seconds)?;
    q.push(" LIMIT ").push_bind(limit.clamp(1, 1000)).push(" OFFSET ").push_bind(offset.max(0));
    let rows = q.build_query_as().fetch_all(&mut *conn).await?;
    Ok(IncidentPage { total, total_cost, total_wait_minutes, rows })
}

/// Appends the full-record SELECT of every incident the filter matches, in list order.
fn push_select(q: &mut QueryBuilder<Sqlite>, filter: &IncidentFilter, sort: IncidentSort, offset_seconds: i64) -> Result<()> {
    q.push(SELECT);
    filter.push_where(q, offset_seconds)?;
    q.push(sort.sql());
    Ok(())
}

/// Hands every incident the filter matches to `each`, in list order, one row at a time (an export
/// of a million incidents holds one in memory); returns how many.
pub async fn for_each(
    pool: &SqlitePool,
    filter: &IncidentFilter,
    sort: IncidentSort,
    offset_seconds: i64,
    mut each: impl FnMut(Incident) -> Result<()>,
) -> Result<u64> {
    let mut q = QueryBuilder::<Sqlite>::new("");
    push_select(&mut q, filter, sort, offset_seconds)?;
    let mut rows = q.build_query_as::<Incident>().fetch(pool);
    let mut count = 0;
    while let Some(incident) = rows.try_next().await? {
        each(incident)?;
        count += 1;
    }
    Ok(count)
}

/// What a kanban card shows.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Card {
    pub id: Id,
    pub title: String,
    pub department_id: Option<Id>,
    pub status: String,
    pub store_name: Option<String>,
    pub severity_class: Option<String>,
    pub opened_at: i64,
    pub escalated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Cards {
    pub total: i64,
    /// Newest first within each department and status; cut at the limit.
    pub cards: Vec<Card>,
}

pub async fn cards(conn: &mut sqlx::SqliteConnection, filter: &IncidentFilter, limit: i64, offset_seconds: i64) -> Result<Cards> {
    let mut count = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM incidents i");
    filter.push_where(&mut count, offset_seconds)?;
    let total: i64 = count.build_query_scalar().fetch_one(&mut *conn).await?;
    let mut q = QueryBuilder::<Sqlite>::new(
        "SELECT i.id, i.title, i.department_id, i.status, s.name AS store_name, c.name AS severity_class, i.opened_at,
                i.escalated_at IS NOT NULL AS escalated
         FROM incidents i
         LEFT JOIN severity_classes c ON c.id = i.severity_class_id
         LEFT JOIN stores s ON s.id = i.store_id",
    );
    filter.push_where(&mut q, offset_seconds)?;
    q.push(" ORDER BY i.opened_at DESC, i.id DESC LIMIT ").push_bind(limit);
    Ok(Cards { total, cards: q.build_query_as().fetch_all(&mut *conn).await? })
}

/// The values each text field takes in the registry, for the filter pickers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub problem_types: Vec<String>,
    pub product_categories: Vec<String>,
    pub products: Vec<String>,
    pub suppliers: Vec<String>,
    pub regions: Vec<String>,
    pub channels: Vec<String>,
}

pub async fn facets(conn: &mut sqlx::SqliteConnection) -> Result<Facets> {
    let mut f = Facets::default();
    for (column, out) in [
        ("problem_type", &mut f.problem_types),
        ("product_category", &mut f.product_categories),
        ("product", &mut f.products),
        ("supplier", &mut f.suppliers),
        ("region", &mut f.regions),
        ("channel", &mut f.channels),
    ] {
        // Column names come from the fixed list above, never from the caller.
        *out = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT DISTINCT {column} FROM incidents WHERE deleted_at IS NULL AND {column} <> '' ORDER BY {column} LIMIT 500"
        )))
        .fetch_all(&mut *conn)
        .await?;
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::month_range;

    #[test]
    fn a_shanghai_month_starts_at_16_utc_the_day_before() {
        let (from, to) = month_range("2024-03", 8 * 3600).unwrap();
        assert_eq!(from, 1_709_222_400_000); // 2024-02-29T16:00:00Z
        assert_eq!(to - from, 31 * 86_400_000);
        assert!(month_range("2024-13", 0).is_err());
    }
}
