//! Encryption and certificates, one session error at a time.

use super::tests::{described, run, run_with, settings};
use crate::certificate::CertificateInfo;
use crate::diagnosis::DiagnosisId as D;
use crate::event::Step;
use crate::session::{CertProblem, SessionError, SessionReport};
use crate::settings::{Security, Settings, Target};

/// An expired certificate for `names` from Let's Encrypt, marked as `self_signed` or not.
fn cert(names: &[&str], self_signed: bool) -> CertificateInfo {
    CertificateInfo {
        subject: String::new(),
        names: names.iter().map(|n| (*n).to_owned()).collect(),
        issuer: "CN=R11, O=Let's Encrypt, C=US".into(),
        not_before: String::new(),
        not_after: "Tue, 1 Apr 2025 00:00:00 +0000".into(),
        expired: true,
        self_signed,
        sha256: String::new(),
        key: String::new(),
    }
}

/// A failed handshake with the certificate problem and plain-text banner given.
fn handshake(certificate: Option<CertProblem>, plain_banner: Option<&str>) -> SessionError {
    SessionError::TlsHandshake {
        step: Step::Tls,
        detail: "invalid peer certificate".into(),
        certificate,
        plain_banner: plain_banner.map(str::to_owned),
        alert: None,
    }
}

#[test]
fn generic_target_uses_security_changes() {
    let s = Settings {
        target: Target::Generic,
        security: Some(Security::ImplicitTls),
        ..settings(587, false)
    };
    let d = run(
        &s,
        handshake(None, Some("220 mail.example.com ESMTP Postfix")),
    );
    assert_eq!(d.id, D::TlsOnPlainPort);
    assert_eq!(described(&s, &d), vec!["security: tls → starttls"]);
    assert_eq!(
        d.server_reply.as_deref(),
        Some("220 mail.example.com ESMTP Postfix")
    );

    let s = Settings {
        security: Some(Security::ImplicitTls),
        ..settings(587, false)
    };
    let d = run(&s, handshake(None, Some("220 mail.example.com ESMTP")));
    assert_eq!(described(&s, &d), vec!["enableSsl: false → true"]);
}

#[test]
fn starttls_not_offered_never_turns_ssl_off() {
    let s = settings(25, true);
    let d = run(&s, SessionError::StartTlsNotOffered);
    assert_eq!(d.id, D::StarttlsNotOffered);
    assert_eq!(described(&s, &d), vec!["port: 25 → 587"]);
    let s = settings(587, true);
    assert_eq!(
        run(&s, SessionError::StartTlsNotOffered).suggested_change,
        None
    );
}

#[test]
fn certificate_problems() {
    let s = settings(587, true);
    let mismatch = |presented: &[&str]| {
        handshake(
            Some(CertProblem::NameMismatch {
                expected: "mail.example.com".into(),
                presented: presented.iter().map(|n| (*n).to_owned()).collect(),
            }),
            None,
        )
    };
    let d = run(&s, mismatch(&["server1.web-hosting.com"]));
    assert_eq!(d.id, D::CertificateNameMismatch);
    assert!(
        d.explanation
            .contains("valid for server1.web-hosting.com, not for mail.example.com")
    );
    assert_eq!(
        described(&s, &d),
        vec!["host: mail.example.com → server1.web-hosting.com"]
    );

    let d = run(
        &s,
        mismatch(&[
            "*.web-hosting.com",
            "a.web-hosting.com",
            "b.web-hosting.com",
        ]),
    );
    assert_eq!(d.suggested_change, None);

    let report = SessionReport {
        error: Some(mismatch(&[])),
        certificate: Some(cert(&["*.web-hosting.com", "web-hosting.com"], false)),
        ..Default::default()
    };
    let d = run_with(&s, &report);
    assert!(d.explanation.contains("*.web-hosting.com, web-hosting.com"));

    let report = SessionReport {
        error: Some(handshake(Some(CertProblem::Untrusted), None)),
        certificate: Some(cert(&["mail.example.com"], true)),
        ..Default::default()
    };
    let d = run_with(&s, &report);
    assert_eq!(d.id, D::CertificateUntrusted);
    assert!(d.explanation.contains("self-signed"));
    assert!(d.steps_to_fix.iter().any(|step| step.contains("--ca-file")));
    assert_eq!(d.suggested_change, None);

    let report = SessionReport {
        error: Some(handshake(Some(CertProblem::Expired), None)),
        certificate: Some(cert(&["mail.example.com"], false)),
        ..Default::default()
    };
    let d = run_with(&s, &report);
    assert_eq!(d.id, D::CertificateExpired);
    assert!(d.explanation.contains("2025"));

    let d = run(&s, handshake(Some(CertProblem::NotYetValid), None));
    assert_eq!(d.id, D::CertificateExpired);
    assert!(d.summary.contains("not valid yet"));
    assert!(
        d.steps_to_fix
            .first()
            .is_some_and(|step| step.contains("clock") || step.contains("date"))
    );

    let d = run(
        &s,
        handshake(Some(CertProblem::Other("bad signature".into())), None),
    );
    assert_eq!(d.id, D::TlsHandshakeFailed);
    let d = run(&s, handshake(None, None));
    assert_eq!(d.id, D::TlsHandshakeFailed);
    assert!(d.explanation.contains("invalid peer certificate"));

    let d = run(
        &s,
        SessionError::CaFile {
            path: "/etc/ca.pem".into(),
            detail: "No such file or directory".into(),
        },
    );
    assert_eq!(d.id, D::CertificateUntrusted);
    assert!(d.summary.contains("could not be used"));
    assert!(d.explanation.contains("/etc/ca.pem"));
}
