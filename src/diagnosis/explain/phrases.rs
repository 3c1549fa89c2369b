//! Client programs' messages (.NET, PHPMailer, Nodemailer, Python, MailKit, Java) and what each
//! means: one ordered table, most specific first.

use super::super::texts::{
    ADDRESS_NOT_READABLE, ASCII_LOCAL_PART, CANCELLED_BY_PROGRAM, CANNOT_CONNECT, DOTNET_OLD_TLS,
    DOTNET_TIMED_OUT, HOST_NOT_SET, MAIL_READING_SERVER, NOT_YET_VALID, OUTER_ONLY,
    SECURE_OR_SIGN_IN, Text,
};
use super::super::{DiagnosisId, DiagnosisId as D};

/// A client program's message and what it means.
pub(super) struct Phrase {
    /// Lower-case phrases, any of which identifies the message.
    pub(super) words: &'static [&'static str],
    pub(super) id: DiagnosisId,
    /// A text to use instead of the id's usual one, when the message means more (or less).
    pub(super) text: Option<&'static Text>,
    /// A client's summary ("the following recipients failed: …"): the server's own words after
    /// it, when they say more, decide.
    pub(super) summary: bool,
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
pub(super) static PHRASES: &[Phrase] = &[
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
    // .NET's own words when the site and the server share no TLS version (the site's .NET
    // offering TLS 1.0 only, most often).
    told(
        D::TlsHandshakeFailed,
        &DOTNET_OLD_TLS,
        &[
            "remote party has closed the transport stream",
            "do not possess a common algorithm",
        ],
    ),
    phrase(
        D::TlsHandshakeFailed,
        &[
            "sslhandshakeexception",
            "handshake failure",
            "handshake failed",
            "establish an ssl or tls connection",
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
    // A server for reading mail (IMAP, POP3), also as System.Net.Mail keeps its greeting (it
    // reads `+OK` as a code and drops it).
    told(
        D::NotSmtp,
        &MAIL_READING_SERVER,
        &[
            "* ok ",
            "+ok ",
            "response was: dovecot ready",
            "pop3 server ready",
            "imap4rev1",
        ],
    ),
    phrase(
        D::NotSmtp,
        &[
            "http/1.",
            "ssh-2.0",
            "smtp server returned an invalid response",
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
    // ASP.NET's own messages that name no server reply.
    told(
        D::RecipientRejected,
        &ASCII_LOCAL_PART,
        &["only configured for e-mail addresses with ascii local-parts"],
    ),
    told(
        D::SenderRejected,
        &ADDRESS_NOT_READABLE,
        &["not in the form required for an e-mail address"],
    ),
    told(D::Unknown, &OUTER_ONLY, &["failure sending mail"]),
];
