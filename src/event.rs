//! What a session reports while it runs: step changes, transcript lines, TLS facts.
//!
//! The engine sends [`SessionEvent`]s to an [`EventSink`] as they happen; the CLI prints them,
//! the window renders them, tests collect them. Every secret is redacted before an event exists.

use serde::Serialize;

use crate::certificate::CertificateInfo;

/// One stage of the SMTP dialogue, in the order a session runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Looking up the host name.
    Resolve,
    /// Opening the TCP connection.
    Connect,
    /// Implicit TLS handshake right after connecting (port 465 style).
    Tls,
    /// Waiting for the `220` greeting.
    Greeting,
    /// `EHLO` (and `HELO` as fallback).
    Ehlo,
    /// `STARTTLS`, the handshake and the second `EHLO`.
    StartTls,
    /// `AUTH`.
    Auth,
    /// `MAIL FROM`.
    MailFrom,
    /// `RCPT TO`.
    RcptTo,
    /// `DATA` and the message.
    Data,
    /// `QUIT`.
    Quit,
}

impl Step {
    /// The checklist line this step belongs to.
    pub fn group(self) -> ChecklistItem {
        match self {
            Self::Resolve | Self::Connect | Self::Greeting | Self::Ehlo => ChecklistItem::Connect,
            Self::Tls | Self::StartTls => ChecklistItem::Secure,
            Self::Auth => ChecklistItem::SignIn,
            Self::MailFrom | Self::RcptTo | Self::Data | Self::Quit => ChecklistItem::Send,
        }
    }

    /// A name for the transcript and the CLI. SMTP's own commands keep their names in every
    /// language; the other steps are marked for translation.
    pub fn label(self) -> &'static str {
        match self {
            Self::Resolve => crate::en!("resolve host"),
            Self::Connect => crate::en!("connect"),
            Self::Tls => crate::en!("TLS handshake"),
            Self::Greeting => crate::en!("greeting"),
            Self::Ehlo => "EHLO",
            Self::StartTls => "STARTTLS",
            Self::Auth => crate::en!("sign in (AUTH)"),
            Self::MailFrom => "MAIL FROM",
            Self::RcptTo => "RCPT TO",
            Self::Data => "DATA",
            Self::Quit => "QUIT",
        }
    }
}

/// The four lines of the checklist a site owner sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItem {
    /// Reach the server.
    Connect,
    /// Encrypt the connection.
    Secure,
    /// Sign in.
    SignIn,
    /// Send the message.
    Send,
}

impl ChecklistItem {
    /// All items in display order.
    pub const ALL: [Self; 4] = [Self::Connect, Self::Secure, Self::SignIn, Self::Send];

    /// The label shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Self::Connect => crate::en!("Connect"),
            Self::Secure => crate::en!("Secure connection"),
            Self::SignIn => crate::en!("Sign in"),
            Self::Send => crate::en!("Send message"),
        }
    }
}

/// One line of the checklist as a site owner reads it: how the item went, whether it caused the
/// failure, and in a few words why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistEntry {
    /// Which item.
    pub item: ChecklistItem,
    /// The combined state of its steps (`None`: never started).
    pub status: Option<StepStatus>,
    /// Milliseconds its steps took.
    pub ms: u64,
    /// The diagnosis blames this item (whatever its own state: a step left out can be the
    /// cause).
    pub caused_failure: bool,
    /// Why it was skipped, or why the test went on after it failed ("no user name",
    /// "not offered before encryption", ...).
    pub note: Option<&'static str>,
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Running now.
    Running,
    /// Finished well.
    Passed,
    /// Finished badly: the session stops here.
    Failed,
    /// Not needed with these settings (e.g. no STARTTLS when SSL is off).
    Skipped,
}

/// A step's latest state, with how long it took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepRecord {
    /// Which step.
    pub step: Step,
    /// Its state.
    pub status: StepStatus,
    /// Milliseconds the step took (0 while running).
    pub ms: u64,
}

/// Who a transcript line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// We sent it.
    Client,
    /// The server sent it.
    Server,
    /// A note from the tester itself (TLS facts, warnings, what happens next).
    Info,
}

/// One line of the SMTP dialogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscriptLine {
    /// Who it comes from.
    pub dir: Direction,
    /// The text, secrets already replaced by `<redacted>`.
    pub text: String,
    /// Milliseconds since the session started.
    pub ms: u64,
    /// Whether the channel was encrypted when the line crossed it.
    pub encrypted: bool,
}

impl TranscriptLine {
    /// The direction mark the CLI prints: `->`/`<-` in clear, `~>`/`<~` encrypted, `**` info.
    pub fn mark(&self) -> &'static str {
        match (self.dir, self.encrypted) {
            (Direction::Client, false) => "->",
            (Direction::Client, true) => "~>",
            (Direction::Server, false) => "<-",
            (Direction::Server, true) => "<~",
            (Direction::Info, _) => "**",
        }
    }
}

/// The negotiated TLS parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlsInfo {
    /// e.g. `TLSv1.3`.
    pub version: String,
    /// e.g. `TLS13_AES_256_GCM_SHA384`.
    pub cipher: String,
}

/// What the server said about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ServerInfo {
    /// The greeting text (all lines joined).
    pub banner: Option<String>,
    /// The EHLO keywords of the last EHLO (e.g. `STARTTLS`, `SIZE 35882577`).
    pub extensions: Vec<String>,
    /// Mechanisms from the `AUTH` keyword of the last EHLO.
    pub auth_mechanisms: Vec<String>,
}

impl ServerInfo {
    /// Whether the last EHLO offered `keyword` (case-insensitive).
    pub fn offers(&self, keyword: &str) -> bool {
        self.extensions.iter().any(|ext| {
            ext.split_whitespace()
                .next()
                .is_some_and(|word| word.eq_ignore_ascii_case(keyword))
        })
    }
}

/// Something that happened during a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionEvent {
    /// A step changed state.
    Step(StepRecord),
    /// A line of the dialogue.
    Line(TranscriptLine),
    /// TLS is up.
    Tls(TlsInfo),
    /// The server's certificate (also after a failed handshake).
    Certificate(CertificateInfo),
    /// The server's greeting and EHLO keywords were updated.
    Server(ServerInfo),
}

/// Receives events as they happen. Must be cheap: it runs on the session's task.
pub trait EventSink: Send + Sync {
    /// Takes one event.
    fn emit(&self, event: SessionEvent);
}

impl<F> EventSink for F
where
    F: Fn(SessionEvent) + Send + Sync,
{
    fn emit(&self, event: SessionEvent) {
        self(event);
    }
}

impl EventSink for tokio::sync::mpsc::UnboundedSender<SessionEvent> {
    fn emit(&self, event: SessionEvent) {
        // A closed receiver only means nobody is watching any more; the session still finishes.
        let _ = self.send(event);
    }
}

/// A sink that drops everything (for callers that only want the final report).
#[derive(Debug, Default, Clone, Copy)]
pub struct NullSink;

impl EventSink for NullSink {
    fn emit(&self, _event: SessionEvent) {}
}

/// A duration for people: `<1 ms` rather than a misleading `0 ms`.
pub fn format_ms(ms: u64) -> String {
    if ms == 0 {
        crate::en!("<1 ms").to_owned()
    } else {
        crate::en!("{ms} ms", ms = ms)
    }
}
