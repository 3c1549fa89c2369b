//! Against a real Postfix + Dovecot (scripts/postfix-test-server.sh).
//!
//! They need it running, so a plain `cargo test` lists them as ignored; `scripts/check.sh`
//! starts Postfix, sets `MAILTESTER_POSTFIX_ENV` to its env file and runs them with
//! `--ignored`. Run with `--ignored` without Postfix, they fail and say how to start it.
//! `inbox`: the inbox check against the same instance's Dovecot IMAP.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "postfix/inbox.rs"]
mod inbox;
#[path = "postfix/oauth.rs"]
mod oauth;
#[path = "postfix/oauth_mock.rs"]
mod oauth_mock;
#[path = "postfix/oauth_mock_browser.rs"]
mod oauth_mock_browser;
#[path = "postfix/scan.rs"]
mod scan;

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::path::PathBuf;
use std::time::Duration;

use mail_settings_tester::discover::{DiscoveryRequest, Reachability, Start, Verdict, discover};
use support::dns_server::{DnsServer, Rec};

use mail_settings_tester::diagnosis::{DiagnosisId, diagnose};
use mail_settings_tester::secret::Password;
use mail_settings_tester::session::{Goal, SessionError, SessionReport, run_session};
use mail_settings_tester::settings::{Security, Settings, Target, Timeouts};
use mail_settings_tester::snippet::web_config;
use tokio_util::sync::CancellationToken;

const USER: &str = "user@test.example";
const PASSWORD: &str = "Secr3t&<\"pass";

const NEEDS_POSTFIX: &str = "needs a running Postfix: scripts/check.sh starts one and runs these \
     (or: scripts/postfix-test-server.sh start DIR, then MAILTESTER_POSTFIX_ENV=DIR/env cargo test \
     --test postfix -- --ignored)";

struct Postfix {
    vars: HashMap<String, String>,
}

impl Postfix {
    /// The running instance; panics with what to do when there is none.
    fn get() -> Self {
        let Ok(path) = std::env::var("MAILTESTER_POSTFIX_ENV") else {
            panic!("{NEEDS_POSTFIX}: MAILTESTER_POSTFIX_ENV is not set");
        };
        let text = std::fs::read_to_string(&path).expect("the Postfix env file exists");
        let vars = text
            .lines()
            .filter_map(|line| line.trim().strip_prefix("export ").or(Some(line.trim())))
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.trim_matches(['"', '\'']).to_owned()))
            .collect();
        Self { vars }
    }

    fn var(&self, key: &str) -> &str {
        self.vars
            .get(key)
            .map_or_else(|| panic!("{key} missing from the env file"), String::as_str)
    }

    fn port(&self, key: &str) -> u32 {
        self.var(key).parse().unwrap()
    }

    fn settings(&self, port_key: &str) -> Settings {
        Settings {
            host: self.var("MAILTESTER_POSTFIX_HOST").to_owned(),
            port: self.port(port_key),
            user_name: USER.into(),
            password: Password::new(PASSWORD),
            enable_ssl: true,
            from: USER.into(),
            client_domain: "tester.example".into(),
            ca_file: Some(PathBuf::from(self.var("MAILTESTER_POSTFIX_CA"))),
            timeouts: Timeouts {
                connect_secs: 5,
                greeting_secs: 3,
                command_secs: 20,
                ..Timeouts::default()
            },
            ..Settings::default()
        }
    }
}

async fn run(settings: &Settings) -> SessionReport {
    let plan = settings.check().expect("valid");
    run_session(&plan, Goal::Send, &|_| {}, CancellationToken::new()).await
}

fn id(settings: &Settings, report: &SessionReport) -> Option<DiagnosisId> {
    diagnose(settings, report).map(|d| d.id)
}

