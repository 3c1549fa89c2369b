//! What the fleet check works with: the sites found in files, and the verdict on each.

use std::path::PathBuf;

use serde::Serialize;

use crate::secret::Password;
use crate::settings::Framework;

/// The program that reads a site's mail settings (it decides how the server is used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// ASP.NET on .NET Framework: `web.config`, System.Net.Mail.
    AspNet,
    /// ASP.NET Core: `appsettings.json`, usually MailKit.
    AspNetCore,
    /// WordPress with WP Mail SMTP: `wp-config.php` constants.
    WordPress,
    /// Laravel: `.env` `MAIL_*`.
    Laravel,
    /// Symfony: `.env` `MAILER_DSN`.
    Symfony,
}

impl Platform {
    /// The name support staff know it by.
    pub fn label(self) -> &'static str {
        match self {
            Self::AspNet => "ASP.NET (web.config)",
            Self::AspNetCore => "ASP.NET Core (appsettings.json)",
            Self::WordPress => "WordPress (wp-config.php)",
            Self::Laravel => "Laravel (.env)",
            Self::Symfony => "Symfony (.env)",
        }
    }
}

/// How a platform secures its connection to the server, as the platform itself decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// Plain text the whole way (web.config `enableSsl="false"`, WordPress with auto-TLS off).
    Plain,
    /// STARTTLS, and failing when the server does not offer it (`enableSsl="true"`).
    StartTls,
    /// STARTTLS when the server offers it, plain text otherwise (Laravel, Symfony, WordPress's
    /// auto-TLS).
    StartTlsIfOffered,
    /// Encrypted from the first byte (SSL on connect, usually port 465).
    ImplicitTls,
}

impl Transport {
    /// The word used in reports (`plain`, `starttls`, `starttls_if_offered`, `tls`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::StartTls => "starttls",
            Self::StartTlsIfOffered => "starttls_if_offered",
            Self::ImplicitTls => "tls",
        }
    }
}

/// The mail settings a site's files give, before any judgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteSettings {
    /// The mail server's name (may be empty: a finding of its own).
    pub host: String,
    /// The port as the platform reads it (its default when the file sets none).
    pub port: u32,
    /// How the platform secures the connection.
    pub transport: Transport,
    /// The sign-in name; empty when the site does not sign in.
    pub user: String,
    /// The password from the file (never printed, never written anywhere).
    pub password: Password,
    /// The sender address, when the file gives one.
    pub from: String,
    /// For ASP.NET sites: the runtime (from `targetFramework`); otherwise the default.
    pub framework: Framework,
    /// For ASP.NET sites: the web.config attributes as written (`enableSsl`), for the fix.
    pub enable_ssl: Option<bool>,
}

impl Default for SiteSettings {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 25,
            transport: Transport::Plain,
            user: String::new(),
            password: Password::default(),
            from: String::new(),
            framework: Framework::default(),
            enable_ssl: None,
        }
    }
}

/// Why a site's settings could not be read (never guessed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// The section is encrypted (`aspnet_regiis -pe`).
    #[error(
        "the mail settings are encrypted (aspnet_regiis -pe); decrypt them on the server to check them"
    )]
    Encrypted,
    /// The file could not be parsed.
    #[error("the file could not be read as {what}: {detail}")]
    Malformed {
        /// What it should have been (`XML`, `JSON`, `PHP`, `.env`).
        what: &'static str,
        /// Where and why.
        detail: String,
    },
    /// The file (or one it points to) could not be opened.
    #[error("the file could not be opened: {0}")]
    Io(String),
    /// The file is larger than a configuration file can sensibly be.
    #[error("the file is {0} bytes, too large for a configuration file; skipped")]
    TooLarge(u64),
    /// The file holds binary data.
    #[error("the file holds binary data, not text; skipped")]
    Binary,
    /// A `configSource` points outside the site or to a file that is not there.
    #[error("{0}")]
    ConfigSource(String),
    /// The settings live somewhere the files do not show (WordPress's database).
    #[error("{0}")]
    Elsewhere(String),
}

/// One site found by the walk.
#[derive(Debug, Clone)]
pub struct FoundSite {
    /// The site's name: its IIS name or domain folder when known, else its folder.
    pub site: String,
    /// The file the settings were read from (the nearest one, for inherited web.config values).
    pub path: PathBuf,
    /// The program that reads them.
    pub platform: Platform,
    /// The settings, or why they could not be read.
    pub settings: Result<SiteSettings, Unreadable>,
}

/// A path the walk could not use (a symlink loop, a folder it may not read, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The path.
    pub path: PathBuf,
    /// What happened, in plain words.
    pub reason: String,
}
