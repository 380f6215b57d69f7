//! Liaison core: domain types, workspace storage (SQLite through sqlx) and the services the shell
//! calls. Nothing here knows about Tauri, so it builds and tests headless.

pub mod cadence;
pub mod demo;
pub mod dispatch;
pub mod error;
pub mod evidence;
pub mod export;
pub mod ids;
pub mod import;
pub mod lang;
pub mod metrics;
pub mod money;
pub mod proposal;
pub mod repo;
pub mod service;
pub mod text;
pub mod time;
pub mod workspace;

pub use error::{CoreError, ErrorCode, Result};
pub use ids::Id;
pub use lang::Lang;
pub use money::Money;
pub use workspace::Workspace;
