//! What can go wrong with the keyring, in words a site owner understands. Every message says
//! what to do and that the password is used for this session only: nothing falls back to a file.

use super::platform::{KEYRING_NAME, UNAVAILABLE_ADVICE};

/// Why the keyring could not save, read or forget a password.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// No keyring this program can use (for example no Secret Service on a Linux server).
    #[error(
        "There is no keyring on this computer that Mail Settings Tester can use ({keyring}), so the password cannot be saved or read there. The password is used for this session only. {advice} (Details: {detail})",
        keyring = KEYRING_NAME,
        advice = UNAVAILABLE_ADVICE
    )]
    Unavailable {
        /// What the platform said.
        detail: String,
    },
    /// The keyring is locked and was not unlocked.
    #[error(
        "Your keyring ({keyring}) is locked, so the password could not be saved or read. The password is used for this session only. Unlock the keyring (sign in to your desktop again, or unlock it in your keyring app), then try again. (Details: {detail})",
        keyring = KEYRING_NAME
    )]
    Locked {
        /// What the platform said.
        detail: String,
    },
    /// The keyring refused this program access to the entry.
    #[error(
        "Your keyring ({keyring}) did not allow Mail Settings Tester to use this password. The password is used for this session only. Allow access when the keyring asks (or in its settings), then try again. (Details: {detail})",
        keyring = KEYRING_NAME
    )]
    Denied {
        /// What the platform said.
        detail: String,
    },
    /// Anything else the keyring reported.
    #[error(
        "Your keyring ({keyring}) could not save or read the password. The password is used for this session only. Try again; if it keeps failing, type the password each time. (Details: {detail})",
        keyring = KEYRING_NAME
    )]
    Other {
        /// What the platform said.
        detail: String,
    },
    /// The keyring has a size limit that the password (or the account's name) exceeds.
    #[error(
        "The {what} is too long for your keyring ({keyring} takes at most {limit} bytes), so it could not be saved there. The password is used for this session only; type it each time.",
        keyring = KEYRING_NAME
    )]
    TooLong {
        /// What is too long ("password", "user name").
        what: String,
        /// The keyring's limit, in bytes.
        limit: u32,
    },
    /// `save` was given an empty password.
    #[error("There is no password to save: enter the password first, then save it.")]
    EmptyPassword,
}

impl CredentialError {
    /// Sorts a `keyring-core` error into one of the plain-language kinds.
    ///
    /// Never formats the error with `Debug` and never uses the `Display` of the variants that
    /// carry secret bytes or entries (`BadEncoding`, `BadDataFormat`, `Ambiguous`).
    pub fn from_keyring(err: keyring_core::Error) -> Self {
        use keyring_core::Error as E;
        match err {
            E::NoStorageAccess(inner) => {
                let detail = chain_text(inner.as_ref());
                match kind_from_text(&detail) {
                    Some(kind) => kind.with(detail),
                    None => Self::Denied { detail },
                }
            }
            E::PlatformFailure(inner) => {
                let detail = chain_text(inner.as_ref());
                match kind_from_text(&detail) {
                    Some(kind) => kind.with(detail),
                    None => Self::Other { detail },
                }
            }
            E::TooLong(what, limit) => Self::TooLong {
                what: match what.as_str() {
                    "user" | "target" => crate::en!("user name").to_owned(),
                    _ => crate::en!("password").to_owned(),
                },
                limit,
            },
            E::NoDefaultStore => Self::Unavailable {
                detail: crate::en!("no keyring store is set up").to_owned(),
            },
            E::NoEntry => Self::Other {
                detail: crate::en!("no saved password").to_owned(),
            },
            E::BadEncoding(_) | E::BadDataFormat(..) => Self::Other {
                detail: crate::en!("the saved password is not readable text; save it again")
                    .to_owned(),
            },
            E::Ambiguous(entries) => Self::Other {
                detail: crate::en!(
                    "{count} saved passwords match this account; remove the extra ones in your \
                     keyring app",
                    count = entries.len(),
                ),
            },
            other => Self::Other {
                detail: other.to_string(),
            },
        }
    }

    /// Sorts an error from opening the keyring: a platform failure there means there is no
    /// usable keyring at all.
    pub(super) fn from_opening(err: keyring_core::Error) -> Self {
        match err {
            keyring_core::Error::PlatformFailure(inner) => {
                let detail = chain_text(inner.as_ref());
                match kind_from_text(&detail) {
                    Some(Kind::Denied) => Self::Denied { detail },
                    _ => Self::Unavailable { detail },
                }
            }
            other => Self::from_keyring(other),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Unavailable,
    Locked,
    Denied,
}

impl Kind {
    fn with(self, detail: String) -> CredentialError {
        match self {
            Self::Unavailable => CredentialError::Unavailable { detail },
            Self::Locked => CredentialError::Locked { detail },
            Self::Denied => CredentialError::Denied { detail },
        }
    }
}

/// What the platform's words say, when they say it clearly (D-Bus names, Secret Service texts).
fn kind_from_text(text: &str) -> Option<Kind> {
    let text = text.to_ascii_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|needle| text.contains(needle));
    if has(&[
        "serviceunknown",
        "service unknown",
        "namehasnoowner",
        "not provided by any .service",
        "no secret service",
        "dbus session",
        "session bus",
        "address",
        "no such file",
        "not found",
        "notfound",
        // Windows: a service, a scheduled task or a remote session without a loaded profile.
        "no_such_logon_session",
        "logon session",
    ]) {
        Some(Kind::Unavailable)
    } else if has(&["locked", "prompt dismissed", "unlock"]) {
        Some(Kind::Locked)
    } else if has(&[
        "accessdenied",
        "access denied",
        "permission denied",
        "not allowed",
    ]) {
        Some(Kind::Denied)
    } else {
        None
    }
}

/// The error and its sources, joined with `: `.
fn chain_text(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(next) = source {
        let part = next.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = next.source();
    }
    text
}
