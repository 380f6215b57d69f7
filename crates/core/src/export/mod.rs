//! Files the director takes out of the app.

pub mod incidents;
