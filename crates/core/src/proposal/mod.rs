//! Proposal documents: templates filled from workspace data (`fill`, `context`), edited section
//! by section as drafts, and rendered to Markdown, DOCX and PDF. Renderers take user text as data
//! and escape it for their format, so nothing a director typed is ever read as markup.

pub mod context;
pub mod coverage;
pub mod docx;
mod effects;
pub mod fill;
pub mod markdown;
pub mod model;
pub mod options;
pub mod pdf;

use crate::lang::Lang;

pub use model::{from_json, to_json, Block, Document, ProposalTemplate, Section, Subject, TemplateKind};

/// The templates that ship with the app, zh-CN and English, parsed once.
pub fn builtin(kind: TemplateKind, language: Lang) -> ProposalTemplate {
    static ALL: std::sync::OnceLock<Vec<ProposalTemplate>> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        [include_str!("templates/zh-CN.json"), include_str!("templates/en.json")]
            .into_iter()
            .flat_map(|json| serde_json::from_str::<Vec<ProposalTemplate>>(json).expect("built-in templates are valid JSON"))
            .collect()
    });
    all.iter().find(|t| t.kind == kind && t.language == language).cloned().expect("every kind ships in both languages")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_ships_in_both_languages_using_known_names_only() {
        for kind in TemplateKind::ALL {
            for lang in [Lang::ZhCn, Lang::En] {
                let t = builtin(kind, lang);
                for s in &t.sections {
                    for b in &s.blocks {
                        if let Block::Data { source } = b {
                            assert!(context::SOURCES.contains(&source.as_str()), "{source}");
                        }
                    }
                }
                let json = serde_json::to_string(&t).unwrap();
                for key in json.split("{{").skip(1).map(|s| s.split("}}").next().unwrap().trim()) {
                    assert!(context::KEYS.contains(&key), "{key} in {kind:?}");
                }
            }
        }
    }
}
