//! Commands of the workspace settings: the reference lists (departments, stores, product
//! categories and products, suppliers, problem types, severity classes), each searched by name
//! or pinyin, created, edited, archived, merged and imported from a file.

use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use liaison_core::service::catalog::{self, Product, ProductInput};
use liaison_core::service::departments::{self, Department};
use liaison_core::service::problem_types::{self, ProblemType, ProblemTypeInput};
use liaison_core::service::reference::{self, MergeCounts, NameOnlyList, NamedEntry, ReferenceList};
use liaison_core::service::reference_import::{self, ReferenceImportReport};
use liaison_core::service::severity_classes::{self, SeverityClassEntry, SeverityClassForm};
use liaison_core::service::stores::{self, Store, StoreInput};
use liaison_core::{CoreError, ErrorCode, Id};

use crate::commands::incident_import::pick_file;
use crate::state::AppState;

type Res<T> = Result<T, CoreError>;

#[tauri::command]
#[specta::specta]
pub async fn settings_departments(state: State<'_, AppState>, search: String) -> Res<Vec<Department>> {
    departments::search(&state.workspace().await?, &search).await
}

#[tauri::command]
#[specta::specta]
pub async fn settings_stores(state: State<'_, AppState>, search: String) -> Res<Vec<Store>> {
    stores::search(&state.workspace().await?, &search).await
}

#[tauri::command]
#[specta::specta]
pub async fn store_create(state: State<'_, AppState>, input: StoreInput) -> Res<Store> {
    stores::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn store_update(state: State<'_, AppState>, id: Id, input: StoreInput) -> Res<Store> {
    stores::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn settings_named(state: State<'_, AppState>, list: NameOnlyList, search: String) -> Res<Vec<NamedEntry>> {
    reference::named(&state.workspace().await?, list, &search).await
}

#[tauri::command]
#[specta::specta]
pub async fn named_create(state: State<'_, AppState>, list: NameOnlyList, name: String) -> Res<NamedEntry> {
    reference::create_named(&state.workspace().await?, list, &name).await
}

#[tauri::command]
#[specta::specta]
pub async fn named_rename(state: State<'_, AppState>, list: NameOnlyList, id: Id, name: String) -> Res<()> {
    reference::rename_named(&state.workspace().await?, list, id, &name).await
}

#[tauri::command]
#[specta::specta]
pub async fn settings_products(state: State<'_, AppState>, search: String) -> Res<Vec<Product>> {
    catalog::products(&state.workspace().await?, &search).await
}

#[tauri::command]
#[specta::specta]
pub async fn product_create(state: State<'_, AppState>, input: ProductInput) -> Res<Id> {
    catalog::create_product(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn product_update(state: State<'_, AppState>, id: Id, input: ProductInput) -> Res<()> {
    catalog::update_product(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn settings_problem_types(state: State<'_, AppState>, search: String) -> Res<Vec<ProblemType>> {
    problem_types::search(&state.workspace().await?, &search).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_type_create(state: State<'_, AppState>, input: ProblemTypeInput) -> Res<Id> {
    problem_types::create(&state.workspace().await?, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn problem_type_update(state: State<'_, AppState>, id: Id, input: ProblemTypeInput) -> Res<()> {
    problem_types::update(&state.workspace().await?, id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn settings_severity_classes(state: State<'_, AppState>, search: String) -> Res<Vec<SeverityClassEntry>> {
    severity_classes::search(&state.workspace().await?, &search).await
}

#[tauri::command]
#[specta::specta]
pub async fn severity_class_create(state: State<'_, AppState>, form: SeverityClassForm) -> Res<Id> {
    severity_classes::create(&state.workspace().await?, form).await
}

#[tauri::command]
#[specta::specta]
pub async fn severity_class_save(state: State<'_, AppState>, id: Id, form: SeverityClassForm) -> Res<()> {
    severity_classes::update(&state.workspace().await?, id, form).await
}

#[tauri::command]
#[specta::specta]
pub async fn reference_archive(state: State<'_, AppState>, list: ReferenceList, id: Id, archived: bool) -> Res<()> {
    reference::archive(&state.workspace().await?, list, id, archived).await
}

/// What a merge would move, for the user to confirm.
#[tauri::command]
#[specta::specta]
pub async fn reference_merge_preview(state: State<'_, AppState>, list: ReferenceList, from: Id, into: Id) -> Res<MergeCounts> {
    reference::merge_preview(&state.workspace().await?, list, from, into).await
}

#[tauri::command]
#[specta::specta]
pub async fn reference_merge(state: State<'_, AppState>, list: ReferenceList, from: Id, into: Id) -> Res<MergeCounts> {
    reference::merge(&state.workspace().await?, list, from, into).await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PickedReferenceFile {
    pub file_name: String,
    pub preview: ReferenceImportReport,
}

/// Asks for a CSV or XLSX file and checks every row of it, writing nothing; None when the user
/// cancels.
#[tauri::command]
#[specta::specta]
pub async fn reference_import_pick<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, list: ReferenceList) -> Res<Option<PickedReferenceFile>> {
    let ws = state.workspace().await?;
    let Some(path) = pick_file(&app) else { return Ok(None) };
    state.set_import_file(path.clone());
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some(PickedReferenceFile { file_name, preview: reference_import::preview(&ws, list, &path).await? }))
}

/// Imports the picked file: all rows in one transaction, or nothing if any row is bad.
#[tauri::command]
#[specta::specta]
pub async fn reference_import_run(state: State<'_, AppState>, list: ReferenceList) -> Res<ReferenceImportReport> {
    let path = state.import_file().ok_or_else(|| CoreError::new(ErrorCode::ImportNoFile))?;
    reference_import::run(&state.workspace().await?, list, &path).await
}
