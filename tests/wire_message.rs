//! What goes out on the wire for the envelope and the message, against the scripted server over
//! real sockets: international addresses (RFC 6531), the MIME headers, a message built before
//! `MAIL FROM`, a user name with a line break, the Message-ID of an IP address, the wait after
//! the final `.` and the end of the session.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use mail_settings_tester::diagnosis::{DiagnosisId, HostOs, diagnose, predict_exception};
use mail_settings_tester::event::{Direction, Step};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, SessionError, SessionReport, run_session};
use mail_settings_tester::settings::address::{AddressRole, Unsendable};
use mail_settings_tester::settings::{DotNetRuntime, Settings, Target, Timeouts};
use support::bin::{run_async, send_to_test_server};
use support::pki::TestPki;
use support::smtp_server::{Fault, ServerConfig, Stage, TEST_PASSWORD, TEST_USER, TestServer};
use tokio_util::sync::CancellationToken;

/// The default fake server's settings: STARTTLS, signed in as the test user.
fn settings_for(server: &TestServer, target: Target) -> Settings {
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
            greeting_secs: 5,
            command_secs: 5,
            ..Timeouts::default()
        },
        target,
        ..Settings::default()
    }
}

async fn run(settings: &Settings) -> SessionReport {
    let plan = settings.check().expect("test settings are valid");
    run_session(&plan, Goal::Send, &|_| {}, CancellationToken::new()).await
}

/// A server that offers SMTPUTF8 (international addresses).
fn smtputf8() -> ServerConfig {
    ServerConfig {
        ehlo_extra: vec!["SMTPUTF8".into()],
        ..ServerConfig::default()
    }
}

fn sent_mail_commands(server: &TestServer) -> Vec<String> {
    server
        .commands()
        .into_iter()
        .filter(|c| c.starts_with("MAIL") || c.starts_with("RCPT"))
        .collect()
}

#[tokio::test]
async fn an_international_domain_goes_out_in_ascii_in_the_envelope_and_the_message() {
    for target in [Target::Generic, Target::DotNet] {
        let server = TestServer::start(ServerConfig::default()).await;
        let settings = Settings {
            from: "shop@bücher.example".into(),
            to: "kunde@bücher.example".into(),
            ..settings_for(&server, target)
        };
        let report = run(&settings).await;
        assert!(report.ok(), "{target:?}: {:?}", report.error);
        assert_eq!(
            sent_mail_commands(&server),
            [
                "MAIL FROM:<shop@xn--bcher-kva.example>",
                "RCPT TO:<kunde@xn--bcher-kva.example>"
            ]
        );
        let message = &server.messages()[0];
        assert!(message.is_ascii(), "{message}");
        assert!(
            message.contains("<shop@xn--bcher-kva.example>"),
            "{message}"
        );
        assert!(message.contains("\r\nTo: kunde@xn--bcher-kva.example\r\n"));
    }
}

#[tokio::test]
async fn a_local_part_outside_ascii_asks_for_smtputf8_where_the_server_offers_it() {
    let server = TestServer::start(smtputf8()).await;
    let settings = Settings {
        to: "jörg@test.example".into(),
        ..settings_for(&server, Target::Generic)
    };
    let report = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(
        sent_mail_commands(&server),
        [
            format!("MAIL FROM:<{TEST_USER}> SMTPUTF8"),
            "RCPT TO:<jörg@test.example>".to_owned()
        ]
    );
}

#[tokio::test]
async fn without_smtputf8_the_test_stops_before_mail_from_and_names_the_reason() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        to: "jörg@test.example".into(),
        ..settings_for(&server, Target::Generic)
    };
    let report = run(&settings).await;
    assert_eq!(
        report.error,
        Some(SessionError::AddressUnsendable {
            role: AddressRole::Recipient,
            address: "jörg@test.example".into(),
            problem: Unsendable::NeedsSmtpUtf8 { offered: false },
        })
    );
    assert!(sent_mail_commands(&server).is_empty());
    assert_eq!(server.commands().last().map(String::as_str), Some("QUIT"));
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::RecipientRejected);
    assert!(diagnosis.summary.contains("jörg@test.example"));
    assert!(diagnosis.explanation.contains("SMTPUTF8"));
    assert!(diagnosis.explanation.contains("does not offer it"));
}

