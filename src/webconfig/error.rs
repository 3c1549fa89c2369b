//! What can go wrong with a web.config, each message saying what happened and what to do.
//!
//! [`WebConfigError`] is about the text; [`FileError`] about the file on disk, with its path last
//! in every message.

use std::path::{Path, PathBuf};

/// A problem with the web.config text that stops import or update.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebConfigError {
    /// The text is not well-formed XML.
    #[error(
        "this web.config is not valid XML: {problem} (line {line}, column {column}). ASP.NET cannot read it either; fix it in a text editor or restore a backup, then try again"
    )]
    Xml {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// What is wrong, in a plain sentence.
        problem: String,
    },
    /// The first element is not `<configuration>` (nor a `configSource` file's `<smtp>`).
    #[error(
        "this file is not a web.config: its first element is <{root}>, not <configuration>. Open the site's web.config (it sits in the site's root folder)"
    )]
    NotConfiguration {
        /// The name of the element found.
        root: String,
    },
    /// There is no `<system.net><mailSettings><smtp>` in the file.
    #[error(
        "this web.config has no mail settings yet; test your settings and use Update to add them"
    )]
    NoMailSettings,
    /// A `configSource` attribute moves the section to another file.
    #[error(
        "the mail settings are not in this file: <{element} configSource=\"{file}\"> keeps them in {file}, beside this web.config. Open that file instead"
    )]
    ConfigSource {
        /// The element carrying `configSource`.
        element: String,
        /// The other file, as written in the attribute.
        file: String,
    },
    /// The section is encrypted with protected configuration.
    #[error(
        "the mail settings in this web.config are encrypted ({detail}), so they cannot be read or changed here. Decrypt them on the server with aspnet_regiis -pd \"system.net/mailSettings/smtp\" (and encrypt again afterwards with -pe), or type the settings by hand"
    )]
    Encrypted {
        /// How the encryption shows (the provider's name, or `<EncryptedData>`).
        detail: String,
    },
    /// An element on the way to the settings has the wrong letter case (e.g. `<mailsettings>`).
    #[error(
        "<{found}> on line {line} must be written <{expected}> (element names are case-sensitive and ASP.NET rejects the file as it is). Correct the name in a text editor, then try again"
    )]
    ElementCase {
        /// The name as written.
        found: String,
        /// The name ASP.NET expects.
        expected: String,
        /// 1-based line.
        line: usize,
    },
    /// The same section appears twice, so it is unclear which one to change.
    #[error(
        "<{element}> appears more than once (again on line {line}); ASP.NET rejects a section written twice. Remove the extra one in a text editor, then try again"
    )]
    Duplicate {
        /// The repeated element.
        element: String,
        /// 1-based line of the second one.
        line: usize,
    },
    /// A value to be written holds a character XML does not allow (a control character), which
    /// would make ASP.NET reject the whole file (IIS error 500.19). The value is not quoted: it
    /// may be the password.
    #[error(
        "the {attribute} value has a control character ({character}) that a web.config cannot hold: ASP.NET would reject the whole file and the site would stop with error 500.19. Nothing was changed; retype the {attribute} without it (it often comes from copying and pasting), then try again"
    )]
    InvalidCharacter {
        /// The attribute (`host`, `password`, ...).
        attribute: String,
        /// The character, as `U+0001`.
        character: String,
    },
    /// A bug: the updated text did not read back as intended. Nothing is written.
    #[error(
        "the tester could not update this web.config safely ({0}); nothing was changed. Please report this, and change the file by hand for now"
    )]
    Internal(String),
}

impl WebConfigError {
    /// `Err(InvalidCharacter)` when `value` holds a character XML 1.0 does not allow in a
    /// document even as a character reference: a C0 control other than tab, line feed and
    /// carriage return, or U+FFFE / U+FFFF.
    pub(crate) fn check_characters(attribute: &str, value: &str) -> Result<(), Self> {
        let invalid = |c: char| {
            (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
        };
        match value.chars().find(|&c| invalid(c)) {
            Some(c) => Err(Self::InvalidCharacter {
                attribute: attribute.to_owned(),
                character: format!("U+{:04X}", u32::from(c)),
            }),
            None => Ok(()),
        }
    }
}

/// A problem reading, backing up or writing the web.config file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file does not exist.
    #[error(
        "there is no file here; check the path (the web.config sits in the site's root folder): {path}"
    )]
    NotFound {
        /// The path given.
        path: PathBuf,
    },
    /// The operating system refused access.
    #[error("{}", denied_message(*.action, .path))]
    PermissionDenied {
        /// Reading or writing.
        action: FileAction,
        /// The file.
        path: PathBuf,
    },
    /// Another program has the file open and does not let it be changed (Windows).
    #[error(
        "another program has the file open and does not let it be changed, so nothing was changed; close the program that has it open (an editor, IIS Manager, a backup or sync tool), then try again: {path}"
    )]
    HeldByAnotherProgram {
        /// The file.
        path: PathBuf,
    },
    /// A folder, a named pipe (FIFO), a device or a socket: not read, not written.
    #[error(
        "this is {what}, not a file, so it was left alone; give the path of the web.config file itself (it sits in the site's root folder): {path}"
    )]
    NotAFile {
        /// What it is ("a folder", "a named pipe (FIFO)", ...).
        what: &'static str,
        /// The path given.
        path: PathBuf,
    },
    /// The file is marked read-only, or this account may not write it.
    #[error(
        "the file is read-only (it is marked read-only, or this account may not write to it), so nothing was changed; clear the read-only mark (Windows: the file's Properties, untick Read-only; Linux: chmod u+w) or run as a user who may write it, then try again: {path}"
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Larger than any real web.config.
    #[error(
        "the file is {size} bytes, too large for a web.config (the limit is {limit} bytes); check that this is the right file: {path}"
    )]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: u64,
        /// The file.
        path: PathBuf,
    },
    /// Not text in an encoding we read.
    #[error(
        "the file is not UTF-8 or UTF-16 text ({detail}); open it in a text editor and save it as UTF-8, then try again: {path}"
    )]
    NotText {
        /// What was found.
        detail: String,
        /// The file.
        path: PathBuf,
    },
    /// The text itself has a problem.
    #[error("{source}: {path}")]
    Content {
        /// The problem.
        source: WebConfigError,
        /// The file.
        path: PathBuf,
    },
    /// The file changed after the diff was shown.
    #[error(
        "the file changed on disk after the changes were prepared (another program or person edited it), so nothing was written; run the update again to see a fresh diff: {path}"
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// The backup could not be written, so the file was left alone.
    #[error(
        "could not write the backup copy ({source}), so the web.config was not changed; free some disk space or check the folder's permissions: {path}"
    )]
    Backup {
        /// The underlying error.
        source: std::io::Error,
        /// The backup's path.
        path: PathBuf,
    },
    /// Writing the new content failed after the backup was made.
    #[error(
        "could not write the new content ({source}); the old content is safe in the backup {backup}, so if the web.config is now damaged, copy the backup over it: {path}"
    )]
    Write {
        /// The underlying error.
        source: std::io::Error,
        /// The backup of the old content.
        backup: PathBuf,
        /// The file.
        path: PathBuf,
    },
    /// Any other input/output error.
    #[error("{}", io_message(*.action, .source, .path))]
    Io {
        /// Reading or writing.
        action: FileAction,
        /// The underlying error.
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
}

