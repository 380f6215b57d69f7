//! The two languages the app speaks, zh-CN first: what the user chose, and what every drafted
//! text, export and demo workspace is written in.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Lang {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Anything but English reads as zh-CN, the app's first language.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" { Lang::En } else { Lang::ZhCn }
    }
}
