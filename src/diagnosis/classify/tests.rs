//! Replies at steps → ids, and the reply-aware tailoring.

use super::*;
use crate::diagnosis::texts::tests::assert_kind;
use crate::reply::ReplyBuilder;

/// Builds a reply from wire lines, as the engine does.
fn wire(lines: &[&str]) -> Reply {
    let mut builder = ReplyBuilder::default();
    for line in lines {
        if let Some(reply) = builder.push(line).unwrap() {
            return reply;
        }
    }
    panic!("incomplete reply {lines:?}");
}

#[test]
fn replies_at_steps() {
    use Step as S;
    let table: &[(Option<Step>, &[&str], DiagnosisId)] = &[
        (
            Some(S::MailFrom),
            &["530 5.7.0 Must issue a STARTTLS command first."],
            D::TlsRequired,
        ),
        (
            Some(S::Auth),
            &["530 5.7.0 Must issue a STARTTLS command first"],
            D::TlsRequired,
        ),
        (
            Some(S::MailFrom),
            &[
                "530-5.7.0 Authentication Required. Learn more at",
                "530 5.7.0 https://support.google.com/mail/?p=WantAuthError",
            ],
            D::AuthRequired,
        ),
        (
            Some(S::MailFrom),
            &["530 5.7.57 Client not authenticated to send mail"],
            D::AuthRequired,
        ),
        (
            Some(S::MailFrom),
            &[
                "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
            ],
            D::AuthRequired,
        ),
        (
            Some(S::Auth),
            &[
                "534-5.7.9 Application-specific password required. Learn more at",
                "534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor",
            ],
            D::AppPasswordRequired,
        ),
        (
            Some(S::Auth),
            &[
                "535-5.7.8 Username and Password not accepted. Learn more at",
                "535 5.7.8 https://support.google.com/mail/?p=BadCredentials x-gsmtp",
            ],
            D::AppPasswordRequired,
        ),
        (
            Some(S::Auth),
            &[
                "534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1> Please log in via",
                "534-5.7.14 your web browser and then try again.",
                "534 5.7.14 Learn more at https://support.google.com/mail/answer/78754",
            ],
            D::WebLoginRequired,
        ),
        (
            Some(S::Auth),
            &[
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
            ],
            D::SmtpAuthDisabled,
        ),
        (
            Some(S::Auth),
            &[
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.",
            ],
            D::SmtpAuthDisabled,
        ),
        (
            Some(S::Auth),
            &["535 5.7.139 Authentication unsuccessful, basic authentication is disabled."],
            D::BasicAuthDisabled,
        ),
        (
            Some(S::Auth),
            &[
                "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
            ],
            D::BasicAuthDisabled,
        ),
        (
            Some(S::Auth),
            &[
                "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.",
            ],
            D::BasicAuthDisabled,
        ),
        (
            Some(S::MailFrom),
            &["550 5.7.30 Basic authentication is not supported for Client Submission."],
            D::BasicAuthDisabled,
        ),
        (
            Some(S::Auth),
            &["535 5.7.139 Authentication unsuccessful, the user credentials were incorrect."],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["535 5.7.8 Error: authentication failed: authentication failure"],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["535 Incorrect authentication data"],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["535 5.7.3 Authentication unsuccessful"],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["535 Authentication failed: Bad username / password"],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["535 Authentication Credentials Invalid"],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["535 5.7.0 (#AUTH005) Too many bad auth attempts."],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["432 4.7.12 A password transition is needed"],
            D::AuthFailed,
        ),
        (
            Some(S::Auth),
            &["454 4.7.0 Temporary authentication failure: connection refused"],
            D::AuthTemporaryFailure,
        ),
        (
            Some(S::Auth),
            &["504 5.5.4 Encryption required for requested authentication mechanism"],
            D::AuthRequiresTls,
        ),
        (
            Some(S::Auth),
            &["538 5.7.11 Encryption required for requested authentication mechanism"],
            D::AuthRequiresTls,
        ),
        (
            Some(S::Auth),
            &["503 5.5.1 Error: authentication not enabled"],
            D::AuthNotOffered,
        ),
        (
            Some(S::Auth),
            &["502 5.5.2 Error: command not recognized"],
            D::AuthNotOffered,
        ),
        (
            Some(S::Auth),
            &["534 5.7.9 Authentication mechanism is too weak"],
            D::AuthMechanismUnsupported,
        ),
        (
            Some(S::Auth),
            &["504 5.7.4 Unrecognized authentication type"],
            D::AuthMechanismUnsupported,
        ),
        (
            Some(S::RcptTo),
            &["554 5.7.1 <x@example.org>: Relay access denied"],
            D::RelayDenied,
        ),
        (
            Some(S::RcptTo),
            &["454 4.7.1 <x@example.org>: Relay access denied"],
            D::RelayDenied,
        ),
        (
            Some(S::RcptTo),
            &["550 relay not permitted"],
            D::RelayDenied,
        ),
        (
            Some(S::RcptTo),
            &[
                "550-Please turn on SMTP Authentication in your mail client. host.example.com",
                "550-(shop-pc) [192.0.2.1]:54321 is not permitted to relay through this server",
                "550 without authentication.",
            ],
            D::RelayDenied,
        ),
        (
            Some(S::RcptTo),
            &[
                "553 5.7.1 <shop@example.com>: Sender address rejected: not owned by user site@example.com",
            ],
            D::SenderRejected,
        ),
        (
            Some(S::Data),
            &["550 5.7.60 SMTP; Client does not have permissions to send as this sender"],
            D::SenderRejected,
        ),
        (
            Some(S::Data),
            &[
                "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message",
            ],
            D::SenderRejected,
        ),
        (
            Some(S::Data),
            &["554 5.2.252 SendAsDenied; a@x.com not allowed to send as b@y.com"],
            D::SenderRejected,
        ),
        (
            Some(S::MailFrom),
            &[
                "550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.",
            ],
            D::SenderRejected,
        ),
        (
            Some(S::Data),
            &[
                "554 Message rejected: Email address is not verified. The following identities failed the check in region US-WEST-2: a@x.com",
            ],
            D::SenderRejected,
        ),
        (
            Some(S::MailFrom),
            &["550 Request failed; Mailbox unavailable"],
            D::SenderRejected,
        ),
        (
            Some(S::RcptTo),
            &[
                "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table",
            ],
            D::RecipientRejected,
        ),
        (
            Some(S::RcptTo),
            &["550 5.1.1 The email account that you tried to reach does not exist."],
            D::RecipientRejected,
        ),
        (
            Some(S::RcptTo),
            &["550 sorry, no mailbox here by that name"],
            D::RecipientRejected,
        ),
        (
            Some(S::MailFrom),
            &["550 5.1.8 Bad outbound sender"],
            D::AccountBlocked,
        ),
        (
            Some(S::Ehlo),
            &["421 4.7.0 Try again later, closing connection. (EHLO)"],
            D::RateLimited,
        ),
        (
            Some(S::MailFrom),
            &["450 4.7.1 Error: too much mail from 192.0.2.1"],
            D::RateLimited,
        ),
        // rspamd's greylisting says just this: a 450/451 4.7.1 "try again later" is greylisting.
        (
            Some(S::RcptTo),
            &["451 4.7.1 Please try again later"],
            D::Greylisted,
        ),
        (
            Some(S::MailFrom),
            &["452 4.7.1 rate limit exceeded"],
            D::RateLimited,
        ),
        (
            Some(S::MailFrom),
            &["550 5.4.5 Daily user sending quota exceeded."],
            D::SendingQuotaExceeded,
        ),
        (
            Some(S::Ehlo),
            &[
                "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.",
            ],
            D::TlsHandshakeFailed,
        ),
        (
            Some(S::StartTls),
            &["454 4.7.0 TLS not available due to local problem"],
            D::TlsUnavailable,
        ),
        (
            Some(S::StartTls),
            &["502 5.5.1 Unrecognized command"],
            D::StarttlsNotOffered,
        ),
        (
            Some(S::Greeting),
            &["421 mx.example.com Service not available, closing transmission channel"],
            D::ServiceUnavailable,
        ),
        (
            Some(S::Greeting),
            &["554 5.7.1 Client host blocked using zen.spamhaus.org"],
            D::ServiceUnavailable,
        ),
        (
            Some(S::Greeting),
            &["421 4.7.0 Try again later, closing connection."],
            D::RateLimited,
        ),
        (
            Some(S::MailFrom),
            &["421 4.3.2 Service not available"],
            D::ServiceUnavailable,
        ),
        (
            Some(S::Ehlo),
            &["501 5.5.4 Invalid EHLO/HELO domain"],
            D::ServiceUnavailable,
        ),
        (
            Some(S::Data),
            &[
                "550-5.7.26 This mail has been blocked because the sender is unauthenticated.",
                "550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.",
                "550 5.7.26 Learn more at https://support.google.com/mail/answer/81126",
            ],
            D::MessageRejected,
        ),
        (
            Some(S::Data),
            &["550 5.7.23 The message was rejected because of Sender Policy Framework violation"],
            D::MessageRejected,
        ),
        (
            Some(S::Data),
            &["552 5.3.4 Message size exceeds fixed limit"],
            D::MessageRejected,
        ),
        (
            Some(S::Data),
            &["554 5.6.0 Invalid message content"],
            D::MessageRejected,
        ),
        (
            Some(S::Data),
            &["554 Transaction failed"],
            D::MessageRejected,
        ),
        (
            Some(S::MailFrom),
            &["451 4.3.0 Error: queue file write error"],
            D::TemporaryFailure,
        ),
        (
            Some(S::Data),
            &["452 4.3.1 Insufficient system storage"],
            D::TemporaryFailure,
        ),
        (Some(S::Quit), &["500 5.5.1 What?"], D::Unknown),
        (Some(S::Auth), &["250 2.0.0 OK"], D::Unknown),
    ];
    for (step, lines, expected) in table {
        let reply = wire(lines);
        assert_eq!(
            classify_reply(*step, &reply),
            *expected,
            "{step:?} {lines:?}"
        );
    }
    assert!(table.len() >= 60);
}

