//! Named settings ("profiles") kept in the user's config folder, so a site owner can test the
//! same site again without typing everything. Never a password: those live in the keyring
//! ([`crate::credentials`]); [`Settings`] skips its password when serialised.
//!
//! **One file**, `profiles.toml`, with a table per profile:
//!
//! ```toml
//! version = 1
//!
//! [profiles."Shop site"]
//! host = "smtp.example.com"
//! port = 587
//! ...
//! ```
//!
//! One file keeps a rename a single atomic step. The folder is `MAILTESTER_CONFIG_DIR` when
//! set, else the platform's config folder (`~/.config/mail-settings-tester` on Linux). Every
//! write goes to a temporary file beside it and is renamed over it, so a crash never leaves a
//! half-written file. A file that cannot be parsed is never dropped: it is moved aside as
//! `profiles.toml.corrupt-<timestamp>` and the error says where. The tester rewrites the file
//! as a whole, so comments added by hand are not kept. Two programs saving at the very same
//! moment may lose one of the two changes (the last write wins); neither corrupts the file.
//!
//! These calls do blocking file I/O: from async code use `tokio::task::spawn_blocking`.

mod error;
mod file;
mod name;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

pub use error::{FileAction, ProfileError};
pub use name::{MAX_NAME_CHARS, validate_name};

use crate::settings::Settings;

/// The environment variable that overrides the config folder (tests use it).
pub const CONFIG_DIR_ENV: &str = "MAILTESTER_CONFIG_DIR";

/// The file name inside the config folder.
pub const FILE_NAME: &str = "profiles.toml";

/// What [`ProfileStore::save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveOutcome {
    /// A profile of that name existed and was replaced.
    pub replaced: bool,
    /// The old file could not be read and was moved here first (nothing is lost).
    pub moved_aside: Option<PathBuf>,
}

/// The profiles file in one folder.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    path: PathBuf,
}

impl ProfileStore {
    /// The user's profiles: in `MAILTESTER_CONFIG_DIR` when set, else the platform's config
    /// folder for this app.
    pub fn open_default() -> Result<Self, ProfileError> {
        if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|dir| !dir.is_empty()) {
            return Ok(Self::in_dir(PathBuf::from(dir)));
        }
        let dirs = directories::ProjectDirs::from("", "", "mail-settings-tester")
            .ok_or(ProfileError::NoConfigDir)?;
        Ok(Self::in_dir(dirs.config_dir()))
    }

    /// The profiles file in `dir` (created on the first save).
    pub fn in_dir(dir: impl AsRef<Path>) -> Self {
        Self {
            path: dir.as_ref().join(FILE_NAME),
        }
    }

    /// Where the profiles file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The names of every profile, sorted.
    pub fn list(&self) -> Result<Vec<String>, ProfileError> {
        Ok(self.read()?.profiles.into_keys().collect())
    }

    /// Every profile with its settings (passwords empty), sorted by name.
    pub fn all(&self) -> Result<Vec<(String, Settings)>, ProfileError> {
        Ok(self.read()?.profiles.into_iter().collect())
    }

    /// The settings saved as `name` (password empty), or `None`.
    pub fn get(&self, name: &str) -> Result<Option<Settings>, ProfileError> {
        validate_name(name)?;
        Ok(self.read()?.profiles.remove(name))
    }

    /// Saves `settings` as `name`, creating or replacing it. The password is never written.
    pub fn save(&self, name: &str, settings: &Settings) -> Result<SaveOutcome, ProfileError> {
        validate_name(name)?;
        let loaded = file::load(&self.path)?;
        let mut document = loaded.document;
        let replaced = document
            .profiles
            .insert(name.to_owned(), without_password(settings))
            .is_some();
        file::store(&self.path, &document)?;
        Ok(SaveOutcome {
            replaced,
            moved_aside: loaded.moved_aside,
        })
    }

    /// Renames `old` to `new`. Fails when `old` does not exist or `new` already does.
    pub fn rename(&self, old: &str, new: &str) -> Result<(), ProfileError> {
        validate_name(old)?;
        validate_name(new)?;
        let mut document = self.read()?;
        if old == new {
            return if document.profiles.contains_key(old) {
                Ok(())
            } else {
                Err(ProfileError::NotFound { name: old.into() })
            };
        }
        if document.profiles.contains_key(new) {
            return Err(ProfileError::AlreadyExists { name: new.into() });
        }
        let settings = document
            .profiles
            .remove(old)
            .ok_or_else(|| ProfileError::NotFound { name: old.into() })?;
        document.profiles.insert(new.to_owned(), settings);
        file::store(&self.path, &document)
    }

    /// Deletes `name`; `false` when there was no such profile (the file is then untouched).
    pub fn delete(&self, name: &str) -> Result<bool, ProfileError> {
        validate_name(name)?;
        let mut document = self.read()?;
        if document.profiles.remove(name).is_none() {
            return Ok(false);
        }
        file::store(&self.path, &document)?;
        Ok(true)
    }

    /// Reads the file for an operation that needs what was in it: a corrupt file is moved
    /// aside and reported as an error.
    fn read(&self) -> Result<file::Document, ProfileError> {
        let loaded = file::load(&self.path)?;
        match loaded.moved_aside {
            Some(moved_to) => Err(ProfileError::Corrupt {
                path: self.path.clone(),
                moved_to,
                reason: loaded.corrupt_reason.unwrap_or_default(),
            }),
            None => Ok(loaded.document),
        }
    }
}

fn without_password(settings: &Settings) -> Settings {
    Settings {
        password: crate::secret::Password::default(),
        ..settings.clone()
    }
}
