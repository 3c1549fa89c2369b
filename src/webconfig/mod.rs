//! The web.config round trip: read a site's mail settings, point out what would break them, and
//! write tested settings back changing only the attributes that differ.
//!
//! - [`import`]: `<system.net><mailSettings><smtp><network>` → [`Settings`] (the password stays in
//!   memory), plus [`lint`] findings and the site's `targetFramework`.
//! - [`lint`]: what ASP.NET would reject or misread (`enablessl`, port 465, ...), each finding with
//!   a stable code, what breaks and how to fix it.
//! - [`update`]: new text where only the needed attributes changed, every other byte (comments,
//!   order, quotes, line endings, byte-order mark) untouched; missing elements are created in
//!   place. Works on byte offsets from the parser; the document is never re-serialised.
//! - [`unified_diff`]: what an update changes, passwords hidden unless asked for.
//! - [`read_file`], [`prepare_update`], [`update_file`]: the same on disk (async), with a
//!   timestamped backup and no clobbering of a file that changed meanwhile.
//!
//! Handled: UTF-8 byte-order mark, CRLF, comments, any other sections, a default namespace on
//! `<configuration>`, settings inside a `<location>` wrapper, a `configSource` file whose root is
//! `<smtp>`, UTF-16 files. Refused with a clear error: settings kept in another file
//! (`configSource`), encrypted settings, broken XML, wrong-case or duplicated section elements
//! (on update).

mod diff;
mod document;
mod error;
mod file;
mod import;
mod layout;
mod lint;
mod lint_tls;
mod lint_values;
pub(crate) mod raw;
pub(crate) mod rules;
mod section;
mod tag;
mod update;

use serde::Serialize;

/// Said before a web.config is written: what saving it does to the running website.
pub const RESTART_NOTE: &str = crate::en!(
    "Saving web.config restarts the website (IIS reloads it): it may take a few seconds to \
     answer again, and visitors who are signed in may have to sign in again."
);

pub use diff::unified_diff;
pub use error::{FileAction, FileError, WebConfigError};
pub use file::{
    ConfigFile, MAX_FILE_BYTES, PreparedUpdate, TextEncoding, UpdateOutcome, backup_path,
    prepare_update, read_file, update_file,
};
pub use import::import;
pub use lint::{code, lint};
pub use update::update;

use crate::settings::{Settings, Severity};

/// The mail settings read from a web.config.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The settings; the password (if any) is in `settings.password`, in memory only.
    pub settings: Settings,
    /// What [`lint`] says about the file.
    pub findings: Vec<Finding>,
    /// `targetFramework` from `<system.web><compilation>` or `<httpRuntime>` (e.g. `4.7.2`).
    pub target_framework: Option<String>,
}

/// One thing in a web.config that will break or surprise, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable `snake_case` id (see [`code`]).
    pub code: &'static str,
    /// How serious it is: `Error` means ASP.NET will fail to send.
    pub severity: Severity,
    /// The 1-based line in the file, when it points at one place.
    pub line: Option<usize>,
    /// What is wrong and what breaks, in plain words.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

/// Choices for [`update`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdateOptions {
    /// Write the password. Without it an existing `password` attribute is left exactly as it
    /// is, and none is added: a placeholder is never written into a live file.
    pub include_password: bool,
}

/// One attribute an update changes. Password values show as `<redacted>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributeChange {
    /// The element (`smtp` or `network`).
    pub element: String,
    /// The attribute, spelled as .NET expects.
    pub attribute: String,
    /// The value before; `None` when the attribute is added.
    pub old: Option<String>,
    /// The value after; `None` when the attribute is removed.
    pub new: Option<String>,
    /// The wrong-case name it had before (`enablessl`), when the update corrected it.
    pub renamed_from: Option<String>,
}

/// The result of [`update`].
#[derive(Clone, PartialEq, Eq)]
pub struct Updated {
    /// The whole new text (may hold the password when it was asked for: never log it).
    pub text: String,
    /// What changed; empty when the file already matched.
    pub changes: Vec<AttributeChange>,
    /// What the user should know (a port changed from 465, no password written, ...).
    pub notes: Vec<String>,
}

impl std::fmt::Debug for Updated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Updated")
            .field("text", &format_args!("<{} bytes>", self.text.len()))
            .field("changes", &self.changes)
            .field("notes", &self.notes)
            .finish()
    }
}
