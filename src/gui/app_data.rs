//! The app's handling of the user's data: profiles, the keyring, web.config import and
//! update, and paths from file dialogs. Every disk or keyring call goes to the worker.

use std::path::PathBuf;

use super::app::{MailTesterApp, Outcome};
use super::command::{Command, ProfilePromptKind};
use super::data::DataMessage;
use super::data_ui::ProfilePrompt;
use super::worker::FilePurpose;
use crate::credentials::Account;

impl MailTesterApp {
    /// Acts on a path from a file dialog or typed by hand.
    pub(super) fn use_path(&mut self, purpose: FilePurpose, path: PathBuf) {
        match purpose {
            FilePurpose::CaFile => self.form.ca_text = path.display().to_string(),
            FilePurpose::OpenWebConfig => self.worker.open_webconfig(path),
            FilePurpose::UpdateWebConfig => self.prepare_update(path),
            FilePurpose::SaveTranscript | FilePurpose::SaveSnippet | FilePurpose::SaveReport => {
                if let Some((_, text)) = self.pending_save.take() {
                    self.worker.save_text(path, text);
                }
            }
        }
    }

    pub(super) fn prepare_update(&mut self, path: PathBuf) {
        match &self.outcome {
            Some(Outcome {
                tested,
                diagnosis: None,
                ..
            }) => {
                self.worker
                    .prepare_update(path, tested.clone(), self.include_password);
            }
            _ => self.tell(
                "Run a successful test first: only settings that work go into web.config."
                    .to_owned(),
                true,
            ),
        }
    }

    pub(super) fn data_arrived(&mut self, data: DataMessage) {
        match data {
            DataMessage::Profiles(Ok(profiles)) => self.profiles = profiles,
            DataMessage::Profiles(Err(message))
            | DataMessage::ProfileChanged(Err(message))
            | DataMessage::KeyringChanged(Err(message))
            | DataMessage::WebConfigOpened(Err(message))
            | DataMessage::UpdatePrepared(Err(message))
            | DataMessage::UpdateWritten(Err(message)) => self.tell(message, true),
            DataMessage::ProfileChanged(Ok(message)) => {
                self.tell(message, false);
                self.worker.load_profiles();
            }
            DataMessage::KeyringChanged(Ok(message)) => self.tell(message, false),
            DataMessage::PasswordLoaded { account, result } => {
                let current = Account::for_settings(&self.form.settings).map(|a| a.to_string());
                match result {
                    Ok(Some(password)) if current.as_deref() == Some(account.as_str()) => {
                        self.form.settings.password = password;
                        self.tell(
                            "Password filled in from the system keyring.".to_owned(),
                            false,
                        );
                    }
                    Ok(_) => {}
                    Err(message) => self.tell(message, true),
                }
            }
            DataMessage::WebConfigOpened(Ok(opened)) => {
                let (path, imported) = *opened;
                let mut settings = imported.settings;
                settings.target = crate::settings::Target::DotNet;
                self.form.load(&settings);
                self.form.touched = true;
                self.profile.clear();
                self.webconfig_path = Some(path);
                self.findings = Some(imported.findings);
            }
            DataMessage::UpdatePrepared(Ok(prepared)) => {
                if prepared.is_unchanged() {
                    self.tell(
                        format!(
                            "{} already has these settings: nothing to change.",
                            prepared.path().display()
                        ),
                        false,
                    );
                } else {
                    self.update = Some(*prepared);
                }
            }
            DataMessage::UpdateWritten(Ok(outcome)) => {
                let text = match &outcome.backup {
                    Some(backup) => format!(
                        "web.config updated. The old file is kept as {}.",
                        backup.display()
                    ),
                    None => {
                        "web.config already had these settings: nothing was written.".to_owned()
                    }
                };
                self.tell(text, false);
            }
        }
    }

    /// Handles the commands about profiles, the keyring and web.config.
    pub(super) fn handle_data(&mut self, command: Command) {
        match command {
            Command::ForgetPassword => match Account::for_settings(&self.form.settings) {
                Some(account) => self.worker.forget_password(account),
                None => self.tell(
                    "Enter the user name, server and port whose saved password you want to remove."
                        .to_owned(),
                    true,
                ),
            },
            Command::SelectProfile(name) => self.select_profile(&name),
            Command::OpenProfilePrompt(kind) => {
                let name = match kind {
                    ProfilePromptKind::SaveAs => self.form.settings.host.trim().to_owned(),
                    ProfilePromptKind::Rename => self.profile.clone(),
                };
                self.profile_prompt = Some(ProfilePrompt { kind, name });
            }
            Command::ConfirmProfilePrompt => {
                if let Some(prompt) = self.profile_prompt.take() {
                    let name = prompt.name.trim().to_owned();
                    match prompt.kind {
                        ProfilePromptKind::SaveAs => {
                            let (settings, _) = self.form.current();
                            self.worker.save_profile(name.clone(), settings);
                        }
                        ProfilePromptKind::Rename => {
                            self.worker
                                .rename_profile(self.profile.clone(), name.clone());
                        }
                    }
                    self.profile = name;
                }
            }
            Command::DismissProfilePrompt => self.profile_prompt = None,
            Command::DeleteProfile if !self.profile.is_empty() => {
                self.worker
                    .delete_profile(std::mem::take(&mut self.profile));
            }
            Command::UpdateWebConfig => match self.webconfig_path.clone() {
                Some(path) => self.prepare_update(path),
                None => self
                    .worker
                    .choose_file(FilePurpose::UpdateWebConfig, "web.config"),
            },
            Command::WriteWebConfigUpdate => {
                if let Some(update) = self.update.take() {
                    self.worker.apply_update(update);
                }
            }
            Command::DismissWebConfigUpdate => self.update = None,
            Command::DismissFindings => self.findings = None,
            _ => {}
        }
    }

    fn select_profile(&mut self, name: &str) {
        let Some((_, settings)) = self.profiles.iter().find(|(n, _)| n == name) else {
            return;
        };
        let settings = settings.clone();
        self.form.load(&settings);
        self.form.settings.password = crate::secret::Password::default();
        self.form.touched = true;
        name.clone_into(&mut self.profile);
        if let Some(account) = Account::for_settings(&settings) {
            self.worker.load_password(account);
        }
    }
}
