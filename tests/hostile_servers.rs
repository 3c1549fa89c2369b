//! The session against hostile servers: each one ends within the configured limits, with the
//! diagnosis a site owner needs, no panic, and nothing the server sent reaching any output raw.
//!
//! Every scenario runs with limits of 1 s per wait and 3 s for the whole test, and asserts that
//! the session is over within the whole-test limit plus a little slack for the
//! machine. Memory per reply is bounded by the engine's 8 KiB line and 200-line limits; the peak
//! RSS against a 1 MB line and an endless reply is measured by `scripts/bench.sh`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "hostile_servers/cli_runs.rs"]
mod cli_runs;
#[path = "hostile_servers/outputs.rs"]
mod outputs;
#[path = "hostile_servers/tls.rs"]
mod tls;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mail_settings_tester::diagnosis::{Diagnosis, DiagnosisId, diagnose};
use mail_settings_tester::event::SessionEvent;
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, SessionError, SessionReport, run_session};
use mail_settings_tester::settings::{Settings, Timeouts};
use support::pki::TestPki;
use support::smtp_server::{
    Banner, Fault, ServerConfig, Stage, TEST_PASSWORD, TEST_USER, TestServer,
};
use tokio_util::sync::CancellationToken;

use DiagnosisId as D;

/// The whole-test limit of every scenario; each wait gets 1 s.
const TOTAL_SECS: u64 = 3;
/// What the machine may add to a limit (scheduling, the test's own set-up and tear-down).
const SLACK: Duration = Duration::from_millis(1500);

/// A greeting with NUL, invalid UTF-8 (a lone `\xff\xfe`, a broken two-byte sequence), an ANSI
/// escape sequence, BEL, the bidi override U+202E, a C1 control (U+009B, CSI) and DEL.
pub const HOSTILE_GREETING: &[u8] = b"220 fake.test \x00\xff\xfe ESMTP \x1b[31mready\x07 \
\xe2\x80\xaeevil \xc3\x28 \xc2\x9b2J\x7f\r\n";
/// A refusal of the recipient with the same tricks and an OSC title change.
pub const HOSTILE_RCPT_REPLY: &[u8] = b"550 5.1.1 <\x00\xc3\x28\x1b]0;owned\x07>: Recipient \
address rejected: \xe2\x80\xaeUser unknown\x1b[2J\r\n";

/// ASP.NET site settings for `server`: STARTTLS, the test user, the test CA, short limits.
fn settings_for(server: &TestServer) -> Settings {
    Settings {
        host: "localhost".into(),
        port: u32::from(server.port()),
        user_name: TEST_USER.into(),
        password: Password::new(TEST_PASSWORD),
        enable_ssl: true,
        from: TEST_USER.into(),
        client_domain: "tester.example".into(),
        ca_file: Some(TestPki::get().ca_pem_path().to_path_buf()),
        timeouts: Timeouts {
            connect_secs: 1,
            greeting_secs: 1,
            command_secs: 1,
            final_reply_secs: 1,
            total_secs: TOTAL_SECS,
        },
        ..Settings::default()
    }
}

/// Runs a whole send on its own task (a panic fails the test with its message) and checks that
/// it ended within the whole-test limit plus slack.
async fn run(settings: &Settings) -> SessionReport {
    let plan = settings.check().expect("test settings are valid");
    let events = Arc::new(Mutex::new(Vec::<SessionEvent>::new()));
    let collected = events.clone();
    let started = Instant::now();
    let task = tokio::spawn(async move {
        let sink = move |event: SessionEvent| collected.lock().unwrap().push(event);
        run_session(&plan, Goal::Send, &sink, CancellationToken::new()).await
    });
    let report = match task.await {
        Ok(report) => report,
        Err(err) => panic!("the session panicked: {err}"),
    };
    let elapsed = started.elapsed();
    let bound = Duration::from_secs(settings.timeouts.total_secs) + SLACK;
    assert!(
        elapsed <= bound,
        "the session took {elapsed:?}, more than {bound:?}"
    );
    let events = serde_json::to_value(&*events.lock().unwrap()).unwrap();
    outputs::assert_json_displayable("events", &events);
    report
}

/// How a scenario ended.
struct Ended {
    report: SessionReport,
    diagnosis: Diagnosis,
    /// Every output, as one text.
    seen: String,
}

