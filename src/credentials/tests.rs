//! The keyring logic against `keyring_core::mock`: round trip and every error path.

use std::sync::Arc;

use keyring_core::mock;
use keyring_core::{CredentialStore, Entry, Error};

use super::{Account, CredentialError, Keyring, SERVICE};
use crate::secret::Password;

fn mock_keyring() -> (Keyring, Arc<CredentialStore>) {
    let store: Arc<CredentialStore> = mock::Store::new().unwrap();
    (Keyring::with_store(store.clone()), store)
}

fn account() -> Account {
    Account::new("user@example.com", "Mail.Example.com", 587)
}

/// Makes the next call on `account`'s entry fail with `err`.
fn inject(store: &Arc<CredentialStore>, account: &Account, err: Error) {
    let entry = Entry::new_in_store(store, SERVICE, &account.key()).unwrap();
    let cred: &mock::Cred = entry.as_any().downcast_ref().unwrap();
    cred.set_error(err);
}

fn boxed(text: &str) -> Box<dyn std::error::Error + Send + Sync> {
    Box::new(std::io::Error::other(text.to_owned()))
}

#[test]
fn account_key_is_user_at_host_colon_port() {
    assert_eq!(account().key(), "user@example.com@mail.example.com:587");
    let mut settings = crate::settings::Settings {
        host: "smtp.example.com".into(),
        port: 25,
        ..Default::default()
    };
    assert_eq!(Account::for_settings(&settings), None);
    settings.user_name = "me".into();
    assert_eq!(
        Account::for_settings(&settings).unwrap().key(),
        "me@smtp.example.com:25"
    );
    settings.default_credentials = true;
    assert_eq!(Account::for_settings(&settings), None);
}

#[test]
fn save_load_forget_round_trip() {
    let (keyring, _store) = mock_keyring();
    let account = account();
    assert_eq!(keyring.load(&account).unwrap(), None);
    keyring.save(&account, &Password::new("s3cret")).unwrap();
    let loaded = keyring.load(&account).unwrap().unwrap();
    assert_eq!(loaded.expose(), "s3cret");
    keyring.save(&account, &Password::new("changed")).unwrap();
    assert_eq!(keyring.load(&account).unwrap().unwrap().expose(), "changed");
    assert!(keyring.forget(&account).unwrap());
    assert!(!keyring.forget(&account).unwrap());
    assert_eq!(keyring.load(&account).unwrap(), None);
}

#[test]
fn an_empty_password_is_not_saved() {
    let (keyring, _store) = mock_keyring();
    let err = keyring.save(&account(), &Password::default()).unwrap_err();
    assert!(matches!(err, CredentialError::EmptyPassword));
    assert_eq!(keyring.load(&account()).unwrap(), None);
}

