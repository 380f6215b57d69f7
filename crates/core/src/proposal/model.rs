//! What a proposal is, as stored and edited: its kind, sections and blocks, the template it starts
//! from and what it is about. Pure data with its JSON codec; no SQL, no rendering.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::Id;

/// What a document is for; each kind knows which workspace data it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum TemplateKind {
    /// Complete solution (S2/S7): problem, goal, options, resources, timeline, risks, effect.
    Solution,
    /// Evidence chain and impact/ROI of a problem.
    BusinessCase,
    /// Co-owner invitation (S1).
    Invitation,
    WeeklyReport,
    LaunchThanks,
    MeetingRecap,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 6] = [
        TemplateKind::Solution,
        TemplateKind::BusinessCase,
        TemplateKind::Invitation,
        TemplateKind::WeeklyReport,
        TemplateKind::LaunchThanks,
        TemplateKind::MeetingRecap,
    ];
}

/// One block of a section. In a template, text may hold `{{key}}` placeholders and `Data` names a
/// table or list computed from the workspace; in a filled document neither remains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    Paragraph { text: String },
    Bullets { items: Vec<String> },
    Table { columns: Vec<String>, rows: Vec<Vec<String>> },
    Data { source: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
    /// Holds private stakeholder notes: only filled when the document includes them.
    #[serde(default)]
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Document {
    pub title: String,
    pub subtitle: String,
    pub author: String,
    pub language: Lang,
    pub sections: Vec<Section>,
}

impl Document {
    /// Every piece of text a reader sees, for coverage checks and tests.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let head = [self.title.as_str(), self.subtitle.as_str(), self.author.as_str()];
        head.into_iter().chain(self.sections.iter().flat_map(|s| {
            std::iter::once(s.heading.as_str()).chain(s.blocks.iter().flat_map(Block::texts))
        }))
    }
}

impl Block {
    fn texts(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        match self {
            Block::Paragraph { text } => Box::new(std::iter::once(text.as_str())),
            Block::Bullets { items } => Box::new(items.iter().map(String::as_str)),
            Block::Table { columns, rows } => Box::new(columns.iter().chain(rows.iter().flatten()).map(String::as_str)),
            Block::Data { source } => Box::new(std::iter::once(source.as_str())),
        }
    }
}

/// A template as stored: built in (from `templates/*.json`) or saved by the director.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProposalTemplate {
    pub kind: TemplateKind,
    pub language: Lang,
    pub title: String,
    pub sections: Vec<Section>,
}

/// A document or template as stored in its table's `body` column.
pub fn to_json<T: Serialize>(value: &T) -> crate::error::Result<String> {
    serde_json::to_string(value).map_err(|e| crate::error::CoreError::new(crate::error::ErrorCode::TemplateInvalid).with("detail", e))
}

/// Reads a stored `body` back; a damaged one is reported, not guessed at. Public for the fuzz
/// targets (`fuzz/`), which read hostile templates through this same codec.
pub fn from_json<T: serde::de::DeserializeOwned>(body: &str) -> crate::error::Result<T> {
    serde_json::from_str(body).map_err(|e| crate::error::CoreError::new(crate::error::ErrorCode::TemplateInvalid).with("detail", e))
}

/// What a document is about; each part is optional and its placeholders stay marked when absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Subject {
    pub problem_id: Option<Id>,
    pub project_id: Option<Id>,
    /// ISO week of the weekly report; the newest when absent.
    pub week: Option<String>,
}
