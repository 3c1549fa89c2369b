//! Advice that fits the site's ASP.NET version, through the command line and its JSON: the
//! origin KB article's case (the server wants STARTTLS) for 2.0–3.5, 4.x and Core, as a live
//! test and as a pasted log line; and a sign-in refused by a server that sends anyway.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use serde_json::Value;
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};

const KB_LOG_LINE: &str = "System.Net.Mail.SmtpException: The SMTP server requires a secure \
    connection or the client was not authenticated. The server response was: 5.7.0 Must issue a \
    STARTTLS command first";

fn send_args(server: &TestServer, framework: &str, extra: &[&str]) -> Vec<String> {
    let port = server.port().to_string();
    let mut args = support::bin::strings(&[
        "send",
        "--host",
        "localhost",
        "--port",
        &port,
        "--from",
        TEST_USER,
        "--enable-ssl",
        "false",
        "--framework",
        framework,
        "--timeout",
        "5",
        "--ca-file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
    ]);
    args.extend(support::bin::strings(extra));
    args
}

fn json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "not JSON ({err}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// Every sentence of a diagnosis (summary, explanation, steps) in one string.
fn words(diagnosis: &Value) -> String {
    let mut all = vec![
        diagnosis["summary"].as_str().unwrap().to_owned(),
        diagnosis["explanation"].as_str().unwrap().to_owned(),
    ];
    for step in diagnosis["steps_to_fix"].as_array().unwrap() {
        all.push(step.as_str().unwrap().to_owned());
    }
    all.join("\n")
}

fn changes(diagnosis: &Value) -> Vec<Value> {
    diagnosis["suggested_change"]["changes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn require_tls() -> ServerConfig {
    ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }
}

#[tokio::test]
async fn legacy_sites_are_never_told_to_set_enable_ssl() {
    let server = TestServer::start(require_tls()).await;
    let output =
        support::bin::run_async(send_args(&server, "3.5", &["--json"]), Vec::new(), "").await;
    let doc = json(&output);
    let diagnosis = &doc["diagnosis"];
    assert_eq!(diagnosis["id"], "tls_required");
    let text = words(diagnosis);
    assert!(text.contains("smtpClient.EnableSsl = true;"), "{text}");
    assert!(
        text.contains("SendingMail"),
        "the PasswordRecovery case: {text}"
    );
    for line in text.lines() {
        assert!(
            !line.contains("enableSsl") || line.contains("has no `enableSsl`"),
            "{line}"
        );
    }
    assert!(
        changes(diagnosis)
            .iter()
            .all(|change| change["field"] != "enable_ssl"),
        "{diagnosis}"
    );
    // Pasted from the site's log, with the site's version: the same advice.
    let output = support::bin::run_async(
        support::bin::strings(&["explain", "--framework", "3.5", "--json", KB_LOG_LINE]),
        Vec::new(),
        "",
    )
    .await;
    let pasted = json(&output);
    assert_eq!(pasted["diagnosis"]["id"], "tls_required");
    assert!(words(&pasted["diagnosis"]).contains("smtpClient.EnableSsl = true;"));
    // In words, too.
    let output = support::bin::run_async(send_args(&server, "2.0", &[]), Vec::new(), "").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("switch SSL on in your code"), "{stdout}");
    assert!(!stdout.contains("--enable-ssl true"), "{stdout}");
}

#[tokio::test]
async fn net4_sites_get_enable_ssl_and_the_one_click_change() {
    let server = TestServer::start(require_tls()).await;
    let output =
        support::bin::run_async(send_args(&server, "4", &["--json"]), Vec::new(), "").await;
    let doc = json(&output);
    assert_eq!(doc["diagnosis"]["id"], "tls_required");
    assert!(words(&doc["diagnosis"]).contains("Set `enableSsl` to `true`"));
    assert!(
        changes(&doc["diagnosis"])
            .iter()
            .any(|change| change["field"] == "enable_ssl" && change["to"] == true)
    );
    let output = support::bin::run_async(
        support::bin::strings(&["explain", "--json", KB_LOG_LINE]),
        Vec::new(),
        "",
    )
    .await;
    assert!(words(&json(&output)["diagnosis"]).contains("Set `enableSsl` to `true`"));
}

#[tokio::test]
async fn core_sites_hear_of_appsettings() {
    let server = TestServer::start(require_tls()).await;
    let output =
        support::bin::run_async(send_args(&server, "core", &["--json"]), Vec::new(), "").await;
    let doc = json(&output);
    let text = words(&doc["diagnosis"]);
    assert!(
        text.contains("`SecureSocketOptions` to `StartTls`"),
        "{text}"
    );
    assert!(
        !text.contains("web.config") && !text.contains("enableSsl"),
        "{text}"
    );
    let output = support::bin::run_async(send_args(&server, "core", &[]), Vec::new(), "").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("SecureSocketOptions: None → StartTls"),
        "{stdout}"
    );
    assert!(
        stdout.contains("If your site sends with SmtpClient"),
        "{stdout}"
    );
}

/// System.Net.Mail goes on after a refused sign-in; a server that takes mail for its own
/// mailboxes without one accepts it. The website's mail to this address works, its mail to
/// anyone else will not: the test says so, and does not hand out a snippet with the password.
#[tokio::test]
async fn a_refused_sign_in_that_still_sends_is_a_problem_to_fix() {
    let server = TestServer::start(ServerConfig::default()).await;
    let port = server.port().to_string();
    let args = support::bin::strings(&[
        "send",
        "--host",
        "localhost",
        "--port",
        &port,
        "--user",
        TEST_USER,
        "--password-stdin",
        "--from",
        TEST_USER,
        "--enable-ssl",
        "true",
        "--ca-file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
        "--json",
    ]);
    let output = support::bin::run_async(args, Vec::new(), "wrong-password\n").await;
    assert_eq!(
        output.status.code(),
        Some(5),
        "exit code for a refused sign-in: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let doc = json(&output);
    assert_eq!(doc["sent"], true);
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["diagnosis"]["id"], "auth_failed");
    assert!(words(&doc["diagnosis"]).contains("this test message went through"));
    assert!(doc["snippet"].is_null());
    assert!(doc["aspnet_exception"].is_null(), "the site logs nothing");
    assert_eq!(server.messages().len(), 1);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains(TEST_PASSWORD));
}
