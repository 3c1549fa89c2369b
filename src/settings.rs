//! The SMTP settings a site owner enters, named exactly as `web.config` names them.
//!
//! [`Settings`] is the raw, editable form (what the window and the CLI fill in). It never panics
//! on bad input: [`Settings::check`] turns it into a [`SessionPlan`] the engine can run, or into
//! the full list of [`FieldProblem`]s, each with a plain sentence.

pub mod address;
mod ehlo_name;
mod timeouts;
mod validate;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use ehlo_name::{EhloName, address_literal};
pub use timeouts::Timeouts;
pub use validate::{Field, FieldProblem, SessionPlan, Severity};

use crate::oauth::{OAuthApp, SaslMechanism};
use crate::secret::Password;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain text the whole way (`enableSsl="false"`).
    None,
    /// Start in plain text, then switch to encryption with STARTTLS (`enableSsl="true"`).
    StartTls,
    /// Encrypted from the first byte ("SSL on connect", usually port 465). System.Net.Mail
    /// cannot do this.
    ImplicitTls,
}

impl Security {
    /// The CLI spelling (`none`, `starttls`, `tls`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::StartTls => "starttls",
            Self::ImplicitTls => "tls",
        }
    }

    /// A short label a site owner understands.
    pub fn label(self) -> &'static str {
        match self {
            Self::None => crate::en!("no encryption"),
            Self::StartTls => "STARTTLS (enableSsl=\"true\")",
            Self::ImplicitTls => crate::en!("SSL on connect"),
        }
    }
}

/// Which program will use the settings: it decides how faithfully the session copies a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// ASP.NET / System.Net.Mail, configured through `web.config`.
    #[default]
    DotNet,
    /// Any other mail client (PHPMailer, Nodemailer, ...): the best the server offers.
    Generic,
}

/// Which ASP.NET runtime the website uses: it decides what `web.config` can express.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    /// .NET Framework 2.0–3.5: `<network>` has no `enableSsl` (added in 4.0); SSL can only be
    /// switched on in code.
    Legacy,
    /// .NET Framework 4.x: everything in `web.config`; TLS 1.2 needs 4.7 or later.
    #[default]
    Net4,
    /// ASP.NET Core / .NET 5+: `<mailSettings>` is not read at all; settings live in
    /// `appsettings.json`, usually with MailKit.
    Core,
}

impl Framework {
    /// Every version, oldest first.
    pub const ALL: [Self; 3] = [Self::Legacy, Self::Net4, Self::Core];

    /// A label a site owner recognises.
    pub fn label(self) -> &'static str {
        match self {
            Self::Legacy => ".NET Framework 2.0 – 3.5",
            Self::Net4 => ".NET Framework 4.x",
            Self::Core => crate::en!("ASP.NET Core / .NET 5 or later"),
        }
    }

    /// The runtime named by a `targetFramework` value: `4.7.2`, `v3.5`, `net48`, `net8.0`,
    /// `netcoreapp3.1`. `None` when it names none of them.
    pub fn from_target_framework(value: &str) -> Option<Self> {
        let lower = value.trim().to_ascii_lowercase();
        if lower.starts_with("netcoreapp") {
            return Some(Self::Core);
        }
        let bare = lower.trim_start_matches('v');
        let (digits, dotted) = match bare.strip_prefix("net") {
            Some(rest) => (rest, rest.contains('.')),
            None => (bare, true),
        };
        if !dotted {
            // `net35`, `net48`, `net472`: .NET Framework monikers without dots.
            return match digits.chars().next()? {
                '2' | '3' => Some(Self::Legacy),
                '4' => Some(Self::Net4),
                _ => None,
            };
        }
        let major: u32 = digits.split('.').next()?.parse().ok()?;
        match major {
            2 | 3 => Some(Self::Legacy),
            4 => Some(Self::Net4),
            5..=99 => Some(Self::Core),
            _ => None,
        }
    }
}

