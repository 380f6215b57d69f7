//! Fills a template from a context: `{{key}}` placeholders become values, `Data` blocks become
//! tables or lists. One pass over the template text only, so a value that itself contains
//! `{{…}}` is printed as typed and never expanded. Missing data shows as a visible marker.

use std::collections::HashMap;

use super::{Block, Document, Section, ProposalTemplate};
use crate::lang::Lang;

/// What the workspace knows for one document.
#[derive(Debug, Default)]
pub struct Context {
    pub values: HashMap<String, String>,
    pub data: HashMap<String, Block>,
}

impl Context {
    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.trim().is_empty() {
            self.values.insert(key.to_owned(), value);
        }
    }

    /// A table with no rows is left out, so the document says the data is missing.
    pub fn table(&mut self, key: &str, columns: &[&str], rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            let columns = columns.iter().map(|c| (*c).to_owned()).collect();
            self.data.insert(key.to_owned(), Block::Table { columns, rows });
        }
    }

    /// A value known to be empty: a paragraph made of nothing else is left out, instead of
    /// repeating what another paragraph already says or showing a marker.
    pub fn omit(&mut self, key: &str) {
        self.values.insert(key.to_owned(), String::new());
    }

    pub fn bullets(&mut self, key: &str, items: Vec<String>) {
        let items: Vec<String> = items.into_iter().filter(|i| !i.trim().is_empty()).collect();
        if !items.is_empty() {
            self.data.insert(key.to_owned(), Block::Bullets { items });
        }
    }
}

/// Data sources filled at preview and export from what is stored then (`options::expand`), not
/// when the draft is made: the director's options and the risks drawn from them.
pub const LIVE: &[&str] = &["options", "risks"];

pub fn missing(lang: Lang, key: &str) -> String {
    match lang {
        Lang::ZhCn => format!("【待补充：{key}】"),
        Lang::En => format!("[to be completed: {key}]"),
    }
}

pub fn fill(template: &ProposalTemplate, ctx: &Context, include_private: bool, author: &str) -> Document {
    let lang = template.language;
    let text = |t: &str| substitute(t, ctx, lang);
    let sections = template
        .sections
        .iter()
        .filter(|s| include_private || !s.private)
        .map(|s| Section {
            heading: text(&s.heading),
            private: s.private,
            blocks: s
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph { text: t } => Some(text(t)).filter(|t| !t.trim().is_empty()).map(|text| Block::Paragraph { text }),
                    Block::Bullets { items } => Some(Block::Bullets { items: items.iter().map(|i| text(i)).collect() }),
                    Block::Table { columns, rows } => Some(Block::Table {
                        columns: columns.iter().map(|c| text(c)).collect(),
                        rows: rows.iter().map(|r| r.iter().map(|c| text(c)).collect()).collect(),
                    }),
                    // Expanded from the stored options at preview and export (`options::expand`).
                    Block::Data { source } if LIVE.contains(&source.as_str()) => Some(b.clone()),
                    Block::Data { source } => {
                        Some(ctx.data.get(source).cloned().unwrap_or_else(|| Block::Paragraph { text: missing(lang, source) }))
                    }
                })
                .collect(),
        })
        .collect();
    Document {
        title: text(&template.title),
        subtitle: ctx.values.get("today").cloned().unwrap_or_default(),
        author: author.to_owned(),
        language: lang,
        sections,
    }
}

fn substitute(template: &str, ctx: &Context, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else { break };
        out.push_str(&rest[..start]);
        let key = rest[start + 2..start + 2 + len].trim();
        match ctx.values.get(key) {
            Some(v) => out.push_str(v),
            None => out.push_str(&missing(lang, key)),
        }
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::TemplateKind;

    fn template(blocks: Vec<Block>, private: bool) -> ProposalTemplate {
        ProposalTemplate {
            kind: TemplateKind::Solution,
            language: Lang::ZhCn,
            title: "{{problem.title}}".into(),
            sections: vec![Section { heading: "背景".into(), blocks, private }],
        }
    }

    #[test]
    fn values_are_inserted_once_and_never_expanded_again() {
        let mut ctx = Context::default();
        ctx.set("problem.title", "预约超载 {{secret}}");
        ctx.set("secret", "不应出现");
        let doc = fill(&template(vec![Block::Paragraph { text: "问题：{{ problem.title }}。".into() }], false), &ctx, false, "");
        assert_eq!(doc.title, "预约超载 {{secret}}");
        assert_eq!(doc.sections[0].blocks[0], Block::Paragraph { text: "问题：预约超载 {{secret}}。".into() });
    }

    #[test]
    fn missing_values_and_data_show_a_marker() {
        let ctx = Context::default();
        let doc = fill(&template(vec![Block::Paragraph { text: "目标：{{project.goal}}".into() }, Block::Data { source: "milestones".into() }], false), &ctx, false, "");
        assert_eq!(doc.title, "【待补充：problem.title】");
        assert_eq!(doc.sections[0].blocks[0], Block::Paragraph { text: "目标：【待补充：project.goal】".into() });
        assert_eq!(doc.sections[0].blocks[1], Block::Paragraph { text: "【待补充：milestones】".into() });
    }

    #[test]
    fn an_unclosed_brace_is_text() {
        let ctx = Context::default();
        let doc = fill(&template(vec![Block::Paragraph { text: "a {{ b".into() }], false), &ctx, false, "");
        assert_eq!(doc.sections[0].blocks[0], Block::Paragraph { text: "a {{ b".into() });
    }

    #[test]
    fn private_sections_only_when_asked() {
        let ctx = Context::default();
        let t = template(vec![Block::Paragraph { text: "x".into() }], true);
        assert!(fill(&t, &ctx, false, "").sections.is_empty());
        assert_eq!(fill(&t, &ctx, true, "").sections.len(), 1);
    }
}
