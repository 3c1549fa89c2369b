//! One session error at a time, with a report built by hand.

use super::*;
use crate::certificate::CertificateInfo;
use crate::diagnosis::diagnose;
use crate::diagnosis::texts::tests::assert_kind;
use crate::event::ServerInfo;
use crate::secret::Password;

fn settings(port: u32, enable_ssl: bool) -> Settings {
    Settings {
        host: "mail.example.com".into(),
        port,
        user_name: "site@example.com".into(),
        password: Password::new("pw"),
        enable_ssl,
        from: "site@example.com".into(),
        to: "owner@example.org".into(),
        ..Settings::default()
    }
}

fn run(settings: &Settings, error: SessionError) -> Diagnosis {
    let report = SessionReport {
        error: Some(error),
        ..Default::default()
    };
    run_with(settings, &report)
}

fn run_with(settings: &Settings, report: &SessionReport) -> Diagnosis {
    let diagnosis = diagnose(settings, report).unwrap();
    assert_kind(&diagnosis);
    if let Some(change) = &diagnosis.suggested_change {
        for change in &change.changes {
            assert_ne!(
                *change,
                Change::EnableSsl(false),
                "never suggest sending unencrypted"
            );
            assert_ne!(
                *change,
                Change::Security(Security::None),
                "never suggest sending unencrypted"
            );
        }
    }
    diagnosis
}

fn described(settings: &Settings, diagnosis: &Diagnosis) -> Vec<String> {
    diagnosis
        .suggested_change
        .as_ref()
        .map(|change| change.describe(settings))
        .unwrap_or_default()
}

fn rejected(step: Step, code: u16, text: &str) -> SessionError {
    SessionError::Rejected {
        step,
        reply: Reply::new(code, text),
    }
}

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
    }
}

fn handshake(certificate: Option<CertProblem>, plain_banner: Option<&str>) -> SessionError {
    SessionError::TlsHandshake {
        step: Step::Tls,
        detail: "invalid peer certificate".into(),
        certificate,
        plain_banner: plain_banner.map(str::to_owned),
    }
}

#[test]
fn success_has_no_diagnosis() {
    assert!(diagnose(&settings(587, true), &SessionReport::default()).is_none());
}

