//! What the fake SMTP server does: banner, TLS, AUTH, reply overrides and injected faults.

use std::time::Duration;

use crate::support::pki::CertKind;

/// Host name the fake server uses in its greeting and replies.
pub const HOST: &str = "fake.test";
/// The user the default configuration knows.
pub const TEST_USER: &str = "user@test.example";
/// The password of [`TEST_USER`]; it contains characters that need escaping in XML and shells.
pub const TEST_PASSWORD: &str = "Secr3t&<\"pass";

/// What the server does right after accepting a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Banner {
    /// One greeting line, e.g. `220 fake.test ESMTP FakeSMTP`.
    Normal(String),
    /// Raw greeting lines (multi-line `220-`, or a reject such as `554 5.7.1 go away`).
    /// Unless the last line starts with `2`, the server closes after writing them.
    Lines(Vec<String>),
    /// Accept, never write, keep the socket open until the client closes it.
    Silent,
    /// Write an `HTTP/1.1 400` response and close (a web server on the port).
    Http,
    /// Write non-UTF-8 binary bytes ending in CRLF and keep the socket open.
    Garbage,
    /// Raw bytes as the greeting (NUL, invalid UTF-8, escape sequences...). When they start with
    /// `2` the dialogue goes on as after a normal greeting; otherwise the server keeps the socket
    /// open, reading and ignoring whatever comes, until the client closes.
    Bytes(Vec<u8>),
    /// The greeting line written one byte per interval, and every reply after it too.
    Slow(String, Duration),
}

/// A step of the SMTP dialogue where a fault can be injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// `EHLO` or `HELO`.
    Ehlo,
    /// `STARTTLS`.
    StartTls,
    /// `AUTH`.
    Auth,
    /// `MAIL FROM`.
    MailFrom,
    /// `RCPT TO`.
    RcptTo,
    /// The `DATA` command.
    Data,
    /// The final `.` that ends the message.
    DataEnd,
    /// `QUIT`.
    Quit,
}

impl Stage {
    /// The stage a command verb (any case) belongs to.
    pub fn of_verb(verb: &str) -> Option<Stage> {
        Some(match verb.to_ascii_uppercase().as_str() {
            "EHLO" | "HELO" => Stage::Ehlo,
            "STARTTLS" => Stage::StartTls,
            "AUTH" => Stage::Auth,
            "MAIL" => Stage::MailFrom,
            "RCPT" => Stage::RcptTo,
            "DATA" => Stage::Data,
            "QUIT" => Stage::Quit,
            _ => return None,
        })
    }
}

/// What the server does with an initial response on `AUTH LOGIN <base64 user name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LoginInitialResponse {
    /// Take it as the user name and ask for the password (RFC 4954 servers).
    #[default]
    Accept,
    /// Ignore it and ask for the user name anyway (`334 VXNlcm5hbWU6`), as some old servers do.
    Ignore,
    /// Refuse the command with `login_initial_refusal`.
    Reject,
}

/// A misbehaviour to inject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Close the connection without replying when this stage's command arrives.
    DropAt(Stage),
    /// Read this stage's command, never answer, keep the socket open until the client closes.
    StallAt(Stage),
    /// Pause this long between the lines of every multi-line reply.
    SlowLines(Duration),
    /// Answer this stage's command as usual, then close the connection.
    DropAfter(Stage),
    /// Accept the TLS handshake's first bytes (the `ClientHello`), then close: implicit TLS or
    /// after `220` to STARTTLS.
    DropInTlsHandshake,
    /// Read the `ClientHello`, answer with a fatal TLS alert (`handshake_failure`), then close:
    /// a server whose TLS settings share nothing with the client's.
    AlertInTlsHandshake,
    /// After the `354`, read this many lines of the message body, then close.
    DropInData(usize),
    /// Answer this stage's command with these raw bytes (NUL, invalid UTF-8...), then go on.
    RawReplyAt(Stage, &'static [u8]),
    /// Answer this stage's command with `250 ` and this many letters on one line, then go on.
    LongLineAt(Stage, usize),
    /// Answer this stage's command with `250-` lines forever (until the client goes away).
    EndlessReplyAt(Stage),
    /// From the reply to this stage's command on, write one byte per interval.
    SlowBytesFrom(Stage, Duration),
}

