//! What can go wrong with the profiles file, in plain words. Paths come last.

use std::path::PathBuf;

/// Why a profile operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The name cannot be used.
    #[error(
        "\"{name}\" cannot be a profile name: {reason}. Use 1 to 64 characters, without / or \\."
    )]
    InvalidName {
        /// The name given (cut to the length limit).
        name: String,
        /// Why not.
        reason: String,
    },
    /// No profile has this name.
    #[error("There is no profile named \"{name}\".")]
    NotFound {
        /// The name asked for.
        name: String,
    },
    /// A rename would overwrite another profile.
    #[error("A profile named \"{name}\" already exists; delete it first or choose another name.")]
    AlreadyExists {
        /// The name in the way.
        name: String,
    },
    /// The file could not be parsed; it was moved aside, not deleted.
    #[error(
        "The profiles file could not be read ({reason}). It was moved aside so nothing is lost, and the profiles start empty. To get them back, fix the moved file and rename it to {path}. Moved to: {moved_to}"
    )]
    Corrupt {
        /// Where the file was.
        path: PathBuf,
        /// Where it is now.
        moved_to: PathBuf,
        /// The parser's words.
        reason: String,
    },
    /// The file comes from a newer version of the tester; it is left as it is.
    #[error(
        "The profiles file was written by a newer version of Mail Settings Tester (format {version}), so it was left unchanged. Update the tester to use these profiles. File: {path}"
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its format version.
        version: u32,
    },
    /// No config folder could be found for this user.
    #[error(
        "Could not find a folder for settings on this computer. Set MAILTESTER_CONFIG_DIR to a folder to keep profiles there."
    )]
    NoConfigDir,
    /// Reading, writing or moving the file failed.
    #[error("{}", io_message(*.action, .source, .path))]
    Io {
        /// What we were doing.
        action: FileAction,
        /// The file.
        path: PathBuf,
        /// The system's words.
        source: std::io::Error,
    },
    /// The settings could not be written as TOML (for example a certificate path that is not
    /// valid text).
    #[error("Could not write these settings into the profiles file: {0}")]
    Encode(String),
}

/// What was being done to the profiles file when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Reading it.
    Read,
    /// Writing it.
    Write,
    /// Creating its folder.
    CreateFolder,
    /// Renaming a damaged file out of the way.
    MoveAside,
}

/// [`ProfileError::Io`]'s message: a whole sentence for each action, so that each language can
/// say it its own way.
fn io_message(action: FileAction, source: &std::io::Error, path: &std::path::Path) -> String {
    let path = path.display();
    match action {
        FileAction::Read => crate::en!(
            "Could not read the profiles file ({source}). File: {path}",
            source = source,
            path = path
        ),
        FileAction::Write => crate::en!(
            "Could not write the profiles file ({source}). File: {path}",
            source = source,
            path = path
        ),
        FileAction::CreateFolder => crate::en!(
            "Could not create the folder of the profiles file ({source}). File: {path}",
            source = source,
            path = path
        ),
        FileAction::MoveAside => crate::en!(
            "Could not move the damaged profiles file aside ({source}). File: {path}",
            source = source,
            path = path
        ),
    }
}
