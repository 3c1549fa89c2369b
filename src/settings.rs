//! The SMTP settings a site owner enters, named exactly as `web.config` names them.
//!
//! [`Settings`] is the raw, editable form (what the window and the CLI fill in). It never panics
//! on bad input: [`Settings::check`] turns it into a [`SessionPlan`] the engine can run, or into
//! the full list of [`FieldProblem`]s, each with a plain sentence.

mod validate;

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use validate::{Field, FieldProblem, SessionPlan, Severity};

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
            Self::None => "no encryption",
            Self::StartTls => "STARTTLS (enableSsl=\"true\")",
            Self::ImplicitTls => "SSL on connect (port 465 style)",
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

/// How long each wait may last. Every network wait in a session is bounded by one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeouts {
    /// Resolving the host name and opening the TCP connection.
    pub connect_secs: u64,
    /// Waiting for the server's `220` greeting.
    pub greeting_secs: u64,
    /// Waiting for the reply to any single command (and for a TLS handshake).
    pub command_secs: u64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect_secs: 10,
            greeting_secs: 10,
            command_secs: 30,
        }
    }
}

impl Timeouts {
    /// The same limit for every wait (the CLI's `--timeout`).
    pub fn uniform(secs: u64) -> Self {
        Self {
            connect_secs: secs,
            greeting_secs: secs,
            command_secs: secs,
        }
    }

    /// Connect limit as a [`Duration`].
    pub fn connect(&self) -> Duration {
        Duration::from_secs(self.connect_secs)
    }

    /// Greeting limit as a [`Duration`].
    pub fn greeting(&self) -> Duration {
        Duration::from_secs(self.greeting_secs)
    }

    /// Per-command limit as a [`Duration`].
    pub fn command(&self) -> Duration {
        Duration::from_secs(self.command_secs)
    }
}

/// Everything the user enters, in `web.config` terms plus what a test needs.
///
/// The password is a [`Password`]: it is never serialised and its `Debug` form is redacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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
    /// Go on when the certificate is invalid (always reported as a warning).
    pub accept_invalid_certs: bool,
    /// An extra PEM file of certificate authorities to trust.
    pub ca_file: Option<PathBuf>,
    /// The program that will use these settings.
    pub target: Target,
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
            ca_file: None,
            target: Target::DotNet,
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
}