fn assert_redacted(settings: &Settings, report: &SessionReport) {
    let transcript = serde_json::to_string(&report.transcript).unwrap();
    for secret in settings.password.wire_forms(&settings.user_name) {
        assert!(!transcript.contains(&secret));
    }
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn submission_with_starttls_and_login_delivers() {
    let postfix = Postfix::get();
    let settings = postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT");
    let report = run(&settings).await;
    assert!(report.ok(), "{:?}\n{:#?}", report.error, report.transcript);
    assert!(
        report
            .server
            .banner
            .as_deref()
            .unwrap_or_default()
            .contains("Postfix")
    );
    assert!(
        report
            .transcript
            .iter()
            .any(|l| l.text.starts_with("250 2.0.0 Ok: queued as"))
    );
    assert_redacted(&settings, &report);
    assert!(
        web_config(&settings, false)
            .text
            .contains(r#"enableSsl="true""#)
    );
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn seed_scenario_against_postfix() {
    let postfix = Postfix::get();
    let settings = Settings {
        enable_ssl: false,
        ..postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT")
    };
    let report = run(&settings).await;
    let diagnosis = diagnose(&settings, &report).expect("fails without TLS");
    assert_eq!(diagnosis.id, DiagnosisId::TlsRequired, "{:?}", report.error);
    let fixed = diagnosis
        .suggested_change
        .expect("one-click fix")
        .apply(&settings);
    let report = run(&fixed).await;
    assert!(report.ok(), "{:?}", report.error);
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn wrong_password_is_auth_failed() {
    let postfix = Postfix::get();
    let settings = Settings {
        user_name: "other@test.example".into(),
        password: Password::new("not-the-password"),
        from: "other@test.example".into(),
        ..postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT")
    };
    let report = run(&settings).await;
    assert_eq!(
        id(&settings, &report),
        Some(DiagnosisId::AuthFailed),
        "{:?}",
        report.error
    );
    assert_redacted(&settings, &report);
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn plain_port_relays_nothing_without_sign_in() {
    let postfix = Postfix::get();
    let settings = Settings {
        user_name: String::new(),
        password: Password::default(),
        enable_ssl: false,
        to: "someone@elsewhere.example".into(),
        ..postfix.settings("MAILTESTER_POSTFIX_PLAIN_PORT")
    };
    let report = run(&settings).await;
    assert_eq!(
        id(&settings, &report),
        Some(DiagnosisId::RelayDenied),
        "{:?}",
        report.error
    );

    let unknown_user = Settings {
        to: "nobody@test.example".into(),
        ..settings
    };
    let report = run(&unknown_user).await;
    assert_eq!(
        id(&unknown_user, &report),
        Some(DiagnosisId::RecipientRejected),
        "{:?}",
        report.error
    );
}

/// The false success: without a sign-in, Postfix takes mail for its own mailbox and refuses
/// everyone else. The test's message arrives, and the outcome says customers' mail will not.
#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn a_success_without_sign_in_says_whether_customers_can_be_mailed() {
    use mail_settings_tester::outcome::run_test;
    use mail_settings_tester::warning::WarningId;
    let postfix = Postfix::get();
    let settings = Settings {
        user_name: String::new(),
        password: Password::default(),
        enable_ssl: false,
        to: USER.into(),
        ..postfix.settings("MAILTESTER_POSTFIX_PLAIN_PORT")
    };
    let plan = settings.check().expect("valid");
    let outcome = run_test(
        settings.clone(),
        &plan,
        &|_| {},
        CancellationToken::new(),
        false,
    )
    .await;
    assert!(outcome.report().ok(), "{:?}", outcome.report().error);
    let warning = outcome
        .warnings()
        .iter()
        .find(|w| w.id == WarningId::OutsideRecipientsRefused)
        .expect("Postfix refuses outside addresses without a sign-in");
    assert!(
        warning.explanation.contains("Relay access denied"),
        "{}",
        warning.explanation
    );
    assert!(
        warning
            .will_log
            .starts_with("System.Net.Mail.SmtpException"),
        "{}",
        warning.will_log
    );
    // Signed in on the submission port, the check never runs.
    let signed_in = postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT");
    let plan = signed_in.check().expect("valid");
    let outcome = run_test(
        signed_in.clone(),
        &plan,
        &|_| {},
        CancellationToken::new(),
        false,
    )
    .await;
    assert!(outcome.report().ok(), "{:?}", outcome.report().error);
    assert!(outcome.report().outside_recipient_reply.is_none());
    assert!(outcome.warnings().is_empty());
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn smtps_port_works_for_generic_clients_but_not_for_aspnet() {
    let postfix = Postfix::get();
    let generic = Settings {
        target: Target::Generic,
        security: Some(Security::ImplicitTls),
        ..postfix.settings("MAILTESTER_POSTFIX_SMTPS_PORT")
    };
    let report = run(&generic).await;
    assert!(report.ok(), "{:?}", report.error);

    let aspnet = postfix.settings("MAILTESTER_POSTFIX_SMTPS_PORT");
    let report = run(&aspnet).await;
    assert!(
        matches!(
            report.error,
            Some(SessionError::NoGreeting {
                port_speaks_tls: true,
                ..
            })
        ),
        "{:?}",
        report.error
    );
    assert_eq!(id(&aspnet, &report), Some(DiagnosisId::NoGreeting));
}

/// "Find my settings" against the real Postfix: its submission port (STARTTLS, then LOGIN)
/// ranks first for ASP.NET, its SSL-on-connect port is listed and never recommended, and the
/// certificate is trusted through the test CA. Names resolve through our own DNS server, so no
/// look-up leaves the machine.
#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn probe_ranks_postfix_submission_first_for_aspnet() {
    let postfix = Postfix::get();
    let dns = DnsServer::start(&[Rec::A("localhost", Ipv4Addr::LOCALHOST)]).await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let port = |key| u16::try_from(postfix.port(key)).unwrap();
    let (submission, smtps, plain) = (
        port("MAILTESTER_POSTFIX_SUBMISSION_PORT"),
        port("MAILTESTER_POSTFIX_SMTPS_PORT"),
        port("MAILTESTER_POSTFIX_PLAIN_PORT"),
    );
    let mut request = DiscoveryRequest::new(Start::Host("localhost".into()));
    request.ports = vec![submission, smtps, plain];
    request.timeout = Duration::from_secs(5);
    request.dns_server = Some(dns.addr());
    request.ca_file = Some(PathBuf::from(postfix.var("MAILTESTER_POSTFIX_CA")));
    request.autoconfig_port = closed;
    let (events, _inbox) = tokio::sync::mpsc::unbounded_channel();
    let report = discover(request, events, CancellationToken::new())
        .await
        .unwrap();

    let best = report
        .recommended
        .as_ref()
        .expect("Postfix's submission port");
    assert_eq!((best.host.as_str(), best.port), ("localhost", submission));
    assert_eq!(best.security, Security::StartTls);
    assert!(best.enable_ssl);
    let first = &report.candidates[0];
    assert!(
        first.auth_after_tls.iter().any(|m| m == "LOGIN"),
        "{first:?}"
    );
    assert_eq!(
        first.certificate.as_ref().map(|c| c.verdict),
        Some(Verdict::Trusted)
    );
    let implicit = report
        .candidates
        .iter()
        .find(|row| row.port == smtps && row.security == Security::ImplicitTls)
        .expect("the SSL-on-connect port is listed");
    assert_eq!(implicit.reachability, Reachability::Open);
    assert!(!implicit.usable, "ASP.NET cannot use SSL on connect");
    assert!(
        report
            .candidates
            .iter()
            .filter(|row| row.port == plain)
            .all(|row| !row.usable || row.security == Security::StartTls),
        "the relay port in plain text is never usable"
    );
}
