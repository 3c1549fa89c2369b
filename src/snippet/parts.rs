//! What every non-web.config format needs from the tested settings, worked out once: trimmed
//! values, the security, the credentials (password or placeholder) and the shared warnings.

use super::{Format, PASSWORD_PLACEHOLDER};
use crate::settings::{Security, Settings};

/// The note for a snippet without a sender.
pub(super) const FROM_EMPTY: &str =
    crate::en!("from is empty: the website's code must then set the sender itself.");

/// The note for a snippet with the password placeholder.
pub(super) fn replace_placeholder() -> String {
    crate::en!(
        "Replace {placeholder} with the mailbox password (it is left out so the snippet can be \
         shared safely).",
        placeholder = PASSWORD_PLACEHOLDER
    )
}

/// The user name and the password text to write (the real one or the placeholder).
pub struct Credentials<'a> {
    /// The sign-in name, trimmed.
    pub user: &'a str,
    /// The real password, or [`PASSWORD_PLACEHOLDER`].
    pub password: &'a str,
}

/// The tested settings, ready to be written in any format.
pub struct Parts<'a> {
    /// The server's name, trimmed.
    pub host: &'a str,
    /// The port, as tested (465 stays 465: these clients can do SSL on connect).
    pub port: u32,
    /// How the connection is protected.
    pub security: Security,
    /// `None` when the site does not sign in.
    pub credentials: Option<Credentials<'a>>,
    /// The sender address, trimmed; may be empty.
    pub from: &'a str,
    /// The EHLO name, trimmed; empty means the client's default.
    pub client_domain: &'a str,
    /// Whether the real password is written.
    pub includes_password: bool,
    /// Notes every format shares, the placement first.
    pub warnings: Vec<String>,
}

impl<'a> Parts<'a> {
    /// Works out the common parts for `format`.
    pub fn new(format: Format, settings: &'a Settings, with_password: bool) -> Self {
        let includes_password =
            with_password && settings.wants_auth() && !settings.password.is_empty();
        let credentials = settings.wants_auth().then(|| Credentials {
            user: settings.user_name.trim(),
            password: if includes_password {
                settings.password.expose()
            } else {
                PASSWORD_PLACEHOLDER
            },
        });
        let mut parts = Self {
            host: settings.host.trim(),
            port: settings.port,
            security: settings.effective_security(),
            credentials,
            from: settings.from.trim(),
            client_domain: settings.client_domain.trim(),
            includes_password,
            warnings: vec![format.placement().to_owned()],
        };
        parts.shared_warnings(settings);
        parts
    }

    fn shared_warnings(&mut self, settings: &Settings) {
        if self.credentials.is_some() && !self.includes_password {
            self.warnings.push(replace_placeholder());
        }
        if settings.default_credentials {
            self.warnings.push(
                crate::en!(
                    "defaultCredentials (signing in as the Windows account) exists only in \
                     ASP.NET's web.config: this snippet does not sign in. Enter a user name and \
                     password if the server needs them."
                )
                .to_owned(),
            );
        }
        if self.security == Security::None && self.credentials.is_some() {
            self.warnings.push(
                crate::en!(
                    "No encryption: the password crosses the network unencrypted. Use STARTTLS or \
                     SSL on connect if the server offers it."
                )
                .to_owned(),
            );
        }
        if self.port == 465 && self.security != Security::ImplicitTls {
            self.warnings.push(
                crate::en!(
                    "Port 465 is for SSL on connect, and most mail programs always use it there. \
                     Test port 587 with STARTTLS, or port 465 with SSL on connect, before relying \
                     on this."
                )
                .to_owned(),
            );
        }
        if self.from.is_empty() {
            self.warnings.push(FROM_EMPTY.to_owned());
        }
    }
}
