//! Every error code the core can return has a zh-CN and an English sentence in the UI.

use liaison_core::ErrorCode;

fn texts(lang: &str) -> serde_json::Value {
    let path = format!("{}/../../ui/src/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

#[test]
fn every_error_code_has_zh_cn_and_english_text() {
    for lang in ["zh-CN", "en"] {
        let root = texts(lang);
        for code in ErrorCode::ALL {
            let mut node = &root["errors"];
            for part in code.as_str().split('.') {
                node = &node[part];
            }
            let text = node.as_str().unwrap_or_else(|| panic!("{lang}: no text for error code {}", code.as_str()));
            assert!(!text.trim().is_empty(), "{lang}: empty text for {}", code.as_str());
        }
    }
}
