//! What the website's error log will say: the exception System.Net.Mail throws for a failure,
//! in its own words, so a site owner recognises it and support can match it.
//!
//! Each prediction copies System.Net.Mail's code path for the failure (read from its source)
//! and is checked against the real `SmtpClient` of .NET Core 3.1 by the differential tests
//! (`tests/dotnet_fidelity.rs`). Where .NET Framework or .NET 5+ word a case differently, the
//! difference is written next to it with its source. `explain_text` reads every prediction back
//! to the same diagnosis, so a pasted log line and a live test agree.

mod exception;
mod status;
#[cfg(test)]
mod tests;
mod tls;

use std::net::SocketAddr;

pub use exception::DotNetException;

use crate::event::Step;
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::address::Unsendable;
use crate::settings::{DotNetRuntime, Settings, Target};
use exception::FAILED_RECIPIENT;
use status::{status_message, status_name};

/// The socket exception type .NET Core throws (its `Message` adds the end point).
const EXTENDED_SOCKET_EXCEPTION: &str =
    "System.Net.Internals.SocketExceptionFactory+ExtendedSocketException";

/// System.Net.Mail's default `Timeout`: how long the website waits for a greeting.
pub const DEFAULT_TIMEOUT_SECS: u64 = 100;

/// The operating system the website runs on: socket errors are worded by the OS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostOs {
    /// IIS on Windows: where `web.config` sites run.
    Windows,
    /// Linux (an ASP.NET Core site, or our differential tests).
    Linux,
}

/// How to introduce the predicted exception: an ASP.NET Core site logs it only if it sends
/// with System.Net.Mail (many use MailKit instead).
pub fn exception_heading(settings: &Settings) -> &'static str {
    if settings.framework == crate::settings::Framework::Core {
        crate::en!("If your site sends with SmtpClient (System.Net.Mail), its error log will say")
    } else {
        crate::en!("Your website's error log will say")
    }
}

/// The exception an ASP.NET website would log for this failure (its `ToString()` first line),
/// or `None` when the target is not ASP.NET, the test succeeded, or the user cancelled.
pub fn aspnet_exception(settings: &Settings, report: &SessionReport) -> Option<String> {
    let runtime = DotNetRuntime::of(settings.framework);
    predict_exception(settings, report, runtime, HostOs::Windows).map(|e| e.to_string())
}

/// The exception `SmtpClient.Send` throws on `runtime` and `os` for the failure in `report`.
pub fn predict_exception(
    settings: &Settings,
    report: &SessionReport,
    runtime: DotNetRuntime,
    os: HostOs,
) -> Option<DotNetException> {
    if settings.target != Target::DotNet {
        return None;
    }
    let error = report.error.as_ref()?;
    let socket = |kind: SocketError, address: &str| socket_failure(runtime, os, kind, address);
    Some(match error {
        SessionError::DnsNotFound { host, .. } => dns_failure(runtime, os, host),
        SessionError::ConnectionRefused { address } => socket(SocketError::Refused, address),
        SessionError::ConnectTimeout { address, .. }
        | SessionError::ConnectFailed { address, .. } => socket(SocketError::TimedOut, address),
        // `SmtpClient.Timeout` is one timer for the whole Send; when it fires the connection is
        // aborted and Send throws `SR.net_timeout`, whatever it was waiting for.
        SessionError::NoGreeting { .. } | SessionError::Timeout { .. } => {
            DotNetException::smtp("The operation has timed out.", "GeneralFailure")
        }
        // The reply reader finds no digits, or no space or hyphen after them
        // (`SmtpReplyReaderFactory.ProcessRead`).
        SessionError::NotSmtp { step, received } => not_smtp(*step, received),
        SessionError::Protocol { .. } => invalid_response(),
        SessionError::Rejected { step, reply } => rejected(*step, reply),
        SessionError::StartTlsNotOffered => DotNetException::smtp(
            "Server does not support secure connections.",
            "GeneralFailure",
        ),
        SessionError::TlsHandshake {
            certificate, alert, ..
        } => tls::handshake_failure(runtime, os, certificate.as_ref(), *alert),
        SessionError::AuthNotFinished { .. } => {
            DotNetException::smtp("Authentication failed.", "GeneralFailure")
        }
        SessionError::ConnectionLost { .. } => connection_closed(runtime),
        // An address with letters outside ASCII before the @: with its default `DeliveryFormat`
        // (`SevenBit`) `SmtpClient.Send` throws this before `MAIL FROM`, whatever the server
        // offers (`MailAddress.GetUser`, seen with the real .NET Core 3.1; the same text in
        // .NET Framework 4.5+ and .NET 5+). An address the test message cannot carry, the
        // website would send.
        SessionError::AddressUnsendable {
            address, problem, ..
        } => match problem {
            Unsendable::NeedsSmtpUtf8 { .. } => DotNetException::smtp(
                format!(
                    "The client or server is only configured for E-mail addresses with ASCII \
                     local-parts: {address}."
                ),
                "GeneralFailure",
            ),
            Unsendable::NotInMessage => return None,
        },
        // Not something System.Net.Mail ever ends with: it goes on after a refused or
        // impossible sign-in (the session does too, so these end only a sign-in-only test),
        // has no CA-file option, and a cancel is ours.
        // The test stopped before the password left; the website would have sent it. And
        // whether the website's Windows still speaks TLS 1.0 is its own setting.
        SessionError::PlaintextPasswordRefused { .. }
        | SessionError::TlsOutdated { .. }
        | SessionError::AuthNotOffered { .. }
        | SessionError::AuthMechanismUnsupported { .. }
        | SessionError::CaFile { .. }
        | SessionError::Cancelled { .. }
        // System.Net.Mail cannot sign in with OAuth at all.
        | SessionError::OAuthRejected { .. }
        | SessionError::OAuthNotOffered { .. }
        | SessionError::TokenUnencrypted { .. }
        | SessionError::TokenRequest(_) => return None,
    })
}

