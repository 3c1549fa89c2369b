//! The session engine against our fault-injecting SMTP server, over real sockets.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mail_settings_tester::diagnosis::{Change, DiagnosisId, diagnose};
use mail_settings_tester::event::{Direction, SessionEvent, Step, StepStatus};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{CertProblem, Goal, SessionError, SessionReport, run_session};
use mail_settings_tester::settings::{Security, Settings, Target, Timeouts};
use mail_settings_tester::snippet::web_config;
use support::pki::{CertKind, TestPki};
use support::smtp_server::{
    Banner, Fault, ServerConfig, Stage, TEST_PASSWORD, TEST_USER, TestServer,
};
use tokio_util::sync::CancellationToken;

/// Settings that match the default fake server: STARTTLS, AUTH after TLS, the test user.
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
            connect_secs: 5,
            greeting_secs: 2,
            command_secs: 5,
            ..Timeouts::default()
        },
        ..Settings::default()
    }
}

/// Runs a full session and returns its report and every event it emitted.
async fn run(settings: &Settings) -> (SessionReport, Vec<SessionEvent>) {
    run_until(settings, Goal::Send, CancellationToken::new()).await
}

async fn run_until(
    settings: &Settings,
    goal: Goal,
    cancel: CancellationToken,
) -> (SessionReport, Vec<SessionEvent>) {
    let plan = settings.check().expect("test settings are valid");
    let events = Arc::new(Mutex::new(Vec::new()));
    let collected = events.clone();
    let sink = move |event: SessionEvent| collected.lock().unwrap().push(event);
    let report = run_session(&plan, goal, &sink, cancel).await;
    let events = events.lock().unwrap().clone();
    (report, events)
}

fn diagnosis_id(settings: &Settings, report: &SessionReport) -> DiagnosisId {
    diagnose(settings, report)
        .expect("a failed session has a diagnosis")
        .id
}

/// Asserts that neither the password nor any of its base64 forms appears anywhere we output.
fn assert_no_secret(settings: &Settings, report: &SessionReport, events: &[SessionEvent]) {
    let diagnosis = diagnose(settings, report);
    let snippet = report.ok().then(|| web_config(settings, false));
    let outputs = [
        serde_json::to_string(&report.transcript).unwrap(),
        serde_json::to_string(events).unwrap(),
        mail_settings_tester::cli::send_document(report, diagnosis.as_ref(), snippet.as_ref())
            .to_string(),
        format!("{report:?}"),
    ];
    let secrets = settings.password.wire_forms(&settings.user_name);
    assert!(secrets.len() >= 3);
    for output in &outputs {
        for secret in &secrets {
            assert!(
                !output.contains(secret.as_str()),
                "a secret form leaked: {secret}"
            );
        }
    }
}

fn transcript_text(report: &SessionReport) -> Vec<String> {
    report
        .transcript
        .iter()
        .map(|line| format!("{} {}", line.mark(), line.text))
        .collect()
}

#[tokio::test]
async fn starttls_and_auth_login_send_a_message_like_aspnet() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = settings_for(&server);
    let (report, events) = run(&settings).await;
    assert!(
        report.ok(),
        "{:?}\n{:#?}",
        report.error,
        transcript_text(&report)
    );

    let lines = transcript_text(&report);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("<- 220 fake.test ESMTP"))
    );
    assert!(lines.iter().any(|l| l == "-> EHLO tester.example"));
    assert!(
        lines.iter().any(|l| l == "<- 250-STARTTLS"),
        "each EHLO line: {lines:#?}"
    );
    assert!(lines.iter().any(|l| l == "-> STARTTLS"));
    assert!(
        lines.iter().any(|l| l == "~> AUTH login <redacted>"),
        "encrypted mark after TLS"
    );
    assert_eq!(lines.iter().filter(|l| *l == "~> <redacted>").count(), 1);
    assert!(lines.iter().any(|l| l.starts_with("<~ 235")));
    assert!(lines.iter().any(|l| l.starts_with("<~ 221")));

    // ASP.NET signs in with LOGIN even though PLAIN is offered.
    assert_eq!(server.auth_mechanisms_used(), vec!["LOGIN"]);
    let messages = server.messages();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("Subject: Mail Settings Tester: test message"));
    assert!(messages[0].contains("host:       localhost"));
    assert!(!messages[0].contains(TEST_PASSWORD));
    assert!(report.message_id.is_some());

    let tls = report.tls.as_ref().expect("TLS facts");
    assert!(tls.version.starts_with("TLS 1."));
    let cert = report.certificate.as_ref().expect("certificate facts");
    assert!(cert.names.contains(&"localhost".to_owned()));
    assert_eq!(cert.sha256.len(), 95);
    assert!(report.server.auth_mechanisms.contains(&"LOGIN".to_owned()));

    for step in [
        Step::Connect,
        Step::Greeting,
        Step::Ehlo,
        Step::StartTls,
        Step::Auth,
        Step::Data,
        Step::Quit,
    ] {
        assert_eq!(
            report.step(step).map(|r| r.status),
            Some(StepStatus::Passed),
            "{step:?}"
        );
    }
    // Events arrive as they happen: the running state of a step precedes its lines.
    let first_running = events
        .iter()
        .position(|e| matches!(e, SessionEvent::Step(r) if r.step == Step::Auth && r.status == StepStatus::Running));
    let auth_line = events
        .iter()
        .position(|e| matches!(e, SessionEvent::Line(l) if l.text == "AUTH login <redacted>"));
    assert!(first_running < auth_line);
    assert_no_secret(&settings, &report, &events);
}

