//! The one way an export reaches the disk: into a temporary file beside the target, synced, then
//! renamed over it, so a reader never sees half a document and a failure (or a killed process)
//! leaves the old file as it was.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, ErrorCode, Result};

/// A file being written in place of `target`.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Staged {
    /// Starts the file in `target`'s folder, where the rename cannot cross file systems.
    pub fn beside(target: &Path) -> Result<Staged> {
        let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = tempfile::Builder::new().prefix(".liaison-export-").tempfile_in(dir).map_err(|e| failed(target, e))?;
        Ok(Staged { tmp, target: target.to_owned() })
    }

    pub fn file(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// Syncs the bytes and puts them in place of the target.
    pub fn commit(self) -> Result<()> {
        let target = self.target;
        self.tmp.as_file().sync_all().map_err(|e| failed(&target, e))?;
        self.tmp.persist(&target).map_err(|e| failed(&target, e.error))?;
        Ok(())
    }
}

pub fn failed(path: &Path, detail: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::ExportFailed).with("path", path.display()).with("detail", detail)
}

pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut staged = Staged::beside(path)?;
    staged.file().write_all(bytes).map_err(|e| failed(path, e))?;
    staged.commit()
}
