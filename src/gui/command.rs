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
    /// Remove the saved password for the form's user, host and port.
    ForgetPassword,
    /// Load a saved profile into the form (and its password from the keyring).
    SelectProfile(String),
    /// Ask for a name to save the form as a profile, or to rename the selected one.
    OpenProfilePrompt(ProfilePromptKind),
    /// Confirm the profile prompt.
    ConfirmProfilePrompt,
    /// Close the profile prompt.
    DismissProfilePrompt,
    /// Delete the selected profile.
    DeleteProfile,
    /// Update the web.config the settings came from (or choose one).
    UpdateWebConfig,
    /// Write the update on show.
    WriteWebConfigUpdate,
    /// Close the update window without writing.
    DismissWebConfigUpdate,
    /// Close the web.config findings window.
    DismissFindings,
}

/// What the profile name prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfilePromptKind {
    /// Save the form under a new name.
    SaveAs,
    /// Rename the selected profile.
    Rename,
}
