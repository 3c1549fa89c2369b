//! A failed TLS handshake as System.Net.Mail reports it: a refused certificate, a fatal alert
//! from the server, or a server that closed the connection mid-handshake.

use super::{DotNetException, HostOs};
use crate::session::CertProblem;
use crate::settings::DotNetRuntime;

/// `System.Security.Authentication.AuthenticationException`: `SmtpClient.Send` rethrows it as
/// it is, not wrapped in an `SmtpException`.
const AUTHENTICATION_EXCEPTION: &str = "System.Security.Authentication.AuthenticationException";

/// The exception for a handshake that failed with `certificate` refused, or the server's fatal
/// `alert`, or neither (the server closed the connection).
pub(super) fn handshake_failure(
    runtime: DotNetRuntime,
    os: HostOs,
    certificate: Option<&CertProblem>,
    alert: Option<u8>,
) -> DotNetException {
    if let Some(problem) = certificate {
        return certificate_refused(runtime, problem);
    }
    if let Some(alert) = alert {
        return alert_received(runtime, os, alert);
    }
    DotNetException::failure_sending(DotNetException::new(
        "System.IO.IOException",
        "Authentication failed because the remote party has closed the transport stream.",
    ))
}

/// The server answered the handshake with a fatal alert. On Linux, .NET's `SslStream` runs on
/// OpenSSL and nests its error queue (seen with the real .NET Core 3.1 on OpenSSL 1.1; .NET 5+
/// ships for OpenSSL 3, whose error strings drop the function name). On Windows, SChannel
/// reports any alert it receives as `SEC_E_ILLEGAL_MESSAGE`; .NET Framework words the outer
/// exception "A call to SSPI failed" (reference source, `SR.net_auth_SSPI`).
fn alert_received(runtime: DotNetRuntime, os: HostOs, alert: u8) -> DotNetException {
    if os == HostOs::Windows || runtime == DotNetRuntime::NetFramework {
        let outer = match runtime {
            DotNetRuntime::NetFramework => "A call to SSPI failed, see inner exception.",
            DotNetRuntime::NetCore31 | DotNetRuntime::Net5OrLater => {
                "Authentication failed, see inner exception."
            }
        };
        return DotNetException::new(AUTHENTICATION_EXCEPTION, outer).containing(
            DotNetException::new(
                "System.ComponentModel.Win32Exception",
                "The message received was unexpected or badly formatted",
            ),
        );
    }
    let reason = openssl_alert_reason(alert);
    let code = 1000 + u32::from(alert);
    let queue = match runtime {
        DotNetRuntime::Net5OrLater => format!("error:0A{code:06X}:SSL routines::{reason}"),
        DotNetRuntime::NetCore31 | DotNetRuntime::NetFramework => {
            format!("error:14094{code:03X}:SSL routines:ssl3_read_bytes:{reason}")
        }
    };
    DotNetException::new(
        AUTHENTICATION_EXCEPTION,
        "Authentication failed, see inner exception.",
    )
    .containing(
        DotNetException::new(
            "Interop+OpenSsl+SslException",
            "SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL.",
        )
        .containing(DotNetException::new(
            "Interop+Crypto+OpenSslCryptographicException",
            queue,
        )),
    )
}

/// OpenSSL's reason string for a received alert (`SSL_R_SSLV3_ALERT_*`, `SSL_R_TLSV1_ALERT_*`).
fn openssl_alert_reason(alert: u8) -> String {
    let name = match alert {
        10 => "sslv3 alert unexpected message",
        20 => "sslv3 alert bad record mac",
        40 => "sslv3 alert handshake failure",
        42 => "sslv3 alert bad certificate",
        43 => "sslv3 alert unsupported certificate",
        44 => "sslv3 alert certificate revoked",
        45 => "sslv3 alert certificate expired",
        46 => "sslv3 alert certificate unknown",
        47 => "sslv3 alert illegal parameter",
        48 => "tlsv1 alert unknown ca",
        49 => "tlsv1 alert access denied",
        50 => "tlsv1 alert decode error",
        51 => "tlsv1 alert decrypt error",
        70 => "tlsv1 alert protocol version",
        71 => "tlsv1 alert insufficient security",
        80 => "tlsv1 alert internal error",
        90 => "tlsv1 alert user cancelled",
        112 => "tlsv1 unrecognized name",
        116 => "tlsv13 alert certificate required",
        120 => "tlsv1 alert no application protocol",
        other => return format!("reason({})", 1000 + u32::from(other)),
    };
    name.to_owned()
}

/// A failed certificate check: an `AuthenticationException`, not wrapped (`SmtpClient.Send`
/// rethrows it as it is). .NET Framework and .NET Core 3.1 say no more; .NET 5 added the
/// reason (`SslStream`'s `net_ssl_io_cert_validation` / `net_ssl_io_cert_chain_validation`).
fn certificate_refused(runtime: DotNetRuntime, problem: &CertProblem) -> DotNetException {
    const INVALID: &str = "The remote certificate is invalid according to the validation procedure";
    if runtime != DotNetRuntime::Net5OrLater {
        return DotNetException::new(AUTHENTICATION_EXCEPTION, format!("{INVALID}."));
    }
    let message = match problem {
        CertProblem::NameMismatch { .. } => format!("{INVALID}: RemoteCertificateNameMismatch"),
        CertProblem::Expired | CertProblem::NotYetValid => {
            "The remote certificate is invalid because of errors in the certificate chain: NotTimeValid"
                .to_owned()
        }
        CertProblem::Untrusted | CertProblem::Other(_) => {
            "The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"
                .to_owned()
        }
    };
    DotNetException::new(AUTHENTICATION_EXCEPTION, message)
}