#[test]
fn tls_required_on_port_25_moves_to_587_with_ssl() {
    let s = settings(25, false);
    let d = run(
        &s,
        rejected(
            Step::MailFrom,
            530,
            "5.7.0 Must issue a STARTTLS command first",
        ),
    );
    assert_eq!(d.id, D::TlsRequired);
    assert_eq!(
        described(&s, &d),
        vec!["enableSsl: false → true", "port: 25 → 587"]
    );
    assert_eq!(
        d.server_reply.as_deref(),
        Some("530 5.7.0 Must issue a STARTTLS command first")
    );

    let s = settings(587, false);
    let d = run(
        &s,
        rejected(
            Step::MailFrom,
            530,
            "5.7.0 Must issue a STARTTLS command first",
        ),
    );
    assert_eq!(described(&s, &d), vec!["enableSsl: false → true"]);

    // Already STARTTLS: the cause is elsewhere, so no one-click change.
    let s = Settings {
        security: Some(Security::StartTls),
        ..settings(587, false)
    };
    let d = run(
        &s,
        rejected(
            Step::MailFrom,
            530,
            "5.7.0 Must issue a STARTTLS command first",
        ),
    );
    assert_eq!(d.suggested_change, None);
    assert!(d.explanation.contains("already asked for STARTTLS"));
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
fn no_greeting_on_465() {
    let s = settings(465, false);
    let silent = SessionError::NoGreeting {
        secs: 10,
        port_speaks_tls: true,
    };
    let d = run(&s, silent.clone());
    assert_eq!(d.id, D::NoGreeting);
    assert_eq!(
        described(&s, &d),
        vec!["enableSsl: false → true", "port: 465 → 587"]
    );
    assert!(d.explanation.contains("cannot do SSL on connect"));

    let s = settings(465, true);
    assert_eq!(
        described(&s, &run(&s, silent.clone())),
        vec!["port: 465 → 587"]
    );

    let s = Settings {
        target: Target::Generic,
        security: Some(Security::StartTls),
        ..settings(2465, true)
    };
    assert_eq!(
        described(&s, &run(&s, silent)),
        vec!["security: starttls → tls"]
    );

    let s = settings(587, true);
    let d = run(
        &s,
        SessionError::NoGreeting {
            secs: 10,
            port_speaks_tls: false,
        },
    );
    assert_eq!(d.suggested_change, None);
    assert!(d.explanation.contains("10 seconds"));
}

#[test]
fn connection_errors() {
    let s = settings(25, false);
    let d = run(
        &s,
        SessionError::ConnectTimeout {
            address: "192.0.2.1:25".into(),
            secs: 10,
        },
    );
    assert_eq!(d.id, D::ConnectionTimeout);
    assert!(d.explanation.contains("Port 25 is commonly blocked"));
    assert_eq!(
        described(&s, &d),
        vec!["enableSsl: false → true", "port: 25 → 587"]
    );

    let s = settings(587, true);
    let d = run(
        &s,
        SessionError::ConnectTimeout {
            address: "192.0.2.1:587".into(),
            secs: 10,
        },
    );
    assert_eq!(d.suggested_change, None);

    let d = run(
        &s,
        SessionError::ConnectionRefused {
            address: "192.0.2.1:587".into(),
        },
    );
    assert_eq!(d.id, D::ConnectionRefused);
    assert!(d.explanation.contains("192.0.2.1:587"));

    let refused = SessionError::ConnectFailed {
        address: "192.0.2.1:587".into(),
        detail: "Connection reset by peer (os error 104)".into(),
    };
    assert_eq!(run(&s, refused).id, D::ConnectionRefused);
    let unreachable = SessionError::ConnectFailed {
        address: "192.0.2.1:587".into(),
        detail: "Network is unreachable (os error 101)".into(),
    };
    let d = run(&s, unreachable);
    assert_eq!(d.id, D::ConnectionTimeout);
    assert!(
        d.steps_to_fix
            .first()
            .is_some_and(|step| step.contains("internet"))
    );

    let d = run(
        &s,
        SessionError::DnsNotFound {
            host: "mail.exmple.com".into(),
            detail: "failed to lookup address information".into(),
        },
    );
    assert_eq!(d.id, D::DnsNotFound);
    assert!(d.summary.contains("mail.exmple.com"));

    let d = run(
        &s,
        SessionError::NotSmtp {
            step: Step::Greeting,
            received: "HTTP/1.1 400 Bad Request".into(),
        },
    );
    assert_eq!(d.id, D::NotSmtp);
    assert!(d.explanation.contains("web server"));
    assert_eq!(d.server_reply.as_deref(), Some("HTTP/1.1 400 Bad Request"));
}

#[test]
fn rejections_are_tailored() {
    let gmail = Settings {
        host: "smtp.gmail.com".into(),
        ..settings(587, true)
    };
    let d = run(
        &gmail,
        rejected(
            Step::Auth,
            535,
            "5.7.8 Username and Password not accepted. BadCredentials",
        ),
    );
    assert_eq!(d.id, D::AppPasswordRequired);
    assert_eq!(
        d.summary,
        "Gmail needs an app password instead of your normal password"
    );

    let m365 = Settings {
        host: "smtp.office365.com".into(),
        ..settings(587, true)
    };
    let d = run(
        &m365,
        rejected(Step::Auth, 535, "5.7.3 Authentication unsuccessful"),
    );
    assert_eq!(d.id, D::AuthFailed);
    assert!(
        d.steps_to_fix
            .first()
            .is_some_and(|s| s.starts_with("Microsoft 365"))
    );

    let sendgrid = Settings {
        host: "smtp.sendgrid.net".into(),
        ..settings(587, true)
    };
    let d = run(
        &sendgrid,
        rejected(
            Step::Auth,
            535,
            "Authentication failed: Bad username / password",
        ),
    );
    assert!(
        d.steps_to_fix
            .iter()
            .any(|s| s.contains("literally `apikey`"))
    );

    let s = settings(587, true);
    let d = run(
        &s,
        rejected(
            Step::RcptTo,
            550,
            "5.1.1 <owner@example.org>: Recipient address rejected: User unknown",
        ),
    );
    assert_eq!(d.id, D::RecipientRejected);
    assert_eq!(
        d.summary,
        "The server refused the test recipient owner@example.org"
    );

    let other_from = Settings {
        from: "shop@example.com".into(),
        ..settings(587, true)
    };
    let d = run(
        &other_from,
        rejected(
            Step::MailFrom,
            553,
            "5.7.1 <shop@example.com>: Sender address rejected: not owned by user site@example.com",
        ),
    );
    assert_eq!(d.id, D::SenderRejected);
    assert!(d.explanation.contains("shop@example.com"));

    let anonymous = Settings {
        user_name: String::new(),
        ..settings(587, true)
    };
    let d = run(
        &anonymous,
        rejected(
            Step::RcptTo,
            554,
            "5.7.1 <owner@example.org>: Relay access denied",
        ),
    );
    assert_eq!(d.id, D::RelayDenied);
    assert!(d.explanation.contains("no `userName`"));

    let d = run(
        &s,
        rejected(
            Step::Auth,
            538,
            "5.7.11 Encryption required for requested authentication mechanism",
        ),
    );
    assert_eq!(d.id, D::AuthRequiresTls);
    assert_eq!(d.suggested_change, None, "STARTTLS is already on");
    let plain = settings(587, false);
    let d = run(
        &plain,
        rejected(
            Step::Auth,
            538,
            "5.7.11 Encryption required for requested authentication mechanism",
        ),
    );
    assert_eq!(described(&plain, &d), vec!["enableSsl: false → true"]);

    let d = run(
        &s,
        rejected(Step::Ehlo, 501, "5.5.4 Invalid EHLO/HELO domain"),
    );
    assert_eq!(d.id, D::ServiceUnavailable);
    assert!(
        d.steps_to_fix
            .first()
            .is_some_and(|step| step.contains("clientDomain"))
    );
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

#[test]
fn sign_in_not_offered() {
    let s = settings(587, false);
    let d = run(
        &s,
        SessionError::AuthNotOffered {
            encrypted: false,
            starttls_offered: true,
        },
    );
    assert_eq!(d.id, D::AuthRequiresTls);
    assert_eq!(described(&s, &d), vec!["enableSsl: false → true"]);

    let s = settings(25, true);
    let d = run(
        &s,
        SessionError::AuthNotOffered {
            encrypted: true,
            starttls_offered: false,
        },
    );
    assert_eq!(d.id, D::AuthNotOffered);
    assert_eq!(described(&s, &d), vec!["port: 25 → 587"]);

    let s = settings(587, true);
    let d = run(
        &s,
        SessionError::AuthMechanismUnsupported {
            offered: vec!["PLAIN".into(), "XOAUTH2".into()],
            target_name: "ASP.NET (System.Net.Mail)".into(),
        },
    );
    assert_eq!(d.id, D::AuthMechanismUnsupported);
    assert!(d.explanation.contains("PLAIN, XOAUTH2"));
    assert!(d.explanation.contains("other programs"));
}

#[test]
fn broken_conversations() {
    let s = settings(587, true);
    let d = run(&s, SessionError::ConnectionLost { step: Step::Auth });
    assert_eq!(d.id, D::ConnectionLost);
    assert!(d.explanation.contains("sign in (AUTH)"));

    let d = run(
        &s,
        SessionError::Timeout {
            step: Step::Data,
            secs: 30,
        },
    );
    assert_eq!(d.id, D::Timeout);
    assert!(d.explanation.contains("30 seconds"));

    let s465 = settings(465, true);
    let d = run(
        &s465,
        SessionError::Timeout {
            step: Step::Greeting,
            secs: 30,
        },
    );
    assert_eq!(described(&s465, &d), vec!["port: 465 → 587"]);

    assert_eq!(
        run(&s, SessionError::Cancelled { step: Step::Auth }).id,
        D::Cancelled
    );

    let d = run(
        &s,
        SessionError::Protocol {
            step: Step::Greeting,
            detail: "binary data".into(),
        },
    );
    assert_eq!(d.id, D::NotSmtp);
    let d = run(
        &s,
        SessionError::Protocol {
            step: Step::Data,
            detail: "a reply line longer than 2000 bytes".into(),
        },
    );
    assert_eq!(d.id, D::Unknown);
    assert!(d.explanation.contains("2000 bytes"));
}

#[test]
fn provider_from_the_banner() {
    let s = settings(587, true);
    let report = SessionReport {
        error: Some(rejected(
            Step::Auth,
            535,
            "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
        )),
        server: ServerInfo {
            banner: Some(
                "BN0PR04CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready".into(),
            ),
            ..ServerInfo::default()
        },
        ..Default::default()
    };
    let d = run_with(&s, &report);
    assert_eq!(d.id, D::SmtpAuthDisabled);
    assert!(
        d.summary
            .starts_with("Microsoft 365 has SMTP sign-in switched off for your organisation")
    );
}