/// Something that is not an SMTP reply: at the greeting, a line whose fourth character is a
/// space is read as a refusing code (below); anything else is `FormatException`.
fn not_smtp(step: Step, received: &str) -> DotNetException {
    let Some((code, rest)) = greeting_read_as_a_code(received).filter(|_| step == Step::Greeting)
    else {
        return invalid_response();
    };
    let (status, message) = match u16::try_from(code) {
        Ok(code) => (status_name(code), status_message(code)),
        Err(_) => (code.to_string(), status_message(0)),
    };
    DotNetException::smtp(format!("{message} The server response was: {rest}"), status)
}

/// The reply reader finds no digits, or no space or hyphen after them
/// (`SmtpReplyReaderFactory.ProcessRead`).
fn invalid_response() -> DotNetException {
    DotNetException::failure_sending(DotNetException::new(
        "System.FormatException",
        "Smtp server returned an invalid response.",
    ))
}

/// How System.Net.Mail reads a greeting that is not SMTP (a POP3 server's `+OK Dovecot
/// ready.`): its reply reader takes any three characters as the code, digit by digit as
/// `c - '0'` with no check that they are digits, and needs only a space after them
/// (`SmtpReplyReaderFactory.ProcessRead`), so `+OK ` is the code -163 and the greeting is
/// refused as any other code would be. `None` when the fourth character is not a space: then
/// the reader throws `FormatException`.
fn greeting_read_as_a_code(received: &str) -> Option<(i32, &str)> {
    let bytes = received.as_bytes();
    if bytes.len() < 4 || bytes[3] != b' ' || !bytes[..3].is_ascii() {
        return None;
    }
    let code = bytes[..3]
        .iter()
        .zip([100, 10, 1])
        .map(|(byte, weight)| (i32::from(*byte) - i32::from(b'0')) * weight)
        .sum();
    Some((code, received.get(4..).unwrap_or_default()))
}

/// The text after the code on the reply's *first* line: System.Net.Mail reads one line of an
/// error reply (`SmtpReplyReaderFactory.ReadLine`) and skips the rest.
fn first_line(reply: &Reply) -> &str {
    reply.lines.first().map_or("", String::as_str)
}

/// A refused command: `SmtpException(code, line)` with the code's message, or "protocol
/// violation" for a positive code that was not the one expected. A rejected recipient is an
/// `SmtpFailedRecipientException` for the codes `RecipientCommand.CheckResponse` lists.
fn rejected(step: Step, reply: &Reply) -> DotNetException {
    let line = first_line(reply);
    let code = reply.code;
    if code < 400 && step != Step::Greeting {
        return DotNetException::smtp(
            format!("The server committed a protocol violation. The server response was: {line}"),
            "GeneralFailure",
        );
    }
    let message = format!("{} The server response was: {line}", status_message(code));
    let mut exception = DotNetException::smtp(message, status_name(code));
    if step == Step::RcptTo && matches!(code, 450 | 452 | 550 | 551 | 552 | 553) {
        FAILED_RECIPIENT.clone_into(&mut exception.type_name);
    }
    exception
}

