//! Routing rules: the first enabled rule, in order, whose every set condition matches an incident
//! gives its owning department. Unmatched incidents go to the triage queue.

use serde::{Deserialize, Serialize};

use crate::Id;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: Id,
    pub position: i64,
    pub name: String,
    pub problem_type: Option<String>,
    pub product_category: Option<String>,
    pub product: Option<String>,
    pub supplier: Option<String>,
    pub store_id: Option<Id>,
    pub region: Option<String>,
    pub department_id: Id,
}

/// What a rule looks at.
#[derive(Debug, Clone, Default)]
pub struct Facts<'a> {
    pub problem_type: &'a str,
    pub product_category: &'a str,
    pub product: &'a str,
    pub supplier: &'a str,
    pub store_id: Option<Id>,
    pub region: &'a str,
}

/// The rule-relevant fields of anything incident-shaped (the record being saved, or a stored one).
macro_rules! facts_of {
    ($i:expr) => {
        Facts {
            problem_type: &$i.problem_type,
            product_category: &$i.product_category,
            product: &$i.product,
            supplier: &$i.supplier,
            store_id: $i.store_id,
            region: &$i.region,
        }
    };
}
pub(crate) use facts_of;

impl Rule {
    pub fn matches(&self, f: &Facts) -> bool {
        // A blank condition, as an unsaved draft in the editor may have, matches anything.
        let text = |cond: &Option<String>, value: &str| {
            cond.as_deref().map(str::trim).filter(|c| !c.is_empty()).is_none_or(|c| c.eq_ignore_ascii_case(value.trim()))
        };
        text(&self.problem_type, f.problem_type)
            && text(&self.product_category, f.product_category)
            && text(&self.product, f.product)
            && text(&self.supplier, f.supplier)
            && text(&self.region, f.region)
            && self.store_id.is_none_or(|s| Some(s) == f.store_id)
    }
}

/// The first matching rule, by position.
pub fn route<'r>(rules: &'r [Rule], facts: &Facts) -> Option<&'r Rule> {
    rules.iter().find(|r| r.matches(facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: Id, problem_type: Option<&str>, supplier: Option<&str>, department_id: Id) -> Rule {
        Rule {
            id,
            position: id,
            name: String::new(),
            problem_type: problem_type.map(str::to_owned),
            product_category: None,
            product: None,
            supplier: supplier.map(str::to_owned),
            store_id: None,
            region: None,
            department_id,
        }
    }

    #[test]
    fn first_matching_rule_wins_and_all_conditions_must_hold() {
        let rules = [rule(1, Some("包装破损"), Some("华包物流"), 10), rule(2, Some("包装破损"), None, 20), rule(3, None, None, 30)];
        let packaging = Facts { problem_type: "包装破损", supplier: "华包物流", ..Default::default() };
        assert_eq!(route(&rules, &packaging).unwrap().department_id, 10);
        let other_supplier = Facts { problem_type: "包装破损", supplier: "其他", ..Default::default() };
        assert_eq!(route(&rules, &other_supplier).unwrap().department_id, 20);
        assert_eq!(route(&rules, &Facts { problem_type: "快递丢件", ..Default::default() }).unwrap().department_id, 30);
        assert!(route(&rules[..2], &Facts { problem_type: "快递丢件", ..Default::default() }).is_none(), "no match: triage");
    }
}
