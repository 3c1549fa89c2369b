//! The checks made before a web.config is read or written: a regular file (never a folder, a
//! named pipe or a device, which would block), within the size limit, and writable.

use std::path::Path;

use super::MAX_FILE_BYTES;
use crate::webconfig::error::{FileAction, FileError};

/// Runs blocking file work off the async runtime.
pub(super) async fn blocking<T: Send + 'static>(
    path: &Path,
    work: impl FnOnce() -> Result<T, FileError> + Send + 'static,
) -> Result<T, FileError> {
    tokio::task::spawn_blocking(work).await.map_err(|err| {
        FileError::io(
            FileAction::Read,
            std::io::Error::other(err),
            path.to_owned(),
        )
    })?
}

/// The bytes of `target` (errors name `shown`): checked to be a regular file within the size
/// limit before it is opened, and again on the open handle.
pub(super) fn read_checked(target: &Path, shown: &Path) -> Result<Vec<u8>, FileError> {
    use std::io::Read as _;
    let io = |err| FileError::io(FileAction::Read, err, shown.to_owned());
    check_regular(&std::fs::metadata(target).map_err(io)?, shown)?;
    let file = std::fs::File::open(target).map_err(io)?;
    check_regular(&file.metadata().map_err(io)?, shown)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    check_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX), shown)?;
    Ok(bytes)
}

/// A regular file within [`MAX_FILE_BYTES`], else the error saying what it is.
fn check_regular(metadata: &std::fs::Metadata, shown: &Path) -> Result<(), FileError> {
    if metadata.is_file() {
        return check_size(metadata.len(), shown);
    }
    Err(FileError::NotAFile {
        what: kind_of(metadata.file_type()),
        path: shown.to_owned(),
    })
}

fn check_size(size: u64, shown: &Path) -> Result<(), FileError> {
    if size > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
            path: shown.to_owned(),
        });
    }
    Ok(())
}

/// What a non-regular file is, in words.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return crate::en!("a named pipe (FIFO)");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return crate::en!("a device");
        }
        if file_type.is_socket() {
            return crate::en!("a socket");
        }
    }
    if file_type.is_dir() {
        crate::en!("a folder")
    } else {
        crate::en!("not a regular file")
    }
}

/// Refuses a file we may not write (read-only mark, or no write permission for this account),
/// before anything is written. Opening for writing changes nothing in the file.
pub(super) fn check_writable(target: &Path, shown: &Path) -> Result<std::fs::Metadata, FileError> {
    let metadata = std::fs::metadata(target)
        .map_err(|err| FileError::io(FileAction::Read, err, shown.to_owned()))?;
    check_regular(&metadata, shown)?;
    let read_only = || FileError::ReadOnly {
        path: shown.to_owned(),
    };
    if metadata.permissions().readonly() {
        return Err(read_only());
    }
    match std::fs::OpenOptions::new().write(true).open(target) {
        Ok(_) => Ok(metadata),
        Err(err) if err.kind() == std::io::ErrorKind::PermissionDenied => Err(read_only()),
        Err(err) => Err(FileError::io(FileAction::Write, err, shown.to_owned())),
    }
}
