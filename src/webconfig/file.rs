//! The web.config on disk: reading it (UTF-8 or UTF-16, size-limited, regular files only), and
//! updating it with a timestamped backup first (with the file's permissions), an atomic replace
//! that keeps the file's owner, group and mode (see [`crate::files`]), and no clobbering of a
//! file that changed since the diff was shown. Async: the file work runs on tokio's blocking
//! threads; never call from a UI thread.

mod checks;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use self::checks::{blocking, check_writable, read_checked};
use super::error::{FileAction, FileError};
use super::{AttributeChange, UpdateOptions, Updated, unified_diff, update};
use crate::settings::Settings;

/// The largest file read (real web.configs are a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// How the file's text is stored; kept so that an update writes it back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark (the mark stays in the text as U+FEFF).
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
}

impl TextEncoding {
    /// `text` as bytes in this encoding.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Self::Utf8 => text.as_bytes().to_vec(),
            Self::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Self::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        }
    }
}

/// A web.config read from disk.
#[derive(Clone)]
pub struct ConfigFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its text (a byte-order mark is kept as a leading U+FEFF).
    pub text: String,
    /// How it was stored.
    pub encoding: TextEncoding,
    bytes: Vec<u8>,
    /// The file written on update: `path`, or the file it links to.
    target: PathBuf,
}

impl std::fmt::Debug for ConfigFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfigFile")
            .field("path", &self.path)
            .field("text", &format_args!("<{} bytes>", self.text.len()))
            .field("encoding", &self.encoding)
            .finish_non_exhaustive()
    }
}

/// Reads a web.config: at most [`MAX_FILE_BYTES`], UTF-8 (with or without a byte-order mark)
/// or UTF-16 with a byte-order mark. A symlink is followed. A folder, a named pipe, a device
/// or an oversized file is refused before anything is read.
pub async fn read_file(path: &Path) -> Result<ConfigFile, FileError> {
    let shown = path.to_owned();
    let (bytes, target) = blocking(path, move || {
        let target = crate::files::resolve_symlink(&shown)
            .map_err(|err| FileError::io(FileAction::Read, err, shown.clone()))?;
        read_checked(&target, &shown).map(|bytes| (bytes, target))
    })
    .await?;
    let (text, encoding) = decode(&bytes).map_err(|detail| FileError::NotText {
        detail,
        path: path.to_owned(),
    })?;
    Ok(ConfigFile {
        path: path.to_owned(),
        text,
        encoding,
        bytes,
        target,
    })
}