/// Runs `config`'s server against `settings` (made by `adjust` from the defaults) and checks the
/// diagnosis and every output.
async fn scenario(
    config: ServerConfig,
    adjust: impl FnOnce(&mut Settings),
    expected: DiagnosisId,
) -> Ended {
    let server = TestServer::start(config).await;
    let mut settings = settings_for(&server);
    adjust(&mut settings);
    let report = run(&settings).await;
    let transcript: Vec<String> = report
        .transcript
        .iter()
        .map(|line| format!("{} {}", line.mark(), line.text))
        .collect();
    let diagnosis = diagnose(&settings, &report).expect("a hostile server is diagnosed");
    assert_eq!(
        diagnosis.id, expected,
        "error: {:?}\n{transcript:#?}",
        report.error
    );
    assert!(!diagnosis.summary.is_empty());
    let seen = outputs::assert_outputs_displayable(&settings, &report);
    Ended {
        report,
        diagnosis,
        seen,
    }
}

fn keep(_: &mut Settings) {}

fn faulty(fault: Fault) -> ServerConfig {
    ServerConfig {
        fault: Some(fault),
        ..ServerConfig::default()
    }
}

fn banner(banner: Banner) -> ServerConfig {
    ServerConfig {
        banner,
        ..ServerConfig::default()
    }
}

/// Connected, and nothing ever comes: the website would wait for its greeting until its own
/// timeout, exactly what `no_greeting` explains (the port-465 probe finds no TLS either).
#[tokio::test]
async fn no_banner_is_no_greeting() {
    let Ended { report, .. } = scenario(banner(Banner::Silent), keep, D::NoGreeting).await;
    assert!(matches!(
        report.error,
        Some(SessionError::NoGreeting {
            port_speaks_tls: false,
            ..
        })
    ));
}

/// A greeting, then silence: the server is there but stopped answering, so `timeout` (the
/// greeting step passed; nothing is wrong with the settings).
#[tokio::test]
async fn banner_then_silence_is_a_timeout() {
    let Ended { report, .. } =
        scenario(faulty(Fault::StallAt(Stage::Ehlo)), keep, D::Timeout).await;
    assert!(matches!(
        report.error,
        Some(SessionError::Timeout {
            step: mail_settings_tester::event::Step::Ehlo,
            ..
        })
    ));
}

/// Binary bytes, a web server, an IMAP and a POP3 server: `not_smtp`, at the first bytes (not
/// after the greeting limit, which would be `no_greeting`).
#[tokio::test]
async fn garbage_http_imap_and_pop3_are_not_smtp() {
    let imap = Banner::Lines(vec![
        "* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] Dovecot ready.".into(),
    ]);
    let pop3 = Banner::Lines(vec![
        "+OK Dovecot ready. <1896.697170952@dbc.mtview.ca.us>".into(),
    ]);
    for hostile in [Banner::Garbage, Banner::Http, imap, pop3] {
        let shown = format!("{hostile:?}");
        let Ended { report, seen, .. } = scenario(banner(hostile), keep, D::NotSmtp).await;
        assert!(
            matches!(report.error, Some(SessionError::NotSmtp { .. })),
            "{shown}: {:?}",
            report.error
        );
        if shown.contains("Garbage") {
            assert!(seen.contains("\\\\x1b"), "the ESC shows escaped: {seen}");
        }
    }
}

/// A `421` greeting: the server is there and says it cannot take mail now.
#[tokio::test]
async fn a_421_greeting_is_service_unavailable() {
    let lines = vec!["421 4.3.2 fake.test Service not available, closing channel".into()];
    scenario(banner(Banner::Lines(lines)), keep, D::ServiceUnavailable).await;
}

/// The server answers EHLO and hangs up before STARTTLS: the connection was lost.
#[tokio::test]
async fn drop_after_ehlo_is_connection_lost() {
    let config = faulty(Fault::DropAfter(Stage::Ehlo));
    scenario(config, keep, D::ConnectionLost).await;
}

/// The server hangs up after three lines of the message: the connection was lost during DATA.
#[tokio::test]
async fn drop_in_data_is_connection_lost() {
    let Ended { report, .. } =
        scenario(faulty(Fault::DropInData(3)), keep, D::ConnectionLost).await;
    assert_eq!(
        report.error.as_ref().map(SessionError::step),
        Some(mail_settings_tester::event::Step::Data)
    );
}

