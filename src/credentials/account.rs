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
