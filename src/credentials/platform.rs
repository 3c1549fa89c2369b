//! The one platform-specific part: which native store backs the keyring. Kept tiny; only the
//! Linux branch is built and tested here, the others follow their crates' documented API.

use std::sync::{Arc, Mutex};

use keyring_core::CredentialStore;

use super::CredentialError;

/// How the keyring is called on this platform (used in messages).
#[cfg(target_os = "linux")]
pub const KEYRING_NAME: &str = crate::en!("the Secret Service, e.g. GNOME Keyring or KWallet");
/// How the keyring is called on this platform (used in messages).
#[cfg(target_os = "macos")]
pub const KEYRING_NAME: &str = crate::en!("the macOS Keychain");
/// How the keyring is called on this platform (used in messages).
#[cfg(target_os = "windows")]
pub const KEYRING_NAME: &str = crate::en!("the Windows Credential Manager");
/// How the keyring is called on this platform (used in messages).
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
pub const KEYRING_NAME: &str = crate::en!("none is supported on this system");

/// What to do when there is no keyring.
#[cfg(target_os = "linux")]
pub const UNAVAILABLE_ADVICE: &str = crate::en!(
    "To remember passwords, run the tester in a desktop session where a keyring runs (GNOME \
     Keyring or KWallet), then try again."
);
/// What to do when there is no keyring.
#[cfg(not(target_os = "linux"))]
pub const UNAVAILABLE_ADVICE: &str = crate::en!(
    "To remember passwords, run the tester in your own signed-in desktop session, then try again."
);

/// The accounts with a password saved under [`super::SERVICE`] in the platform's store, when
/// the store lists them through something other than `keyring-core`'s search (`None`: use the
/// search). On Windows the Credential Manager is listed directly: the store crate's search
/// reads Wine's list of entries misaligned.
#[cfg(target_os = "windows")]
#[allow(clippy::unnecessary_wraps)] // the other systems' form returns None
pub fn saved_accounts() -> Option<Result<Vec<String>, keyring_core::Error>> {
    let suffix = format!(".{}", super::SERVICE);
    Some(
        crate::win32::credential_targets(None)
            .map(|targets| {
                targets
                    .iter()
                    .filter_map(|target| target.strip_suffix(&suffix).map(str::to_owned))
                    .collect()
            })
            .map_err(|err| keyring_core::Error::PlatformFailure(Box::new(err))),
    )
}

/// The accounts with a password saved under [`super::SERVICE`] (`None`: use the store's
/// search, by the `service` attribute).
#[cfg(not(target_os = "windows"))]
pub fn saved_accounts() -> Option<Result<Vec<String>, keyring_core::Error>> {
    None
}

/// How entries are made: on Windows kept for this computer only ("local" persistence: not
/// copied to other computers of a roaming domain profile, as the default "enterprise" would).
#[cfg(target_os = "windows")]
pub fn entry_modifiers() -> std::collections::HashMap<&'static str, &'static str> {
    std::collections::HashMap::from([("persistence", "local")])
}

/// How entries are made (nothing special outside Windows).
#[cfg(not(target_os = "windows"))]
pub fn entry_modifiers() -> std::collections::HashMap<&'static str, &'static str> {
    std::collections::HashMap::new()
}

/// The store, opened once per process (only a successful open is kept, so a keyring started
/// later is still found).
static STORE: Mutex<Option<Arc<CredentialStore>>> = Mutex::new(None);

/// The platform's store, opened on first use. Blocking (it connects to the session bus on Linux).
pub fn system_store() -> Result<Arc<CredentialStore>, CredentialError> {
    let mut slot = STORE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(store) = slot.as_ref() {
        return Ok(store.clone());
    }
    let store = open().map_err(CredentialError::from_opening)?;
    *slot = Some(store.clone());
    Ok(store)
}

/// Drops the opened store, so the next call opens it again (after the keyring went away).
pub fn reset_system_store() {
    let mut slot = STORE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *slot = None;
}

#[cfg(target_os = "linux")]
fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = zbus_secret_service_keyring_store::Store::new()?;
    Ok(store)
}

#[cfg(target_os = "macos")]
fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
    Ok(store)
}

#[cfg(target_os = "windows")]
fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
    Ok(store)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn open() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(keyring_core::Error::NoDefaultStore)
}
