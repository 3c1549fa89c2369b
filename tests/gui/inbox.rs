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

#[test]
fn a_remembered_mailbox_password_is_kept_in_the_keyring_and_used_next_time() {
    use mail_settings_tester::credentials::{Account, Keyring};
    let runtime = runtime();
    let keyring = Keyring::with_store(keyring_core::mock::Store::new().unwrap());
    let (smtp, imap) = runtime.block_on(async {
        let smtp = Arc::new(TestServer::start(ServerConfig::default()).await);
        let imap = ImapServer::delivering(&smtp, "INBOX").await;
        (smtp, imap)
    });
    let handle = runtime.handle().clone();
    let store = keyring.clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default()).with_keyring(store)
        });
    fill_form(&mut harness, smtp.port());
    set_field(&mut harness, "Send the test to", IMAP_USER);
    harness
        .get_by_label("Remember in the system keyring")
        .click();
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok()
    });
    harness.run_steps(4);
    let mailbox = format!("imaps://{IMAP_USER}@localhost:{}", imap.port());
    set_field(&mut harness, "Mailbox (IMAP)", &mailbox);
    set_field(&mut harness, "Mailbox password", IMAP_PASSWORD);
    harness.get_by_label("Check my inbox").click();
    step_until(&mut harness, "the first inbox check", |app| {
        app.inbox_report().is_some() || app.inbox_error().is_some()
    });
    let account = Account::new(IMAP_USER, "localhost", u32::from(imap.port()));
    step_until(&mut harness, "the keyring", |_| {
        keyring.load(&account).ok().flatten().is_some()
    });
    assert_eq!(
        keyring.load(&account).unwrap().unwrap().expose(),
        IMAP_PASSWORD
    );
    // The field emptied: the keyring's password is used.
    set_field(&mut harness, "Mailbox password", "");
    harness.get_by_label("Check my inbox again").click();
    harness.run_steps(1);
    step_until(&mut harness, "the second inbox check", |app| {
        app.inbox_report().is_some() || app.inbox_error().is_some()
    });
    let report = harness.state().inbox_report().cloned();
    assert_eq!(
        report.map(|r| r.verdict),
        Some(InboxVerdict::InInbox),
        "{:?}",
        harness.state().inbox_error()
    );
    assert_eq!(
        imap.commands()
            .iter()
            .filter(|c| c.contains(" LOGIN "))
            .count(),
        2
    );
}
