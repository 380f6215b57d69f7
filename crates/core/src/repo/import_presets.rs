//! Named column mappings, kept in the workspace so the file carries them to another laptop.

use serde::{Deserialize, Serialize};
use sqlx::SqliteExecutor;

use crate::error::{CoreError, Result};
use crate::import::fields::ValueMapping;
use crate::import::Field;
use crate::text::clean;
use crate::Id;

/// Which field each header of a file fills, keyed by the header's text, and which of the file's
/// values stand for existing entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportPreset {
    pub id: Id,
    pub name: String,
    pub columns: Vec<PresetColumn>,
    pub values: Vec<ValueMapping>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PresetColumn {
    pub header: String,
    pub field: Field,
}

/// The `mapping` column's JSON. Presets saved before value mappings hold the bare column list.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Stored {
    Full { columns: Vec<PresetColumn>, #[serde(default)] values: Vec<ValueMapping> },
    Columns(Vec<PresetColumn>),
}

pub async fn list<'e>(db: impl SqliteExecutor<'e>) -> Result<Vec<ImportPreset>> {
    let rows: Vec<(Id, String, String)> = sqlx::query_as("SELECT id, name, mapping FROM import_presets ORDER BY name")
        .fetch_all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, mapping)| {
            let (columns, values) = match serde_json::from_str(&mapping) {
                Ok(Stored::Full { columns, values }) => (columns, values),
                Ok(Stored::Columns(columns)) => (columns, Vec::new()),
                Err(_) => Default::default(),
            };
            ImportPreset { id, name, columns, values }
        })
        .collect())
}

/// Saves under `name`, replacing a preset of the same name.
pub async fn save<'e>(db: impl SqliteExecutor<'e>, name: &str, columns: &[PresetColumn], values: &[ValueMapping]) -> Result<()> {
    let name = clean(name, "name", 60)?;
    let stored = Stored::Full { columns: columns.to_vec(), values: values.to_vec() };
    let mapping = serde_json::to_string(&stored).map_err(|e| CoreError::new(crate::ErrorCode::Storage).with("detail", e))?;
    let now = crate::time::now_ms();
    sqlx::query(
        "INSERT INTO import_presets (name, mapping, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (lower(trim(name))) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
    )
    .bind(&name)
    .bind(mapping)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
