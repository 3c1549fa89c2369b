//! Pasted error text (a .NET exception, an error from `PHPMailer`, Nodemailer, Python or `MailKit`,
//! a raw server reply) → the same diagnosis the session would give.
//!
//! Order: a server reply found in the text goes through [`classify_reply`], so the wire and the
//! paste agree; then the client programs' own messages (a table); then server wording without a
//! code; otherwise an honest "we don't recognise this".

use super::classify::{classify_reply, for_reply, with_provider};
use super::provider;
use super::scan::{self, Found};
use super::texts::{
    self, AUTH_REQUIRED_IN_DOTNET_LOG, CANCELLED_BY_PROGRAM, CANNOT_CONNECT, DOTNET_465,
    DOTNET_TIMED_OUT, HOST_NOT_SET, NOT_RECOGNISED, NOT_YET_VALID, OUTER_ONLY, SECURE_OR_SIGN_IN,
    Text,
};
use super::{Diagnosis, DiagnosisId, DiagnosisId as D};
use crate::reply::Reply;

/// A client program's message and what it means.
struct Phrase {
    /// Lower-case phrases, any of which identifies the message.
    words: &'static [&'static str],
    id: DiagnosisId,
    /// A text to use instead of the id's usual one, when the message means more (or less).
    text: Option<&'static Text>,
    /// A client's summary ("the following recipients failed: …"): the server's own words after
    /// it, when they say more, decide.
    summary: bool,
}

const fn phrase(id: DiagnosisId, words: &'static [&'static str]) -> Phrase {
    Phrase {
        words,
        id,
        text: None,
        summary: false,
    }
}

const fn summary(id: DiagnosisId, words: &'static [&'static str]) -> Phrase {
    Phrase {
        words,
        id,
        text: None,
        summary: true,
    }
}

