//! Paths as the user gives them: typed or pasted text, and symlinks to follow.

use std::io;
use std::path::{Path, PathBuf};

/// A path as a user typed or pasted it: spaces around it dropped, and the double quotes that
/// Explorer's "Copy as path" puts around it (or single quotes a Linux file manager adds)
/// removed, once.
pub fn path_from_user(text: &str) -> PathBuf {
    let text = text.trim();
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|&quote| {
            text.strip_prefix(quote)
                .and_then(|inner| inner.strip_suffix(quote))
        })
        .unwrap_or(text);
    PathBuf::from(unquoted.trim())
}

/// `path`, or the file it links to when it is a symlink (a dangling link is returned as is).
pub fn resolve_symlink(path: &Path) -> io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => match std::fs::canonicalize(path) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(path.to_owned()),
            resolved => resolved,
        },
        _ => Ok(path.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explorers_copy_as_path_quotes_are_dropped() {
        assert_eq!(
            path_from_user("  \"C:\\inetpub\\wwwroot\\web.config\"  "),
            PathBuf::from("C:\\inetpub\\wwwroot\\web.config")
        );
        assert_eq!(
            path_from_user("'/var/www/site/web.config'"),
            PathBuf::from("/var/www/site/web.config")
        );
        assert_eq!(path_from_user("web.config"), PathBuf::from("web.config"));
        // A quote that is part of the name stays.
        assert_eq!(path_from_user("\"odd"), PathBuf::from("\"odd"));
    }
}
