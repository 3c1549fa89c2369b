//! Where the message is found, and what the receiving server's checks and our own DKIM
//! verification say.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mail_settings_tester::event::Direction;
use mail_settings_tester::inbox::{InboxVerdict, Placement};
use tokio_util::sync::CancellationToken;

use super::support::imap_server::{IMAP_PASSWORD, ImapConfig, ImapServer};
use super::{assert_no_password, dns_with_key, holding, message, received, request, run, signed};

const PASSING: &str = "spf=pass smtp.mailfrom=info@shop.example;\r\n\tdkim=pass \
    header.d=shop.example header.s=sel;\r\n\tdmarc=pass (p=REJECT) header.from=shop.example";

#[tokio::test]
async fn a_signed_message_in_the_inbox_is_found_with_the_receivers_checks_and_a_valid_signature() {
    let dns = dns_with_key().await;
    let id = "<inbox-1@tester.example>";
    let raw = received(&signed(&message(id)), PASSING);
    let server = ImapServer::start(ImapConfig {
        messages: holding(vec![("INBOX", raw)]),
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", id);
    request.dns_server = Some(dns.addr());
    let (report, lines) = run(request, CancellationToken::new()).await;
    let report = report.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InInbox, "{report:#?}");
    assert!(
        report
            .verdict_text
            .starts_with("Arrived in the inbox after"),
        "{}",
        report.verdict_text
    );
    let arrival = report.arrival.as_ref().unwrap();
    assert_eq!(
        (arrival.folder.as_str(), arrival.placement),
        ("INBOX", Placement::Inbox)
    );
    let checks = arrival.receiver_checks.as_ref().unwrap();
    assert_eq!(checks.checked_by, "mx.test.example");
    let results: Vec<_> = checks
        .checks
        .iter()
        .map(|c| (c.method.as_str(), c.passed))
        .collect();
    assert_eq!(
        results,
        [
            ("spf", Some(true)),
            ("dkim", Some(true)),
            ("dmarc", Some(true))
        ]
    );
    assert_eq!(arrival.dkim.len(), 1, "{:#?}", arrival.dkim);
    let signature = &arrival.dkim[0];
    assert!(signature.valid && signature.aligned, "{signature:#?}");
    assert_eq!(signature.domain.as_deref(), Some("shop.example"));
    assert_eq!(signature.selector.as_deref(), Some("sel"));
    assert!(
        arrival
            .dkim_text
            .contains("valid and made for shop.example"),
        "{}",
        arrival.dkim_text
    );
    // The server got the password quoted as IMAP wants it; no transcript line shows it.
    let login = server
        .commands()
        .into_iter()
        .find(|c| c.contains("LOGIN"))
        .unwrap();
    assert!(login.ends_with("\"Imap&<\\\"pa\\\\ss word\""), "{login}");
    assert!(IMAP_PASSWORD.contains('"'));
    assert_no_password(&lines);
    assert_no_password(&report.transcript);
    assert_eq!(
        lines, report.transcript,
        "the sink saw every line of the report"
    );
    let login_line = lines.iter().find(|l| l.text.contains("LOGIN")).unwrap();
    assert_eq!(login_line.dir, Direction::Client);
    assert!(
        login_line
            .text
            .ends_with("LOGIN \"reader@test.example\" <redacted>"),
        "{}",
        login_line.text
    );
    assert!(login_line.encrypted);
    // The fetched message is a note with its size, not its text.
    assert!(
        lines
            .iter()
            .any(|l| l.text.contains("bytes of message data, not shown"))
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.text.contains("This is a test message"))
    );
}

#[tokio::test]
async fn a_message_in_the_spam_folder_says_so_and_a_changed_body_breaks_the_signature() {
    let dns = dns_with_key().await;
    let id = "<junk-1@tester.example>";
    let signed = signed(&message(id));
    let tampered = String::from_utf8(signed)
        .unwrap()
        .replace("a test message", "a changed text");
    let results = "spf=softfail smtp.mailfrom=info@shop.example; dkim=fail header.d=shop.example; \
                   dmarc=fail header.from=shop.example";
    let server = ImapServer::start(ImapConfig {
        messages: holding(vec![("Spam", received(tampered.as_bytes(), results))]),
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", id);
    request.dns_server = Some(dns.addr());
    let (report, _) = run(request, CancellationToken::new()).await;
    let report = report.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InJunk);
    assert!(
        report.verdict_text.contains("spam folder \"Spam\""),
        "{}",
        report.verdict_text
    );
    assert!(
        report.explanation.contains("SPF and DKIM and DMARC failed"),
        "{}",
        report.explanation
    );
    let arrival = report.arrival.unwrap();
    assert_eq!(arrival.placement, Placement::Junk);
    assert!(!arrival.dkim[0].valid, "{:#?}", arrival.dkim);
    assert!(
        arrival.dkim[0].text.contains("not valid"),
        "{}",
        arrival.dkim[0].text
    );
    assert!(
        arrival.dkim_text.contains("does not hold"),
        "{}",
        arrival.dkim_text
    );
}

#[tokio::test]
async fn a_message_that_arrives_later_is_found_on_a_later_look() {
    let id = "<late-1@tester.example>";
    let looks = Arc::new(AtomicUsize::new(0));
    let counter = looks.clone();
    let raw = message(id);
    let server = ImapServer::start(ImapConfig {
        // Empty for the first six looks into the mailbox (about two rounds), then delivered.
        messages: Arc::new(move || {
            if counter.fetch_add(1, Ordering::SeqCst) < 6 {
                Vec::new()
            } else {
                vec![("INBOX".to_owned(), raw.clone())]
            }
        }),
        ..ImapConfig::default()
    })
    .await;
    let (report, lines) = run(request(&server, "imaps", id), CancellationToken::new()).await;
    let report = report.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InInbox);
    assert!(
        lines
            .iter()
            .any(|l| l.text.starts_with("Not there yet; looking again in"))
    );
    assert!(looks.load(Ordering::SeqCst) > 6);
    let arrival = report.arrival.unwrap();
    assert!(arrival.receiver_checks.is_none());
    assert!(arrival.dkim.is_empty());
    assert!(
        arrival.dkim_text.contains("no DKIM signature"),
        "{}",
        arrival.dkim_text
    );
}

