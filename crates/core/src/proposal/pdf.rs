//! PDF output through typst with Noto Sans SC shipped in the binary: no system fonts, no network,
//! correct Chinese line breaking. The engine is built once, so later renders are warm.

use super::Document;
use crate::error::{CoreError, ErrorCode, Result};

pub const REGULAR: &[u8] = include_bytes!("../../fonts/NotoSansSC-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../fonts/NotoSansSC-Bold.ttf");

#[cfg(feature = "pdf")]
fn engine() -> &'static typst_as_lib::TypstEngine<typst_as_lib::TypstTemplateMainFile> {
    use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
    static ENGINE: std::sync::OnceLock<TypstEngine<TypstTemplateMainFile>> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| TypstEngine::builder().main_file(include_str!("proposal.typ")).fonts([REGULAR, BOLD]).build())
}

fn failed(reason: String) -> CoreError {
    CoreError::new(ErrorCode::ProposalRenderFailed).with("detail", reason)
}

#[cfg(feature = "pdf")]
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    use typst::foundations::{Dict, IntoValue};
    let json = serde_json::to_string(doc).map_err(|e| failed(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert("doc".into(), json.into_value());
    let compiled: typst_layout::PagedDocument = engine().compile_with_input(inputs).output.map_err(|e| failed(format!("{e:?}")))?;
    typst_pdf::pdf(&compiled, &typst_pdf::PdfOptions::default()).map_err(|e| failed(format!("{e:?}")))
}

/// A core built without the `pdf` feature (the fuzz targets) renders no PDF.
#[cfg(not(feature = "pdf"))]
pub fn render(_doc: &Document) -> Result<Vec<u8>> {
    Err(failed("built without the pdf feature".into()))
}
