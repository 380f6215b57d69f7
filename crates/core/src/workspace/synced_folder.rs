//! File-sync tools (OneDrive, iCloud, Dropbox, 坚果云, 百度网盘, WPS 云 and the like) copy a live
//! SQLite file and its `-wal` separately and corrupt it. This names the tool whose folder a path
//! sits in, so the app can warn before the workspace is kept there.

use std::path::Path;

/// Folder names (a prefix is enough: "OneDrive - 公司") and the tool they belong to.
const FOLDERS: &[(&str, &str)] = &[
    ("onedrive", "OneDrive"),
    ("icloud drive", "iCloud"),
    ("iclouddrive", "iCloud"),
    ("mobile documents", "iCloud"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("我的云端硬盘", "Google Drive"),
    ("坚果云", "坚果云"),
    ("nutstore", "坚果云"),
    ("百度网盘", "百度网盘"),
    ("baidunetdisk", "百度网盘"),
    ("baiduyunguanjia", "百度网盘"),
    ("wps云盘", "WPS 云"),
    ("wps cloud", "WPS 云"),
    ("wpsdrive", "WPS 云"),
    ("wps网盘", "WPS 云"),
    ("seafile", "Seafile"),
    ("pcloud", "pCloud"),
    ("box sync", "Box"),
    ("阿里云盘", "阿里云盘"),
    ("aliyundrive", "阿里云盘"),
    ("飞书云文档", "飞书"),
];

/// Marker files some tools leave at the top of a synced folder.
const MARKERS: &[(&str, &str)] = &[(".dropbox", "Dropbox"), (".stfolder", "Syncthing"), (".nutstore", "坚果云")];

pub fn synced_folder(path: &Path) -> Option<&'static str> {
    for dir in path.ancestors().skip(1) {
        if let Some(name) = dir.file_name().map(|n| n.to_string_lossy().to_lowercase()) {
            if let Some((_, tool)) = FOLDERS.iter().find(|(prefix, _)| name.starts_with(prefix)) {
                return Some(tool);
            }
        }
        if let Some((_, tool)) = MARKERS.iter().find(|(marker, _)| dir.join(marker).exists()) {
            return Some(tool);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_sync_folders_are_named() {
        assert_eq!(synced_folder(Path::new("/Users/lin/OneDrive - 蔚来/工作区/mine.liaison")), Some("OneDrive"));
        assert_eq!(synced_folder(Path::new("/Users/lin/Library/Mobile Documents/com~apple~CloudDocs/a.liaison")), Some("iCloud"));
        assert_eq!(synced_folder(Path::new("/mnt/d/坚果云/a.liaison")), Some("坚果云"));
        assert_eq!(synced_folder(Path::new("/home/lin/百度网盘/备份/a.liaison")), Some("百度网盘"));
        assert_eq!(synced_folder(Path::new("/home/lin/.local/share/app.liaison.desk/mine.liaison")), None);
    }

    #[test]
    fn a_marker_file_names_the_tool() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".stfolder"), "").unwrap();
        assert_eq!(synced_folder(&dir.path().join("sub").join("a.liaison")), Some("Syncthing"));
    }
}
