//! Passwords in the operating system's keyring (Secret Service on Linux, the Keychain on macOS,
//! the Credential Manager on Windows), never in a file.
//!
//! Each password is stored under the service [`SERVICE`] and the account
//! `<userName>@<host>:<port>` ([`Account`]), so every profile that signs in to the same account
//! shares one saved password.
//!
//! **These calls block** (they talk to another process and may wait for an unlock prompt). Call
//! them with `tokio::task::spawn_blocking` from async code, and never on a UI thread.
//!
//! When the keyring cannot be used, the error says so in plain words ([`CredentialError`]) and
//! the caller keeps the password for the current session only: there is deliberately no
//! fallback to a file.

mod account;
mod error;
mod platform;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};

pub use account::Account;
pub use error::CredentialError;

use crate::secret::Password;

/// The keyring service name every password is stored under.
pub const SERVICE: &str = "mail-settings-tester";

/// A keyring: the platform's store, or any other `keyring-core` store (tests use
/// `keyring_core::mock`).
#[derive(Debug, Clone)]
pub struct Keyring {
    store: Arc<CredentialStore>,
    /// How entries are made in this store (the system store's own settings).
    system: bool,
}

impl Keyring {
    /// The operating system's keyring. Fails when there is none (for example no Secret Service
    /// on a Linux server). Blocking.
    pub fn system() -> Result<Self, CredentialError> {
        platform::system_store().map(|store| Self {
            store,
            system: true,
        })
    }

    /// A keyring backed by `store`.
    pub fn with_store(store: Arc<CredentialStore>) -> Self {
        Self {
            store,
            system: false,
        }
    }

    /// Saves (or replaces) the password for `account`. An empty password is refused.
    pub fn save(&self, account: &Account, password: &Password) -> Result<(), CredentialError> {
        if password.is_empty() {
            return Err(CredentialError::EmptyPassword);
        }
        self.entry(account)?
            .set_password(password.expose())
            .map_err(CredentialError::from_keyring)
    }

    /// The saved password for `account`, or `None` when none is saved.
    pub fn load(&self, account: &Account) -> Result<Option<Password>, CredentialError> {
        match self.entry(account)?.get_password() {
            Ok(password) => Ok(Some(Password::new(password))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(err) => Err(CredentialError::from_keyring(err)),
        }
    }

    /// Removes the saved password for `account`; `false` when there was none.
    pub fn forget(&self, account: &Account) -> Result<bool, CredentialError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(err) => Err(CredentialError::from_keyring(err)),
        }
    }

    /// Removes every password saved under [`SERVICE`], whatever its account: how many were
    /// removed. A keyring that cannot list its entries (the macOS Keychain here) removes none.
    pub fn forget_all(&self) -> Result<usize, CredentialError> {
        let listed = if self.system {
            platform::saved_accounts()
        } else {
            None
        };
        let entries = if let Some(accounts) = listed {
            accounts
                .map_err(CredentialError::from_keyring)?
                .iter()
                .map(|account| Entry::new_in_store(&self.store, SERVICE, account))
                .collect::<Result<Vec<_>, _>>()
                .map_err(CredentialError::from_keyring)?
        } else {
            let spec = std::collections::HashMap::from([("service", SERVICE)]);
            match Entry::search_in_store(&self.store, &spec) {
                Ok(entries) => entries,
                Err(keyring_core::Error::NotSupportedByStore(_)) => return Ok(0),
                Err(err) => return Err(CredentialError::from_keyring(err)),
            }
        };
        let mut removed = 0;
        for entry in entries {
            match entry.delete_credential() {
                Ok(()) => removed += 1,
                Err(keyring_core::Error::NoEntry) => {}
                Err(err) => return Err(CredentialError::from_keyring(err)),
            }
        }
        Ok(removed)
    }

    fn entry(&self, account: &Account) -> Result<Entry, CredentialError> {
        Entry::new_in_store_with_modifiers(
            &self.store,
            SERVICE,
            &account.key(),
            &if self.system {
                platform::entry_modifiers()
            } else {
                std::collections::HashMap::new()
            },
        )
        .map_err(CredentialError::from_keyring)
    }
}

/// Saves `password` for `account` in the system keyring. Blocking: see the module docs.
pub fn save(account: &Account, password: &Password) -> Result<(), CredentialError> {
    with_system(|keyring| keyring.save(account, password))
}

/// The password saved for `account` in the system keyring, if any. Blocking.
pub fn load(account: &Account) -> Result<Option<Password>, CredentialError> {
    with_system(|keyring| keyring.load(account))
}

/// [`load`] from async code: on a blocking thread, so the runtime keeps going while the keyring
/// answers (or asks the user to unlock it). `keyring`: another store than the system's (tests).
pub async fn load_in_background(
    keyring: Option<Keyring>,
    account: Account,
) -> Result<Option<Password>, CredentialError> {
    tokio::task::spawn_blocking(move || match &keyring {
        Some(keyring) => keyring.load(&account),
        None => load(&account),
    })
    .await
    .unwrap_or_else(|err| {
        Err(CredentialError::Other {
            detail: err.to_string(),
        })
    })
}

/// [`save`] from async code, on a blocking thread (see [`load_in_background`]).
pub async fn save_in_background(
    keyring: Option<Keyring>,
    account: Account,
    password: Password,
) -> Result<(), CredentialError> {
    tokio::task::spawn_blocking(move || match &keyring {
        Some(keyring) => keyring.save(&account, &password),
        None => save(&account, &password),
    })
    .await
    .unwrap_or_else(|err| {
        Err(CredentialError::Other {
            detail: err.to_string(),
        })
    })
}

/// Removes every password this program saved in the system keyring (see
/// [`Keyring::forget_all`]). Blocking.
pub fn forget_all() -> Result<usize, CredentialError> {
    with_system(Keyring::forget_all)
}

/// Removes the password saved for `account` from the system keyring; `false` when there was
/// none. Blocking.
pub fn forget(account: &Account) -> Result<bool, CredentialError> {
    with_system(|keyring| keyring.forget(account))
}

/// Runs `op` on the system keyring; when the keyring turns out to be gone, the next call
/// connects afresh instead of reusing a dead connection.
fn with_system<T>(
    op: impl FnOnce(&Keyring) -> Result<T, CredentialError>,
) -> Result<T, CredentialError> {
    let result = op(&Keyring::system()?);
    if matches!(result, Err(CredentialError::Unavailable { .. })) {
        platform::reset_system_store();
    }
    result
}