/// The connection ended while a reply was awaited (`SmtpReplyReaderFactory.ProcessRead` reads
/// 0 bytes). .NET Framework lacks the resource string and prints its key,
/// `net_io_connectionclosed.`, a text many site owners have searched for.
fn connection_closed(runtime: DotNetRuntime) -> DotNetException {
    let reason = match runtime {
        DotNetRuntime::NetFramework => "net_io_connectionclosed",
        DotNetRuntime::NetCore31 | DotNetRuntime::Net5OrLater => "The connection was closed",
    };
    DotNetException::failure_sending(DotNetException::new(
        "System.IO.IOException",
        format!("Unable to read data from the transport connection: {reason}."),
    ))
}

/// The socket errors System.Net.Mail meets while connecting.
#[derive(Debug, Clone, Copy)]
enum SocketError {
    Refused,
    TimedOut,
}

impl SocketError {
    /// The operating system's text for the error (Winsock's `FormatMessage`, glibc's
    /// `strerror`).
    fn text(self, os: HostOs) -> &'static str {
        match (self, os) {
            (Self::Refused, HostOs::Windows) => {
                "No connection could be made because the target machine actively refused it"
            }
            (Self::Refused, HostOs::Linux) => "Connection refused",
            (Self::TimedOut, HostOs::Windows) => {
                "A connection attempt failed because the connected party did not properly respond \
                 after a period of time, or established connection failed because connected host \
                 has failed to respond"
            }
            (Self::TimedOut, HostOs::Linux) => "Connection timed out",
        }
    }
}

/// A failed connect. .NET Framework goes through a `ServicePoint` and wraps the socket error
/// in `WebException("Unable to connect to the remote server")`, its message ending in
/// `ip:port`; .NET Core's `TcpClient` throws the socket error itself, worded by the OS, with
/// the end point of its dual-mode socket (`[::ffff:127.0.0.1]:587`).
fn socket_failure(
    runtime: DotNetRuntime,
    os: HostOs,
    kind: SocketError,
    address: &str,
) -> DotNetException {
    let text = kind.text(os);
    match runtime {
        DotNetRuntime::NetFramework => DotNetException::failure_sending(
            DotNetException::new(
                "System.Net.WebException",
                "Unable to connect to the remote server",
            )
            .containing(DotNetException::new(
                "System.Net.Sockets.SocketException",
                format!("{text} {address}"),
            )),
        ),
        DotNetRuntime::NetCore31 | DotNetRuntime::Net5OrLater => {
            let end_point = dual_mode_end_point(address);
            let text = if os == HostOs::Windows {
                format!("{text}.")
            } else {
                text.to_owned()
            };
            DotNetException::failure_sending(DotNetException::new(
                EXTENDED_SOCKET_EXCEPTION,
                format!("{text} {end_point}"),
            ))
        }
    }
}

/// `127.0.0.1:587` as a dual-mode IPv6 socket prints it: `[::ffff:127.0.0.1]:587`.
fn dual_mode_end_point(address: &str) -> String {
    match address.parse::<SocketAddr>() {
        Ok(SocketAddr::V4(v4)) => format!("[::ffff:{}]:{}", v4.ip(), v4.port()),
        Ok(SocketAddr::V6(v6)) => format!("[{}]:{}", v6.ip(), v6.port()),
        Err(_) => address.to_owned(),
    }
}

/// A host name that does not resolve. .NET Framework's `ServicePoint` reports it as a
/// `WebException` naming the host; .NET Core's `TcpClient` throws the resolver's socket error
/// (an `ExtendedSocketException`, seen with the real .NET Core 3.1), worded by the OS.
fn dns_failure(runtime: DotNetRuntime, os: HostOs, host: &str) -> DotNetException {
    match runtime {
        DotNetRuntime::NetFramework => DotNetException::failure_sending(DotNetException::new(
            "System.Net.WebException",
            format!("The remote name could not be resolved: '{host}'"),
        )),
        DotNetRuntime::NetCore31 | DotNetRuntime::Net5OrLater => {
            let text = match os {
                HostOs::Windows => "No such host is known.",
                HostOs::Linux => "Name or service not known",
            };
            DotNetException::failure_sending(DotNetException::new(EXTENDED_SOCKET_EXCEPTION, text))
        }
    }
}
