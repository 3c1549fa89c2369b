//! Where a test's access token comes from, in one place for the command line and the window:
//! already there, Microsoft's client-credentials flow, or a person's sign-in (the token from a
//! sign-in moments ago, else renewed with the refresh token from memory or the keyring).

use std::time::{Duration, Instant};

use super::delegated::{DelegatedApp, refresh};
use super::stored;
use super::token::{ClientCredentials, TokenError, client_credentials};
use crate::credentials::Keyring;
use crate::secret::Password;

/// A person's sign-in held by the window: what the last sign-in or renewal gave.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The mailbox that signed in.
    pub mailbox: String,
    /// The access token.
    pub access: Password,
    /// The refresh token, when no keyring keeps it (else `None`: the keyring has it).
    pub refresh: Option<Password>,
    /// When the access token expires (a minute early, to be safe).
    pub expires_at: Option<Instant>,
    /// Whether the refresh token is kept in the system keyring.
    pub kept: bool,
}

impl SignedIn {
    /// The access token while it is still valid.
    pub fn valid_access(&self) -> Option<&Password> {
        match self.expires_at {
            Some(at) if at <= Instant::now() => None,
            _ => Some(&self.access),
        }
    }
}

/// When a token valid for `expires_in` expires, a minute early.
pub fn expiry(expires_in: Option<Duration>) -> Option<Instant> {
    expires_in.map(|d| Instant::now() + d.saturating_sub(Duration::from_secs(60)))
}

/// Where the token of one test comes from.
#[derive(Debug, Clone)]
pub enum TokenPlan {
    /// It is in the settings already (pasted, or from the environment).
    Ready,
    /// Microsoft's client-credentials flow (the app signs in as itself).
    ClientCredentials(ClientCredentials),
    /// A person's sign-in.
    Person {
        /// The app they signed in to.
        app: DelegatedApp,
        /// The mailbox.
        mailbox: String,
        /// The window's sign-in, if any.
        signed_in: Option<SignedIn>,
        /// The keyring that may keep the refresh token.
        keyring: Option<Keyring>,
    },
}

/// The access token for a test; `None` for [`TokenPlan::Ready`].
pub async fn obtain(plan: TokenPlan) -> Result<Option<Password>, TokenError> {
    match plan {
        TokenPlan::Ready => Ok(None),
        TokenPlan::ClientCredentials(request) => {
            client_credentials(&request).await.map(|t| Some(t.token))
        }
        TokenPlan::Person {
            app,
            mailbox,
            signed_in,
            keyring,
        } => {
            let signed_in = signed_in.filter(|s| s.mailbox.eq_ignore_ascii_case(mailbox.trim()));
            if let Some(access) = signed_in.as_ref().and_then(SignedIn::valid_access) {
                return Ok(Some(access.clone()));
            }
            if let Some(refresh_token) = signed_in.as_ref().and_then(|s| s.refresh.clone()) {
                return refresh(&app, &refresh_token).await.map(|t| Some(t.access));
            }
            if let Some(keyring) = &keyring {
                match stored::renew(keyring, &app, mailbox.trim()).await {
                    Ok(Some(tokens)) => return Ok(Some(tokens.access)),
                    Err(stored::StoredError::Token(error)) => return Err(error),
                    // Nothing kept, or no keyring to ask: a person must sign in.
                    Ok(None) | Err(stored::StoredError::Keyring(_)) => {}
                }
            }
            Err(not_signed_in(&app))
        }
    }
}

/// The error for a test that needs a person's sign-in nobody has made.
pub fn not_signed_in(app: &DelegatedApp) -> TokenError {
    TokenError::Refused {
        status: 0,
        error: "not_signed_in".to_owned(),
        description: crate::en!(
            "nobody has signed in to {provider} for this mailbox yet",
            provider = app.provider.label()
        ),
    }
}
