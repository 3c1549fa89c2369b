//! What the inbox check found: where the message landed, how long it took, what the receiving
//! server's own checks said, and our own DKIM verification.

use serde::Serialize;

use crate::event::TranscriptLine;

/// Which kind of folder the message is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The inbox.
    Inbox,
    /// The Junk or Spam folder.
    Junk,
    /// Another folder (a filter moved it, or the provider sorts mail into tabs).
    Other,
}

/// The answer of the inbox check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InboxVerdict {
    /// In the inbox.
    InInbox,
    /// In the Junk or Spam folder.
    InJunk,
    /// In another folder.
    InOtherFolder,
    /// Not in any folder before the wait ran out.
    NotFound,
}

/// One check the receiving server made (a `method=result` of an `Authentication-Results`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthCheck {
    /// `spf`, `dkim`, `dmarc`, … (lower case).
    pub method: String,
    /// `pass`, `fail`, `softfail`, `none`, … (lower case).
    pub result: String,
    /// The properties the server recorded (`header.from=shop.example`), made safe to show.
    pub properties: Vec<String>,
    /// The server's own comment (`google.com: domain of … designates …`), made safe to show.
    pub comment: Option<String>,
    /// Whether it passed (`None` when the result says neither, like `none` or `neutral`).
    pub passed: Option<bool>,
    /// What it means, in plain words.
    pub text: String,
}

/// The receiving server's `Authentication-Results`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceiverChecks {
    /// Who checked (the header's authserv-id, such as `mx.google.com`).
    pub checked_by: String,
    /// What it checked.
    pub checks: Vec<AuthCheck>,
}

/// Our own verification of one DKIM signature of the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DkimVerification {
    /// The signing domain (`d=`), if the signature could be read.
    pub domain: Option<String>,
    /// The selector (`s=`).
    pub selector: Option<String>,
    /// Whether the signature is valid.
    pub valid: bool,
    /// Whether the signing domain is the From domain (or its parent or child), as DMARC needs.
    pub aligned: bool,
    /// What it means, in plain words.
    pub text: String,
}

/// Where and when the message was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arrival {
    /// The folder's name as the server calls it, made safe to show.
    pub folder: String,
    /// Which kind of folder that is.
    pub placement: Placement,
    /// Milliseconds from the server accepting the message to our finding it (at most one look
    /// later than it arrived).
    pub after_ms: u64,
    /// The receiving server's checks, when it added an `Authentication-Results` header.
    pub receiver_checks: Option<ReceiverChecks>,
    /// Our own DKIM verification, one entry per signature (empty: not signed).
    pub dkim: Vec<DkimVerification>,
    /// What the DKIM result means, in plain words (also for an unsigned message).
    pub dkim_text: String,
}

/// Everything the inbox check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InboxReport {
    /// The mailbox looked in (`imaps://user@host:port`).
    pub mailbox: String,
    /// The Message-ID looked for.
    pub message_id: String,
    /// The answer.
    pub verdict: InboxVerdict,
    /// The answer in words, with the time it took.
    pub verdict_text: String,
    /// What it means and what to do.
    pub explanation: String,
    /// Where it was found, if it was.
    pub arrival: Option<Arrival>,
    /// How long we looked, in milliseconds.
    pub waited_ms: u64,
    /// Every folder searched, made safe to show.
    pub folders_searched: Vec<String>,
    /// The IMAP exchange, the password redacted.
    pub transcript: Vec<TranscriptLine>,
}
