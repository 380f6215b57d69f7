//! Files the director takes out of the app.

pub mod calendar;
pub mod dispatch;
pub mod files;
pub mod image;
pub mod incidents;