/// What was being done to the web.config when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Reading it.
    Read,
    /// Writing it (or its backup, beside it).
    Write,
}

/// [`FileError::PermissionDenied`]'s message: a whole sentence for each action, so that each
/// language can say it its own way.
fn denied_message(action: FileAction, path: &Path) -> String {
    let (advice, path) = (PERMISSION_ADVICE, path.display());
    match action {
        FileAction::Read => crate::en!(
            "permission denied: this account may not read the file. {advice}: {path}",
            advice = advice,
            path = path
        ),
        FileAction::Write => crate::en!(
            "permission denied: this account may not write the file (or create files in its \
             folder). {advice}: {path}",
            advice = advice,
            path = path
        ),
    }
}

/// [`FileError::Io`]'s message: a whole sentence for each action.
fn io_message(action: FileAction, source: &std::io::Error, path: &Path) -> String {
    let path = path.display();
    match action {
        FileAction::Read => crate::en!(
            "could not read the file ({source}); check the path and try again: {path}",
            source = source,
            path = path
        ),
        FileAction::Write => crate::en!(
            "could not write the file ({source}); check the path and try again: {path}",
            source = source,
            path = path
        ),
    }
}

/// What to do when the system refuses access, in the words of the user's system.
#[cfg(windows)]
const PERMISSION_ADVICE: &str = crate::en!(
    "A website's files (under C:\\inetpub, for example) usually need administrator rights: close \
     Mail Settings Tester, right-click it and choose \"Run as administrator\", then try again; or \
     work on a copy of the file"
);
/// What to do when the system refuses access, in the words of the user's system.
#[cfg(not(windows))]
const PERMISSION_ADVICE: &str = crate::en!(
    "Run it as a user who may (on a web server often root or the site's owner, e.g. with sudo), \
     or work on a copy of the file"
);

impl FileError {
    /// Maps an I/O error on `path` to the most helpful variant.
    pub(crate) fn io(action: FileAction, source: std::io::Error, path: PathBuf) -> Self {
        if crate::files::held_by_another_program(&source) {
            return Self::HeldByAnotherProgram { path };
        }
        match source.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound { path },
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied { action, path },
            _ => Self::Io {
                action,
                source,
                path,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Access denied (a site under C:\inetpub without administrator rights) says what to do in
    /// the words of the user's system; a file another program holds says to close it.
    #[test]
    fn access_denied_and_a_held_file_say_what_to_do() {
        let denied = FileError::io(
            FileAction::Write,
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            PathBuf::from("web.config"),
        );
        let message = denied.to_string();
        assert!(message.starts_with("permission denied"), "{message}");
        if cfg!(windows) {
            assert!(message.contains("\"Run as administrator\""), "{message}");
        } else {
            assert!(message.contains("sudo"), "{message}");
        }
        assert!(
            message.ends_with(": web.config"),
            "the path comes last: {message}"
        );
        // A whole sentence for each action: translated whole, the path kept.
        let german =
            crate::i18n::translate(crate::i18n::Language::German, &message).unwrap_or_default();
        assert!(
            german.starts_with("Zugriff verweigert: Dieses Konto darf die Datei nicht schreiben")
                && german.ends_with(": web.config"),
            "{german}"
        );
        // ERROR_SHARING_VIOLATION: only Windows reports it.
        let held = FileError::io(
            FileAction::Write,
            std::io::Error::from_raw_os_error(32),
            PathBuf::from("web.config"),
        );
        if cfg!(windows) {
            assert!(matches!(held, FileError::HeldByAnotherProgram { .. }));
            assert!(
                held.to_string()
                    .contains("close the program that has it open")
            );
        } else {
            assert!(!matches!(held, FileError::HeldByAnotherProgram { .. }));
        }
    }
}