#[test]
fn no_secret_service_is_said_plainly() {
    let (keyring, store) = mock_keyring();
    let account = account();
    inject(
        &store,
        &account,
        Error::PlatformFailure(boxed(
            "zbus error: org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files",
        )),
    );
    let err = keyring.save(&account, &Password::new("pw")).unwrap_err();
    assert!(
        matches!(err, CredentialError::Unavailable { .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.starts_with("There is no keyring on this computer"));
    assert!(message.contains("used for this session only"));
    assert!(message.contains("ServiceUnknown"), "the details come last");
    // Nothing was stored anywhere: the next load finds no password.
    assert_eq!(keyring.load(&account).unwrap(), None);
}

#[test]
fn a_locked_keyring_is_said_plainly() {
    let (keyring, store) = mock_keyring();
    let account = account();
    inject(
        &store,
        &account,
        Error::NoStorageAccess(boxed("SS Error: object locked")),
    );
    let err = keyring.load(&account).unwrap_err();
    assert!(matches!(err, CredentialError::Locked { .. }), "{err:?}");
    assert!(err.to_string().contains("is locked"));
    assert!(err.to_string().contains("Unlock the keyring"));
    assert!(err.to_string().contains("used for this session only"));

    inject(
        &store,
        &account,
        Error::NoStorageAccess(boxed("SS error: prompt dismissed")),
    );
    let err = keyring.save(&account, &Password::new("pw")).unwrap_err();
    assert!(matches!(err, CredentialError::Locked { .. }), "{err:?}");
}

#[test]
fn denied_access_is_said_plainly() {
    let (keyring, store) = mock_keyring();
    let account = account();
    keyring.save(&account, &Password::new("pw")).unwrap();
    inject(
        &store,
        &account,
        Error::NoStorageAccess(boxed("wrPermErr (-61)")),
    );
    let err = keyring.forget(&account).unwrap_err();
    assert!(matches!(err, CredentialError::Denied { .. }), "{err:?}");
    assert!(err.to_string().contains("did not allow"));
    assert!(err.to_string().contains("used for this session only"));
    // The failed forget left the password where it was.
    assert_eq!(keyring.load(&account).unwrap().unwrap().expose(), "pw");

    inject(
        &store,
        &account,
        Error::PlatformFailure(boxed("org.freedesktop.DBus.Error.AccessDenied: nope")),
    );
    let err = keyring.load(&account).unwrap_err();
    assert!(matches!(err, CredentialError::Denied { .. }), "{err:?}");
}

#[test]
fn other_failures_never_show_secret_bytes() {
    let (keyring, store) = mock_keyring();
    let account = account();
    inject(
        &store,
        &account,
        Error::BadEncoding(b"hunter2\xff".to_vec()),
    );
    let err = keyring.load(&account).unwrap_err();
    assert!(matches!(err, CredentialError::Other { .. }));
    assert!(!err.to_string().contains("hunter2"));
    assert!(!format!("{err:?}").contains("hunter2"));
    assert!(err.to_string().contains("used for this session only"));

    inject(
        &store,
        &account,
        Error::PlatformFailure(boxed("something odd")),
    );
    let err = keyring.save(&account, &Password::new("pw")).unwrap_err();
    assert!(matches!(err, CredentialError::Other { .. }));
    assert!(err.to_string().ends_with("(Details: something odd)"));
}

#[test]
fn opening_failures_mean_no_keyring() {
    let err = CredentialError::from_opening(Error::PlatformFailure(boxed(
        "no secret service provider or dbus session found",
    )));
    assert!(matches!(err, CredentialError::Unavailable { .. }));
    let err = CredentialError::from_opening(Error::PlatformFailure(boxed("weird")));
    assert!(matches!(err, CredentialError::Unavailable { .. }));
    let err = CredentialError::from_keyring(Error::NoDefaultStore);
    assert!(matches!(err, CredentialError::Unavailable { .. }));
}

/// Windows' "no logon session" (a service, a scheduled task or a session without a loaded
/// profile), as windows-native-keyring-store reports it, means there is no keyring to use.
#[test]
fn no_windows_logon_session_means_no_keyring() {
    let (keyring, store) = mock_keyring();
    let account = account();
    inject(
        &store,
        &account,
        Error::NoStorageAccess(boxed("Windows ERROR_NO_SUCH_LOGON_SESSION")),
    );
    let err = keyring.save(&account, &Password::new("pw")).unwrap_err();
    assert!(
        matches!(err, CredentialError::Unavailable { .. }),
        "{err:?}"
    );
}

/// A password over the store's limit (the Credential Manager's 2,560 bytes as UTF-16) is named
/// as too long, not as a broken keyring.
#[test]
fn a_too_long_password_is_named_as_such() {
    let (keyring, store) = mock_keyring();
    let account = account();
    inject(
        &store,
        &account,
        Error::TooLong("password encoded as UTF-16".to_owned(), 2560),
    );
    let err = keyring
        .save(&account, &Password::new("x".repeat(1300)))
        .unwrap_err();
    assert!(matches!(err, CredentialError::TooLong { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("The password is too long"), "{message}");
    assert!(message.contains("2560 bytes"), "{message}");
    assert!(!message.contains("xxxx"), "never the password");
}

/// Forgetting everything removes every password of our service and nothing of another's.
#[test]
fn forget_all_removes_only_our_passwords() {
    let (keyring, store) = mock_keyring();
    keyring.save(&account(), &Password::new("a")).unwrap();
    let other_account = Account::new("box@example.com", "imap.example.com", 993);
    keyring.save(&other_account, &Password::new("b")).unwrap();
    let foreign = Entry::new_in_store(&store, "another-program", "someone").unwrap();
    foreign.set_password("theirs").unwrap();
    assert_eq!(keyring.forget_all().unwrap(), 2);
    assert_eq!(keyring.load(&account()).unwrap(), None);
    assert_eq!(keyring.load(&other_account).unwrap(), None);
    assert_eq!(foreign.get_password().unwrap(), "theirs");
}
