//! Writing a finished file: into a temporary file beside the target, then renamed over it, so a
//! reader never sees half a document and a failure leaves the old file as it was.

use std::io::Write;
use std::path::Path;

use crate::error::{CoreError, ErrorCode, Result};

pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| CoreError::new(ErrorCode::ExportFailed).with("path", path.display()).with("detail", e);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
