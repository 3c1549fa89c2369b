//! The web.config on disk: reading it (UTF-8 or UTF-16, size-limited), and updating it with a
//! timestamped backup first, an atomic replace, and no clobbering of a file that changed since
//! the diff was shown. Async (`tokio::fs`): never call from a UI thread.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::FileError;
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
/// or UTF-16 with a byte-order mark.
pub async fn read_file(path: &Path) -> Result<ConfigFile, FileError> {
    let metadata = tokio::fs::metadata(path)
        .await
        .map_err(|err| FileError::io("read", err, path.to_owned()))?;
    if metadata.is_dir() {
        let err = std::io::Error::other("it is a folder; give the web.config file inside it");
        return Err(FileError::io("read", err, path.to_owned()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
            path: path.to_owned(),
        });
    }
    let bytes = tokio::fs::read(path)
        .await
        .map_err(|err| FileError::io("read", err, path.to_owned()))?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
            path: path.to_owned(),
        });
    }
    let (text, encoding) = decode(&bytes).map_err(|detail| FileError::NotText {
        detail,
        path: path.to_owned(),
    })?;
    Ok(ConfigFile {
        path: path.to_owned(),
        text,
        encoding,
        bytes,
    })
}

fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), String> {
    let utf16 = |encoding: TextEncoding| {
        if !bytes.len().is_multiple_of(2) {
            return Err("UTF-16 with an odd number of bytes: the file is cut short".to_owned());
        }
        let units = bytes.chunks_exact(2).map(|pair| match encoding {
            TextEncoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
            _ => u16::from_le_bytes([pair[0], pair[1]]),
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(|text| (text, encoding))
            .map_err(|_| "broken UTF-16".to_owned())
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(TextEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => utf16(TextEncoding::Utf16Be),
        [0, b'<', ..] | [b'<', 0, ..] => Err("it looks like UTF-16 without a byte-order mark".to_owned()),
        _ => String::from_utf8(bytes.to_vec()).map(|text| (text, TextEncoding::Utf8)).map_err(|err| {
            let at = err.utf8_error().valid_up_to();
            let line = bytes[..at].split(|&b| b == b'\n').count();
            format!("line {line} has a character that is not UTF-8, probably an older Windows encoding")
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

    /// The unified diff (passwords hidden unless they were asked to be written).
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

    /// Writes the update: checks the file is still as it was read, writes a timestamped backup
    /// beside it (never over an existing one), then replaces the file atomically, in its
    /// original encoding and with its permissions. Writes nothing when nothing changes.
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
        let path = file.path.as_path();
        ensure_unchanged(&file).await?;
        let permissions = tokio::fs::metadata(path)
            .await
            .ok()
            .map(|m| m.permissions());
        let backup = write_backup(path, &file.bytes).await?;
        ensure_unchanged(&file).await?;
        crate::files::write_atomically(path, &file.encoding.encode(&updated.text))
            .await
            .map_err(|err| FileError::io("write", err, path.to_owned()))?;
        if let Some(permissions) = permissions {
            let _ = tokio::fs::set_permissions(path, permissions).await;
        }
        outcome.backup = Some(backup);
        Ok(outcome)
    }
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
    let updated = update(&file.text, settings, options).map_err(|source| FileError::Content {
        source,
        path: path.to_owned(),
    })?;
    let name = path
        .file_name()
        .map_or_else(|| "web.config".into(), |n| n.to_string_lossy());
    let diff = unified_diff(&file.text, &updated.text, &name, options.include_password);
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

async fn ensure_unchanged(file: &ConfigFile) -> Result<(), FileError> {
    let now = tokio::fs::read(&file.path)
        .await
        .map_err(|err| FileError::io("read", err, file.path.clone()))?;
    if now == file.bytes {
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

async fn write_backup(path: &Path, bytes: &[u8]) -> Result<PathBuf, FileError> {
    use tokio::io::AsyncWriteExt as _;
    let now = SystemTime::now();
    for attempt in 0..100 {
        let backup = backup_path(path, now, attempt);
        let mut file = match tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&backup)
            .await
        {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => {
                return Err(FileError::Backup {
                    source,
                    path: backup,
                });
            }
        };
        let written = async {
            file.write_all(bytes).await?;
            file.sync_all().await
        }
        .await;
        return match written {
            Ok(()) => Ok(backup),
            Err(source) => {
                drop(file);
                let _ = tokio::fs::remove_file(&backup).await;
                Err(FileError::Backup {
                    source,
                    path: backup,
                })
            }
        };
    }
    let source = std::io::Error::other("too many backups with the same time stamp");
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
