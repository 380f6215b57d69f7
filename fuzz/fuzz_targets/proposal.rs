//! The template renderer: a template (or a draft document) as JSON, filled from a workspace
//! context whose values carry markup, then rendered to Markdown and DOCX (the PDF renderer, typst,
//! takes about a second a document in this build and is left out).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    liaison_fuzz::proposal(data);
});
