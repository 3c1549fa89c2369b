//! Pasted texts → ids: every client example and every row of the reference catalogue, and the
//! wire and the paste agreeing on each row.

use super::*;
use crate::diagnosis::DiagnosisId;
use crate::diagnosis::texts::tests::assert_kind;

/// Client messages (.NET, `PHPMailer`, Nodemailer, Python, `MailKit`) and raw or bare replies.
const CLIENTS: &[(&str, DiagnosisId)] = &[
    (
        "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first. x1sm123456wrb.1 - gsmtp",
        D::TlsRequired,
    ),
    (
        "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required. Learn more at",
        D::AuthRequired,
    ),
    (
        "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated.",
        D::TlsRequired,
    ),
    (
        "System.Net.Mail.SmtpException: Failure sending mail. ---> System.Net.WebException: Unable to connect to the remote server ---> System.Net.Sockets.SocketException: No connection could be made because the target machine actively refused it 1.2.3.4:587\n   at System.Net.Sockets.Socket.DoConnect(EndPoint endPointSnapshot, SocketAddress socketAddress)",
        D::ConnectionRefused,
    ),
    (
        "System.Net.Sockets.SocketException (0x80004005): A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond 203.0.113.5:25",
        D::ConnectionTimeout,
    ),
    (
        "System.Net.Mail.SmtpException: The operation has timed out.",
        D::NoGreeting,
    ),
    (
        "System.Net.Mail.SmtpException: The operation has timed out. (smtp.example.com, port 465)",
        D::NoGreeting,
    ),
    (
        "System.Net.Mail.SmtpException: Server does not support secure connections.",
        D::StarttlsNotOffered,
    ),
    (
        "System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch",
        D::CertificateNameMismatch,
    ),
    (
        "System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors",
        D::CertificateUntrusted,
    ),
    (
        "System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.",
        D::CertificateUntrusted,
    ),
    (
        "System.IO.IOException: The handshake failed due to an unexpected packet format.",
        D::TlsOnPlainPort,
    ),
    (
        "System.Net.Sockets.SocketException: No such host is known",
        D::DnsNotFound,
    ),
    (
        "System.Net.Mail.SmtpException: The SMTP host was not found.",
        D::DnsNotFound,
    ),
    (
        "System.InvalidOperationException: The SMTP host was not specified.",
        D::DnsNotFound,
    ),
    (
        "Error: getaddrinfo ENOTFOUND smtp.gmial.com",
        D::DnsNotFound,
    ),
    (
        "System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.1 <owner@example.org>: Relay access denied",
        D::RelayDenied,
    ),
    (
        "System.Net.Mail.SmtpException: Failure sending mail. ---> System.IO.IOException: Unable to read data from the transport connection: net_io_connectionclosed.",
        D::ConnectionLost,
    ),
    (
        "System.Net.Mail.SmtpException: Failure sending mail.",
        D::Unknown,
    ),
    ("SMTP Error: Could not authenticate.", D::AuthFailed),
    (
        "SMTP Error: Could not authenticate. (smtp.gmail.com)",
        D::AuthFailed,
    ),
    (
        "SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting",
        D::ConnectionTimeout,
    ),
    ("SMTP Error: data not accepted.", D::MessageRejected),
    (
        "The following From address failed: shop@example.com",
        D::SenderRejected,
    ),
    (
        "Error: Invalid login: 535 5.7.8 Authentication credentials invalid\n    at SMTPConnection._formatError  code: 'EAUTH'",
        D::AuthFailed,
    ),
    (
        "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials x-gsmtp",
        D::AppPasswordRequired,
    ),
    ("Error: Greeting never received", D::NoGreeting),
    (
        "Error: C0:1F:00:00:error:0A00010B:SSL routines:ssl3_get_record:wrong version number",
        D::TlsOnPlainPort,
    ),
    (
        "Error: connect ETIMEDOUT 203.0.113.5:587",
        D::ConnectionTimeout,
    ),
    (
        "Error: connect ECONNREFUSED 127.0.0.1:587",
        D::ConnectionRefused,
    ),
    (
        "Error: self signed certificate in certificate chain",
        D::CertificateUntrusted,
    ),
    (
        "Error: unable to verify the first certificate",
        D::CertificateUntrusted,
    ),
    ("Error: certificate has expired", D::CertificateExpired),
    (
        "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: mail.example.com. is not in the cert's altnames: DNS:*.web-hosting.com",
        D::CertificateNameMismatch,
    ),
    (
        "smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.",
        D::StarttlsNotOffered,
    ),
    (
        "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials')",
        D::AppPasswordRequired,
    ),
    (
        "smtplib.SMTPAuthenticationError: (535, b'Incorrect authentication data')",
        D::AuthFailed,
    ),
    (
        "MailKit.Net.Smtp.SmtpCommandException... NotSupportedException: The SMTP server does not support the STARTTLS extension.",
        D::StarttlsNotOffered,
    ),
    (
        "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.\n\nWhen connecting to an SMTP service, port 587 is typically reserved for plain-text connections. If you intended to connect to SMTP on the SSL port, try connecting to port 465 instead.",
        D::TlsOnPlainPort,
    ),
    (
        "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.",
        D::TlsHandshakeFailed,
    ),
    ("5.7.0 Must issue a STARTTLS command first", D::TlsRequired),
    ("Relay access denied", D::RelayDenied),
    (
        "PHP Warning: Peer certificate CN=`cp62.domains.co.za' did not match expected CN=`mail.beestack.co.za'",
        D::CertificateNameMismatch,
    ),
];

