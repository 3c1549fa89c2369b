//! The session as System.Net.Mail runs it: STARTTLS and AUTH LOGIN, the seed scenario and its
//! fix, port 465, no plain sign-in, HELO fallback, a refused sign-in, and the password kept off
//! unencrypted connections.

use super::*;

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
