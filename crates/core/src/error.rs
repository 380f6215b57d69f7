//! Errors leave the core as a stable code plus named parameters; the UI owns the wording in each
//! language. `ErrorCode::ALL` lets a test check that every code has zh-CN and English text.

use std::collections::BTreeMap;

use serde::Serialize;

macro_rules! error_codes {
    ($($variant:ident => $code:literal),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum ErrorCode {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)+
                }
            }
        }
    };
}

error_codes! {
    Required => "required",
    TooLong => "too_long",
    DepartmentNameTaken => "department.name_taken",
    StoreNameTaken => "store.name_taken",
    NotFound => "not_found",
    InvalidMoney => "money.invalid",
    MoneyOutOfRange => "money.out_of_range",
    InvalidDate => "date.invalid",
    WorkspaceNotOpen => "workspace.not_open",
    WorkspaceOpenFailed => "workspace.open_failed",
    WorkspaceNotLiaison => "workspace.not_liaison",
    WorkspaceNewerVersion => "workspace.newer_version",
    MigrationFailed => "workspace.migration_failed",
    BackupFailed => "workspace.backup_failed",
    WorkspacePassphraseRequired => "workspace.passphrase_required",
    WorkspacePassphraseWrong => "workspace.passphrase_wrong",
    WorkspaceAlreadyEncrypted => "workspace.already_encrypted",
    WorkspaceNotEncrypted => "workspace.not_encrypted",
    WorkspaceEncryptionFailed => "workspace.encryption_failed",
    Storage => "storage",
    Cancelled => "cancelled",
    InvalidNumber => "number.invalid",
    InvalidBoolean => "boolean.invalid",
    ImportUnreadable => "import.unreadable",
    ImportEmptyFile => "import.empty_file",
    ImportUnsupportedFile => "import.unsupported_file",
    ImportDamagedFile => "import.damaged_file",
    ImportNoMappableColumns => "import.no_mappable_columns",
    ImportTooManyColumns => "import.too_many_columns",
    ImportUnknownEncoding => "import.unknown_encoding",
    ImportBadEncoding => "import.bad_encoding",
    ImportMalformedRow => "import.malformed_row",
    ImportXlsxTooLarge => "import.xlsx_too_large",
    ImportSheetNotFound => "import.sheet_not_found",
    ImportFieldNotMapped => "import.field_not_mapped",
    UnknownSeverityClass => "import.unknown_severity_class",
    ImportInTrash => "import.in_trash",
    ImportNoFile => "import.no_file",
    HistoryUnknownIncident => "history.unknown_incident",
    HistoryUnknownDepartment => "history.unknown_department",
    HistoryUnknownEvent => "history.unknown_event",
    IncidentUnassigned => "incident.unassigned",
    TransferToSameDepartment => "incident.transfer_same_department",
    OutOfRange => "number.out_of_range",
    InvalidChoice => "choice.invalid",
    ClosedBeforeOpened => "incident.closed_before_opened",
    ExternalIdTaken => "incident.external_id_taken",
    IncidentResolved => "incident.resolved",
    IncidentAlreadyPending => "incident.already_pending",
    IncidentNotPending => "incident.not_pending",
    InvalidWorkHours => "sla.invalid_work_hours",
    ExportFailed => "export.failed",
    ExportTooManyRows => "export.too_many_rows",
    PersonInProjects => "person.in_projects",
    ReportsToCycle => "person.reports_to_cycle",
    SamePerson => "person.same_person",
    RelationshipExists => "person.relationship_exists",
    PeriodEndsBeforeStart => "period.ends_before_start",
    NegativeOffset => "cadence.negative_offset",
    MilestoneEndsBeforeStart => "milestone.ends_before_start",
    DependencyCycle => "milestone.dependency_cycle",
    CoOwnersSameDepartment => "project.co_owners_same_department",
    NoCounterpart => "cadence.no_counterpart",
    ProposalRenderFailed => "proposal.render_failed",
    ProblemNotValidated => "problem.not_validated",
    NoRecommendedOption => "proposal.no_recommended_option",
    ProposalNotApproved => "proposal.not_approved",
    LaunchBeforeProposal => "proposal.launch_before_approval",
    TemplateInvalid => "proposal.template_invalid",
    ProposalOptionSuggested => "proposal.option_suggested",
    TrashRestoreConflict => "trash.restore_conflict",
    NameTaken => "reference.name_taken",
    MergeIntoItself => "reference.merge_into_itself",
    StoreCodeTaken => "store.code_taken",
    ImportDuplicateKey => "import.duplicate_key",
    UnitMismatch => "effect.unit_mismatch",
}

/// An error a director can be shown: `code` picks the sentence, `params` fill it, `field` says
/// which form field it belongs next to.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[error("{code:?} {params:?}")]
pub struct CoreError {
    pub code: ErrorCode,
    pub params: BTreeMap<String, String>,
    pub field: Option<String>,
}

pub type Result<T> = std::result::Result<T, CoreError>;

impl CoreError {
    pub fn new(code: ErrorCode) -> Self {
        CoreError { code, params: BTreeMap::new(), field: None }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    pub fn on_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    pub fn required(field: &str) -> Self {
        CoreError::new(ErrorCode::Required).on_field(field)
    }

    pub fn not_found(entity: &str, id: crate::Id) -> Self {
        CoreError::new(ErrorCode::NotFound).with("entity", entity).with("id", id)
    }
}

impl From<sqlx::Error> for CoreError {
    fn from(e: sqlx::Error) -> Self {
        CoreError::new(ErrorCode::Storage).with("detail", e)
    }
}

impl From<sqlx::migrate::MigrateError> for CoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        CoreError::new(ErrorCode::MigrationFailed).with("detail", e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_stable_strings() {
        let err = CoreError::new(ErrorCode::DepartmentNameTaken).with("name", "产品部").on_field("name");
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "department.name_taken");
        assert_eq!(json["params"]["name"], "产品部");
        assert_eq!(json["field"], "name");
    }

    #[test]
    fn every_code_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {}", code.as_str());
        }
        assert!(seen.contains("storage"));
    }
}
