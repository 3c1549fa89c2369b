//! "Did it land?" through the window: after a successful test, "Check my inbox" signs in to
//! our IMAP server (which serves what our SMTP server received), says where the message landed,
//! and adds the IMAP exchange, password redacted, to the transcript.

use std::sync::Arc;

use mail_settings_tester::inbox::InboxVerdict;

use super::support::imap_server::{IMAP_PASSWORD, IMAP_USER, ImapServer};
use super::*;

#[test]
fn check_my_inbox_finds_the_message_and_its_exchange_joins_the_transcript() {
    let runtime = runtime();
    let (smtp, imap) = runtime.block_on(async {
        let smtp = Arc::new(TestServer::start(ServerConfig::default()).await);
        let imap = ImapServer::delivering(&smtp, "Spam").await;
        (smtp, imap)
    });
    let mut harness = sized_harness(&runtime, FormState::default(), 2400.0);
    fill_form(&mut harness, smtp.port());
    set_field(&mut harness, "Send the test to", IMAP_USER);
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok()
    });
    harness.run_steps(4);
    // The recipient on the server the test went through is suggested.
    let suggested = harness
        .get_all_by_label("Mailbox (IMAP)")
        .find_map(|node| node.value())
        .unwrap();
    assert_eq!(suggested, format!("imaps://{IMAP_USER}@localhost"));
    set_field(
        &mut harness,
        "Mailbox (IMAP)",
        &format!("imaps://{IMAP_USER}@localhost:{}", imap.port()),
    );
    set_field(&mut harness, "Mailbox password", IMAP_PASSWORD);
    let button = harness.get_by_label("Check my inbox");
    button.scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("Check my inbox").click();
    step_until(&mut harness, "the inbox check", |app| {
        app.inbox_report().is_some() || app.inbox_error().is_some()
    });
    let report = harness.state().inbox_report().cloned().unwrap_or_else(|| {
        panic!("{:?}", harness.state().inbox_error());
    });
    assert_eq!(report.verdict, InboxVerdict::InJunk, "{report:#?}");
    harness.run_steps(3);
    harness.get_by_label_contains("Arrived, but in the spam folder \"Spam\"");
    harness.get_by_label("Check my inbox again");
    let transcript = harness.state().transcript_lines().into_owned();
    let login = transcript
        .iter()
        .find(|l| l.text.contains(" LOGIN "))
        .expect("the IMAP exchange is in the transcript");
    assert!(login.text.ends_with("<redacted>"), "{}", login.text);
    let smtp_lines = transcript
        .iter()
        .position(|l| l.text.starts_with("250"))
        .unwrap();
    let imap_start = transcript
        .iter()
        .position(|l| l.text.starts_with("Looking for the message in the mailbox"))
        .unwrap();
    assert!(smtp_lines < imap_start, "the test's lines come first");
    let all = serde_json::to_string(&transcript).unwrap();
    assert!(!all.contains("pa\\\\ss word") && !all.contains(TEST_PASSWORD));
}

#[test]
fn a_mailbox_that_is_not_an_imap_address_is_explained_in_the_card() {
    let runtime = runtime();
    let smtp = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = sized_harness(&runtime, FormState::default(), 2400.0);
    fill_form(&mut harness, smtp.port());
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok()
    });
    harness.run_steps(4);
    set_field(
        &mut harness,
        "Mailbox (IMAP)",
        "pop3://someone@mail.test.example",
    );
    harness.get_by_label("Check my inbox").click();
    harness.run_steps(3);
    let error = harness.state().inbox_error().unwrap().to_owned();
    assert!(error.contains("is not an IMAP address"), "{error}");
    harness.get_by_label(&error);
}
