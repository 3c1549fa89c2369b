//! What the UI asks for. Widgets never change app state directly: they push a [`Command`],
//! and [`super::app::MailTesterApp`] handles each in one place.

use super::worker::FilePurpose;
use crate::settings::Settings;

/// A user action.
#[derive(Debug, Clone)]
pub enum Command {
    /// Send the test email with the form's settings.
    StartTest,
    /// Stop the running test.
    Cancel,
    /// Put these settings into the form and test again.
    ApplyFixAndRetry(Box<Settings>),
    /// Fill the form from a provider preset.
    ChoosePreset(String),
    /// Copy text to the clipboard; the string says what was copied.
    Copy {
        /// The text.
        text: String,
        /// What it is, for the confirmation ("transcript", "snippet").
        what: &'static str,
    },
    /// Open a file dialog.
    ChooseFile(FilePurpose),
    /// Save to a typed path (the fallback when no file dialog could open).
    SaveToTypedPath,
    /// Forget the typed-path prompt.
    DismissSavePrompt,
    /// Open the "Explain an error message" window.
    OpenExplain,
}