/// A 1 MB EHLO line, and an EHLO reply that never ends: both stop at the engine's limits (8 KiB
/// a line, 200 lines a reply). No setting can fix a server that breaks SMTP like this, so the
/// right answer is `unknown` with "the server broke the rules of the mail conversation", which
/// tells the site owner it is the server's fault and to send the transcript to the provider
/// (`not_smtp` would be wrong: it greeted in SMTP; `timeout` would be wrong: it answered fast).
#[tokio::test]
async fn a_huge_line_and_an_endless_reply_break_the_rules() {
    for (fault, detail) in [
        (Fault::LongLineAt(Stage::Ehlo, 1 << 20), "far too long"),
        (Fault::EndlessReplyAt(Stage::Ehlo), "more than 200 lines"),
    ] {
        let Ended {
            report, diagnosis, ..
        } = scenario(faulty(fault), keep, D::Unknown).await;
        match &report.error {
            Some(SessionError::Protocol { detail: said, .. }) => {
                assert!(said.contains(detail), "{fault:?}: {said}");
            }
            other => panic!("{fault:?}: {other:?}"),
        }
        assert!(
            diagnosis.summary.contains("broke the rules"),
            "{diagnosis:?}"
        );
        let longest = report.transcript.iter().map(|l| l.text.len()).max();
        assert!(longest.unwrap_or(0) <= 8192 + 64, "{fault:?}: {longest:?}");
        assert!(
            report.transcript.len() < 260,
            "{fault:?}: {}",
            report.transcript.len()
        );
    }
}

/// The line limit is exact: a reply line of 8 KiB (8,192 bytes before CRLF) is read, one byte
/// more is refused, whatever the chunks it arrives in. (The first is a whole EHLO reply, so the
/// session goes on to find no STARTTLS in it.)
#[tokio::test]
async fn the_line_limit_is_exactly_8_kib() {
    let limit = 8192 - "250 ".len();
    let Ended { report, .. } = scenario(
        faulty(Fault::LongLineAt(Stage::Ehlo, limit)),
        keep,
        D::StarttlsNotOffered,
    )
    .await;
    let longest = report.transcript.iter().map(|l| l.text.len()).max();
    assert_eq!(longest, Some(8192));
    let Ended { report, .. } = scenario(
        faulty(Fault::LongLineAt(Stage::Ehlo, limit + 1)),
        keep,
        D::Unknown,
    )
    .await;
    assert!(
        matches!(&report.error, Some(SessionError::Protocol { detail, .. }) if detail.contains("too long")),
        "{:?}",
        report.error
    );
}

/// One byte per second after the greeting: the whole-test limit stops it (each wait alone is
/// generous here), and `timeout` is the answer. A greeting at that pace never completes within
/// the greeting limit: `no_greeting`, as for a silent server.
#[tokio::test]
async fn one_byte_per_second_is_a_timeout() {
    let second = Duration::from_secs(1);
    let whole_test_limit = |settings: &mut Settings| {
        settings.timeouts.command_secs = 30;
        settings.timeouts.total_secs = 2;
    };
    let Ended { report, .. } = scenario(
        faulty(Fault::SlowBytesFrom(Stage::Ehlo, second)),
        whole_test_limit,
        D::Timeout,
    )
    .await;
    assert!(
        matches!(report.error, Some(SessionError::Timeout { secs: 2, .. })),
        "{:?}",
        report.error
    );

    let slow_greeting = Banner::Slow("220 fake.test ESMTP slow".into(), second);
    scenario(banner(slow_greeting), keep, D::NoGreeting).await;
}

/// NUL, invalid UTF-8, escape sequences, BEL, U+202E and C1 in the greeting (which is accepted:
/// System.Net.Mail reads it as SMTP) and in the refusal of the recipient, which decides the
/// diagnosis: `recipient_rejected`. Everything shows escaped, nothing is lost.
#[tokio::test]
async fn nul_and_invalid_utf8_show_escaped() {
    let config = ServerConfig {
        banner: Banner::Bytes(HOSTILE_GREETING.to_vec()),
        fault: Some(Fault::RawReplyAt(Stage::RcptTo, HOSTILE_RCPT_REPLY)),
        ..ServerConfig::default()
    };
    let Ended { report, seen, .. } = scenario(config, keep, D::RecipientRejected).await;
    let banner = report.server.banner.clone().unwrap_or_default();
    for escaped in [
        "\\x00",
        "\u{fffd}",
        "\\x1b[31m",
        "\\x07",
        "\\u{202e}",
        "\\x9b",
        "\\x7f",
    ] {
        assert!(banner.contains(escaped), "{escaped} in {banner}");
    }
    assert!(seen.contains("\\\\x1b]0;owned\\\\x07"), "{seen}");
}
