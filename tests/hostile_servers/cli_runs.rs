//! The real `mailtester send`, human and `--json`, against the hostile-banner and the
//! hostile-certificate servers: standard output and error carry no raw control character.

use super::outputs::assert_stream_displayable;
use super::{HOSTILE_GREETING, HOSTILE_RCPT_REPLY};
use crate::support::bin::run_async;
use crate::support::pki::{CertKind, TestPki};
use crate::support::smtp_server::{
    Banner, Fault, ServerConfig, Stage, TEST_PASSWORD, TEST_USER, TestServer,
};

fn send_args(server: &TestServer, json: bool) -> Vec<String> {
    let mut args: Vec<String> = [
        "send",
        "--host",
        "localhost",
        "--port",
        &server.port().to_string(),
        "--enable-ssl",
        "true",
        "--user",
        TEST_USER,
        "--password-stdin",
        "--from",
        TEST_USER,
        "--client-domain",
        "tester.example",
        "--timeout",
        "3",
        "--ca-file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
    ]
    .iter()
    .map(|arg| (*arg).to_owned())
    .collect();
    if json {
        args.push("--json".into());
    }
    args
}

/// Runs `send` both ways against `config`'s server; returns (human stdout, JSON document).
async fn send_both_ways(config: ServerConfig) -> (String, serde_json::Value) {
    let server = TestServer::start(config).await;
    let mut human = String::new();
    let mut document = serde_json::Value::Null;
    for json in [false, true] {
        let output = run_async(
            send_args(&server, json),
            Vec::new(),
            &format!("{TEST_PASSWORD}\n"),
        )
        .await;
        assert_ne!(
            output.status.code(),
            Some(0),
            "a hostile server is a failure"
        );
        let stdout = assert_stream_displayable("stdout", &output.stdout);
        assert_stream_displayable("stderr", &output.stderr);
        if json {
            document = serde_json::from_str(&stdout).expect("--json prints one JSON document");
            super::outputs::assert_json_displayable("--json", &document);
        } else {
            human = stdout;
        }
    }
    (human, document)
}

#[tokio::test]
async fn cli_against_a_hostile_banner_and_reply() {
    let config = ServerConfig {
        banner: Banner::Bytes(HOSTILE_GREETING.to_vec()),
        fault: Some(Fault::RawReplyAt(Stage::RcptTo, HOSTILE_RCPT_REPLY)),
        ..ServerConfig::default()
    };
    let (human, document) = send_both_ways(config).await;
    assert!(human.contains("\\x1b[31mready\\x07"), "{human}");
    assert!(human.contains("\\u{202e}"), "{human}");
    assert_eq!(document["diagnosis"]["id"], "recipient_rejected");
}

#[tokio::test]
async fn cli_against_a_hostile_certificate() {
    let config = ServerConfig {
        cert: CertKind::Hostile,
        ..ServerConfig::default()
    };
    let (human, document) = send_both_ways(config).await;
    assert!(human.contains("\\x1b[2J"), "{human}");
    assert_eq!(document["diagnosis"]["id"], "certificate_untrusted");
    let subject = document["certificate"]["subject"]
        .as_str()
        .unwrap_or_default();
    assert!(subject.contains("\\u{202e}"), "{subject}");
}