#[tokio::test]
async fn generic_target_prefers_plain_and_redacts_it() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        target: Target::Generic,
        ..settings_for(&server)
    };
    let (report, events) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(server.auth_mechanisms_used(), vec!["PLAIN"]);
    assert!(transcript_text(&report).contains(&"~> AUTH PLAIN <redacted>".to_owned()));
    assert_no_secret(&settings, &report, &events);
}

#[tokio::test]
async fn seed_scenario_ssl_off_then_apply_the_fix() {
    let server = TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        enable_ssl: false,
        ..settings_for(&server)
    };
    let (report, events) = run(&settings).await;
    assert!(matches!(
        &report.error,
        Some(SessionError::Rejected { step: Step::MailFrom, reply }) if reply.code == 530
    ));
    let diagnosis = diagnose(&settings, &report).expect("diagnosis");
    assert_eq!(diagnosis.id, DiagnosisId::TlsRequired);
    let change = diagnosis.suggested_change.expect("a one-click fix");
    assert!(change.changes.contains(&Change::EnableSsl(true)));
    assert_eq!(change.describe(&settings)[0], "enableSsl: false → true");
    assert_no_secret(&settings, &report, &events);
    // ASP.NET sends no AUTH when none is offered before TLS, and neither do we.
    assert!(!server.commands().iter().any(|c| c.starts_with("AUTH")));

    let fixed = change.apply(&settings);
    let (report, _) = run(&fixed).await;
    assert!(report.ok(), "{:?}", report.error);
    let snippet = web_config(&fixed, false);
    assert!(snippet.text.contains(r#"enableSsl="true""#));
}

#[tokio::test]
async fn implicit_tls_for_the_generic_target() {
    let server = TestServer::start(ServerConfig {
        implicit_tls: true,
        offer_starttls: false,
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        target: Target::Generic,
        security: Some(Security::ImplicitTls),
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(
        report
            .transcript
            .iter()
            .filter(|l| l.dir == Direction::Server)
            .all(|l| l.encrypted)
    );
    assert_eq!(
        report.step(Step::Tls).map(|r| r.status),
        Some(StepStatus::Passed)
    );
}

#[tokio::test]
async fn aspnet_on_an_implicit_tls_port_waits_for_a_greeting_like_the_site() {
    let server = TestServer::start(ServerConfig {
        implicit_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let settings = settings_for(&server);
    let (report, _) = run(&settings).await;
    assert_eq!(
        report.error,
        Some(SessionError::NoGreeting {
            secs: 2,
            port_speaks_tls: true
        })
    );
    assert_eq!(diagnosis_id(&settings, &report), DiagnosisId::NoGreeting);
    // The ASP.NET target never tries implicit TLS itself: one plain connection that got no
    // greeting, then the probe's connection, which is the only one that spoke TLS.
    assert_eq!(server.connections(), 2);
    assert!(server.tls_handshakes() <= 1);
    assert!(server.commands().is_empty());
}

#[tokio::test]
async fn implicit_tls_against_a_starttls_port() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        target: Target::Generic,
        security: Some(Security::ImplicitTls),
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    match &report.error {
        Some(SessionError::TlsHandshake {
            plain_banner: Some(banner),
            certificate: None,
            ..
        }) => {
            assert!(banner.starts_with("220 fake.test"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        diagnosis_id(&settings, &report),
        DiagnosisId::TlsOnPlainPort
    );
}

#[tokio::test]
async fn certificate_problems_are_named_and_the_certificate_still_shown() {
    let cases = [
        (CertKind::WrongName, DiagnosisId::CertificateNameMismatch),
        (CertKind::Expired, DiagnosisId::CertificateExpired),
        (CertKind::SelfSigned, DiagnosisId::CertificateUntrusted),
    ];
    for (cert, expected) in cases {
        let server = TestServer::start(ServerConfig {
            cert,
            ..ServerConfig::default()
        })
        .await;
        let settings = settings_for(&server);
        let (report, _) = run(&settings).await;
        assert!(
            matches!(
                report.error,
                Some(SessionError::TlsHandshake {
                    certificate: Some(_),
                    ..
                })
            ),
            "{cert:?}: {:?}",
            report.error
        );
        assert!(
            report.certificate.is_some(),
            "{cert:?}: certificate fetched despite failure"
        );
        assert_eq!(diagnosis_id(&settings, &report), expected, "{cert:?}");
    }
}

#[tokio::test]
async fn name_mismatch_lists_the_names_the_certificate_is_for() {
    let server = TestServer::start(ServerConfig {
        cert: CertKind::WrongName,
        ..ServerConfig::default()
    })
    .await;
    let (report, _) = run(&settings_for(&server)).await;
    let Some(SessionError::TlsHandshake {
        certificate:
            Some(CertProblem::NameMismatch {
                expected,
                presented,
            }),
        ..
    }) = &report.error
    else {
        panic!("{:?}", report.error);
    };
    assert_eq!(expected, "localhost");
    assert_eq!(presented, &vec!["mail.other-host.example".to_owned()]);
}

#[tokio::test]
async fn accepting_an_invalid_certificate_works_but_is_reported() {
    let server = TestServer::start(ServerConfig {
        cert: CertKind::SelfSigned,
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        accept_invalid_certs: true,
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(
        report.accepted_certificate_problem,
        Some(CertProblem::Untrusted)
    );
    assert!(
        report
            .transcript
            .iter()
            .any(|l| l.text.starts_with("warning: the certificate is not valid"))
    );
}

#[tokio::test]
async fn without_the_test_ca_a_private_certificate_is_untrusted() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        ca_file: None,
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert_eq!(
        diagnosis_id(&settings, &report),
        DiagnosisId::CertificateUntrusted
    );
}

#[tokio::test]
async fn a_missing_ca_file_is_a_clear_error() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        ca_file: Some("/nonexistent/ca.pem".into()),
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(
        matches!(&report.error, Some(SessionError::CaFile { path, .. }) if path == "/nonexistent/ca.pem")
    );
}

#[tokio::test]
async fn dotnet_never_sends_plain_to_a_plain_only_server() {
    let server = TestServer::start(ServerConfig {
        auth_mechanisms: vec!["PLAIN".into(), "XOAUTH2".into()],
        ..ServerConfig::default()
    })
    .await;
    let settings = settings_for(&server);
    let (report, _) = run(&settings).await;
    // Like System.Net.Mail, the session goes on without signing in; the server accepts the
    // message to its own mailbox, and the failed sign-in is kept.
    assert!(report.ok(), "{:?}", report.error);
    assert!(
        matches!(&report.sign_in_failure, Some(SessionError::AuthMechanismUnsupported { offered, .. }) if offered == &["PLAIN", "XOAUTH2"])
    );
    let server = TestServer::start(ServerConfig {
        auth_mechanisms: vec!["PLAIN".into(), "XOAUTH2".into()],
        require_auth: true,
        ..ServerConfig::default()
    })
    .await;
    let settings = settings_for(&server);
    let (report, _) = run(&settings).await;
    assert!(matches!(
        &report.error,
        Some(SessionError::Rejected {
            step: Step::MailFrom,
            ..
        })
    ));
    assert_eq!(
        diagnosis_id(&settings, &report),
        DiagnosisId::AuthMechanismUnsupported
    );
    assert!(
        server
            .commands()
            .iter()
            .all(|c| !c.to_ascii_uppercase().starts_with("AUTH"))
    );
    // Another program would get through: the generic target does.
    let (report, _) = run(&Settings {
        target: Target::Generic,
        ..settings
    })
    .await;
    assert!(report.ok(), "{:?}", report.error);
}

#[tokio::test]
async fn probe_stops_after_ehlo_without_sending() {
    let server = TestServer::start(ServerConfig::default()).await;
    let (report, _) = run_until(
        &settings_for(&server),
        Goal::Probe,
        CancellationToken::new(),
    )
    .await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(report.server.offers("AUTH"));
    let commands = server.commands();
    assert!(
        commands
            .iter()
            .all(|c| !c.starts_with("AUTH") && !c.starts_with("MAIL"))
    );
    assert_eq!(commands.last().map(String::as_str), Some("QUIT"));
}

#[tokio::test]
async fn cancel_ends_the_session_and_says_quit() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::RcptTo)),
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        timeouts: Timeouts::uniform(60),
        ..settings_for(&server)
    };
    let cancel = CancellationToken::new();
    let session = tokio::spawn({
        let cancel = cancel.clone();
        async move { run_until(&settings, Goal::Send, cancel).await }
    });
    assert!(
        server
            .wait_for_command("RCPT", Duration::from_secs(10))
            .await
    );
    cancel.cancel();
    // Bounded far below the 60 s command timeout: the cancel, not the timeout, ended it.
    let (report, _) = tokio::time::timeout(Duration::from_secs(5), session)
        .await
        .expect("cancel takes effect")
        .unwrap();
    assert_eq!(
        report.error,
        Some(SessionError::Cancelled { step: Step::RcptTo })
    );
    assert!(
        server
            .wait_for_command("QUIT", Duration::from_secs(5))
            .await
    );
    assert_eq!(
        diagnosis_id(&settings_for(&server), &report),
        DiagnosisId::Cancelled
    );
}

#[tokio::test]
async fn slow_multi_line_replies_are_read_whole() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::SlowLines(Duration::from_millis(20))),
        banner: Banner::Lines(vec![
            "220-fake.test ESMTP".into(),
            "220-second line".into(),
            "220 ready".into(),
        ]),
        ..ServerConfig::default()
    })
    .await;
    let (report, _) = run(&settings_for(&server)).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(
        report.server.banner.as_deref(),
        Some("fake.test ESMTP second line ready")
    );
}

