//! Replies at steps → ids, and the reply-aware tailoring. The replies about signing in and about
//! sending live in their own files (`tests_sign_in.rs`, `tests_sending.rs`).

use super::tests_sending::SENDING;
use super::tests_sign_in::SIGN_IN;
use super::*;
use crate::diagnosis::texts::tests::assert_kind;
use crate::reply::ReplyBuilder;

/// A reply's wire lines at a step, and the id it must give.
pub(super) type Case = (Option<Step>, &'static [&'static str], DiagnosisId);

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

/// Replies about the greeting, the server's name for this computer, and encryption.
const CONNECTION: &[Case] = &[
    (
        Some(Step::MailFrom),
        &["530 5.7.0 Must issue a STARTTLS command first."],
        D::TlsRequired,
    ),
    (
        Some(Step::Auth),
        &["530 5.7.0 Must issue a STARTTLS command first"],
        D::TlsRequired,
    ),
    (
        Some(Step::Ehlo),
        &[
            "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.",
        ],
        D::TlsHandshakeFailed,
    ),
    (
        Some(Step::StartTls),
        &["454 4.7.0 TLS not available due to local problem"],
        D::TlsUnavailable,
    ),
    (
        Some(Step::StartTls),
        &["502 5.5.1 Unrecognized command"],
        D::StarttlsNotOffered,
    ),
    (
        Some(Step::Greeting),
        &["421 mx.example.com Service not available, closing transmission channel"],
        D::ServiceUnavailable,
    ),
    (
        Some(Step::Greeting),
        &["554 5.7.1 Client host blocked using zen.spamhaus.org"],
        D::ServiceUnavailable,
    ),
    (
        Some(Step::Greeting),
        &["421 4.7.0 Try again later, closing connection."],
        D::RateLimited,
    ),
    (
        Some(Step::MailFrom),
        &["421 4.3.2 Service not available"],
        D::ServiceUnavailable,
    ),
    (
        Some(Step::Ehlo),
        &["501 5.5.4 Invalid EHLO/HELO domain"],
        D::ServiceUnavailable,
    ),
    (Some(Step::Quit), &["500 5.5.1 What?"], D::Unknown),
    (Some(Step::Auth), &["250 2.0.0 OK"], D::Unknown),
];

#[test]
fn replies_at_steps() {
    let table = || CONNECTION.iter().chain(SIGN_IN).chain(SENDING);
    for (step, lines, expected) in table() {
        let reply = wire(lines);
        assert_eq!(
            classify_reply(*step, &reply),
            *expected,
            "{step:?} {lines:?}"
        );
    }
    assert!(table().count() >= 60);
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
