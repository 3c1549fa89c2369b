//! A test that sends without a sign-in to the server's own mailbox also asks, with RCPT only,
//! whether an outside address would be taken: a server that refuses it makes the "success" a
//! warning (exit 6), since the site's mail to its customers will fail.

use super::{mailtester, text};
use crate::support::pki::TestPki;
use crate::support::smtp_server::{ServerConfig, TEST_USER, TestServer};

/// `send` without a user name, to `TEST_USER` (a mailbox of the server's own domain).
fn anonymous_send(server: &TestServer, json: bool) -> Vec<String> {
    let mut args: Vec<String> = [
        "send",
        "--host",
        "localhost",
        "--port",
        &server.port().to_string(),
        "--enable-ssl",
        "true",
        "--from",
        TEST_USER,
        "--to",
        TEST_USER,
        "--client-domain",
        "tester.example",
        "--timeout",
        "5",
        "--ca-file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    if json {
        args.push("--json".to_owned());
    }
    args
}

#[tokio::test]
async fn a_server_that_takes_only_its_own_mail_without_sign_in_is_not_a_success() {
    let server = TestServer::start(ServerConfig {
        relay_requires_auth: true,
        local_domains: vec!["test.example".into()],
        ..ServerConfig::default()
    })
    .await;
    let output = mailtester(anonymous_send(&server, false), "").await;
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(6), "{stdout}");
    assert!(stdout.contains("[outside_recipients_refused]"), "{stdout}");
    assert!(stdout.contains("Relay access denied"), "{stdout}");
    // One message only: the second connection asked with RCPT and took it back with RSET.
    assert_eq!(server.messages().len(), 1);
    let commands = server.commands();
    assert!(
        commands
            .iter()
            .any(|c| c.contains("RCPT TO:<outside-recipient-check@example.com>")),
        "{commands:?}"
    );
    assert!(commands.iter().any(|c| c == "RSET"), "{commands:?}");
    assert_eq!(commands.iter().filter(|c| *c == "DATA").count(), 1);

    let output = mailtester(anonymous_send(&server, true), "").await;
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        doc["warnings"][0]["id"], "outside_recipients_refused",
        "{doc}"
    );
    assert!(
        doc["warnings"][0]["will_log"]
            .as_str()
            .unwrap()
            .contains("Relay access denied"),
        "{doc}"
    );
}

#[tokio::test]
async fn a_server_that_relays_for_anyone_keeps_its_success() {
    let server = TestServer::start(ServerConfig::default()).await;
    let output = mailtester(anonymous_send(&server, false), "").await;
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("outside_recipients_refused"), "{stdout}");
    assert_eq!(server.messages().len(), 1);
}