pub(super) fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), String> {
    let utf16 = |encoding: TextEncoding| {
        if !bytes.len().is_multiple_of(2) {
            return Err(
                crate::en!("UTF-16 with an odd number of bytes: the file is cut short").to_owned(),
            );
        }
        let units = bytes.chunks_exact(2).map(|pair| match encoding {
            TextEncoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
            _ => u16::from_le_bytes([pair[0], pair[1]]),
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(|text| (text, encoding))
            .map_err(|_| crate::en!("broken UTF-16").to_owned())
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(TextEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => utf16(TextEncoding::Utf16Be),
        [0, b'<', ..] | [b'<', 0, ..] => {
            Err(crate::en!("it looks like UTF-16 without a byte-order mark").to_owned())
        }
        _ => String::from_utf8(bytes.to_vec()).map(|text| (text, TextEncoding::Utf8)).map_err(|err| {
            let at = err.utf8_error().valid_up_to();
            let line = bytes[..at].split(|&b| b == b'\n').count();
            crate::en!(
                "line {line} has a character that is not UTF-8, probably an older Windows encoding",
                line = line,
            )
        }),
    }
}

/// An update worked out and shown, not yet written. [`PreparedUpdate::apply`] writes it, unless
/// the file changed on disk since it was read.
pub struct PreparedUpdate {
    file: ConfigFile,
    updated: Updated,
    diff: String,
}

impl std::fmt::Debug for PreparedUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedUpdate")
            .field("file", &self.file)
            .field("updated", &self.updated)
            .finish_non_exhaustive()
    }
}

impl PreparedUpdate {
    /// The file to be changed.
    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// The unified diff. Passwords are never shown in it, also when one is written.
    pub fn diff(&self) -> &str {
        &self.diff
    }

    /// The attributes that change.
    pub fn changes(&self) -> &[AttributeChange] {
        &self.updated.changes
    }

    /// Notes for the user (port 465 replaced, no password written, ...).
    pub fn notes(&self) -> &[String] {
        &self.updated.notes
    }

    /// The new text (may hold the password when it was asked for: never log it).
    pub fn new_text(&self) -> &str {
        &self.updated.text
    }

    /// Whether the file already has these settings (nothing to write).
    pub fn is_unchanged(&self) -> bool {
        self.updated.text == self.file.text
    }

    /// Writes the update: checks the file is still as it was read and may be written, writes a
    /// timestamped backup beside it (never over an existing one, with the file's permissions),
    /// then replaces the file atomically, in its original encoding, keeping its owner, group and
    /// mode (a symlink's target is written; the link stays). Writes nothing when nothing
    /// changes. Once started, the write is finished even if Ctrl-C is pressed, so no temporary
    /// file is left behind (see [`crate::files::finish_despite_ctrl_c`]).
    pub async fn apply(self) -> Result<UpdateOutcome, FileError> {
        let Self {
            file,
            updated,
            diff,
        } = self;
        let mut outcome = UpdateOutcome {
            backup: None,
            diff,
            changes: updated.changes,
            notes: updated.notes,
        };
        if updated.text == file.text {
            return Ok(outcome);
        }
        let new_bytes = file.encoding.encode(&updated.text);
        let path = file.path.clone();
        let written = crate::files::finish_despite_ctrl_c(move || write_update(&file, &new_bytes))
            .await
            .map_err(|err| FileError::io(FileAction::Write, err, path))??;
        outcome.backup = Some(written);
        Ok(outcome)
    }
}

/// The blocking steps of [`PreparedUpdate::apply`]; returns the backup's path.
fn write_update(file: &ConfigFile, new_bytes: &[u8]) -> Result<PathBuf, FileError> {
    let metadata = check_writable(&file.target, &file.path)?;
    ensure_unchanged(file)?;
    let backup = write_backup(&file.target, &file.bytes, &metadata)?;
    ensure_unchanged(file)?;
    crate::files::replace_blocking(&file.target, new_bytes, crate::files::Access::Kept).map_err(
        |source| {
            if crate::files::held_by_another_program(&source) {
                // Neither replaced nor opened for writing: the old content is untouched.
                FileError::HeldByAnotherProgram {
                    path: file.path.clone(),
                }
            } else {
                FileError::Write {
                    source,
                    backup: backup.clone(),
                    path: file.path.clone(),
                }
            }
        },
    )?;
    Ok(backup)
}

/// What [`PreparedUpdate::apply`] or [`update_file`] did.
#[derive(Debug, Clone)]
pub struct UpdateOutcome {
    /// The backup of the old file; `None` when nothing needed changing (nothing was written).
    pub backup: Option<PathBuf>,
    /// The diff that was applied.
    pub diff: String,
    /// The attributes that changed.
    pub changes: Vec<AttributeChange>,
    /// Notes for the user.
    pub notes: Vec<String>,
}

/// Reads `path` and works out the update, without writing anything.
pub async fn prepare_update(
    path: &Path,
    settings: &Settings,
    options: UpdateOptions,
) -> Result<PreparedUpdate, FileError> {
    let file = read_file(path).await?;
    let (target, shown) = (file.target.clone(), path.to_owned());
    blocking(path, move || check_writable(&target, &shown).map(|_| ())).await?;
    let updated = update(&file.text, settings, options).map_err(|source| FileError::Content {
        source,
        path: path.to_owned(),
    })?;
    let name = path
        .file_name()
        .map_or_else(|| "web.config".into(), |n| n.to_string_lossy());
    // The password is never shown, also when it is written (`include_password`).
    let diff = unified_diff(&file.text, &updated.text, &name, false);
    Ok(PreparedUpdate {
        file,
        updated,
        diff,
    })
}

/// [`prepare_update`] then [`PreparedUpdate::apply`], for callers that need no confirmation.
pub async fn update_file(
    path: &Path,
    settings: &Settings,
    options: UpdateOptions,
) -> Result<UpdateOutcome, FileError> {
    prepare_update(path, settings, options).await?.apply().await
}

fn ensure_unchanged(file: &ConfigFile) -> Result<(), FileError> {
    if read_checked(&file.target, &file.path)? == file.bytes {
        Ok(())
    } else {
        Err(FileError::ChangedOnDisk {
            path: file.path.clone(),
        })
    }
}

/// `web.config.2026-11-29T063000Z.bak` beside `path`; `attempt` > 0 adds `-2`, `-3`, ...
pub fn backup_path(path: &Path, time: SystemTime, attempt: u32) -> PathBuf {
    let stamp = humantime::format_rfc3339_seconds(time)
        .to_string()
        .replace(':', "");
    let name = path
        .file_name()
        .map_or_else(|| "web.config".into(), |n| n.to_string_lossy());
    let suffix = if attempt == 0 {
        String::new()
    } else {
        format!("-{}", attempt + 1)
    };
    path.with_file_name(format!("{name}.{stamp}{suffix}.bak"))
}

/// Writes `bytes` to a new backup beside `path` with the permissions of the original
/// (`metadata`), never over an existing file; returns its path.
fn write_backup(
    path: &Path,
    bytes: &[u8],
    metadata: &std::fs::Metadata,
) -> Result<PathBuf, FileError> {
    let now = SystemTime::now();
    for attempt in 0..100 {
        let backup = backup_path(path, now, attempt);
        match crate::files::create_copy_blocking(&backup, bytes, path, metadata) {
            Ok(()) => return Ok(backup),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(source) => {
                return Err(FileError::Backup {
                    source,
                    path: backup,
                });
            }
        }
    }
    let source = std::io::Error::other(crate::en!("too many backups with the same time stamp"));
    Err(FileError::Backup {
        source,
        path: backup_path(path, now, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_are_timestamped_and_numbered() {
        let time = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_795_933_800);
        let path = Path::new("/site/web.config");
        assert_eq!(
            backup_path(path, time, 0),
            Path::new("/site/web.config.2026-11-29T063000Z.bak")
        );
        assert_eq!(
            backup_path(path, time, 1),
            Path::new("/site/web.config.2026-11-29T063000Z-2.bak")
        );
    }

    #[test]
    fn utf16_round_trips_and_bad_bytes_are_explained() {
        let text = "\u{feff}<configuration />\r\n";
        for encoding in [
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
            TextEncoding::Utf8,
        ] {
            let bytes = encoding.encode(text);
            assert_eq!(decode(&bytes).unwrap(), (text.to_owned(), encoding));
        }
        assert!(decode(b"<a>\n\xe9</a>").unwrap_err().contains("line 2"));
        assert!(decode(b"<\0a\0").unwrap_err().contains("UTF-16"));
    }
}
