//! Refresh tokens in the OS keyring (never in a file): kept after a person signs in, used to
//! renew the access token silently, replaced when the service rotates them, forgotten on
//! sign-out.

use super::delegated::{DelegatedApp, Tokens, refresh};
use super::token::TokenError;
use crate::credentials::{Account, CredentialError, Keyring};
use crate::secret::Password;

/// Why a stored sign-in could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoredError {
    /// The keyring could not be read or written.
    #[error("{0}")]
    Keyring(#[from] CredentialError),
    /// The sign-in service refused the refresh token (expired, revoked) or could not be reached.
    #[error("{0}")]
    Token(#[from] TokenError),
}

/// The keyring account of `app`'s refresh token for `mailbox`.
pub fn account(app: &DelegatedApp, mailbox: &str) -> Account {
    Account::oauth_refresh(app.provider.cli_name(), &app.client_id, mailbox)
}

/// The saved refresh token for `mailbox`, if any. Blocking (the keyring).
pub fn load(
    keyring: &Keyring,
    app: &DelegatedApp,
    mailbox: &str,
) -> Result<Option<Password>, CredentialError> {
    keyring.load(&account(app, mailbox))
}

/// Saves `refresh_token` for `mailbox`. Blocking (the keyring).
pub fn save(
    keyring: &Keyring,
    app: &DelegatedApp,
    mailbox: &str,
    refresh_token: &Password,
) -> Result<(), CredentialError> {
    keyring.save(&account(app, mailbox), refresh_token)
}

/// Forgets the refresh token for `mailbox`; `false` when none was saved. Blocking.
pub fn forget(
    keyring: &Keyring,
    app: &DelegatedApp,
    mailbox: &str,
) -> Result<bool, CredentialError> {
    keyring.forget(&account(app, mailbox))
}

/// A fresh access token from the saved refresh token, saving the new refresh token when the
/// service rotated it; `None` when nothing is saved (a person must sign in).
pub async fn renew(
    keyring: &Keyring,
    app: &DelegatedApp,
    mailbox: &str,
) -> Result<Option<Tokens>, StoredError> {
    let saved = {
        let (keyring, app, mailbox) = (keyring.clone(), app.clone(), mailbox.to_owned());
        tokio::task::spawn_blocking(move || load(&keyring, &app, &mailbox))
            .await
            .map_err(|_| CredentialError::Other {
                detail: crate::en!("the keyring call stopped").to_owned(),
            })??
    };
    let Some(refresh_token) = saved else {
        return Ok(None);
    };
    let tokens = refresh(app, &refresh_token).await?;
    if let Some(rotated) = &tokens.refresh {
        keep(keyring, app, mailbox, rotated).await?;
    }
    Ok(Some(tokens))
}

/// [`save`] off the async runtime.
pub async fn keep(
    keyring: &Keyring,
    app: &DelegatedApp,
    mailbox: &str,
    refresh_token: &Password,
) -> Result<(), CredentialError> {
    let (keyring, app, mailbox, token) = (
        keyring.clone(),
        app.clone(),
        mailbox.to_owned(),
        refresh_token.clone(),
    );
    tokio::task::spawn_blocking(move || save(&keyring, &app, &mailbox, &token))
        .await
        .map_err(|_| CredentialError::Other {
            detail: crate::en!("the keyring call stopped").to_owned(),
        })?
}
