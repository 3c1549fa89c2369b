//! The profiles file on disk: parse, move a corrupt file aside, write atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FileAction, ProfileError};
use crate::settings::Settings;

/// The format version this code writes.
pub const VERSION: u32 = 1;

const HEADER: &str = "# Mail Settings Tester profiles: settings only, never a password (passwords are kept in\n\
# the system keyring). The tester rewrites this file; comments are not kept.\n\n";

/// The whole file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    /// Format version.
    #[serde(default = "current_version")]
    pub version: u32,
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Settings>,
}

fn current_version() -> u32 {
    VERSION
}

impl Default for Document {
    fn default() -> Self {
        Self {
            version: VERSION,
            profiles: BTreeMap::new(),
        }
    }
}

/// What loading found.
#[derive(Debug)]
pub struct Loaded {
    /// The profiles (empty when there was no file or it was corrupt).
    pub document: Document,
    /// Where a corrupt file was moved.
    pub moved_aside: Option<PathBuf>,
    /// Why it was corrupt.
    pub corrupt_reason: Option<String>,
}

/// Reads the file. A missing file is an empty document; a file that cannot be parsed is moved
/// aside (never deleted); a file that cannot be read (permissions, ...) is an error and is left
/// alone; a file from a newer version is an error and is left alone.
pub fn load(path: &Path) -> Result<Loaded, ProfileError> {
    let text = match read_regular(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                document: Document::default(),
                moved_aside: None,
                corrupt_reason: None,
            });
        }
        Err(source) => {
            return Err(ProfileError::Io {
                action: FileAction::Read,
                path: path.to_owned(),
                source,
            });
        }
    };
    let parsed = String::from_utf8(text)
        .map_err(|_| crate::en!("it is not UTF-8 text").to_owned())
        .and_then(|text| toml::from_str::<Document>(&text).map_err(|err| reason(&text, &err)));
    match parsed {
        Ok(document) if document.version > VERSION => Err(ProfileError::TooNew {
            path: path.to_owned(),
            version: document.version,
        }),
        Ok(document) => Ok(Loaded {
            document,
            moved_aside: None,
            corrupt_reason: None,
        }),
        Err(reason) => {
            let moved_to = move_aside(path)?;
            Ok(Loaded {
                document: Document::default(),
                moved_aside: Some(moved_to),
                corrupt_reason: Some(reason),
            })
        }
    }
}

/// The largest profiles file read (a few hundred profiles take a few hundred kilobytes).
const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The file's bytes, refusing before reading anything that is not a regular file (a named
/// pipe would block) or is larger than [`MAX_FILE_BYTES`].
fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(std::io::Error::other(crate::en!(
            "it is not a regular file (a folder, a named pipe or a device); remove it or set \
             MAILTESTER_CONFIG_DIR to another folder"
        )));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::other(crate::en!(
            "it is {size} bytes, more than the {limit} a profiles file can be; move it away",
            size = metadata.len(),
            limit = MAX_FILE_BYTES,
        )));
    }
    std::fs::read(path)
}

/// Writes the document atomically, private to its owner (0600 on Unix; a symlink's target is
/// written), creating the folder (0700 on Unix) if needed.
pub fn store(path: &Path, document: &Document) -> Result<(), ProfileError> {
    let body = toml::to_string(document).map_err(|err| ProfileError::Encode(err.to_string()))?;
    let io_error = |action, source| ProfileError::Io {
        action,
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        create_private_dir(dir).map_err(|err| io_error(FileAction::CreateFolder, err))?;
    }
    let text = format!("{HEADER}{body}");
    crate::files::replace_blocking(path, text.as_bytes(), crate::files::Access::Private)
        .map(|_| ())
        .map_err(|err| io_error(FileAction::Write, err))
}

/// Creates `dir` and any missing parents, 0700 on Unix; an existing folder is left as it is.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Renames a corrupt file to `<name>.corrupt-<UTC timestamp>` (with `-2`, `-3`, ... if taken).
fn move_aside(path: &Path) -> Result<PathBuf, ProfileError> {
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
        .to_string()
        .replace(['-', ':'], "");
    let name = path.file_name().map_or_else(
        || "profiles.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut target = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 2;
    while target.exists() {
        target = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(|source| ProfileError::Io {
        action: FileAction::MoveAside,
        path: path.to_owned(),
        source,
    })?;
    Ok(target)
}

/// The parser's message with the line it points at.
fn reason(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim();
    match err.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(1, |before| before.matches('\n').count() + 1);
            crate::en!("{message}, on line {line}", message = message, line = line)
        }
        None => message.to_owned(),
    }
}
