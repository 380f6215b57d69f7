//! Proposal drafts: fill a template from the workspace, let the director edit it section by
//! section, render it, and write it whole or not at all.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::error::{CoreError, ErrorCode, Result};
use crate::proposal::context;
use crate::proposal::Subject;
use crate::proposal::{self, Block, TemplateKind};
use crate::repo::proposal_drafts::{self, NewDraft};

pub use crate::proposal::{Document, ProposalTemplate};
pub use crate::repo::proposal_drafts::Draft;
use crate::repo::proposal_templates;

pub use crate::repo::proposal_templates::SavedTemplate;
use crate::{Id, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ProposalFormat {
    Docx,
    Pdf,
    Markdown,
}

impl ProposalFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ProposalFormat::Docx => "docx",
            ProposalFormat::Pdf => "pdf",
            ProposalFormat::Markdown => "md",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DraftRequest {
    pub kind: TemplateKind,
    pub language: Lang,
    /// One of the director's saved templates; the built-in one of `kind` when absent.
    pub template_id: Option<Id>,
    pub subject: Subject,
    /// Stance, trust, pressures and favours go into this document only when true.
    pub include_private: bool,
    pub author: String,
}

/// `today` is the workspace-zone date the UI shows, YYYY-MM-DD.
pub async fn create(ws: &Workspace, r: DraftRequest, today: &str) -> Result<Draft> {
    let today = crate::service::projects::parse_day(today, "today")?;
    let template = match r.template_id {
        Some(id) => proposal_templates::get(ws.pool(), id).await?.template,
        None => proposal::builtin(r.kind, r.language),
    };
    let ctx = context::gather(ws, &r.subject, template.language, today, r.include_private).await?;
    let document = proposal::fill::fill(&template, &ctx, r.include_private, r.author.trim());
    let new = NewDraft {
        kind: template.kind,
        language: template.language,
        template_id: r.template_id,
        subject: &r.subject,
        include_private: r.include_private,
        document: &document,
    };
    let id = proposal_drafts::insert(ws.pool(), &new).await?;
    crate::service::proposal_options::suggest_do_nothing(ws, id).await?;
    proposal_drafts::get(ws.pool(), id).await
}

/// The document as it will read: `document` (the editor's, saved or not) with the draft's options
/// and risks expanded from what is stored now.
pub async fn preview(ws: &Workspace, id: Id, document: Document) -> Result<Document> {
    let draft = proposal_drafts::get(ws.pool(), id).await?;
    proposal::options::expand(ws, id, &draft.subject, draft.language, document).await
}

/// The stored draft rendered as exported, options expanded.
pub async fn render_draft(ws: &Workspace, id: Id, format: ProposalFormat) -> Result<Vec<u8>> {
    let draft = proposal_drafts::get(ws.pool(), id).await?;
    let document = proposal::options::expand(ws, id, &draft.subject, draft.language, draft.document).await?;
    render(&document, format, chrono::Utc::now())
}

/// Saves the director's edits; a section needs a heading, and text stays within bounds.
pub async fn save(ws: &Workspace, id: Id, document: Document) -> Result<Draft> {
    let document = checked(document)?;
    proposal_drafts::set_document(ws.pool(), id, &document).await?;
    proposal_drafts::get(ws.pool(), id).await
}

fn checked(mut d: Document) -> Result<Document> {
    d.title = crate::text::clean(&d.title, "title", 200)?;
    for (n, s) in d.sections.iter_mut().enumerate() {
        s.heading = crate::text::clean(&s.heading, &format!("sections.{n}.heading"), 200)?;
        for b in &mut s.blocks {
            if let Block::Table { columns, rows } = b {
                for r in rows.iter_mut() {
                    r.resize(columns.len(), String::new());
                }
            }
        }
    }
    let size: usize = d.texts().map(str::len).sum();
    if size > 2_000_000 {
        return Err(CoreError::new(ErrorCode::TooLong).on_field("document").with("max", 2_000_000));
    }
    Ok(d)
}

pub fn render(doc: &Document, format: ProposalFormat, now: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    match format {
        ProposalFormat::Markdown => Ok(proposal::markdown::render(doc).into_bytes()),
        ProposalFormat::Docx => proposal::docx::render(doc, now),
        ProposalFormat::Pdf => proposal::pdf::render(doc),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: String,
    pub bytes: u32,
    /// Characters the PDF font cannot draw; they come out blank.
    pub missing_glyphs: Vec<String>,
}

/// Renders first, then writes: a failed render or an unwritable path leaves no file behind.
pub async fn export(ws: &Workspace, id: Id, format: ProposalFormat, path: &Path) -> Result<Exported> {
    let draft = proposal_drafts::get(ws.pool(), id).await?;
    let document = proposal::options::expand(ws, id, &draft.subject, draft.language, draft.document).await?;
    let bytes = render(&document, format, chrono::Utc::now())?;
    crate::export::files::write_whole(path, &bytes)?;
    let missing = if format == ProposalFormat::Pdf { proposal::coverage::missing_glyphs(&document) } else { Vec::new() };
    Ok(Exported {
        path: path.display().to_string(),
        bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        missing_glyphs: missing.into_iter().map(String::from).collect(),
    })
}

/// A file name a director would give it: the title, without characters file systems refuse.
pub fn file_name(d: &Draft, format: ProposalFormat) -> String {
    let stem: String = d.document.title.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).take(80).collect();
    format!("{}.{}", stem.trim(), format.extension())
}

pub async fn delete(ws: &Workspace, id: Id) -> Result<()> {
    proposal_drafts::soft_delete(ws.pool(), id).await
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TemplateCatalogue {
    pub builtin: Vec<ProposalTemplate>,
    pub saved: Vec<SavedTemplate>,
    pub keys: Vec<String>,
    pub sources: Vec<String>,
}

pub async fn catalogue(ws: &Workspace) -> Result<TemplateCatalogue> {
    let builtin = TemplateKind::ALL.iter().flat_map(|k| [Lang::ZhCn, Lang::En].map(|l| proposal::builtin(*k, l))).collect();
    Ok(TemplateCatalogue {
        builtin,
        saved: proposal_templates::list(ws.pool()).await?,
        keys: context::KEYS.iter().map(|k| (*k).to_owned()).collect(),
        sources: context::SOURCES.iter().map(|k| (*k).to_owned()).collect(),
    })
}

/// Saves one of the director's own templates; a table or list it places must be one we fill.
pub async fn save_template(ws: &Workspace, name: &str, t: ProposalTemplate) -> Result<SavedTemplate> {
    let name = crate::text::clean(name, "name", 100)?;
    for s in &t.sections {
        for b in &s.blocks {
            if let Block::Data { source } = b {
                if !context::SOURCES.contains(&source.as_str()) {
                    return Err(CoreError::new(ErrorCode::TemplateInvalid).with("detail", source));
                }
            }
        }
    }
    let id = proposal_templates::insert(ws.pool(), &name, &t).await?;
    proposal_templates::get(ws.pool(), id).await
}

pub async fn delete_template(ws: &Workspace, id: Id) -> Result<()> {
    proposal_templates::delete(ws.pool(), id).await
}

pub async fn drafts(ws: &Workspace) -> Result<Vec<Draft>> {
    proposal_drafts::list(ws.pool()).await
}

/// The name the save dialog suggests for a draft in `format`.
pub async fn suggested_file_name(ws: &Workspace, id: Id, format: ProposalFormat) -> Result<String> {
    Ok(file_name(&proposal_drafts::get(ws.pool(), id).await?, format))
}
