//! Why a session stopped early. The diagnosis turns these into plain language.

use crate::event::Step;
use crate::oauth::token::TokenError;
use crate::oauth::{OAuthChallenge, SaslMechanism};
use crate::reply::Reply;
use crate::settings::address::{AddressRole, Unsendable};

/// What was wrong with the server's certificate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum CertProblem {
    /// The certificate is for other names than the host we connected to.
    NameMismatch {
        /// The host name we expected.
        expected: String,
        /// The names the certificate is valid for.
        presented: Vec<String>,
    },
    /// Nobody we trust vouches for it (self-signed, missing intermediate, private CA).
    Untrusted,
    /// Its validity period has ended.
    Expired,
    /// Its validity period has not started yet (or this computer's clock is wrong).
    NotYetValid,
    /// Something else about it is unacceptable.
    Other(String),
}

impl CertProblem {
    /// The problem in a few words ("it has expired"), for a sentence about the certificate.
    pub fn words(&self) -> String {
        match self {
            Self::NameMismatch { presented, .. } => {
                crate::en!("it is issued for {names}", names = presented.join(", "))
            }
            Self::Untrusted => {
                crate::en!("no authority this computer trusts vouches for it").to_owned()
            }
            Self::Expired => crate::en!("it has expired").to_owned(),
            Self::NotYetValid => {
                crate::en!("it is not valid yet (or this computer's clock is wrong)").to_owned()
            }
            Self::Other(detail) => detail.clone(),
        }
    }
}

/// Why a session ended without sending the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The host name does not exist (or DNS is unreachable).
    #[error("the server name {host} could not be found ({detail})")]
    DnsNotFound {
        /// The name looked up.
        host: String,
        /// What the resolver said.
        detail: String,
    },
    /// Nothing listens on that port, or a firewall refused the connection.
    #[error("the connection to {address} was refused")]
    ConnectionRefused {
        /// `ip:port` tried.
        address: String,
    },
    /// No answer to the connection attempt within the connect timeout.
    #[error("no answer from {address} within {secs} s")]
    ConnectTimeout {
        /// `ip:port` tried.
        address: String,
        /// The limit that ran out.
        secs: u64,
    },
    /// Another network error while connecting (unreachable network, ...).
    #[error("could not connect to {address}: {detail}")]
    ConnectFailed {
        /// `ip:port` tried.
        address: String,
        /// The system's message.
        detail: String,
    },
    /// The TCP connection opened but no greeting came.
    #[error("connected, but the server sent no greeting within {secs} s")]
    NoGreeting {
        /// The limit that ran out.
        secs: u64,
        /// Whether a separate probe found that this port speaks TLS from the first byte.
        port_speaks_tls: bool,
    },
    /// The peer answered with something that is not SMTP (HTTP, binary, another protocol).
    #[error("the server does not speak SMTP: it sent \"{received}\"")]
    NotSmtp {
        /// When it happened.
        step: Step,
        /// The first thing received (shortened, printable).
        received: String,
    },
    /// The server refused a command.
    #[error("the server refused {step_name}: {reply_text}", step_name = step.label(), reply_text = reply.display())]
    Rejected {
        /// The step that was refused.
        step: Step,
        /// The reply.
        reply: Reply,
    },
    /// `enableSsl` is on but the server does not offer STARTTLS.
    #[error("the server does not offer STARTTLS")]
    StartTlsNotOffered,
    /// The TLS handshake failed.
    #[error("the TLS handshake failed: {detail}")]
    TlsHandshake {
        /// `Tls` (implicit) or `StartTls`.
        step: Step,
        /// The TLS library's message.
        detail: String,
        /// The certificate problem, when that was the cause.
        certificate: Option<CertProblem>,
        /// For implicit TLS: the plain-text greeting a probe received on the same port, which
        /// shows the port expects STARTTLS instead.
        plain_banner: Option<String>,
        /// The fatal alert the server answered the handshake with (its RFC 8446 code: 40 is
        /// `handshake_failure`), when it sent one rather than closing or sending a certificate.
        alert: Option<u8>,
    },
    /// The server speaks only TLS 1.0 or 1.1, which this test (like every modern client)
    /// refuses.
    #[error("the server offers only outdated encryption (TLS 1.0 or 1.1): {detail}")]
    TlsOutdated {
        /// `Tls` (implicit) or `StartTls`.
        step: Step,
        /// The TLS library's message.
        detail: String,
    },
    /// Credentials are set but the server offers no AUTH on this connection.
    #[error("the server offers no sign-in (AUTH) on this connection")]
    AuthNotOffered {
        /// Whether the connection was encrypted when we looked.
        encrypted: bool,
        /// Whether STARTTLS was on offer (servers often hide AUTH until encryption is on).
        starttls_offered: bool,
    },
    /// The server's sign-in methods are all ones the target client cannot use.
    #[error("the server offers only sign-in methods {target_name} cannot use: {methods}", methods = offered.join(" "))]
    AuthMechanismUnsupported {
        /// What the server offered.
        offered: Vec<String>,
        /// The client being imitated.
        target_name: String,
    },
    /// The server offers sign-in on an unencrypted connection, and sending the password there
    /// was not allowed for this test: it stopped before the password left this computer.
    #[error("stopped before sending the password over an unencrypted connection")]
    PlaintextPasswordRefused {
        /// Whether the server offers STARTTLS (so `enableSsl` would protect the password).
        starttls_offered: bool,
    },
    /// After the password the server asked for more (`334` again): it ignored the user name
    /// ASP.NET sends with `AUTH login`, and System.Net.Mail gives up ("Authentication failed.").
    #[error("the server asked for more after the password: {reply_text}", reply_text = reply.display())]
    AuthNotFinished {
        /// The server's last challenge.
        reply: Reply,
    },
    /// The server refused the OAuth access token.
    #[error(
        "the server refused the OAuth token ({mechanism_name}): {reply_text}",
        mechanism_name = mechanism.wire_name(),
        reply_text = reply.display()
    )]
    OAuthRejected {
        /// The mechanism that carried it.
        mechanism: SaslMechanism,
        /// What the server's error challenge said (Google's and Dovecot's `334` JSON), if any.
        challenge: Option<Box<OAuthChallenge>>,
        /// The server's final reply.
        reply: Reply,
    },
    /// The server offers no OAuth sign-in here (or not the one asked for): no token was sent.
    #[error("the server offers no OAuth sign-in here (it offers: {methods})", methods = offered.join(" "))]
    OAuthNotOffered {
        /// What the server offered.
        offered: Vec<String>,
        /// The mechanism asked for with `--sasl`, if any.
        wanted: Option<SaslMechanism>,
        /// Whether the connection was encrypted when we looked.
        encrypted: bool,
        /// Whether STARTTLS was on offer (sign-in may appear after it).
        starttls_offered: bool,
    },
    /// The connection is not encrypted: an OAuth token never crosses it (unlike a password,
    /// there is no "allow once").
    #[error("stopped before sending the OAuth token over an unencrypted connection")]
    TokenUnencrypted {
        /// Whether the server offers STARTTLS (so encryption would protect the token).
        starttls_offered: bool,
    },
    /// No token came from the provider's sign-in service, so the mail server was never
    /// contacted: a failure of signing in, not of SMTP.
    #[error(transparent)]
    TokenRequest(Box<TokenError>),
    /// The server closed the connection (or it broke) in the middle of a step.
    #[error("the server closed the connection during {step_name}", step_name = step.label())]
    ConnectionLost {
        /// Where it happened.
        step: Step,
    },
    /// A reply did not come within its limit.
    #[error("no reply to {step_name} within {secs} s", step_name = step.label())]
    Timeout {
        /// Which wait ran out.
        step: Step,
        /// The limit.
        secs: u64,
    },
    /// The user cancelled.
    #[error("cancelled during {step_name}", step_name = step.label())]
    Cancelled {
        /// What was running.
        step: Step,
    },
    /// The extra CA file could not be used.
    #[error("the certificate file {path} could not be used: {detail}")]
    CaFile {
        /// The path given.
        path: String,
        /// What went wrong.
        detail: String,
    },
    /// An address of the test cannot go out, found before `MAIL FROM`: the server was never
    /// asked to take it.
    #[error("{role_words} {address} cannot be sent: {reason}", role_words = role.words(), reason = problem.words())]
    AddressUnsendable {
        /// Which address.
        role: AddressRole,
        /// The address as entered.
        address: String,
        /// Why.
        problem: Unsendable,
    },
    /// The server broke the protocol in another way (reply too long, data before TLS, ...).
    #[error("the server broke the SMTP rules during {step_name}: {detail}", step_name = step.label())]
    Protocol {
        /// Where.
        step: Step,
        /// What it did.
        detail: String,
    },
}

