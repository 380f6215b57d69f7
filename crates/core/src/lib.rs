//! Liaison core: domain types, workspace storage (SQLite through sqlx) and the services the shell
//! calls. Nothing here knows about Tauri, so it builds and tests headless.

pub(crate) mod cadence;
pub mod demo;
pub(crate) mod dispatch;
pub mod error;
pub(crate) mod evidence;
pub(crate) mod export;
pub mod ids;
pub(crate) mod impact;
pub mod import;
pub mod lang;
pub(crate) mod metrics;
pub mod money;
pub mod proposal;
pub(crate) mod repo;
pub mod service;
pub(crate) mod sla;
pub mod text;
pub mod time;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod workspace;

pub use error::{CoreError, ErrorCode, Result};
pub use ids::Id;
pub use lang::Lang;
pub use money::Money;
pub use workspace::Workspace;
