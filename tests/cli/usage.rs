//! The command line as a tool: `explain`, usage errors, a closed pipe and Ctrl-C.

use super::*;

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

/// UTF-16 little-endian, with or without a byte-order mark: what Event Viewer's "Save as text"
/// and PowerShell 5.1's `Out-File` write.
fn utf16le(text: &str, mark: bool) -> Vec<u8> {
    let mut bytes = if mark { vec![0xFF, 0xFE] } else { Vec::new() };
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// `explain -` reads a log saved as UTF-16 (with a byte-order mark, or without one).
#[test]
fn explain_reads_utf16_as_windows_tools_save_it() {
    let logged = "2026-12-06 10:00:01 System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first\r\n";
    for mark in [true, false] {
        let args = support::bin::strings(&["explain", "--json", "-"]);
        let output = support::bin::run_with_bytes(&args, &[], &utf16le(logged, mark));
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let doc: serde_json::Value = serde_json::from_str(&text(&output.stdout)).unwrap();
        assert_eq!(doc["diagnosis"]["id"], "tls_required", "mark: {mark}");
    }
}

/// `--password-stdin` takes a password piped as UTF-16, and the server gets the right one.
#[tokio::test]
async fn a_password_piped_as_utf16_signs_in() {
    let server = TestServer::start(ServerConfig::default()).await;
    let args = send_args(&server, &["--enable-ssl", "true"]);
    let stdin = utf16le(&format!("{TEST_PASSWORD}\r\n"), true);
    let output =
        tokio::task::spawn_blocking(move || support::bin::run_with_bytes(&args, &[], &stdin))
            .await
            .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("235"),
        "{}",
        text(&output.stdout)
    );
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

/// Output piped into a program that stops reading ends quietly (exit 141), never a panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = support::bin::start(
        Command::new(env!("CARGO_BIN_EXE_mailtester"))
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
            .stderr(Stdio::piped()),
    );
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
#[cfg_attr(
    windows,
    ignore = "sends SIGINT with kill(1): Windows has no signals; there Ctrl-C and Ctrl-Break are console events (src/cli/interrupt.rs listens for both), which a test cannot raise for a piped child under Wine"
)]
fn ctrl_c_stops_a_test_at_once() {
    use std::io::{BufRead as _, BufReader, Write as _};
    use std::process::Stdio;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        banner: support::smtp_server::Banner::Silent,
        ..ServerConfig::default()
    }));
    let args = send_args(&server, &[]);
    let mut child = support::bin::start(
        Command::new(env!("CARGO_BIN_EXE_mailtester"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    );
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