/// Which System.Net.Mail a session and its predicted exception copy. The three differ in small
/// but visible ways (QUIT after a send, some exception texts); each difference is written where
/// it is used, with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DotNetRuntime {
    /// .NET Framework 2.0–4.8 (`referencesource`, `System/net/System/Net/mail`): the usual
    /// `web.config` site.
    #[default]
    NetFramework,
    /// .NET Core 3.1 (`dotnet/corefx` release/3.1): the runtime our differential tests run.
    NetCore31,
    /// .NET 5 and later (`dotnet/runtime`, `src/libraries/System.Net.Mail`).
    Net5OrLater,
}

impl DotNetRuntime {
    /// The runtime a website of this framework runs on (ASP.NET Core sites: .NET 5 or later).
    pub fn of(framework: Framework) -> Self {
        match framework {
            Framework::Legacy | Framework::Net4 => Self::NetFramework,
            Framework::Core => Self::Net5OrLater,
        }
    }

    /// Whether `SmtpClient` says QUIT after a message was sent. .NET Framework does when the
    /// client is disposed (`SmtpPooledStream.Dispose`), .NET 5+ when it releases the connection
    /// (`SmtpConnection.ShutdownConnection`); .NET Core 3.1 just closes the socket (seen with the
    /// real client). After a failure none of them does: they abort the connection.
    pub fn quits_after_success(self) -> bool {
        self != Self::NetCore31
    }
}

/// `<smtp deliveryMethod>`: only `Network` sends over SMTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DeliveryMethod {
    /// Send through an SMTP server (the only method this app can test).
    #[default]
    Network,
    /// Drop files into a folder instead of sending.
    SpecifiedPickupDirectory,
    /// Drop files into the IIS pickup folder instead of sending.
    PickupDirectoryFromIis,
}

///
/// The password is a [`Password`]: it is never serialised and its `Debug` form is redacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[allow(clippy::struct_excessive_bools)] // web.config's own switches, one field each
pub struct Settings {
    /// `<network host>`: the mail server's name.
    pub host: String,
    /// `<network port>` (web.config's default is 25). Kept wide so that a typo such as 70000 can
    /// be reported instead of silently wrapped.
    pub port: u32,
    /// `<network userName>`; empty means "do not sign in".
    pub user_name: String,
    /// `<network password>`; never written anywhere.
    #[serde(skip)]
    pub password: Password,
    /// `<network enableSsl>`: STARTTLS, exactly as System.Net.Mail means it.
    pub enable_ssl: bool,
    /// `<network defaultCredentials>`: sign in as the Windows account instead of `userName`.
    pub default_credentials: bool,
    /// `<network clientDomain>`: the name sent with EHLO; empty means this computer's name.
    pub client_domain: String,
    /// `<smtp from>`: the sender address.
    pub from: String,
    /// `<smtp deliveryMethod>`.
    pub delivery_method: DeliveryMethod,
    /// Where the test message goes; empty means the `from` address.
    pub to: String,
    /// Explicit connection security; `None` derives it from `enableSsl` (and, for the generic
    /// target, from port 465).
    pub security: Option<Security>,
    /// How long each wait may last.
    pub timeouts: Timeouts,
    /// Go on when the certificate is invalid (always reported as a warning). A choice for one
    /// test: never saved in a profile or the window's remembered state.
    #[serde(skip)]
    pub accept_invalid_certs: bool,
    /// Sign in even when the connection is not encrypted, so the password crosses the network
    /// readable by anyone on the way. A choice for one test, asked each time, never saved.
    #[serde(skip)]
    pub allow_plaintext_password: bool,
    /// An extra file of certificate authorities to trust (PEM, or one DER .cer certificate).
    pub ca_file: Option<PathBuf>,
    /// The program that will use these settings.
    pub target: Target,
    /// The website's ASP.NET runtime (for the ASP.NET target).
    pub framework: Framework,
    /// How the session signs in: with `password`, or with an OAuth access token.
    pub sign_in: SignIn,
    /// The OAuth access token for this test (with [`SignIn::OAuth`]); never written anywhere.
    #[serde(skip)]
    pub access_token: Password,
    /// The OAuth app (with [`SignIn::OAuth`]): provider, flow, tenant, client ID.
    pub oauth_app: OAuthApp,
    /// The OAuth SASL mechanism to use; `None` picks from what the server offers (XOAUTH2 first).
    #[serde(skip)]
    pub sasl: Option<SaslMechanism>,
}

