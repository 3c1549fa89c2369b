//! What the UI asks for. Widgets never change app state: they edit only the text they show (the
//! form's fields, a name or a path being typed) and push a [`Command`] for everything else;
//! [`super::app::MailTesterApp`]'s `handle` acts on each, in one exhaustive match per group.

use super::worker::FilePurpose;
use crate::settings::Settings;
use crate::snippet::Format;

/// A user action, by what it is about.
#[derive(Debug, Clone)]
pub(crate) enum Command {
    /// Running a test.
    Test(TestCommand),
    /// The form.
    Form(FormCommand),
    /// What the window shows.
    View(ViewCommand),
    /// File dialogs, typed paths and saving.
    File(FileCommand),
    /// Saved profiles.
    Profile(ProfileCommand),
    /// The site's web.config.
    WebConfig(WebConfigCommand),
    /// "Find my settings" and certificates.
    Find(FindCommand),
    /// "Check a folder of sites".
    Fleet(FleetCommand),
}

/// "Check a folder of sites": the fleet check.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FleetCommand {
    /// Open the window.
    Open,
    /// Close it (a running scan stops).
    Close,
    /// Choose the folder in a folder dialog.
    ChooseFolder,
    /// Check the typed folder.
    Start,
    /// Stop the scan.
    Cancel,
    /// Show or hide the sites of the server group at this index.
    ToggleServer(usize),
    /// Put the settings of the site at this index in the report into the form.
    OpenSite(usize),
    /// Save the report as a file (a save dialog first).
    Export(super::fleet::ScanExport),
    /// Save to the typed path (when no save dialog appeared).
    SaveTypedExport,
    /// Forget the typed-path prompt.
    DismissExportPrompt,
}

/// "Find my settings" and the certificate window.
#[derive(Debug, Clone)]
pub(crate) enum FindCommand {
    /// Open the "Find my settings" window (the address comes from From).
    Open,
    /// Close it (a running search stops).
    Close,
    /// Search for the typed address.
    Start,
    /// Stop the search.
    Cancel,
    /// Put this server, port and security into the form.
    Use(Box<super::find::Choice>),
    /// Show a certificate.
    ShowCertificate(Box<super::certificate_view::CertificateView>),
    /// Close the certificate window.
    CloseCertificate,
}

/// Running a test.
#[derive(Debug, Clone)]
pub(crate) enum TestCommand {
    /// Send the test email with the form's settings.
    Start,
    /// Stop the running test.
    Cancel,
    /// Put these settings into the form and test again (a fix, or "send it unencrypted once").
    Retry(Box<Settings>),
    /// Check the From domain's DNS after a success ("Will it arrive?").
    CheckDns,
    /// Look for the sent message in the typed mailbox ("Did it land?").
    CheckInbox,
    /// Stop looking.
    CancelInbox,
}

/// The form.
#[derive(Debug, Clone)]
pub(crate) enum FormCommand {
    /// Fill the form from a provider preset.
    ChoosePreset(String),
    /// Remove the saved password for the form's user, host and port from the keyring.
    ForgetPassword,
    /// Sign a person in with OAuth in the browser.
    SignIn,
    /// Stop waiting for the browser sign-in.
    CancelSignIn,
    /// Forget the person's OAuth sign-in.
    SignOut,
    /// Switch the form to another sign-in (the countdown's "Test OAuth instead").
    ChooseSignIn(super::form_state::SignInChoice),
}

/// What the window shows.
#[derive(Debug, Clone)]
pub(crate) enum ViewCommand {
    /// Open the "Explain an error message" window.
    OpenExplain,
    /// Close it.
    CloseExplain,
    /// Explain the pasted text.
    Explain,
    /// Read the system clipboard into the Explain box, then explain it.
    PasteAndExplain,
    /// Show the snippet in this format.
    ShowSnippet(Format),
    /// Write the real password into the snippet, or the placeholder.
    IncludePassword(bool),
    /// Open or close the transcript.
    ShowTranscript(bool),
    /// Follow the system's theme, or always light or dark.
    Theme(egui::ThemePreference),
    /// Speak this language (`None`: the system's).
    Language(Option<crate::i18n::Language>),
    /// Write the support report in English whatever the window's language, or not.
    ReportInEnglish(bool),
    /// Copy text to the clipboard.
    Copy {
        /// The text.
        text: String,
        /// What it is, for the confirmation ("transcript", "web.config snippet").
        what: &'static str,
    },
}

/// File dialogs, typed paths and saving.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FileCommand {
    /// Open a file dialog.
    Choose(FilePurpose),
    /// Use the typed path (the fallback when no file dialog could open).
    UseTypedPath,
    /// Forget the typed-path prompt.
    DismissPathPrompt,
}

/// Saved profiles.
#[derive(Debug, Clone)]
pub(crate) enum ProfileCommand {
    /// Load a saved profile into the form (and its password from the keyring).
    Select(String),
    /// Ask for a name to save the form as a profile, or to rename the selected one.
    OpenPrompt(ProfilePromptKind),
    /// Confirm the name prompt.
    ConfirmPrompt,
    /// Close the name prompt.
    DismissPrompt,
    /// Delete the selected profile.
    Delete,
}

/// The site's web.config.
#[derive(Debug, Clone, Copy)]
pub(crate) enum WebConfigCommand {
    /// Update the web.config the settings came from (or choose one).
    Update,
    /// Write the update on show.
    WriteUpdate,
    /// Close the update window without writing.
    DismissUpdate,
    /// Close the findings window.
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