#[tokio::test]
async fn aspnet_refuses_a_local_part_outside_ascii_even_where_smtputf8_is_offered() {
    let server = TestServer::start(smtputf8()).await;
    let settings = Settings {
        from: "jörg@test.example".into(),
        to: "müller@test.example".into(),
        ..settings_for(&server, Target::DotNet)
    };
    let report = run(&settings).await;
    // System.Net.Mail checks the recipients before the sender, after signing in.
    assert!(matches!(
        &report.error,
        Some(SessionError::AddressUnsendable { role: AddressRole::Recipient, address, .. })
            if address == "müller@test.example"
    ));
    assert!(server.auth_mechanisms_used().contains(&"LOGIN".to_owned()));
    assert!(sent_mail_commands(&server).is_empty());
    assert!(!server.commands().contains(&"QUIT".to_owned()));
    let exception = predict_exception(
        &settings,
        &report,
        DotNetRuntime::NetFramework,
        HostOs::Windows,
    )
    .unwrap();
    assert_eq!(exception.type_name, "System.Net.Mail.SmtpException");
    assert_eq!(
        exception.message,
        "The client or server is only configured for E-mail addresses with ASCII local-parts: \
         müller@test.example."
    );
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert!(
        diagnosis
            .steps_to_fix
            .iter()
            .any(|s| s.contains("deliveryFormat"))
    );
}

#[tokio::test]
async fn the_message_says_it_is_mime() {
    let server = TestServer::start(ServerConfig::default()).await;
    let report = run(&settings_for(&server, Target::Generic)).await;
    assert!(report.ok(), "{:?}", report.error);
    let message = &server.messages()[0];
    let headers = message.split("\r\n\r\n").next().unwrap();
    assert!(headers.contains("\r\nMIME-Version: 1.0\r\n"), "{headers}");
    assert!(headers.contains("Content-Type: text/plain"), "{headers}");
}

#[tokio::test]
async fn an_address_the_message_cannot_carry_stops_the_test_before_mail_from() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        from: "\"a b\"@test.example".into(),
        ..settings_for(&server, Target::Generic)
    };
    let report = run(&settings).await;
    assert_eq!(
        report.error,
        Some(SessionError::AddressUnsendable {
            role: AddressRole::Sender,
            address: "\"a b\"@test.example".into(),
            problem: Unsendable::NotInMessage,
        })
    );
    assert!(sent_mail_commands(&server).is_empty());
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::SenderRejected);
    assert!(diagnosis.summary.contains("\"a b\"@test.example"));
    assert!(diagnosis.steps_to_fix[0].contains("`from`"));
}

#[tokio::test]
async fn a_line_break_in_the_user_name_never_reaches_data_raw() {
    let user = "shop\rX-Injected: yes";
    let server = TestServer::start(ServerConfig {
        users: vec![(user.into(), TEST_PASSWORD.into())],
        ..ServerConfig::default()
    })
    .await;
    let settings = Settings {
        user_name: user.into(),
        ..settings_for(&server, Target::Generic)
    };
    let report = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    let message = &server.messages()[0];
    for line in message.split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "a raw line break in {line:?}");
        assert!(!line.starts_with("X-Injected"), "{line:?}");
    }
    assert!(message.contains("shop\\x0dX-Injected: yes"), "{message}");
    let shown = report
        .transcript
        .iter()
        .filter(|l| l.dir == Direction::Client);
    assert!(shown.clone().all(|l| !l.text.contains('\r')));
}

#[tokio::test]
async fn an_ip_address_as_client_domain_gives_a_valid_message_id() {
    let server = TestServer::start(ServerConfig::default()).await;
    let settings = Settings {
        client_domain: "192.0.2.1".into(),
        ..settings_for(&server, Target::DotNet)
    };
    let report = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    let id = report.message_id.unwrap();
    assert!(id.ends_with("@[192.0.2.1]>"), "{id}");
    assert!(server.messages()[0].contains(&format!("Message-ID: {id}\r\n")));
}

