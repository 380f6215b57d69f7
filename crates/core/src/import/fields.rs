//! The incident fields a file can fill, and the guess from a file's headers to them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ExternalId,
    Title,
    Department,
    ProblemType,
    ProductCategory,
    Product,
    Supplier,
    Store,
    /// The store's code in the ticket system; a store is found by its code before its name.
    StoreCode,
    Region,
    Channel,
    CustomerRef,
    SeverityClass,
    WaitMinutes,
    Complaint,
    Cost,
    /// Cost already in whole fen, as systems (not people) export it.
    CostFen,
    OpenedAt,
    ClosedAt,
    ClaimedAt,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::ExternalId,
        Field::Title,
        Field::Department,
        Field::ProblemType,
        Field::ProductCategory,
        Field::Product,
        Field::Supplier,
        Field::Store,
        Field::StoreCode,
        Field::Region,
        Field::Channel,
        Field::CustomerRef,
        Field::SeverityClass,
        Field::WaitMinutes,
        Field::Complaint,
        Field::Cost,
        Field::CostFen,
        Field::OpenedAt,
        Field::ClosedAt,
        Field::ClaimedAt,
    ];

    /// Header names seen in zh and en ticket exports, compared after `normalise`.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::ExternalId => &["工单号", "工单编号", "单号", "编号", "问题编号", "ticketid", "ticketno", "id", "externalid", "ticket"],
            Field::Title => &["标题", "问题标题", "问题描述", "描述", "摘要", "title", "subject", "summary", "description"],
            Field::Department => &["归属部门", "责任部门", "部门", "处理部门", "department", "owner", "owningdepartment", "dept"],
            Field::ProblemType => &["问题类型", "类型", "问题分类", "type", "problemtype", "category2", "issuetype"],
            Field::ProductCategory => &["产品类别", "品类", "产品分类", "productcategory", "category"],
            Field::Product => &["产品", "产品名称", "商品", "product", "item"],
            Field::Supplier => &["供应商", "供货商", "supplier", "vendor"],
            Field::Store => &["门店", "门店名称", "网点", "服务中心", "store", "shop", "site"],
            Field::StoreCode => &["门店编码", "门店编号", "门店代码", "网点编码", "storecode", "storeno", "shopcode"],
            Field::Region => &["区域", "大区", "地区", "region", "area"],
            Field::Channel => &["渠道", "来源渠道", "channel", "source"],
            Field::CustomerRef => &["客户", "客户编号", "客户号", "客户id", "customer", "customerid", "customerref"],
            Field::SeverityClass => &["严重等级", "严重程度", "等级", "级别", "severity", "severityclass", "priority"],
            Field::WaitMinutes => &["等待时长", "等待时长分钟", "客户等待", "等待分钟", "等待时间", "wait", "waitminutes", "waittime"],
            Field::Complaint => &["是否投诉", "投诉", "complaint", "complained"],
            Field::Cost => &["成本", "费用", "金额", "成本元", "处理成本", "cost", "amount"],
            Field::CostFen => &["成本分", "费用分", "金额分", "costfen", "amountfen"],
            Field::OpenedAt => &["登记时间", "创建时间", "发生时间", "提交时间", "日期", "openedat", "created", "createdat", "date", "opened"],
            Field::ClosedAt => &["关闭时间", "完成时间", "解决时间", "closedat", "closed", "resolvedat"],
            Field::ClaimedAt => &["认领时间", "受理时间", "claimedat", "claimed", "acceptedat"],
        }
    }
}

/// The reference lists an import matches a file's values against, in the order the preview names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Store,
    Product,
    ProductCategory,
    Supplier,
    ProblemType,
    Department,
}

impl ListKind {
    pub const ALL: [ListKind; 6] =
        [ListKind::Store, ListKind::Product, ListKind::ProductCategory, ListKind::Supplier, ListKind::ProblemType, ListKind::Department];
}

/// A file's value taken as an existing entry (`朝阳店` → the store `北京朝阳门店`) instead of a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ValueMapping {
    pub kind: ListKind,
    pub value: String,
    /// The entry's id.
    pub to: crate::Id,
}

/// Lower case, without spaces, punctuation and unit brackets: "等待时长（分钟）" → "等待时长分钟".
fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// For each column, the field its header names, if any; a field is taken by its first column only.
pub fn guess(headers: &[String]) -> Vec<Option<Field>> {
    let mut taken = std::collections::HashSet::new();
    headers
        .iter()
        .map(|h| {
            let n = normalise(h);
            let field = Field::ALL.iter().copied().find(|f| f.synonyms().iter().any(|s| *s == n))?;
            taken.insert(field).then_some(field)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn guesses_zh_and_en_headers() {
        let g = guess(&h(&["工单号", "问题类型", "门店", "等待时长（分钟）", "成本(元)", "登记时间", "备注"]));
        assert_eq!(
            g,
            [Some(Field::ExternalId), Some(Field::ProblemType), Some(Field::Store), Some(Field::WaitMinutes), Some(Field::Cost), Some(Field::OpenedAt), None]
        );
        let g = guess(&h(&["Ticket ID", "Title", "Store", "Opened At", "Cost"]));
        assert_eq!(g, [Some(Field::ExternalId), Some(Field::Title), Some(Field::Store), Some(Field::OpenedAt), Some(Field::Cost)]);
    }

    #[test]
    fn a_field_goes_to_its_first_column() {
        assert_eq!(guess(&h(&["门店", "网点"])), [Some(Field::Store), None]);
    }
}
