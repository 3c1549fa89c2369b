//! Refusals from the server and sign-in problems, one session error at a time.

use super::tests::{described, run, run_with, settings};
use crate::diagnosis::Diagnosis;
use crate::diagnosis::DiagnosisId as D;
use crate::event::{ServerInfo, Step};
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::{Security, Settings};

/// The server refused the command at `step` with `code text`.
fn rejected(step: Step, code: u16, text: &str) -> SessionError {
    SessionError::Rejected {
        step,
        reply: Reply::new(code, text),
    }
}

/// Diagnoses a session that the server ended by replying `code text` at `step`.
fn refused(settings: &Settings, step: Step, code: u16, text: &str) -> Diagnosis {
    run(settings, rejected(step, code, text))
}

#[test]
fn tls_required_on_port_25_moves_to_587_with_ssl() {
    let s = settings(25, false);
    let d = refused(
        &s,
        Step::MailFrom,
        530,
        "5.7.0 Must issue a STARTTLS command first",
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
    let d = refused(
        &s,
        Step::MailFrom,
        530,
        "5.7.0 Must issue a STARTTLS command first",
    );
    assert_eq!(described(&s, &d), vec!["enableSsl: false → true"]);

    // Already STARTTLS: the cause is elsewhere, so no one-click change.
    let s = Settings {
        security: Some(Security::StartTls),
        ..settings(587, false)
    };
    let d = refused(
        &s,
        Step::MailFrom,
        530,
        "5.7.0 Must issue a STARTTLS command first",
    );
    assert_eq!(d.suggested_change, None);
    assert!(d.explanation.contains("already asked for STARTTLS"));
}

#[test]
fn rejections_are_tailored_to_the_provider() {
    let gmail = Settings {
        host: "smtp.gmail.com".into(),
        ..settings(587, true)
    };
    let d = refused(
        &gmail,
        Step::Auth,
        535,
        "5.7.8 Username and Password not accepted. BadCredentials",
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
    let d = refused(&m365, Step::Auth, 535, "5.7.3 Authentication unsuccessful");
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
    let d = refused(
        &sendgrid,
        Step::Auth,
        535,
        "Authentication failed: Bad username / password",
    );
    assert!(
        d.steps_to_fix
            .iter()
            .any(|s| s.contains("literally `apikey`"))
    );
}

#[test]
fn rejections_are_tailored_to_the_settings() {
    let s = settings(587, true);
    let d = refused(
        &s,
        Step::RcptTo,
        550,
        "5.1.1 <owner@example.org>: Recipient address rejected: User unknown",
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
    let d = refused(
        &other_from,
        Step::MailFrom,
        553,
        "5.7.1 <shop@example.com>: Sender address rejected: not owned by user site@example.com",
    );
    assert_eq!(d.id, D::SenderRejected);
    assert!(d.explanation.contains("shop@example.com"));

    let anonymous = Settings {
        user_name: String::new(),
        ..settings(587, true)
    };
    let d = refused(
        &anonymous,
        Step::RcptTo,
        554,
        "5.7.1 <owner@example.org>: Relay access denied",
    );
    assert_eq!(d.id, D::RelayDenied);
    assert!(d.explanation.contains("no `userName`"));

    let d = refused(
        &s,
        Step::Auth,
        538,
        "5.7.11 Encryption required for requested authentication mechanism",
    );
    assert_eq!(d.id, D::AuthRequiresTls);
    assert_eq!(d.suggested_change, None, "STARTTLS is already on");
    let plain = settings(587, false);
    let d = refused(
        &plain,
        Step::Auth,
        538,
        "5.7.11 Encryption required for requested authentication mechanism",
    );
    assert_eq!(described(&plain, &d), vec!["enableSsl: false → true"]);

    let d = refused(&s, Step::Ehlo, 501, "5.5.4 Invalid EHLO/HELO domain");
    assert_eq!(d.id, D::ServiceUnavailable);
    assert!(
        d.steps_to_fix
            .first()
            .is_some_and(|step| step.contains("clientDomain"))
    );
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
