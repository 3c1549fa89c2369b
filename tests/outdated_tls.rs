//! A server that speaks only TLS 1.0/1.1 (a real TLS stack: Python's `ssl` on OpenSSL, in
//! `tests/fixtures/servers/old_tls_smtp.py`): its own diagnosis, not a generic handshake error.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use mail_settings_tester::diagnosis::{DiagnosisId, aspnet_exception, diagnose};
use mail_settings_tester::session::{Goal, SessionError, run_session};
use mail_settings_tester::settings::{Settings, Timeouts};
use tokio_util::sync::CancellationToken;

use support::old_tls_server::old_server;

#[tokio::test]
async fn a_server_with_only_tls_1_0_gets_its_own_diagnosis() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port) = old_server(dir.path());
    let settings = Settings {
        host: "localhost".into(),
        port: u32::from(port),
        enable_ssl: true,
        from: "site@example.com".into(),
        accept_invalid_certs: true,
        timeouts: Timeouts::uniform(5),
        ..Settings::default()
    };
    let plan = settings.check().unwrap();
    let report = run_session(&plan, Goal::Send, &|_| {}, CancellationToken::new()).await;
    assert!(
        matches!(report.error, Some(SessionError::TlsOutdated { .. })),
        "{:?}",
        report.error
    );
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::TlsOutdated);
    assert!(
        diagnosis.explanation.contains("Windows"),
        "the website may still connect"
    );
    assert!(
        aspnet_exception(&settings, &report).is_none(),
        "depends on the site's Windows"
    );
}
