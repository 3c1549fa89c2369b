//! The app's handling of the user's data: profiles, the keyring and web.config import and
//! update, and what comes back from them. Every disk or keyring call goes to the worker.

use std::path::PathBuf;

use super::app::MailTesterApp;
use super::command::{ProfileCommand, ProfilePromptKind, WebConfigCommand};
use super::data::DataMessage;
use super::data_ui::ProfilePrompt;
use super::worker::FilePurpose;
use crate::credentials::Account;

/// What the window knows about the keyring, from its own answers in this session.
#[derive(Debug, Default)]
pub(super) struct KeyringState {
    /// Accounts (`user@host:port`) and whether a password is saved for each.
    pub(super) known: std::collections::HashMap<String, bool>,
    /// Accounts asked about already (asked once each).
    pub(super) asked: std::collections::HashSet<String>,
    /// The form's account and since when it has not changed.
    pub(super) seen: Option<(String, std::time::Instant)>,
}

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
                crate::tr!(
                    "Run a successful test first: only settings that work go into web.config."
                ),
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
            | DataMessage::KeyringChanged {
                result: Err(message),
                ..
            }
            | DataMessage::WebConfigOpened(Err(message))
            | DataMessage::UpdatePrepared(Err(message))
            | DataMessage::UpdateWritten(Err(message)) => {
                self.tell(crate::i18n::tr(&message).into_owned(), true);
            }
            DataMessage::ProfileChanged(Ok(message)) => {
                self.tell(crate::i18n::tr(&message).into_owned(), false);
                self.worker.load_profiles();
            }
            DataMessage::KeyringChanged {
                account,
                saved,
                result: Ok(message),
            } => {
                self.keyring.known.insert(account, saved);
                self.tell(crate::i18n::tr(&message).into_owned(), false);
            }
            DataMessage::PasswordLoaded { account, result } => {
                self.password_loaded(&account, result);
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
                        crate::tr!(
                            "{path} already has these settings: nothing to change.",
                            path = prepared.path().display()
                        ),
                        false,
                    );
                } else {
                    self.update = Some(*prepared);
                }
            }
            DataMessage::UpdateWritten(Ok(outcome)) => {
                let text = match &outcome.backup {
                    Some(backup) => crate::tr!(
                        "web.config updated. The old file is kept as {backup}.",
                        backup = backup.display()
                    ),
                    None => {
                        crate::tr!("web.config already had these settings: nothing was written.")
                    }
                };
                self.tell(text, false);
            }
        }
    }

    /// The keyring answered for `account`: remember whether it holds a password, and fill it
    /// in when the form's account is still that one and its password field is empty.
    fn password_loaded(
        &mut self,
        account: &str,
        result: Result<Option<crate::secret::Password>, String>,
    ) {
        let current = self.form.account().map(|a| a.to_string());
        match result {
            Ok(found) => {
                self.keyring
                    .known
                    .insert(account.to_owned(), found.is_some());
                if let Some(password) = found
                    && current.as_deref() == Some(account)
                    && self.form.settings.password.is_empty()
                {
                    self.form.settings.password = password;
                    self.tell(
                        crate::tr!("Password filled in from the system keyring."),
                        false,
                    );
                }
            }
            Err(message) => self.tell(crate::i18n::tr(&message).into_owned(), true),
        }
    }

    /// Whether the keyring is known to hold a password for the form's account (then "Forget"
    /// shows).
    pub(super) fn password_saved(&self) -> bool {
        self.form
            .account()
            .is_some_and(|account| self.keyring.known.get(&account.to_string()) == Some(&true))
    }

    /// Asks the keyring, once per account, whether it holds a password for the form's account:
    /// only when "Remember" is ticked (the user chose the keyring; asking may unlock it), and
    /// only once the account has stayed the same for a moment, not at every key typed.
    pub(super) fn ask_keyring(&mut self, ctx: &egui::Context) {
        const SETTLE: std::time::Duration = std::time::Duration::from_millis(600);
        if !self.form.remember_password {
            return;
        }
        let Some(account) = self.form.account() else {
            return;
        };
        let key = account.to_string();
        let state = &mut self.keyring;
        if state.known.contains_key(&key) || state.asked.contains(&key) {
            return;
        }
        match &state.seen {
            Some((seen, since)) if *seen == key => {
                let waited = since.elapsed();
                if waited >= SETTLE {
                    state.asked.insert(key);
                    self.worker.load_password(account);
                } else {
                    ctx.request_repaint_after(SETTLE.saturating_sub(waited));
                }
            }
            _ => {
                state.seen = Some((key, std::time::Instant::now()));
                ctx.request_repaint_after(SETTLE);
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
            self.keyring.asked.insert(account.to_string());
            self.worker.load_password(account);
        }
    }
}