/// Configuration of a [`super::TestServer`]. `Default` is a friendly STARTTLS server.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // independent switches, set by struct update syntax
pub struct ServerConfig {
    /// What happens right after accept.
    pub banner: Banner,
    /// TLS handshake right after accept (port 465 style); the banner follows, encrypted.
    pub implicit_tls: bool,
    /// Advertise and accept `STARTTLS` on the plain connection.
    pub offer_starttls: bool,
    /// Reply to `STARTTLS` instead of `220 2.0.0 Ready to start TLS`; a non-2xx reply refuses.
    pub starttls_reply: Option<String>,
    /// Before TLS, `MAIL FROM` and `AUTH` get `530 5.7.0 Must issue a STARTTLS command first`.
    pub require_tls: bool,
    /// Mechanisms advertised in `AUTH` (PLAIN and LOGIN are implemented; others always fail).
    pub auth_mechanisms: Vec<String>,
    /// Advertise and accept AUTH on the plain connection too (default: only after TLS).
    pub auth_before_tls: bool,
    /// Known `(user, password)` pairs.
    pub users: Vec<(String, String)>,
    /// Reply to failed authentication (lines separated by `\n` make a multi-line reply).
    pub auth_failure_reply: String,
    /// What `AUTH LOGIN` with an initial response gets.
    pub login_initial_response: LoginInitialResponse,
    /// The reply when [`LoginInitialResponse::Reject`] refuses (`\n` separates lines).
    pub login_initial_refusal: String,
    /// Reply to `MAIL FROM` and `AUTH` before TLS when `require_tls` is set (`\n` separates
    /// the lines of a multi-line reply).
    pub must_starttls_reply: String,
    /// `RCPT TO` without a successful AUTH gets `554 5.7.1 <rcpt>: Relay access denied`,
    /// unless the recipient's domain is one of `local_domains`.
    pub relay_requires_auth: bool,
    /// Domains the server takes mail for without a sign-in (its own mailboxes).
    pub local_domains: Vec<String>,
    /// The text of the first EHLO line instead of `fake.test greets <name>`.
    pub ehlo_greeting: Option<String>,
    /// Extra EHLO keywords, listed after the generated ones.
    pub ehlo_extra: Vec<String>,
    /// `MAIL FROM` without successful AUTH gets `auth_required_reply`.
    pub require_auth: bool,
    /// Reply to `MAIL FROM` when `require_auth` is set and the client has not authenticated.
    pub auth_required_reply: String,
    /// Raw reply lines to `MAIL FROM` instead of `250 2.1.0 Ok`.
    pub mail_from_reply: Option<Vec<String>>,
    /// Raw reply lines to `RCPT TO` instead of `250 2.1.5 Ok`.
    pub rcpt_reply: Option<Vec<String>>,
    /// Raw reply lines to the `DATA` command instead of `354 End data with <CR><LF>.<CR><LF>`.
    pub data_reply: Option<Vec<String>>,
    /// Raw reply lines after the final `.` instead of `250 2.0.0 Ok: queued as TEST123`.
    pub data_end_reply: Option<Vec<String>>,
    /// Raw reply lines to `EHLO` instead of the generated extension list.
    pub ehlo_reply: Option<Vec<String>>,
    /// Valid `(user, token)` pairs for XOAUTH2 and OAUTHBEARER.
    pub oauth_tokens: Vec<(String, String)>,
    /// JSON sent (base64, after `334`) when a token is refused, before the final reply: Google's
    /// way. `None`: the final reply at once, Microsoft's way.
    pub oauth_error_json: Option<String>,
    /// The final reply to a refused token (`\n` separates lines).
    pub oauth_failure_reply: String,
    /// The longest `AUTH` command line taken; a longer one gets `500 5.5.2 Error: line too long`.
    pub max_auth_line: Option<usize>,
    /// The certificate presented in TLS handshakes.
    pub cert: CertKind,
    /// An injected misbehaviour.
    pub fault: Option<Fault>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            banner: Banner::Normal(format!("220 {HOST} ESMTP FakeSMTP")),
            implicit_tls: false,
            offer_starttls: true,
            starttls_reply: None,
            require_tls: false,
            auth_mechanisms: vec!["PLAIN".into(), "LOGIN".into()],
            auth_before_tls: false,
            users: vec![(TEST_USER.into(), TEST_PASSWORD.into())],
            auth_failure_reply: "535 5.7.8 Error: authentication failed: authentication failure"
                .into(),
            login_initial_response: LoginInitialResponse::Accept,
            login_initial_refusal: "501 5.5.2 Syntax error in parameters".into(),
            must_starttls_reply: super::MUST_STARTTLS.into(),
            relay_requires_auth: false,
            local_domains: Vec::new(),
            ehlo_greeting: None,
            ehlo_extra: Vec::new(),
            require_auth: false,
            auth_required_reply: "530 5.7.0 Authentication required".into(),
            mail_from_reply: None,
            rcpt_reply: None,
            data_reply: None,
            data_end_reply: None,
            ehlo_reply: None,
            oauth_tokens: Vec::new(),
            oauth_error_json: None,
            oauth_failure_reply:
                "535 5.7.3 Authentication unsuccessful [SN4PR0601CA0015.namprd06.prod.outlook.com]"
                    .into(),
            max_auth_line: None,
            cert: CertKind::Valid,
            fault: None,
        }
    }
}
