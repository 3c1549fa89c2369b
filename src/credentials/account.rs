//! Which keyring entry a password belongs to: `<userName>@<host>:<port>`.

use crate::settings::Settings;

/// The keyring account of a password: the user name, the server and its port.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Account {
    user_name: String,
    host: String,
    port: u32,
}

impl Account {
    /// An account. The user name and host are trimmed and the host lower-cased, so that
    /// `Mail.Example.com` and `mail.example.com` find the same password.
    pub fn new(user_name: &str, host: &str, port: u32) -> Self {
        Self {
            user_name: user_name.trim().to_owned(),
            host: host.trim().to_ascii_lowercase(),
            port,
        }
    }

    /// The account the settings sign in with, or `None` when they do not sign in with a user
    /// name (no `userName`, or `defaultCredentials`).
    pub fn for_settings(settings: &Settings) -> Option<Self> {
        settings
            .wants_auth()
            .then(|| Self::new(&settings.user_name, &settings.host, settings.port))
    }

    /// The account of an OAuth refresh token: the mailbox, signed in to the app `client_id` of
    /// `provider` (`user@example.com@oauth.microsoft.<client id>:0`), so that uninstalling and
    /// `profile forget-everything` remove it with the passwords.
    pub fn oauth_refresh(provider: &str, client_id: &str, mailbox: &str) -> Self {
        Self {
            user_name: mailbox.trim().to_owned(),
            host: format!("oauth.{provider}.{}", client_id.trim().to_ascii_lowercase()),
            port: 0,
        }
    }

    /// The keyring's account string: `user@example.com@mail.example.com:587`.
    pub fn key(&self) -> String {
        format!("{}@{}:{}", self.user_name, self.host, self.port)
    }
}

impl std::fmt::Display for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key())
    }
}