#[tokio::test]
async fn a_garbled_answer_to_quit_after_the_message_is_accepted_is_no_failure() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::RawReplyAt(Stage::Quit, b"\x00\xff garbage\r\n")),
        ..ServerConfig::default()
    })
    .await;
    let report = run(&settings_for(&server, Target::Generic)).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(report.message_id.is_some());
    assert!(diagnose(&settings_for(&server, Target::Generic), &report).is_none());
}

/// A plain server without sign-in: a session fast enough for a 2 s whole-test limit.
fn plain_settings(server: &TestServer, target: Target, timeouts: Timeouts) -> Settings {
    Settings {
        user_name: String::new(),
        password: Password::new(""),
        enable_ssl: false,
        timeouts,
        ..settings_for(server, target)
    }
}

#[tokio::test]
async fn the_whole_test_limit_running_out_during_quit_is_no_failure() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::Quit)),
        ..ServerConfig::default()
    })
    .await;
    let timeouts = Timeouts {
        command_secs: 30,
        total_secs: 2,
        ..Timeouts::uniform(5)
    };
    let report = run(&plain_settings(&server, Target::Generic, timeouts)).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(report.message_id.is_some());
}

#[tokio::test]
async fn the_final_reply_has_its_own_longer_limit_and_says_check_the_inbox() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::DataEnd)),
        ..ServerConfig::default()
    })
    .await;
    let timeouts = Timeouts {
        command_secs: 1,
        final_reply_secs: 2,
        total_secs: 20,
        ..Timeouts::uniform(5)
    };
    let settings = plain_settings(&server, Target::Generic, timeouts);
    let report = run(&settings).await;
    assert_eq!(
        report.error,
        Some(SessionError::Timeout {
            step: Step::Data,
            secs: 2
        })
    );
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::Timeout);
    assert!(
        diagnosis.summary.contains("whole message"),
        "{}",
        diagnosis.summary
    );
    assert!(diagnosis.steps_to_fix[0].contains("inbox"));
    assert!(diagnosis.steps_to_fix[0].contains("before sending again"));
}

#[tokio::test]
async fn aspnet_waits_for_the_final_reply_until_its_one_limit_runs_out() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::DataEnd)),
        ..ServerConfig::default()
    })
    .await;
    let timeouts = Timeouts {
        command_secs: 1,
        final_reply_secs: 1,
        total_secs: 3,
        ..Timeouts::uniform(5)
    };
    let settings = plain_settings(&server, Target::DotNet, timeouts);
    let report = run(&settings).await;
    assert_eq!(
        report.error,
        Some(SessionError::Timeout {
            step: Step::Data,
            secs: 3
        })
    );
    let exception = predict_exception(
        &settings,
        &report,
        DotNetRuntime::NetFramework,
        HostOs::Windows,
    )
    .unwrap();
    assert_eq!(exception.message, "The operation has timed out.");
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert!(
        diagnosis
            .steps_to_fix
            .iter()
            .any(|s| s.contains("SmtpClient.Timeout"))
    );
}

#[tokio::test]
async fn the_command_line_sets_the_final_reply_limit() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::DataEnd)),
        ..ServerConfig::default()
    })
    .await;
    // `--timeout 5` (every other limit) comes with the test server's arguments.
    let args = send_to_test_server(
        server.port(),
        &[
            "--from",
            TEST_USER,
            "--target",
            "generic",
            "--final-reply-timeout",
            "2",
            "--total-timeout",
            "20",
            "--json",
        ],
    );
    let output = run_async(args, Vec::new(), &format!("{TEST_PASSWORD}\n")).await;
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    assert_eq!(doc["error"], "no reply to DATA within 2 s", "{doc}");
    assert_eq!(doc["diagnosis"]["id"], "timeout");
    assert!(
        doc["diagnosis"]["summary"]
            .as_str()
            .unwrap()
            .contains("whole message")
    );
}