/// Every row of the reference catalogue (section 4), pasted as it appears.
const CATALOGUE: &[(&str, DiagnosisId)] = &[
    (
        "530 5.7.0 Must issue a STARTTLS command first.",
        D::TlsRequired,
    ),
    (
        "530-5.7.0 Authentication Required. Learn more at\n530 5.7.0 https://support.google.com/mail/?p=WantAuthError",
        D::AuthRequired,
    ),
    (
        "535-5.7.8 Username and Password not accepted. Learn more at\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials",
        D::AppPasswordRequired,
    ),
    (
        "534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor",
        D::AppPasswordRequired,
    ),
    (
        "534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1> Please log in via your web browser and then try again.",
        D::WebLoginRequired,
    ),
    (
        "421-4.7.0 Try again later, closing connection. (EHLO)",
        D::RateLimited,
    ),
    (
        "550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.",
        D::MessageRejected,
    ),
    (
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
        D::SmtpAuthDisabled,
    ),
    (
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
        D::SmtpAuthDisabled,
    ),
    (
        "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.",
        D::AuthFailed,
    ),
    (
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy",
        D::BasicAuthDisabled,
    ),
    (
        "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
        D::BasicAuthDisabled,
    ),
    (
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
        D::BasicAuthDisabled,
    ),
    (
        "550 5.7.30 Basic authentication is not supported for Client Submission.",
        D::BasicAuthDisabled,
    ),
    ("535 5.7.3 Authentication unsuccessful", D::AuthFailed),
    (
        "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
        D::AuthRequired,
    ),
    (
        "530 5.7.57 Client not authenticated to send mail",
        D::AuthRequired,
    ),
    (
        "5.7.60 SMTP; Client does not have permissions to send as this sender",
        D::SenderRejected,
    ),
    (
        "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception",
        D::SenderRejected,
    ),
    (
        "554 5.2.252 SendAsDenied; a@x.com not allowed to send as b@y.com",
        D::SenderRejected,
    ),
    ("550 5.1.8 Bad outbound sender", D::AccountBlocked),
    (
        "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls",
        D::TlsHandshakeFailed,
    ),
    (
        "535 5.7.0 (#AUTH005) Too many bad auth attempts.",
        D::AuthFailed,
    ),
    ("550 Request failed; Mailbox unavailable", D::SenderRejected),
    ("554 5.7.1 <x@y.com>: Relay access denied", D::RelayDenied),
    ("454 4.7.1 <x@y.com>: Relay access denied", D::RelayDenied),
    (
        "535 5.7.8 Error: authentication failed: authentication failure",
        D::AuthFailed,
    ),
    (
        "454 4.7.0 Temporary authentication failure: connection refused",
        D::AuthTemporaryFailure,
    ),
    (
        "503 5.5.1 Error: authentication not enabled",
        D::AuthNotOffered,
    ),
    (
        "504 5.5.4 Encryption required for requested authentication mechanism",
        D::AuthRequiresTls,
    ),
    (
        "553 5.7.1 <shop@example.com>: Sender address rejected: not owned by user site@example.com",
        D::SenderRejected,
    ),
    (
        "454 4.7.0 TLS not available due to local problem",
        D::TlsUnavailable,
    ),
    ("550 relay not permitted", D::RelayDenied),
    ("535 Incorrect authentication data", D::AuthFailed),
    (
        "550-Please turn on SMTP Authentication in your mail client. host.example.com\n550-(shop-pc) [192.0.2.1]:54321 is not permitted to relay through this server\n550 without authentication.",
        D::RelayDenied,
    ),
    (
        "535 Authentication failed: Bad username / password",
        D::AuthFailed,
    ),
    (
        "550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
        D::SenderRejected,
    ),
    (
        "554 Message rejected: Email address is not verified. The following identities failed the check in region US-WEST-2: x@y.com",
        D::SenderRejected,
    ),
    ("535 Authentication Credentials Invalid", D::AuthFailed),
    (
        "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
        D::MessageRejected,
    ),
    (
        "421 mx.example.com Service not available, closing transmission channel",
        D::ServiceUnavailable,
    ),
    (
        "550 5.1.1 <x@y.com>: Recipient address rejected: User unknown in local recipient table",
        D::RecipientRejected,
    ),
    // RFC 4954 replies.
    ("432 4.7.12 A password transition is needed", D::AuthFailed),
    (
        "534 5.7.9 Authentication mechanism is too weak",
        D::AuthMechanismUnsupported,
    ),
    (
        "538 5.7.11 Encryption required for requested authentication mechanism",
        D::AuthRequiresTls,
    ),
];

#[test]
fn pasted_texts_land_on_the_same_ids() {
    let mut failures = Vec::new();
    for (text, expected) in CLIENTS.iter().chain(CATALOGUE) {
        let diagnosis = explain_text(text);
        if diagnosis.id != *expected {
            failures.push(format!("{expected:?} ≠ {:?} for {text:?}", diagnosis.id));
        }
        assert_kind(&diagnosis);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(CLIENTS.len() + CATALOGUE.len() >= 80);
}

#[test]
fn wire_and_paste_agree() {
    for (text, _) in CATALOGUE {
        let Some(found) = scan::find_reply(text) else {
            panic!("no reply in {text:?}");
        };
        assert_eq!(
            explain_text(text).id,
            classify_reply(None, &found.reply),
            "{text}"
        );
    }
}