#[tokio::test]
async fn a_message_moved_to_another_folder_is_found_there_after_the_wait() {
    let id = "<archived-1@tester.example>";
    let server = ImapServer::start(ImapConfig {
        messages: holding(vec![("Archive", message(id))]),
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", id);
    request.wait = Duration::from_millis(200);
    let (report, _) = run(request, CancellationToken::new()).await;
    let report = report.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InOtherFolder);
    assert!(
        report.verdict_text.contains("folder \"Archive\""),
        "{}",
        report.verdict_text
    );
}

#[tokio::test]
async fn a_message_that_never_comes_is_not_found_after_every_folder_was_searched() {
    let server = ImapServer::start(ImapConfig {
        messages: holding(vec![("INBOX", message("<other@tester.example>"))]),
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", "<never@tester.example>");
    request.wait = Duration::from_millis(300);
    let (report, _) = run(request, CancellationToken::new()).await;
    let report = report.unwrap();
    assert_eq!(report.verdict, InboxVerdict::NotFound);
    assert!(
        report.verdict_text.starts_with("Not in the mailbox after"),
        "{}",
        report.verdict_text
    );
    assert!(
        report.explanation.contains("dropped it"),
        "{}",
        report.explanation
    );
    // Sent is not searched: it may hold the sender's copy, which is no arrival.
    assert_eq!(report.folders_searched, ["INBOX", "Spam", "Archive"]);
    let examined: Vec<_> = server
        .commands()
        .into_iter()
        .filter(|c| c.contains("EXAMINE \"Archive\""))
        .collect();
    assert_eq!(
        examined.len(),
        1,
        "other folders are searched once, at the end"
    );
}

#[tokio::test]
async fn starttls_encrypts_before_the_password_is_sent() {
    let id = "<starttls-1@tester.example>";
    let server = ImapServer::start(ImapConfig {
        implicit_tls: false,
        messages: holding(vec![("INBOX", message(id))]),
        ..ImapConfig::default()
    })
    .await;
    let (report, lines) = run(request(&server, "imap", id), CancellationToken::new()).await;
    assert_eq!(report.unwrap().verdict, InboxVerdict::InInbox);
    let starttls = lines.iter().position(|l| l.text == "A0 STARTTLS").unwrap();
    assert!(!lines[starttls].encrypted);
    let login = lines
        .iter()
        .position(|l| l.dir == Direction::Client && l.text.contains(" LOGIN "))
        .unwrap();
    assert!(login > starttls && lines[login].encrypted, "{lines:#?}");
    assert_no_password(&lines);
}

#[tokio::test]
async fn stop_ends_the_wait_at_once() {
    let server = ImapServer::start(ImapConfig::default()).await;
    let mut request = request(&server, "imaps", "<never@tester.example>");
    request.wait = Duration::from_secs(600);
    let cancel = CancellationToken::new();
    let stopper = cancel.clone();
    let lines = std::sync::Arc::new(std::sync::Mutex::new(0usize));
    let seen = lines.clone();
    let sink: mail_settings_tester::inbox::LineSink = Arc::new(move |line| {
        if line.text.starts_with("Not there yet") {
            *seen.lock().unwrap() += 1;
            stopper.cancel();
        }
    });
    let result = mail_settings_tester::inbox::check_inbox(request, sink, cancel).await;
    assert!(
        matches!(
            result,
            Err(mail_settings_tester::inbox::InboxError::Cancelled)
        ),
        "{result:?}"
    );
    assert_eq!(*lines.lock().unwrap(), 1);
}

#[tokio::test]
async fn a_copy_in_the_sent_folder_is_no_arrival() {
    let id = "<sent-copy@tester.example>";
    let server = ImapServer::start(ImapConfig {
        messages: holding(vec![("Sent", message(id))]),
        ..ImapConfig::default()
    })
    .await;
    let mut request = request(&server, "imaps", id);
    request.wait = Duration::from_millis(100);
    let (report, _) = run(request, CancellationToken::new()).await;
    assert_eq!(report.unwrap().verdict, InboxVerdict::NotFound);
    assert!(!server.commands().iter().any(|c| c.contains("\"Sent\"")));
}

#[tokio::test]
async fn a_french_junk_folder_without_a_special_use_mark_is_still_spam_and_named_readably() {
    let id = "<fr-1@tester.example>";
    let server = ImapServer::start(ImapConfig {
        folders: vec![("INBOX", ""), ("Courrier ind&AOk-sirable", "")],
        messages: holding(vec![("Courrier ind&AOk-sirable", message(id))]),
        ..ImapConfig::default()
    })
    .await;
    let (report, _) = run(request(&server, "imaps", id), CancellationToken::new()).await;
    let report = report.unwrap();
    assert_eq!(report.verdict, InboxVerdict::InJunk, "{report:#?}");
    assert!(
        report
            .verdict_text
            .contains("spam folder \"Courrier indésirable\""),
        "{}",
        report.verdict_text
    );
}