impl SessionError {
    /// The step the session was in when it stopped.
    pub fn step(&self) -> Step {
        match self {
            Self::DnsNotFound { .. } => Step::Resolve,
            Self::ConnectionRefused { .. }
            | Self::ConnectTimeout { .. }
            | Self::ConnectFailed { .. } => Step::Connect,
            Self::NoGreeting { .. } => Step::Greeting,
            Self::AddressUnsendable { .. } => Step::MailFrom,
            Self::StartTlsNotOffered => Step::StartTls,
            Self::CaFile { .. } => Step::Tls,
            Self::AuthNotOffered { .. }
            | Self::AuthMechanismUnsupported { .. }
            | Self::AuthNotFinished { .. }
            | Self::PlaintextPasswordRefused { .. }
            | Self::OAuthRejected { .. }
            | Self::OAuthNotOffered { .. }
            | Self::TokenUnencrypted { .. }
            | Self::TokenRequest(_) => Step::Auth,
            Self::NotSmtp { step, .. }
            | Self::Rejected { step, .. }
            | Self::TlsHandshake { step, .. }
            | Self::TlsOutdated { step, .. }
            | Self::ConnectionLost { step }
            | Self::Timeout { step, .. }
            | Self::Cancelled { step }
            | Self::Protocol { step, .. } => *step,
        }
    }

    /// The server reply that caused the stop, if any.
    pub fn reply(&self) -> Option<&Reply> {
        match self {
            Self::Rejected { reply, .. }
            | Self::AuthNotFinished { reply }
            | Self::OAuthRejected { reply, .. } => Some(reply),
            _ => None,
        }
    }
}
