//! Files the director takes out of the app.

pub mod files;
pub mod incidents;