const fn told(id: DiagnosisId, text: &'static Text, words: &'static [&'static str]) -> Phrase {
    Phrase {
        words,
        id,
        text: Some(text),
        summary: false,
    }
}

/// Client messages, most specific first; the first matching row wins.
static PHRASES: &[Phrase] = &[
    // Certificates (before the generic TLS and "authentication" rows).
    phrase(
        D::CertificateNameMismatch,
        &[
            "remotecertificatenamemismatch",
            "does not match certificate's altnames",
            "hostname/ip does not match",
            "did not match expected cn",
            "hostname mismatch",
            "certificate is not valid for",
        ],
    ),
    phrase(
        D::CertificateExpired,
        &[
            "certificate has expired",
            "certificate expired",
            "cert_has_expired",
        ],
    ),
    told(
        D::CertificateExpired,
        &NOT_YET_VALID,
        &["certificate is not yet valid", "cert_not_yet_valid"],
    ),
    phrase(
        D::CertificateUntrusted,
        &[
            "remotecertificatechainerrors",
            "self signed certificate",
            "self-signed certificate",
            "unable to verify the first certificate",
            "local issuer certificate",
            "certificate verify failed",
            "untrusted root",
            "alert unknown ca",
            "remote certificate is invalid",
            "pkix path building failed",
            "unable to find valid certification path",
            "certificate could not be validated",
        ],
    ),
    // Encryption started on the wrong side, or not at all.
    phrase(
        D::TlsOnPlainPort,
        &[
            "wrong version number",
            "ssl3_get_record",
            "unexpected packet format",
            "typically reserved for plain-text",
            "unrecognized ssl message",
            "unknown protocol",
        ],
    ),
    phrase(
        D::StarttlsNotOffered,
        &[
            "server does not support secure connections",
            "starttls extension not supported",
            "does not support the starttls extension",
            "starttls is not supported",
        ],
    ),
    phrase(
        D::AuthNotOffered,
        &[
            "smtp auth extension not supported",
            "does not support authentication",
        ],
    ),
    phrase(
        D::AuthMechanismUnsupported,
        &["no compatible authentication mechanism"],
    ),
    phrase(
        D::TlsHandshakeFailed,
        &[
            "sslhandshakeexception",
            "handshake failure",
            "handshake failed",
            "establish an ssl or tls connection",
            "remote party has closed the transport stream",
            "do not possess a common algorithm",
            "ssl routines",
            "before secure tls connection",
            "tlsv1 alert",
            // .NET's AuthenticationException for a failed handshake: .NET Core ("see inner
            // exception", the alert inside) and .NET Framework (SSPI, Windows' TLS).
            "authentication failed, see inner exception",
            "a call to sspi failed",
        ],
    ),
    // Reaching the server. Python's smtplib reports a greeting that never came as a closed
    // connection "timed out".
    phrase(
        D::NoGreeting,
        &[
            "greeting never received",
            "no greeting",
            "connection unexpectedly closed: timed out",
        ],
    ),
    // Another protocol answered (IMAP, POP3, HTTP, SSH), or .NET could not read the answer.
    phrase(
        D::NotSmtp,
        &[
            "* ok ",
            "+ok ",
            "http/1.",
            "ssh-2.0",
            "smtp server returned an invalid response",
            // What System.Net.Mail keeps of a POP3 or IMAP greeting (it reads `+OK` as a code).
            "response was: dovecot ready",
            "pop3 server ready",
            "imap4rev1",
        ],
    ),
    phrase(
        D::DnsNotFound,
        &["unknownhostexception", "unknown smtp host"],
    ),
    phrase(
        D::ConnectionLost,
        &[
            "unexpectedly disconnected",
            "closed connection unexpectedly",
        ],
    ),
    phrase(
        D::ConnectionTimeout,
        &[
            "did not properly respond after a period of time",
            "etimedout",
            "connection timed out",
            "connect timeout",
            "connect timed out",
            "connection timeout",
        ],
    ),
    phrase(
        D::ConnectionRefused,
        &[
            "actively refused",
            "econnrefused",
            "connection refused",
            "failed to connect to mailserver",
        ],
    ),
    told(
        D::DnsNotFound,
        &HOST_NOT_SET,
        &["smtp host was not specified"],
    ),
    phrase(
        D::DnsNotFound,
        &[
            "no such host is known",
            "remote name could not be resolved",
            "smtp host was not found",
            "enotfound",
            "getaddrinfo",
            "name or service not known",
            "nodename nor servname",
            "name resolution",
            "could not resolve",
            "eai_again",
            "no address associated with hostname",
        ],
    ),
    phrase(
        D::ConnectionLost,
        &[
            "net_io_connectionclosed",
            "connection closed unexpectedly",
            "connection unexpectedly closed",
            "econnreset",
            "forcibly closed by the remote host",
            "connection reset",
            "smtpserverdisconnected",
            "unable to read data from the transport connection",
            "broken pipe",
        ],
    ),
    // The caller cancelled (MailKit and other .NET libraries), before any "timed out".
    told(
        D::Cancelled,
        &CANCELLED_BY_PROGRAM,
        &[
            "the operation was canceled",
            "the operation was cancelled",
            "operationcanceledexception",
        ],
    ),
    // System.Net.Mail's own whole-send timeout: first of all a server that never greets.
    told(
        D::NoGreeting,
        &DOTNET_TIMED_OUT,
        &["the operation has timed out"],
    ),
    phrase(D::Timeout, &["timed out", "timeout"]),
    // PHPMailer, Python and other clients' summaries.
    summary(D::AuthFailed, &["could not authenticate"]),
    told(
        D::ConnectionTimeout,
        &CANNOT_CONNECT,
        &[
            "smtp connect() failed",
            "could not connect to smtp host",
            "unable to connect to the remote server",
            "failed to connect to server",
        ],
    ),
    summary(D::MessageRejected, &["data not accepted"]),
    summary(
        D::SenderRejected,
        &["the following from address failed", "smtpsenderrefused"],
    ),
    summary(
        D::RecipientRejected,
        &[
            "the following recipients failed",
            "smtprecipientsrefused",
            "failedrecipient",
        ],
    ),
    told(
        D::TlsRequired,
        &SECURE_OR_SIGN_IN,
        &["requires a secure connection or the client was not authenticated"],
    ),
    phrase(
        D::AuthFailed,
        &[
            "invalid login",
            "eauth",
            "smtpauthenticationerror",
            "authenticationexception",
            "authentication failed",
            "authentication unsuccessful",
        ],
    ),
    told(D::Unknown, &OUTER_ONLY, &["failure sending mail"]),
];

/// Bare server wording ("Relay access denied") is looked for only in short texts, so that a long
/// log's stack trace cannot masquerade as a reason.
const BARE_WORDING_MAX: usize = 400;

/// Diagnoses pasted text: an exception, a client library's error or a raw server reply.
///
/// Never panics; text we cannot place gives [`DiagnosisId::Unknown`] with what to look for.
/// `server_reply` holds the reply part found in the text, if any.
pub fn explain_text(text: &str) -> Diagnosis {
    let lower = text.to_lowercase();
    let provider = provider::in_text(&lower);
    let found = scan::find_reply(text);
    if let Some(found) = &found {
        if let Some(diagnosis) = dotnet_log::reading(&lower, found) {
            return with_provider(diagnosis, provider);
        }
        let id = classify_reply(None, &found.reply);
        if id == D::AuthRequired && lower.contains("the client was not authenticated") {
            return texts::variant(id, &AUTH_REQUIRED_IN_DOTNET_LOG).with_reply(found.raw.clone());
        }
        if id != D::Unknown {
            return for_reply(id, &found.reply, provider).with_reply(found.raw.clone());
        }
    }
    if let Some(phrase) = PHRASES
        .iter()
        .find(|p| p.words.iter().any(|w| lower.contains(w)))
    {
        if phrase.summary
            && let Some(specific) = bare_wording(text, provider)
        {
            return specific;
        }
        let diagnosis = from_phrase(phrase, &lower);
        let diagnosis = with_provider(diagnosis, provider);
        return match &found {
            Some(found) => diagnosis.with_reply(found.raw.clone()),
            None => diagnosis,
        };
    }
    bare_wording(text, provider).unwrap_or_else(|| not_recognised(found))
}

/// A short text's server wording without a code ("Relay access denied"), when it names a
/// problem.
fn bare_wording(text: &str, provider: Option<&'static provider::Provider>) -> Option<Diagnosis> {
    if text.trim().len() > BARE_WORDING_MAX {
        return None;
    }
    let bare = Reply {
        code: 0,
        enhanced: None,
        lines: vec![text.trim().to_owned()],
    };
    let id = classify_reply(None, &bare);
    (id != D::Unknown).then(|| for_reply(id, &bare, provider))
}

fn from_phrase(phrase: &Phrase, lower: &str) -> Diagnosis {
    // ASP.NET on port 465 waits for a greeting until its timeout: that is the real cause.
    if matches!(phrase.id, D::Timeout | D::NoGreeting) && lower.contains("465") {
        return texts::variant(D::NoGreeting, &DOTNET_465);
    }
    match phrase.text {
        Some(text) => texts::variant(phrase.id, text),
        None => texts::base(phrase.id),
    }
}

fn not_recognised(found: Option<Found>) -> Diagnosis {
    let Some(found) = found else {
        return texts::variant(D::Unknown, &NOT_RECOGNISED);
    };
    let meaning = if found.reply.is_transient() {
        "Codes that start with 4 mean \"try again later\"; if it keeps happening, the reply's words are \
         the reason to send to your mail provider."
    } else {
        "Codes that start with 5 mean the server will not accept this as it is; the words after the code \
         are its reason."
    };
    texts::base(D::Unknown)
        .with_summary("We don't recognise this server reply")
        .with_explanation(format!(
            "The server answered with a reply we have no explanation for yet. {meaning}"
        ))
        .with_reply(found.raw)
}

mod dotnet_log;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pasted;
