//! What the sentences of every level share, so that a sum or a date reads the same in each.

use crate::lang::Lang;
use crate::Money;

pub(super) fn money(m: Money, lang: Lang) -> String {
    if lang == Lang::ZhCn { m.format_zh() } else { m.format_en() }
}

pub(super) fn date(ms: i64, offset_s: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms + offset_s * 1000).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

pub(super) fn not_enough(lang: Lang) -> String {
    match lang {
        Lang::ZhCn => "还没有关联的问题记录，数据不足，无法计算。".to_owned(),
        Lang::En => "No incidents are linked yet: not enough data to compute this.".to_owned(),
    }
}
