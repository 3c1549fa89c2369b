//! The session engine against our fault-injecting SMTP server, over real sockets.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "engine/aspnet.rs"]
mod aspnet;
#[path = "engine/flow.rs"]
mod flow;
#[path = "engine/oauth.rs"]
mod oauth;
#[path = "engine/oauth_exchange.rs"]
mod oauth_exchange;
#[path = "engine/oauth_rejected.rs"]
mod oauth_rejected;
#[path = "engine/tls.rs"]
mod tls;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mail_settings_tester::diagnosis::{Change, DiagnosisId, diagnose};
use mail_settings_tester::event::{Direction, SessionEvent, Step, StepStatus};
use mail_settings_tester::outcome::TestOutcome;
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
    let outcome = TestOutcome::new(settings.clone(), report.clone(), false);
    let outputs = [
        serde_json::to_string(&report.transcript).unwrap(),
        serde_json::to_string(events).unwrap(),
        mail_settings_tester::cli::send_document(&outcome).to_string(),
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
