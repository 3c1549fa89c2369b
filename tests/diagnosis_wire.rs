//! Every diagnosis id is reachable on the wire: one scripted server per id.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "diagnosis_wire/connection.rs"]
mod connection;
mod support;

use mail_settings_tester::diagnosis::{DiagnosisId, diagnose};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, SessionReport, run_session};
use mail_settings_tester::settings::{Security, Settings, Target, Timeouts};
use support::pki::{CertKind, TestPki};
use support::smtp_server::{
    Banner, Fault, ServerConfig, Stage, TEST_PASSWORD, TEST_USER, TestServer,
};
use tokio_util::sync::CancellationToken;

fn base(port: u16) -> Settings {
    Settings {
        host: "localhost".into(),
        port: u32::from(port),
        user_name: TEST_USER.into(),
        password: Password::new(TEST_PASSWORD),
        enable_ssl: true,
        from: TEST_USER.into(),
        client_domain: "tester.example".into(),
        ca_file: Some(TestPki::get().ca_pem_path().to_path_buf()),
        timeouts: Timeouts {
            connect_secs: 2,
            greeting_secs: 1,
            command_secs: 2,
            ..Timeouts::default()
        },
        ..Settings::default()
    }
}

async fn report_for(settings: &Settings) -> SessionReport {
    let plan = settings.check().expect("valid settings");
    let sink = |_event| {};
    run_session(&plan, Goal::Send, &sink, CancellationToken::new()).await
}

/// Runs `settings` (adjusted by `tweak`) against a server with `config`; returns the id.
async fn id_for(
    config: ServerConfig,
    tweak: impl FnOnce(&mut Settings),
) -> (DiagnosisId, SessionReport) {
    let server = TestServer::start(config).await;
    let mut settings = base(server.port());
    tweak(&mut settings);
    let report = report_for(&settings).await;
    let id = diagnose(&settings, &report).map_or(DiagnosisId::Unknown, |d| d.id);
    (id, report)
}

#[allow(clippy::unnecessary_wraps)] // reads better at the call sites, which take an Option
fn replies(lines: &[&str]) -> Option<Vec<String>> {
    Some(lines.iter().map(|l| (*l).to_owned()).collect())
}

/// One row: the id we expect, the server, and how the settings differ from the base.
type Case = (DiagnosisId, ServerConfig, fn(&mut Settings));

fn no_credentials(settings: &mut Settings) {
    settings.user_name.clear();
    settings.password = Password::default();
}

