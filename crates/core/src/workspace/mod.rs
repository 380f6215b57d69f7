//! The workspace file and everything done to it as a file: opening it (identity and version
//! checks, a backup before any migration, the connection pool), encryption with a passphrase,
//! backups and restores, and the synced-folder warning. Files depend on each other downwards only:
//! passphrase → files → encryption → backup → handle → rekey, restore.

pub(crate) mod backup;
mod encryption;
mod files;
mod handle;
mod passphrase;
mod rekey;
mod restore;
pub mod synced_folder;

pub use backup::BackupFile;
pub use files::APPLICATION_ID;
pub use handle::{Workspace, MIGRATOR};
