/// Row ids are SQLite rowids. They cross the bindings as JS numbers: exact up to 2^53, far beyond
/// any workspace.
pub type Id = i64;