#[tokio::test]
async fn helo_fallback_when_ehlo_is_refused() {
    let server = TestServer::start(ServerConfig {
        ehlo_reply: Some(vec!["500 5.5.1 unrecognized command".into()]),
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        user_name: String::new(),
        password: Password::default(),
        enable_ssl: false,
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(server.commands().iter().any(|c| c == "HELO tester.example"));
}

#[tokio::test]
async fn a_refused_sign_in_goes_on_like_aspnet_to_show_what_the_site_logs() {
    let server = TestServer::start(ServerConfig {
        users: Vec::new(),
        require_auth: true,
        ..ServerConfig::default()
    })
    .await;
    let settings = settings_for(&server);
    let (report, _) = run(&settings).await;
    assert!(matches!(
        report.sign_in_failure,
        Some(SessionError::Rejected {
            step: Step::Auth,
            ..
        })
    ));
    assert!(matches!(
        &report.error,
        Some(SessionError::Rejected { step: Step::MailFrom, reply }) if reply.code == 530
    ));
    assert_eq!(diagnosis_id(&settings, &report), DiagnosisId::AuthFailed);
    let logged = mail_settings_tester::diagnosis::aspnet_exception(&settings, &report).unwrap();
    assert!(
        logged.ends_with("The server response was: 5.7.0 Authentication required"),
        "{logged}"
    );
    // Other programs stop at the refusal: no MAIL FROM.
    let generic = Settings {
        target: Target::Generic,
        ..settings
    };
    let before = server.commands().len();
    let (report, _) = run(&generic).await;
    assert!(report.sign_in_failure.is_none());
    assert!(matches!(
        report.error,
        Some(SessionError::Rejected {
            step: Step::Auth,
            ..
        })
    ));
    assert!(
        !server.commands()[before..]
            .iter()
            .any(|c| c.starts_with("MAIL"))
    );
}

/// A server that offers sign-in without encryption: the password is not sent unless the user
/// allows it for this test; then it is, and the transcript and the report say so.
#[tokio::test]
async fn the_password_never_leaves_unencrypted_unless_allowed() {
    let server = TestServer::start(ServerConfig {
        auth_before_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        enable_ssl: false,
        ..settings_for(&server)
    };
    let (report, _) = run(&settings).await;
    assert!(matches!(
        report.error,
        Some(SessionError::PlaintextPasswordRefused {
            starttls_offered: true
        })
    ));
    assert!(server.auth_mechanisms_used().is_empty(), "no AUTH was sent");
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::PasswordUnencrypted);
    assert_eq!(
        diagnosis.suggested_change.unwrap().changes,
        vec![Change::EnableSsl(true)]
    );
    assert!(
        mail_settings_tester::diagnosis::aspnet_exception(&settings, &report).is_none(),
        "the website would have sent it: no prediction for a stop of ours"
    );

    let allowed = Settings {
        allow_plaintext_password: true,
        ..settings
    };
    let (report, events) = run(&allowed).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(report.password_sent_unencrypted);
    assert!(
        transcript_text(&report)
            .iter()
            .any(|l| l.contains("UNENCRYPTED") && l.contains("your website sends it the same way"))
    );
    assert_eq!(server.auth_mechanisms_used(), vec!["LOGIN"]);
    assert_no_secret(&allowed, &report, &events);
}
