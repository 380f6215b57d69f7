//! Text helpers for how Chinese users find and order names: by pinyin.

use pinyin::ToPinyin;

/// A key that sorts and searches a name by pinyin: full syllables, then the initials, so that
/// "陈立" sorts under c and is found by typing "chenli" or "cl". Non-Han characters stay as they
/// are, lower-cased.
pub fn pinyin_key(name: &str) -> String {
    let mut full = String::new();
    let mut initials = String::new();
    for (ch, py) in name.chars().zip(name.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if ch.is_whitespace() => {}
            None => {
                let lower: String = ch.to_lowercase().collect();
                full.push_str(&lower);
                initials.push_str(&lower);
            }
        }
    }
    format!("{full} {initials}")
}

/// Trims and checks a required, bounded text field.
pub fn clean(value: &str, field: &str, max_chars: usize) -> crate::Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(crate::CoreError::required(field));
    }
    bounded(trimmed, field, max_chars)
}

/// Trims and checks an optional text field.
pub fn bounded(value: &str, field: &str, max_chars: usize) -> crate::Result<String> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max_chars {
        return Err(crate::CoreError::new(crate::ErrorCode::TooLong)
            .with("max", max_chars)
            .on_field(field));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_by_pinyin() {
        let mut names = vec!["张伟", "陈立", "Alice", "李娜", "安琪"];
        names.sort_by_key(|n| pinyin_key(n));
        assert_eq!(names, ["Alice", "安琪", "陈立", "李娜", "张伟"]);
        assert_eq!(pinyin_key("陈立"), "chenli cl");
    }

    #[test]
    fn clean_rejects_blank_and_overlong() {
        assert_eq!(clean("  产品部 ", "name", 10).unwrap(), "产品部");
        assert_eq!(clean("   ", "name", 10).unwrap_err().code, crate::ErrorCode::Required);
        assert_eq!(clean("一二三四五六", "name", 5).unwrap_err().code, crate::ErrorCode::TooLong);
    }
}
