//! `send --check-inbox` as a user runs it: our SMTP server takes the message, our IMAP server
//! serves what it received, and the binary says where it landed.

use std::sync::Arc;

use serde_json::Value;

use super::password_forms;
use super::support::bin::{run_async, send_to_test_server};
use super::support::imap_server::{IMAP_PASSWORD, IMAP_USER, ImapServer};
use super::support::smtp_server::{ServerConfig, TEST_PASSWORD, TestServer};

/// An SMTP server, and an IMAP server whose `folder` holds every message the SMTP server took.
async fn smtp_and_mailbox(folder: &'static str) -> (Arc<TestServer>, ImapServer) {
    let smtp = Arc::new(TestServer::start(ServerConfig::default()).await);
    let imap = ImapServer::delivering(&smtp, folder).await;
    (smtp, imap)
}

/// `send` to `smtp` with `--check-inbox` at `imap`, and `extra` flags.
fn send_args(smtp: &TestServer, imap: &ImapServer, extra: &[&str]) -> Vec<String> {
    let mailbox = format!("imaps://{IMAP_USER}@localhost:{}", imap.port());
    let flags: &[&str] = &[
        "--from",
        "info@shop.example",
        "--to",
        IMAP_USER,
        "--check-inbox",
        &mailbox,
        "--inbox-wait",
        "5",
    ];
    send_to_test_server(smtp.port(), &[flags, extra].concat())
}

fn env_password() -> Vec<(String, String)> {
    vec![("INBOX_PW".to_owned(), IMAP_PASSWORD.to_owned())]
}

fn assert_no_passwords(text: &str) {
    for form in password_forms() {
        assert!(
            !text.contains(&form),
            "the mailbox password is in the output"
        );
    }
    assert!(
        !text.contains(TEST_PASSWORD),
        "the sign-in password is in the output"
    );
}

#[tokio::test]
async fn json_carries_the_inbox_check_and_exits_0_when_in_the_inbox() {
    let (smtp, imap) = smtp_and_mailbox("INBOX").await;
    let args = send_args(
        &smtp,
        &imap,
        &["--inbox-password-env", "INBOX_PW", "--json"],
    );
    let output = run_async(args, env_password(), TEST_PASSWORD).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let check = &doc["inbox_check"];
    assert_eq!(check["verdict"], "in_inbox", "{check:#}");
    assert_eq!(check["message_id"], doc["message_id"]);
    assert_eq!(check["arrival"]["folder"], "INBOX");
    assert!(check["transcript"].as_array().unwrap().len() > 5);
    assert_no_passwords(&stdout);
    assert_no_passwords(&stderr);
}

#[tokio::test]
async fn text_says_it_landed_in_spam_shows_the_imap_exchange_and_exits_10() {
    let (smtp, imap) = smtp_and_mailbox("Spam").await;
    let dir = tempfile::tempdir().unwrap();
    let report_path = dir.path().join("report.txt");
    // Both passwords on standard input: the sign-in's first, the mailbox's second.
    let args = send_args(
        &smtp,
        &imap,
        &[
            "--inbox-password-stdin",
            "--report",
            report_path.to_str().unwrap(),
        ],
    );
    let stdin = format!("{TEST_PASSWORD}\n{IMAP_PASSWORD}\n");
    let output = run_async(args, Vec::new(), &stdin).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(10), "{stdout}");
    if std::env::var_os("SHOW_OUTPUT").is_some() {
        eprintln!("{stdout}");
    }
    assert!(stdout.contains("Did it land?"), "{stdout}");
    assert!(
        stdout.contains("Arrived, but in the spam folder \"Spam\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("LOGIN \"reader@test.example\" <redacted>"),
        "{stdout}"
    );
    assert!(
        stdout.contains("added no Authentication-Results header"),
        "{stdout}"
    );
    assert!(stdout.contains("no DKIM signature"), "{stdout}");
    assert_no_passwords(&stdout);
    assert_no_passwords(&String::from_utf8_lossy(&output.stderr));
    // The support report carries the answer and the IMAP exchange, without the password.
    let report = std::fs::read_to_string(&report_path).unwrap();
    assert!(
        report.contains("## Did it land? (imaps://reader@test.example@localhost:"),
        "{report}"
    );
    assert!(
        report.contains("Arrived, but in the spam folder"),
        "{report}"
    );
    assert!(
        report.contains("LOGIN \"reader@test.example\" <redacted>"),
        "{report}"
    );
    assert_no_passwords(&report);
}

#[tokio::test]
async fn a_refused_mailbox_sign_in_is_said_and_exits_10_after_the_message_went_through() {
    let (smtp, imap) = smtp_and_mailbox("INBOX").await;
    let args = send_args(&smtp, &imap, &["--inbox-password-env", "INBOX_PW"]);
    let wrong = vec![("INBOX_PW".to_owned(), "wrong-one".to_owned())];
    let output = run_async(args, wrong, TEST_PASSWORD).await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(10), "{stderr}");
    assert!(
        stderr.contains("refused the sign-in for reader@test.example"),
        "{stderr}"
    );
    assert_eq!(smtp.messages().len(), 1, "the message itself went through");
}

#[tokio::test]
async fn mailbox_flags_without_check_inbox_and_a_bad_address_are_usage_errors() {
    let output = run_async(
        super::support::bin::strings(&["send", "--host", "h", "--inbox-password-stdin"]),
        Vec::new(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(2));
    let output = run_async(
        super::support::bin::strings(&["send", "--host", "h", "--check-inbox", "pop3://u@h"]),
        Vec::new(),
        "",
    )
    .await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not an IMAP address"), "{stderr}");
}