#[test]
fn same_code_means_different_things_at_different_steps() {
    let reply = Reply::new(550, "5.1.0 Address rejected");
    assert_eq!(
        classify_reply(Some(Step::MailFrom), &reply),
        D::SenderRejected
    );
    assert_eq!(
        classify_reply(Some(Step::RcptTo), &reply),
        D::RecipientRejected
    );
    assert_eq!(classify_reply(Some(Step::Data), &reply), D::MessageRejected);
    assert_eq!(
        classify_reply(Some(Step::Greeting), &reply),
        D::ServiceUnavailable
    );
    assert_eq!(classify_reply(None, &reply), D::Unknown);
}

#[test]
fn the_text_decides_not_the_code() {
    let tls = Reply::new(530, "5.7.0 Must issue a STARTTLS command first");
    let auth = Reply::new(530, "5.7.0 Authentication required");
    assert_eq!(classify_reply(None, &tls), D::TlsRequired);
    assert_eq!(classify_reply(None, &auth), D::AuthRequired);
    let locked = Reply::new(
        535,
        "5.7.139 Authentication unsuccessful, basic authentication is disabled.",
    );
    assert_eq!(classify_reply(None, &locked), D::BasicAuthDisabled);
}

#[test]
fn tailoring_names_the_provider() {
    let gmail = wire(&[
        "535-5.7.8 Username and Password not accepted. Learn more at",
        "535 5.7.8 https://support.google.com/mail/?p=BadCredentials x-gsmtp",
    ]);
    let diagnosis = for_reply(classify_reply(Some(Step::Auth), &gmail), &gmail, None);
    assert_eq!(
        diagnosis.summary,
        "Gmail needs an app password instead of your normal password"
    );
    assert!(
        diagnosis
            .steps_to_fix
            .iter()
            .any(|s| s.contains("2-Step Verification"))
    );
    assert_kind(&diagnosis);

    let yahoo = Reply::new(535, "5.7.0 (#AUTH005) Too many bad auth attempts.");
    let diagnosis = for_reply(classify_reply(Some(Step::Auth), &yahoo), &yahoo, None);
    assert_eq!(diagnosis.id, D::AuthFailed);
    assert!(
        diagnosis
            .steps_to_fix
            .first()
            .is_some_and(|s| s.starts_with("Yahoo needs an app password"))
    );
    assert!(diagnosis.steps_to_fix.iter().any(|s| s.contains("hour")));

    let tenant = Reply::new(
        535,
        "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
    );
    let diagnosis = for_reply(
        D::SmtpAuthDisabled,
        &tenant,
        provider::by_host("smtp.office365.com"),
    );
    assert!(diagnosis.summary.contains("your admin can turn it on"));
    assert_kind(&diagnosis);

    let sendgrid = Reply::new(535, "Authentication failed: Bad username / password");
    let diagnosis = for_reply(
        D::AuthFailed,
        &sendgrid,
        provider::by_host("smtp.sendgrid.net"),
    );
    assert!(
        diagnosis
            .steps_to_fix
            .first()
            .is_some_and(|s| s.contains("`apikey`"))
    );

    let ses = Reply::new(554, "Message rejected: Email address is not verified.");
    let diagnosis = for_reply(
        D::SenderRejected,
        &ses,
        provider::by_host("email-smtp.us-west-2.amazonaws.com"),
    );
    assert!(diagnosis.steps_to_fix.iter().any(|s| s.contains("sandbox")));
}
