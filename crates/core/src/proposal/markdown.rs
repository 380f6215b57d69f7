//! Markdown output. Every character that Markdown or embedded HTML could read as syntax is
//! escaped, so user text prints exactly as typed.

use super::{Block, Document};

pub fn render(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", escape(&doc.title));
    if !doc.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", escape(&doc.subtitle)));
    }
    for s in &doc.sections {
        out.push_str(&format!("## {}\n\n", escape(&s.heading)));
        for b in &s.blocks {
            match b {
                Block::Paragraph { text } => out.push_str(&format!("{}\n\n", paragraph(text))),
                Block::Bullets { items } => {
                    for i in items {
                        out.push_str(&format!("- {}\n", escape(&i.replace('\n', " "))));
                    }
                    out.push('\n');
                }
                Block::Table { columns, rows } => {
                    out.push_str(&row(columns));
                    out.push_str(&format!("|{}\n", "---|".repeat(columns.len())));
                    for r in rows {
                        out.push_str(&row(r));
                    }
                    out.push('\n');
                }
                Block::Data { source } => out.push_str(&format!("{}\n\n", escape(source))),
            }
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| escape(&c.replace('\n', " "))).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// Line breaks inside a paragraph stay line breaks (two trailing spaces would be invisible).
fn paragraph(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("\\\n")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.' | '!' | '|' | '~' | '"' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_html_print_as_text() {
        assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert\\(1\\)&lt;/script&gt;");
        assert_eq!(escape("**粗体** | [链接](http://x)"), "\\*\\*粗体\\*\\* \\| \\[链接\\]\\(http://x\\)");
        assert_eq!(escape("# 1. 标题"), "\\# 1\\. 标题");
    }
}
