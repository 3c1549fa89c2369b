//! The app's handling of the user's data: profiles, the keyring and web.config import and
//! update, and what comes back from them. Every disk or keyring call goes to the worker.

use std::path::PathBuf;

use super::app::MailTesterApp;
use super::command::{ProfileCommand, ProfilePromptKind, WebConfigCommand};
use super::data::DataMessage;
use super::data_ui::ProfilePrompt;
use super::worker::FilePurpose;
use crate::credentials::Account;

impl MailTesterApp {
    /// Works out an update of the web.config at `path` with the last test's settings (only
    /// settings that worked).
    pub(super) fn prepare_update(&mut self, path: PathBuf) {
        match self.outcome.as_ref().filter(|outcome| outcome.ok()) {
            Some(outcome) => {
                self.worker
                    .prepare_update(path, outcome.settings().clone(), self.include_password);
            }
            None => self.tell(
                "Run a successful test first: only settings that work go into web.config."
                    .to_owned(),
                true,
            ),
        }
    }

    /// Takes what came back from a profile, keyring or web.config request.
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

    /// Acts on a profile command.
    pub(super) fn handle_profile(&mut self, command: ProfileCommand) {
        match command {
            ProfileCommand::Select(name) => self.select_profile(&name),
            ProfileCommand::OpenPrompt(kind) => {
                let name = match kind {
                    ProfilePromptKind::SaveAs => self.form.settings.host.trim().to_owned(),
                    ProfilePromptKind::Rename => self.profile.clone(),
                };
                self.profile_prompt = Some(ProfilePrompt { kind, name });
            }
            ProfileCommand::ConfirmPrompt => {
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
            ProfileCommand::DismissPrompt => self.profile_prompt = None,
            ProfileCommand::Delete => {
                if !self.profile.is_empty() {
                    self.worker
                        .delete_profile(std::mem::take(&mut self.profile));
                }
            }
        }
    }

    /// Acts on a web.config command.
    pub(super) fn handle_webconfig(&mut self, command: WebConfigCommand) {
        match command {
            WebConfigCommand::Update => match self.webconfig_path.clone() {
                Some(path) => self.prepare_update(path),
                None => self
                    .worker
                    .choose_file(FilePurpose::UpdateWebConfig, "web.config"),
            },
            WebConfigCommand::WriteUpdate => {
                if let Some(update) = self.update.take() {
                    self.worker.apply_update(update);
                }
            }
            WebConfigCommand::DismissUpdate => self.update = None,
            WebConfigCommand::DismissFindings => self.findings = None,
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
