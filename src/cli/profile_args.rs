//! `mailtester profile ...` syntax (clap). Handled in `profile_cmd`.

use clap::{Args, Subcommand};

use super::args::SettingsArgs;

/// `profile`: named settings in the config folder; passwords only in the system keyring.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the saved profiles.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show a profile's settings and whether its password is saved in the keyring.
    Show {
        /// The profile's name.
        name: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Save settings under a name, creating or replacing it (the same flags as `send`).
    Save(Box<ProfileSaveArgs>),
    /// Rename a profile.
    Rename {
        /// The current name.
        old: String,
        /// The new name.
        new: String,
    },
    /// Delete a profile.
    Delete {
        /// The profile's name.
        name: String,
        /// Also remove its saved password from the keyring.
        #[arg(long)]
        forget_password: bool,
    },
    /// Remove a profile's saved password from the keyring (the profile stays).
    ForgetPassword {
        /// The profile's name.
        name: String,
    },
    /// Remove every profile and every password Mail Settings Tester saved in the keyring (what
    /// the uninstaller's "Also remove my saved profiles and remembered passwords" does).
    ForgetEverything {
        /// Do it without asking.
        #[arg(long)]
        yes: bool,
    },
}

/// `profile save NAME <settings flags>`.
#[derive(Debug, Args)]
pub struct ProfileSaveArgs {
    /// The profile's name (up to 64 characters, no / or \).
    pub name: String,
    /// The settings to save (never the password: see --save-password).
    #[command(flatten)]
    pub settings: SettingsArgs,
    /// Also save the password (from --password-stdin or --password-env) in the system keyring.
    #[arg(long)]
    pub save_password: bool,
}
