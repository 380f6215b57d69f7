//! PDF output through typst with Noto Sans SC shipped in the binary: no system fonts, no network,
//! correct Chinese line breaking. The engine is built once, so later renders are warm.

use std::sync::OnceLock;

use typst::foundations::{Dict, IntoValue};
use typst_layout::PagedDocument;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};

use super::Document;
use crate::error::{CoreError, ErrorCode, Result};

pub const REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/NotoSansSC-Bold.ttf");

fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| TypstEngine::builder().main_file(include_str!("proposal.typ")).fonts([REGULAR, BOLD]).build())
}

pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let failed = |reason: String| CoreError::new(ErrorCode::ProposalRenderFailed).with("detail", reason);
    let json = serde_json::to_string(doc).map_err(|e| failed(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("doc".into(), json.into_value());
    let compiled: PagedDocument = engine().compile_with_input(inputs).output.map_err(|e| failed(format!("{e:?}")))?;
    typst_pdf::pdf(&compiled, &typst_pdf::PdfOptions::default()).map_err(|e| failed(format!("{e:?}")))
}
