//! Files the director takes out of the app.

pub mod calendar;
pub mod files;
pub mod image;
pub mod incidents;