/// How the session signs in once the connection is ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignIn {
    /// `userName` and `password` (AUTH PLAIN or LOGIN): what web.config can do.
    #[default]
    Password,
    /// `userName` and an OAuth 2 access token (XOAUTH2 or OAUTHBEARER); never over an unencrypted
    /// connection. System.Net.Mail cannot sign in this way.
    #[serde(rename = "oauth")]
    OAuth,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 587,
            user_name: String::new(),
            password: Password::default(),
            enable_ssl: true,
            default_credentials: false,
            client_domain: String::new(),
            from: String::new(),
            delivery_method: DeliveryMethod::Network,
            to: String::new(),
            security: None,
            timeouts: Timeouts::default(),
            accept_invalid_certs: false,
            allow_plaintext_password: false,
            ca_file: None,
            target: Target::DotNet,
            framework: Framework::Net4,
            sign_in: SignIn::Password,
            access_token: Password::default(),
            oauth_app: OAuthApp::default(),
            sasl: None,
        }
    }
}

impl Settings {
    /// The security the session will use, after applying `enableSsl` and the target's rules.
    ///
    /// System.Net.Mail knows only "STARTTLS when `enableSsl`", so for [`Target::DotNet`] the
    /// automatic choice never picks implicit TLS, even on port 465: the session then behaves as
    /// the website would (it waits for a greeting that never comes).
    pub fn effective_security(&self) -> Security {
        if let Some(explicit) = self.security {
            return explicit;
        }
        match (self.target, self.enable_ssl, self.port) {
            (Target::Generic, _, 465) => Security::ImplicitTls,
            (_, true, _) => Security::StartTls,
            (_, false, _) => Security::None,
        }
    }

    /// Where the test message goes: `to`, or `from` when `to` is empty.
    pub fn recipient(&self) -> &str {
        if self.to.trim().is_empty() {
            self.from.trim()
        } else {
            self.to.trim()
        }
    }

    /// Whether the session will try to sign in (System.Net.Mail: only with a user name).
    pub fn wants_auth(&self) -> bool {
        !self.user_name.trim().is_empty() && !self.default_credentials
    }

    /// The secret this session signs in with: the access token with OAuth, else the password.
    pub fn sign_in_secret(&self) -> &Password {
        match self.sign_in {
            SignIn::Password => &self.password,
            SignIn::OAuth => &self.access_token,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Framework, Settings};

    /// Profiles and the window's remembered form are this struct serialised: choices meant for
    /// one test never reach them.
    #[test]
    fn one_test_choices_are_never_saved() {
        let risky = Settings {
            accept_invalid_certs: true,
            allow_plaintext_password: true,
            ..Settings::default()
        };
        let saved = toml::to_string(&risky).unwrap();
        assert!(!saved.contains("accept_invalid_certs"), "{saved}");
        assert!(!saved.contains("allow_plaintext_password"), "{saved}");
        let loaded: Settings = toml::from_str(&saved).unwrap();
        assert!(!loaded.accept_invalid_certs && !loaded.allow_plaintext_password);
        let loaded: Settings =
            toml::from_str("accept_invalid_certs = true\nallow_plaintext_password = true").unwrap();
        assert!(!loaded.accept_invalid_certs && !loaded.allow_plaintext_password);
    }

    #[test]
    fn target_framework_values() {
        for (value, expected) in [
            ("4.7.2", Some(Framework::Net4)),
            ("4.8", Some(Framework::Net4)),
            ("v4.0", Some(Framework::Net4)),
            ("3.5", Some(Framework::Legacy)),
            ("v2.0", Some(Framework::Legacy)),
            ("net48", Some(Framework::Net4)),
            ("net472", Some(Framework::Net4)),
            ("net35", Some(Framework::Legacy)),
            ("net8.0", Some(Framework::Core)),
            ("netcoreapp3.1", Some(Framework::Core)),
            ("netstandard2.0", None),
            ("", None),
            ("banana", None),
        ] {
            assert_eq!(Framework::from_target_framework(value), expected, "{value}");
        }
    }
}
