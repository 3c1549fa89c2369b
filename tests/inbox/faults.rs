//! Servers that misbehave: each ends in a clear error, in time, without the password on the
//! wire unencrypted or in any text.

use std::time::{Duration, Instant};

use mail_settings_tester::inbox::{InboxError, MAX_SERVER_BYTES};
use mail_settings_tester::secret::Password;
use tokio_util::sync::CancellationToken;

use super::support::imap_server::{IMAP_PASSWORD, ImapConfig, ImapFault, ImapServer};
use super::support::pki::CertKind;
use super::{assert_no_password, request, run};

async fn server(config: ImapConfig) -> ImapServer {
    ImapServer::start(config).await
}

#[tokio::test]
async fn a_wrong_password_is_a_refused_sign_in_in_plain_words() {
    let server = server(ImapConfig::default()).await;
    let mut request = request(&server, "imaps", "<x@tester.example>");
    request.password = Password::new("not-the-password");
    let (result, lines) = run(request, CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(matches!(err, InboxError::SignIn { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("refused the sign-in for reader@test.example"),
        "{text}"
    );
    assert!(text.contains("Authentication failed"), "{text}");
    assert!(
        text.contains("(it said: NO [AUTHENTICATIONFAILED] Authentication failed.)"),
        "the server's own words: {text}"
    );
    assert!(text.contains("app password"), "{text}");
    assert!(!lines.iter().any(|l| l.text.contains("not-the-password")));
}

#[tokio::test]
async fn no_starttls_means_no_password_sent() {
    let server = server(ImapConfig {
        implicit_tls: false,
        offer_starttls: false,
        ..ImapConfig::default()
    })
    .await;
    let (result, lines) = run(request(&server, "imap", "<x@t>"), CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(matches!(err, InboxError::NoStartTls { .. }), "{err:?}");
    assert!(err.to_string().contains("Use imaps:// (port 993)"), "{err}");
    assert!(
        !server.commands().iter().any(|c| c.contains("LOGIN")),
        "{:?}",
        server.commands()
    );
    assert_no_password(&lines);
}

#[tokio::test]
async fn an_smtp_port_is_not_taken_for_a_mailbox() {
    let server = server(ImapConfig {
        implicit_tls: false,
        fault: ImapFault::SmtpGreeting,
        ..ImapConfig::default()
    })
    .await;
    let (result, _) = run(request(&server, "imap", "<x@t>"), CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(matches!(err, InboxError::NotImap { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("220 mail.test.example ESMTP ready"), "{text}");
    assert!(
        text.contains("IMAP is 993 (imaps://) or 143 (imap://)"),
        "{text}"
    );
}

#[tokio::test]
async fn a_server_that_stalls_after_sign_in_times_out_with_the_step_named() {
    let server = server(ImapConfig {
        fault: ImapFault::StallAfterLogin,
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", "<x@t>");
    request.step_limit = Duration::from_millis(300);
    let started = Instant::now();
    let (result, _) = run(request, CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(
        matches!(&err, InboxError::Timeout { what, .. } if what == "the folder list"),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test]
async fn an_endless_message_is_cut_off_at_the_size_limit() {
    let id = "<endless@tester.example>";
    let server = server(ImapConfig {
        fault: ImapFault::EndlessMessage,
        messages: super::holding(vec![("INBOX", super::message(id))]),
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", id);
    request.step_limit = Duration::from_secs(60);
    let (result, lines) = run(request, CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(matches!(err, InboxError::Protocol { .. }), "{err:?}");
    let limit = format!("more than {} MiB", MAX_SERVER_BYTES / (1024 * 1024));
    assert!(err.to_string().contains(&limit), "{err}");
    // The literal's bytes are never transcript lines.
    assert!(lines.iter().all(|l| l.text.len() < 3000));
}

#[tokio::test]
async fn an_untrusted_certificate_is_refused_in_words() {
    let server = server(ImapConfig {
        cert: CertKind::SelfSigned,
        ..ImapConfig::default()
    })
    .await;
    let (result, _) = run(request(&server, "imaps", "<x@t>"), CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(matches!(err, InboxError::Tls { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("no authority this computer trusts vouches for it"),
        "{err}"
    );
    assert!(!server.commands().iter().any(|c| c.contains(IMAP_PASSWORD)));
}

#[tokio::test]
async fn nothing_to_look_for_or_no_password_is_said_before_connecting() {
    let server = server(ImapConfig::default()).await;
    let mut no_password = request(&server, "imaps", "<x@t>");
    no_password.password = Password::default();
    let (result, _) = run(no_password, CancellationToken::new()).await;
    assert!(
        matches!(result, Err(InboxError::NoPassword { .. })),
        "{result:?}"
    );
    let (result, _) = run(request(&server, "imaps", " "), CancellationToken::new()).await;
    assert!(matches!(result, Err(InboxError::NoMessage)), "{result:?}");
    assert!(server.commands().is_empty());
}

#[tokio::test]
async fn a_server_that_repeats_the_password_gets_it_hidden_in_the_error_and_the_transcript() {
    let server = server(ImapConfig {
        fault: ImapFault::EchoLogin,
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", "<x@t>");
    request.password = Password::new("Wr0ng\"pass word");
    let (result, lines) = run(request, CancellationToken::new()).await;
    let err = result.unwrap_err();
    assert!(matches!(err, InboxError::SignIn { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("<hidden: the server repeated your password here>"),
        "{text}"
    );
    for form in ["Wr0ng", "pass word"] {
        assert!(!text.contains(form), "{text}");
        assert!(lines.iter().all(|l| !l.text.contains(form)), "{lines:#?}");
    }
}

#[tokio::test]
async fn a_password_inside_the_received_headers_never_reaches_the_report() {
    let id = "<echo-ar@tester.example>";
    let results =
        format!("spf=pass (the password was {IMAP_PASSWORD}) smtp.mailfrom=a@shop.example");
    let raw = super::received(&super::message(id), &results);
    let server = server(ImapConfig {
        messages: super::holding(vec![("INBOX", raw)]),
        ..ImapConfig::default()
    })
    .await;
    let (result, _) = run(request(&server, "imaps", id), CancellationToken::new()).await;
    let report = result.unwrap();
    // The header is left out whole, as if the receiving server had added none.
    assert!(
        report.arrival.as_ref().unwrap().receiver_checks.is_none(),
        "{report:#?}"
    );
    let report = serde_json::to_string(&report).unwrap();
    for form in super::password_forms() {
        assert!(!report.contains(&form), "{report}");
    }
}
