//! One session error at a time, with a report built by hand: the shared fixtures, and the
//! errors of reaching the server and of a conversation that broke off.

use crate::diagnosis::texts::tests::assert_kind;
use crate::diagnosis::{Change, Diagnosis, DiagnosisId as D, diagnose};
use crate::event::Step;
use crate::secret::Password;
use crate::session::{SessionError, SessionReport};
use crate::settings::{Security, Settings, Target};

/// Settings for `mail.example.com` with a user name, a password and a recipient.
pub(super) fn settings(port: u32, enable_ssl: bool) -> Settings {
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

/// Diagnoses a session that ended with `error`.
pub(super) fn run(settings: &Settings, error: SessionError) -> Diagnosis {
    let report = SessionReport {
        error: Some(error),
        ..Default::default()
    };
    run_with(settings, &report)
}

/// Diagnoses `report`, holding the diagnosis to the text rules and never to a change that turns
/// encryption off.
pub(super) fn run_with(settings: &Settings, report: &SessionReport) -> Diagnosis {
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

/// The suggested change, described as the window shows it.
pub(super) fn described(settings: &Settings, diagnosis: &Diagnosis) -> Vec<String> {
    diagnosis
        .suggested_change
        .as_ref()
        .map(|change| change.describe(settings))
        .unwrap_or_default()
}

#[test]
fn success_has_no_diagnosis() {
    assert!(diagnose(&settings(587, true), &SessionReport::default()).is_none());
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
    assert!(!d.explanation.contains("465"), "{}", d.explanation);
}

/// Silence, and no answer to an encrypted start either: the card says what was seen and never
/// blames SSL on connect; ASP.NET on 465 still moves to 587, which it can use.
#[test]
fn a_silent_port_that_does_not_speak_tls_is_not_blamed_on_ssl_on_connect() {
    let silent = SessionError::NoGreeting {
        secs: 15,
        port_speaks_tls: false,
    };
    let s = settings(465, true);
    let d = run(&s, silent.clone());
    assert_eq!(d.id, D::NoGreeting);
    assert_eq!(
        d.summary,
        "The server accepted the connection but never answered"
    );
    assert!(
        d.explanation.contains("said nothing for 15 seconds"),
        "{}",
        d.explanation
    );
    assert!(
        !d.explanation.contains("expects encryption"),
        "{}",
        d.explanation
    );
    assert_eq!(described(&s, &d), vec!["port: 465 → 587"]);
    let generic = Settings {
        target: Target::Generic,
        ..settings(465, true)
    };
    assert_eq!(run(&generic, silent).suggested_change, None);
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
