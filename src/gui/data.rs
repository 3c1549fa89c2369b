//! Background work on the user's data: profiles, the system keyring and web.config files.
//! Each request runs on tokio (blocking calls through `spawn_blocking`) and answers with a
//! [`DataMessage`]; the UI thread never waits on the disk or the keyring.
//!
//! The sentences here are written on tokio's threads, which do not know the window's language:
//! they are English, marked with `en!`, and the app translates them when they arrive.

use std::path::PathBuf;

use super::worker::{Message, Worker};
use crate::credentials::{self, Account};
use crate::profiles::{ProfileError, ProfileStore};
use crate::secret::Password;
use crate::settings::Settings;
use crate::webconfig::{self, Imported, PreparedUpdate, UpdateOptions, UpdateOutcome};

/// What came back from a data request.
#[derive(Debug)]
pub enum DataMessage {
    /// The saved profiles, by name.
    Profiles(Result<Vec<(String, Settings)>, String>),
    /// A profile change finished: a sentence to show, or the error.
    ProfileChanged(Result<String, String>),
    /// The keyring's answer for `account`.
    PasswordLoaded {
        /// Which account was asked for.
        account: String,
        /// The password, none, or why the keyring could not answer.
        result: Result<Option<Password>, String>,
    },
    /// A keyring change for `account` finished.
    KeyringChanged {
        /// Which account.
        account: String,
        /// Whether a password is saved for it now (if the change worked).
        saved: bool,
        /// A sentence to show, or the error.
        result: Result<String, String>,
    },
    /// A web.config was read.
    WebConfigOpened(Result<Box<(PathBuf, Imported)>, String>),
    /// An update was worked out and can be shown.
    UpdatePrepared(Result<Box<PreparedUpdate>, String>),
    /// An update was written (or refused).
    UpdateWritten(Result<Box<UpdateOutcome>, String>),
}

/// The profile store in `dir`, or in the user's config folder.
fn store(dir: Option<&std::path::Path>) -> Result<ProfileStore, String> {
    match dir {
        Some(dir) => Ok(ProfileStore::in_dir(dir)),
        None => ProfileStore::open_default().map_err(|e| e.to_string()),
    }
}

impl Worker {
    fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
        reply: impl FnOnce(T) -> DataMessage + Send + 'static,
    ) {
        let outbox = self.outbox.clone();
        self.runtime.spawn(async move {
            let message = match tokio::task::spawn_blocking(work).await {
                Ok(value) => reply(value),
                Err(err) => DataMessage::ProfileChanged(Err(crate::en!(
                    "Background work failed: {err}",
                    err = err
                ))),
            };
            outbox.send(Message::Data(message));
        });
    }

    /// Reads the profile list.
    pub fn load_profiles(&self) {
        let dir = self.profile_dir.clone();
        self.blocking(
            move || {
                let store = store(dir.as_deref())?;
                store.all().map_err(|e| e.to_string())
            },
            DataMessage::Profiles,
        );
    }

    /// Runs `change` on the profile store off the UI thread; the sentence it returns (or its
    /// error) comes back as [`DataMessage::ProfileChanged`], and the app reloads the list.
    fn change_profiles(
        &self,
        change: impl FnOnce(&ProfileStore) -> Result<String, ProfileError> + Send + 'static,
    ) {
        let dir = self.profile_dir.clone();
        self.blocking(
            move || change(&store(dir.as_deref())?).map_err(|e| e.to_string()),
            DataMessage::ProfileChanged,
        );
    }

    /// Saves (or replaces) profile `name`, then reloads the list.
    pub fn save_profile(&self, name: String, settings: Settings) {
        self.change_profiles(move |store| {
            store.save(&name, &settings)?;
            Ok(crate::en!(
                "Saved the profile \"{name}\" (without the password).",
                name = name
            ))
        });
    }

    /// Renames a profile, then reloads the list.
    pub fn rename_profile(&self, old: String, new: String) {
        self.change_profiles(move |store| {
            store.rename(&old, &new)?;
            Ok(crate::en!(
                "Renamed \"{old}\" to \"{new}\".",
                old = old,
                new = new
            ))
        });
    }

    /// Deletes a profile, then reloads the list.
    pub fn delete_profile(&self, name: String) {
        self.change_profiles(move |store| {
            store.delete(&name)?;
            Ok(crate::en!("Deleted the profile \"{name}\".", name = name))
        });
    }

    /// Looks up the password for `account` in the keyring.
    pub fn load_password(&self, account: Account) {
        let name = account.to_string();
        let keyring = self.keyring.clone();
        self.blocking(
            move || {
                match &keyring {
                    Some(keyring) => keyring.load(&account),
                    None => credentials::load(&account),
                }
                .map_err(|e| e.to_string())
            },
            move |result| DataMessage::PasswordLoaded {
                account: name,
                result,
            },
        );
    }

    /// Stores the password for `account` in the keyring.
    pub fn save_password(&self, account: Account, password: Password) {
        let name = account.to_string();
        let keyring = self.keyring.clone();
        self.blocking(
            move || {
                match &keyring {
                    Some(keyring) => keyring.save(&account, &password),
                    None => credentials::save(&account, &password),
                }
                .map(|()| crate::en!("Password saved in the system keyring.").to_owned())
                .map_err(|e| e.to_string())
            },
            move |result| DataMessage::KeyringChanged {
                account: name,
                saved: true,
                result,
            },
        );
    }

    /// Removes the password for `account` from the keyring.
    pub fn forget_password(&self, account: Account) {
        let name = account.to_string();
        let keyring = self.keyring.clone();
        self.blocking(
            move || {
                match &keyring {
                    Some(keyring) => keyring.forget(&account),
                    None => credentials::forget(&account),
                }
                .map(|found| {
                    if found {
                        crate::en!("Password removed from the system keyring.").to_owned()
                    } else {
                        crate::en!("The system keyring had no password for these settings.")
                            .to_owned()
                    }
                })
                .map_err(|e| e.to_string())
            },
            move |result| DataMessage::KeyringChanged {
                account: name,
                saved: false,
                result,
            },
        );
    }

    /// Reads and imports a web.config.
    pub fn open_webconfig(&self, path: PathBuf) {
        let worker = self.outbox.clone();
        self.runtime.spawn(async move {
            let result = match webconfig::read_file(&path).await {
                Ok(file) => webconfig::import(&file.text)
                    .map(|imported| Box::new((path.clone(), imported)))
                    .map_err(|err| {
                        crate::en!("{error} (in {path})", error = err, path = path.display())
                    }),
                Err(err) => Err(err.to_string()),
            };
            worker.send(Message::Data(DataMessage::WebConfigOpened(result)));
        });
    }

    /// Works out what updating `path` with `settings` would change (writes nothing).
    pub fn prepare_update(&self, path: PathBuf, settings: Settings, include_password: bool) {
        let worker = self.outbox.clone();
        self.runtime.spawn(async move {
            let options = UpdateOptions { include_password };
            let result = webconfig::prepare_update(&path, &settings, options)
                .await
                .map(Box::new)
                .map_err(|err| err.to_string());
            worker.send(Message::Data(DataMessage::UpdatePrepared(result)));
        });
    }

    /// Writes a prepared update: backup first, then an atomic replace.
    pub fn apply_update(&self, prepared: PreparedUpdate) {
        let worker = self.outbox.clone();
        self.runtime.spawn(async move {
            let result = prepared
                .apply()
                .await
                .map(Box::new)
                .map_err(|err| err.to_string());
            worker.send(Message::Data(DataMessage::UpdateWritten(result)));
        });
    }
}