#[tokio::test]
#[allow(clippy::too_many_lines)] // a data table: one row per diagnosis id
async fn server_replies_map_to_their_ids() {
    let auth_reply = |text: &str| ServerConfig {
        auth_failure_reply: text.to_owned(),
        users: Vec::new(),
        ..ServerConfig::default()
    };
    let cases: Vec<Case> = vec![
        (
            DiagnosisId::NoGreeting,
            ServerConfig {
                banner: Banner::Silent,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::NotSmtp,
            ServerConfig {
                banner: Banner::Http,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::NotSmtp,
            ServerConfig {
                banner: Banner::Garbage,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::ServiceUnavailable,
            ServerConfig {
                banner: Banner::Lines(vec![
                    "554 5.3.2 fake.test Service currently unavailable".into(),
                ]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::TlsRequired,
            ServerConfig {
                require_tls: true,
                ..ServerConfig::default()
            },
            |s| s.enable_ssl = false,
        ),
        (
            DiagnosisId::StarttlsNotOffered,
            ServerConfig {
                offer_starttls: false,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (DiagnosisId::TlsOnPlainPort, ServerConfig::default(), |s| {
            s.target = Target::Generic;
            s.security = Some(Security::ImplicitTls);
        }),
        (
            DiagnosisId::TlsUnavailable,
            ServerConfig {
                starttls_reply: Some("454 4.7.0 TLS not available due to local problem".into()),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::TlsHandshakeFailed,
            ServerConfig {
                fault: Some(Fault::DropInTlsHandshake),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::Greylisted,
            ServerConfig {
                rcpt_reply: replies(&[
                    "450 4.2.0 <user@test.example>: Recipient address rejected: Greylisted",
                ]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::SendingQuotaExceeded,
            ServerConfig {
                data_end_reply: replies(&["550 5.4.5 Daily user sending limit exceeded."]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::CertificateNameMismatch,
            ServerConfig {
                cert: CertKind::WrongName,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::CertificateUntrusted,
            ServerConfig {
                cert: CertKind::SelfSigned,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::CertificateExpired,
            ServerConfig {
                cert: CertKind::Expired,
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::AuthRequired,
            ServerConfig {
                require_auth: true,
                ..ServerConfig::default()
            },
            no_credentials,
        ),
        (
            DiagnosisId::AuthNotOffered,
            ServerConfig {
                auth_mechanisms: Vec::new(),
                ..ServerConfig::default()
            },
            |s| s.target = Target::Generic,
        ),
        (
            DiagnosisId::PasswordUnencrypted,
            ServerConfig {
                auth_before_tls: true,
                ..ServerConfig::default()
            },
            |s| s.enable_ssl = false,
        ),
        (DiagnosisId::AuthRequiresTls, ServerConfig::default(), |s| {
            s.target = Target::Generic;
            s.enable_ssl = false;
        }),
        (
            DiagnosisId::AuthMechanismUnsupported,
            ServerConfig {
                auth_mechanisms: vec!["PLAIN".into()],
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::AuthFailed,
            ServerConfig {
                users: Vec::new(),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::AppPasswordRequired,
            auth_reply(
                "534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor",
            ),
            |_| {},
        ),
        (
            DiagnosisId::WebLoginRequired,
            auth_reply(
                "534 5.7.14 <https://accounts.google.com/signin/continue> Please log in via your web browser and then try again.",
            ),
            |_| {},
        ),
        (
            DiagnosisId::SmtpAuthDisabled,
            auth_reply(
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
            ),
            |_| {},
        ),
        (
            DiagnosisId::BasicAuthDisabled,
            auth_reply(
                "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
            ),
            |_| {},
        ),
        (
            DiagnosisId::AuthTemporaryFailure,
            auth_reply("454 4.7.0 Temporary authentication failure"),
            |_| {},
        ),
        (
            DiagnosisId::RelayDenied,
            ServerConfig {
                rcpt_reply: replies(&[
                    "554 5.7.1 <someone@elsewhere.example>: Relay access denied",
                ]),
                ..ServerConfig::default()
            },
            no_credentials,
        ),
        (
            DiagnosisId::SenderRejected,
            ServerConfig {
                mail_from_reply: replies(&[
                    "553 5.7.1 <user@test.example>: Sender address rejected: not owned by user other@test.example",
                ]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::RecipientRejected,
            ServerConfig {
                rcpt_reply: replies(&[
                    "550 5.1.1 <nobody@test.example>: Recipient address rejected: User unknown in virtual mailbox table",
                ]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::MessageRejected,
            ServerConfig {
                data_end_reply: replies(&["554 5.6.0 Message rejected: content not accepted"]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::AccountBlocked,
            ServerConfig {
                mail_from_reply: replies(&["550 5.1.8 Bad outbound sender"]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::RateLimited,
            ServerConfig {
                mail_from_reply: replies(&[
                    "451 4.7.1 Rate limit exceeded, too many messages, try again later",
                ]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::TemporaryFailure,
            ServerConfig {
                data_end_reply: replies(&["451 4.3.0 Error: queue file write error"]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::ConnectionLost,
            ServerConfig {
                fault: Some(Fault::DropAt(Stage::MailFrom)),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::Timeout,
            ServerConfig {
                fault: Some(Fault::StallAt(Stage::RcptTo)),
                ..ServerConfig::default()
            },
            |_| {},
        ),
        (
            DiagnosisId::Unknown,
            ServerConfig {
                rcpt_reply: replies(&["250-fine so far", "599 this is not a real reply code"]),
                ..ServerConfig::default()
            },
            |_| {},
        ),
    ];
    let mut wrong = Vec::new();
    for (expected, config, tweak) in cases {
        let (id, report) = id_for(config, tweak).await;
        if id != expected {
            wrong.push(format!(
                "expected {expected:?}, got {id:?} (error: {:?})",
                report.error
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
