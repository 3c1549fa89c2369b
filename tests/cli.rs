//! The `mailtester` binary, run as a user would, against the fake SMTP server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::process::{Command, Output};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};

/// Runs `mailtester` with `args`, feeding `stdin`, off the async runtime.
async fn mailtester(args: Vec<String>, stdin: &str) -> Output {
    support::bin::run_async(args, Vec::new(), stdin).await
}

fn send_args(server: &TestServer, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "send",
        "--host",
        "localhost",
        "--port",
        &server.port().to_string(),
        "--user",
        TEST_USER,
        "--password-stdin",
        "--from",
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
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_no_password(output: &str) {
    for secret in [
        TEST_PASSWORD.to_owned(),
        STANDARD.encode(TEST_PASSWORD),
        STANDARD.encode(format!("\0{TEST_USER}\0{TEST_PASSWORD}")),
    ] {
        assert!(!output.contains(&secret), "the password leaked as {secret}");
    }
}

#[tokio::test]
async fn send_prints_the_live_transcript_checklist_and_snippet() {
    let server = TestServer::start(ServerConfig::default()).await;
    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true"]),
        &format!("{TEST_PASSWORD}\n"),
    )
    .await;
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}\n{}",
        text(&output.stderr)
    );
    assert!(stdout.contains("<- 220 fake.test ESMTP FakeSMTP"));
    assert!(stdout.contains("-> STARTTLS"));
    assert!(stdout.contains("~> AUTH login <redacted>"));
    assert!(stdout.contains("~> <redacted>"));
    assert!(stdout.contains("** encrypted with TLS 1."));
    assert!(stdout.contains("[ok]      Sign in"));
    assert!(stdout.contains(r#"enableSsl="true""#));
    assert!(stdout.contains(r#"password="YOUR-PASSWORD-HERE""#));
    assert!(stdout.contains(
        "Other platforms: mailtester snippet --format phpmailer|wordpress|laravel|django|nodemailer|symfony|mailkit"
    ));
    assert_no_password(&stdout);
    assert_no_password(&text(&output.stderr));
}

#[tokio::test]
async fn json_document_has_every_part() {
    let server = TestServer::start(ServerConfig::default()).await;
    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true", "--json"]),
        TEST_PASSWORD,
    )
    .await;
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(doc["ok"], true);
    assert!(doc["diagnosis"].is_null());
    assert!(
        doc["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["step"] == "auth" && s["status"] == "passed")
    );
    let transcript = doc["transcript"].as_array().unwrap();
    assert!(
        transcript
            .iter()
            .any(|l| l["dir"] == "server" && l["encrypted"] == true)
    );
    assert!(transcript.iter().all(|l| l["ms"].is_u64()));
    assert!(
        doc["server"]["auth_mechanisms"]
            .as_array()
            .unwrap()
            .contains(&"LOGIN".into())
    );
    assert!(
        doc["server"]["banner"]
            .as_str()
            .unwrap()
            .contains("fake.test")
    );
    assert!(
        doc["certificate"]["names"]
            .as_array()
            .unwrap()
            .contains(&"localhost".into())
    );
    assert!(
        doc["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains("<mailSettings>")
    );
    assert_no_password(&stdout);
}

#[tokio::test]
async fn seed_scenario_on_the_command_line() {
    let server = TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let output = mailtester(send_args(&server, &[]), TEST_PASSWORD).await;
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(6),
        "refused at MAIL FROM: {stdout}"
    );
    assert!(stdout.contains("[tls_required]"));
    assert!(stdout.contains("--enable-ssl true"));
    assert!(stdout.contains("enableSsl: false → true"));
    assert!(stdout.contains("530 5.7.0 Must issue a STARTTLS command first"));

    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true", "--json"]),
        TEST_PASSWORD,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
    assert_eq!(doc["ok"], true);
    assert!(
        doc["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains(r#"enableSsl="true""#)
    );
}

#[tokio::test]
async fn failure_json_carries_the_diagnosis() {
    let server = TestServer::start(ServerConfig {
        users: Vec::new(),
        ..ServerConfig::default()
    })
    .await;
    let output = mailtester(
        send_args(&server, &["--enable-ssl", "true", "--json"]),
        TEST_PASSWORD,
    )
    .await;
    assert_eq!(output.status.code(), Some(5));
    let stdout = text(&output.stdout);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["ok"], false);
    assert_eq!(doc["diagnosis"]["id"], "auth_failed");
    assert!(
        !doc["diagnosis"]["steps_to_fix"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(doc["snippet"].is_null());
    assert_no_password(&stdout);
}

#[tokio::test]
async fn explain_reads_an_argument_or_stdin() {
    let exception = "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first";
    let output = mailtester(
        vec!["explain".into(), "--json".into(), exception.into()],
        "",
    )
    .await;
    let doc: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
    assert_eq!(doc["diagnosis"]["id"], "tls_required");

    let output = mailtester(
        vec!["explain".into(), "-".into()],
        "535 5.7.8 Error: authentication failed: authentication failure\n",
    )
    .await;
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains("[auth_failed]"));
}

#[tokio::test]
async fn snippet_escapes_and_includes_the_password_only_on_request() {
    let base = |extra: &[&str]| {
        let mut args: Vec<String> = [
            "snippet",
            "--host",
            "smtp.example.com",
            "--port",
            "587",
            "--enable-ssl",
            "true",
            "--user",
            "site@example.com",
            "--password-env",
            "MAILTESTER_TEST_PW",
            "--from",
            "site@example.com",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        args
    };
    let run = |args: Vec<String>| {
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_mailtester"))
                .args(&args)
                .env("MAILTESTER_TEST_PW", TEST_PASSWORD)
                .output()
                .unwrap()
        })
    };
    let output = run(base(&[])).await.unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_no_password(&text(&output.stdout));
    let output = run(base(&["--include-password"])).await.unwrap();
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(r#"password="Secr3t&amp;&lt;&quot;pass""#),
        "{stdout}"
    );
}

#[tokio::test]
async fn snippet_formats_text_and_json() {
    let run = |extra: &[&str]| {
        let mut args: Vec<String> = [
            "snippet",
            "--host",
            "smtp.example.com",
            "--port",
            "465",
            "--security",
            "tls",
            "--target",
            "generic",
            "--user",
            "site@example.com",
            "--password-env",
            "MAILTESTER_TEST_PW",
            "--from",
            "site@example.com",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.extend(extra.iter().map(|s| (*s).to_owned()));
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_mailtester"))
                .args(&args)
                .env("MAILTESTER_TEST_PW", TEST_PASSWORD)
                .output()
                .unwrap()
        })
    };
    let output = run(&["--format", "laravel"]).await.unwrap();
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(stdout.contains("MAIL_SCHEME=smtps\n"), "{stdout}");
    assert!(stdout.contains("MAIL_PORT=465\n"), "{stdout}");
    assert_no_password(&stdout);

    let output = run(&["--format", "all"]).await.unwrap();
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    for heading in [
        "==== web.config ====",
        "==== PHPMailer (PHP code) ====",
        "==== WordPress (wp-config.php) ====",
        "==== Laravel (.env) ====",
        "==== Django (settings.py) ====",
        "==== Node.js (Nodemailer) ====",
        "==== Symfony (.env.local) ====",
        "==== ASP.NET Core (appsettings.json, MailKit) ====",
    ] {
        assert!(stdout.contains(heading), "{heading} in {stdout}");
    }
    assert!(
        stdout.contains(
            "MAILER_DSN=smtps://site%40example.com:YOUR-PASSWORD-HERE@smtp.example.com:465"
        )
    );
    assert_no_password(&stdout);

    let output = run(&["--format", "mailkit", "--json", "--include-password"])
        .await
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(doc["snippet"]["format"], "mail_kit");
    assert_eq!(doc["snippet"]["includes_password"], true);
    let inner: serde_json::Value =
        serde_json::from_str(doc["snippet"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(inner["Smtp"]["Password"], TEST_PASSWORD);
    assert_eq!(inner["Smtp"]["SecureSocketOptions"], "SslOnConnect");

    let output = run(&["--format", "all", "--json"]).await.unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let formats: Vec<&str> = doc["snippets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["format"].as_str().unwrap())
        .collect();
    assert_eq!(
        formats,
        [
            "web_config",
            "php_mailer",
            "word_press",
            "laravel",
            "django",
            "nodemailer",
            "symfony",
            "mail_kit"
        ]
    );
    assert_no_password(&text(&output.stdout));

    let output = run(&["--format", "cobol"]).await.unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("phpmailer"));
}

#[tokio::test]
async fn usage_errors_are_clear_and_exit_2() {
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["send", "--host", "smtp.example.com", "--port", "587"],
            "--from",
        ),
        (
            vec![
                "send",
                "--host",
                "smtp.example.com",
                "--port",
                "587",
                "--from",
                "a@example.com",
                "--user",
                "a@example.com",
            ],
            "--password-stdin",
        ),
        (
            vec![
                "send",
                "--host",
                "smtp.example.com",
                "--port",
                "587",
                "--from",
                "a@example.com",
                "--password",
                "x",
            ],
            "unexpected argument",
        ),
        (
            vec![
                "send",
                "--host",
                "smtp://smtp.example.com",
                "--port",
                "99999",
                "--from",
                "nope",
            ],
            "remove \"smtp://\"",
        ),
    ];
    for (args, expected) in cases {
        let output = mailtester(args.iter().map(|s| (*s).to_owned()).collect(), "").await;
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

/// A password is needed only when it will be used or written: a snippet or a web.config update
/// with a user name and no password writes a placeholder (or leaves the password as it is).
#[tokio::test]
async fn no_password_is_asked_for_when_none_is_written() {
    let settings = [
        "--host",
        "smtp.example.com",
        "--port",
        "587",
        "--user",
        "site@example.com",
        "--from",
        "site@example.com",
        "--enable-ssl",
        "true",
    ];
    let output = mailtester(
        [&["snippet"][..], &settings]
            .concat()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("password=\"YOUR-PASSWORD-HERE\""));

    let output = mailtester(
        [&["snippet", "--include-password"][..], &settings]
            .concat()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        "",
    )
    .await;
    assert_eq!(output.status.code(), Some(2), "writing it needs it");
    assert!(text(&output.stderr).contains("--password-stdin"));

    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("web.config");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/webconfig/correct.config"),
        &site,
    )
    .unwrap();
    let site = site.to_str().unwrap().to_owned();
    let args: Vec<String> = [
        &["webconfig", "update", site.as_str(), "--dry-run"][..],
        &settings,
    ]
    .concat()
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let output = mailtester(args, "").await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Nothing to change") || stdout.contains("Dry run: nothing was written."),
        "{stdout}"
    );
}

/// Output piped into a program that stops reading ends quietly (exit 141), never a panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailtester"))
        .args([
            "snippet",
            "--host",
            "smtp.example.com",
            "--port",
            "587",
            "--from",
            "a@example.com",
            "--format",
            "all",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 141)),
        "{:?} {}",
        output.status,
        text(&output.stderr)
    );
    assert!(
        !text(&output.stderr).contains("panicked"),
        "{}",
        text(&output.stderr)
    );
}

/// Ctrl-C during a test against a server that never greets: the test stops at once (exit 130)
/// and says so.
#[test]
fn ctrl_c_stops_a_test_at_once() {
    use std::io::{BufRead as _, BufReader, Write as _};
    use std::process::Stdio;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        banner: support::smtp_server::Banner::Silent,
        ..ServerConfig::default()
    }));
    let args = send_args(&server, &[]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailtester"))
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{TEST_PASSWORD}").unwrap();
    // Wait, as a user would, until the live transcript shows the connection.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("connected to") {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "ended early: {seen}"
        );
        seen.push_str(&line);
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    assert!(rest.contains("cancelled"), "{seen}{rest}");
}
