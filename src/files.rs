//! Writing the user's files safely: a temporary file beside the target, then a rename, so a
//! crash or a full disk never leaves a half-written file behind.

use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. The temporary file lives in the same folder (a rename
/// across file systems is not atomic) and is removed if anything fails.
pub async fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = temporary_path(path);
    let result = async {
        tokio::fs::write(&temporary, bytes).await?;
        tokio::fs::rename(&temporary, path).await
    }
    .await;
    if result.is_err() {
        let _ = tokio::fs::remove_file(&temporary).await;
    }
    result
}

/// The blocking form of [`write_atomically`], for code off the async runtime (profiles). It
/// also flushes the data to disk before the rename, so a crash leaves the old file or the new
/// one, never an empty one.
pub fn write_atomically_blocking(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn writes_and_replaces_without_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("transcript.txt");
        write_atomically(&target, b"first").await.unwrap();
        write_atomically(&target, b"second").await.unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[tokio::test]
    async fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing").join("file.txt");
        assert!(write_atomically(&target, b"x").await.is_err());
    }
}
