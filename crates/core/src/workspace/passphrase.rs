//! The passphrase of an encrypted workspace, held in memory only while it is open, and how it goes
//! into SQL.

use std::fmt;
use std::sync::Arc;

use crate::error::{CoreError, ErrorCode, Result};

/// A passphrase, held while its workspace is open (new pool connections, backups and restores
/// need it). Never printed.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Passphrase(Arc<str>);

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    pub(crate) fn new(text: &str) -> Result<Passphrase> {
        if text.trim().is_empty() {
            return Err(CoreError::required("passphrase"));
        }
        if text.contains('\0') {
            return Err(CoreError::new(ErrorCode::InvalidChoice).on_field("passphrase"));
        }
        Ok(Passphrase(text.into()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// The passphrase as an SQL string literal, for `PRAGMA key` and `ATTACH … KEY`.
    pub(crate) fn pragma_value(&self) -> String {
        sql_literal(&self.0)
    }
}

pub(crate) fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}
