//! typst draws a character the font lacks as nothing, without a warning: check first and name them.

use std::collections::BTreeSet;

use super::Document;

/// Characters of the document that Noto Sans SC cannot draw, each once, in order.
pub fn missing_glyphs(doc: &Document) -> Vec<char> {
    let Ok(face) = ttf_parser::Face::parse(super::pdf::REGULAR, 0) else { return Vec::new() };
    let mut missing = BTreeSet::new();
    for c in doc.texts().flat_map(str::chars) {
        if !c.is_control() && !c.is_whitespace() && face.glyph_index(c).is_none() {
            missing.insert(c);
        }
    }
    missing.into_iter().collect()
}
