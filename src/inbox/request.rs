//! What the inbox check needs, and why it can fail.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use super::address::MailboxAddress;
use crate::secret::Password;

/// How long to look for the message unless told otherwise.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(60);
/// How often to look again while waiting.
pub const POLL_EVERY: Duration = Duration::from_secs(1);
/// How long one step (connect, TLS, one IMAP command) may take.
pub const STEP_LIMIT: Duration = Duration::from_secs(20);

/// One inbox check.
#[derive(Debug, Clone)]
pub struct InboxRequest {
    /// The mailbox to look in.
    pub mailbox: MailboxAddress,
    /// Its password (held in memory only, redacted in every transcript line).
    pub password: Password,
    /// The Message-ID of the test message, with its angle brackets.
    pub message_id: String,
    /// When the SMTP server accepted the message (the arrival time counts from here).
    pub sent_at: Instant,
    /// How long to look before saying it did not arrive.
    pub wait: Duration,
    /// How often to look again.
    pub poll_every: Duration,
    /// How long one step may take.
    pub step_limit: Duration,
    /// Extra trusted certificate authorities (PEM), as for the SMTP test.
    pub ca_pem: Option<Vec<u8>>,
    /// Accept a certificate that fails verification (the user asked for it for the test).
    pub accept_invalid_certs: bool,
    /// The DNS server for the DKIM keys (as `--dns-server` elsewhere).
    pub dns_server: Option<SocketAddr>,
}

impl InboxRequest {
    /// A check of `mailbox` for `message_id`, with the usual wait and limits.
    pub fn new(mailbox: MailboxAddress, password: Password, message_id: impl Into<String>) -> Self {
        Self {
            mailbox,
            password,
            message_id: message_id.into(),
            sent_at: Instant::now(),
            wait: DEFAULT_WAIT,
            poll_every: POLL_EVERY,
            step_limit: STEP_LIMIT,
            ca_pem: None,
            accept_invalid_certs: false,
            dns_server: None,
        }
    }
}

/// Why the inbox could not be checked. Each says what happened and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InboxError {
    /// No Message-ID to look for.
    #[error("there is no message to look for: send a test message first")]
    NoMessage,
    /// No password for the mailbox.
    #[error(
        "no password for the mailbox {mailbox}: give it (it is the password you use to read \
         that mail), or save it in the keyring"
    )]
    NoPassword {
        /// The mailbox.
        mailbox: String,
    },
    /// The server could not be reached.
    #[error(
        "could not reach the mailbox server {server} ({detail}). Check the server name and the \
         port: reading mail over IMAP usually uses port 993 (imaps://)"
    )]
    Connect {
        /// `host:port`.
        server: String,
        /// What went wrong.
        detail: String,
    },
    /// Something did not answer in time.
    #[error(
        "the mailbox server {server} did not answer in time ({what}). Check the port: IMAP is \
         993 (imaps://) or 143 (imap://)"
    )]
    Timeout {
        /// `host:port`.
        server: String,
        /// What we were waiting for.
        what: String,
    },
    /// The server does not speak IMAP on that port.
    #[error(
        "{server} did not greet like a mailbox (IMAP) server; it said \"{said}\". Check the \
         port: IMAP is 993 (imaps://) or 143 (imap://)"
    )]
    NotImap {
        /// `host:port`.
        server: String,
        /// Its first line.
        said: String,
    },
    /// `imap://` and the server offers no STARTTLS.
    #[error(
        "{server} does not offer encryption (STARTTLS), and we never send a mailbox password \
         unencrypted. Use imaps:// (port 993) instead"
    )]
    NoStartTls {
        /// `host:port`.
        server: String,
    },
    /// The TLS handshake or the certificate failed.
    #[error(
        "the secure connection to the mailbox server {server} failed: {detail}. Check the \
         server name: it must be the name on the server's certificate"
    )]
    Tls {
        /// `host:port`.
        server: String,
        /// What failed, in words.
        detail: String,
    },
    /// The server refused the sign-in.
    #[error(
        "the mailbox server refused the sign-in for {user} (it said: {said}). Check the user \
         name and the mailbox password; Gmail, Outlook.com and Yahoo need an app password for \
         IMAP"
    )]
    SignIn {
        /// The user name.
        user: String,
        /// What the server said.
        said: String,
    },
    /// The server broke the conversation.
    #[error("the mailbox server {server} broke off the conversation ({detail}); try again")]
    Protocol {
        /// `host:port`.
        server: String,
        /// What happened.
        detail: String,
    },
    /// The DNS resolver could not be set up.
    #[error("{0}")]
    Dns(String),
    /// Stopped by the user.
    #[error("the inbox check was stopped")]
    Cancelled,
}
