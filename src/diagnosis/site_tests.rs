//! Advice per framework: 2.0–3.5 never hears of `enableSsl` except where we say it is missing,
//! ASP.NET Core hears of appsettings.json, and nobody is told to set what they have.

use super::*;
use crate::diagnosis::texts::base;
use crate::diagnosis::{DiagnosisId, diagnose, explain_for_site};
use crate::event::Step;
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};

fn settings(framework: Framework) -> Settings {
    Settings {
        host: "mail.example.com".into(),
        port: 25,
        enable_ssl: false,
        from: "site@example.com".into(),
        framework,
        ..Settings::default()
    }
}

fn every_text(diagnosis: &Diagnosis) -> Vec<&str> {
    let mut texts = vec![diagnosis.summary.as_str(), diagnosis.explanation.as_str()];
    texts.extend(diagnosis.steps_to_fix.iter().map(String::as_str));
    texts
}

/// A legacy site's advice mentions `enableSsl` only in the step that says it is missing, and
/// its one-click change never touches SSL.
fn assert_fits_legacy(diagnosis: &Diagnosis, context: &str) {
    for text in every_text(diagnosis) {
        assert!(
            text == LEGACY_SSL_STEP || !text.contains("enableSsl"),
            "{context}: a 2.0–3.5 site is told about enableSsl: {text}"
        );
    }
    if let Some(change) = &diagnosis.suggested_change {
        assert!(
            change
                .changes
                .iter()
                .all(|c| !matches!(c, Change::EnableSsl(_) | Change::Security(_))),
            "{context}: {change:?}"
        );
    }
}

fn assert_fits_core(diagnosis: &Diagnosis, context: &str) {
    for text in every_text(diagnosis) {
        assert!(
            !text.contains("enableSsl")
                && !text.contains("web.config")
                && !text.contains("defaultCredentials"),
            "{context}: an ASP.NET Core site is told about web.config: {text}"
        );
    }
}

/// Failures that every kind of advice comes from: each error kind, and replies at each step.
fn failures() -> Vec<SessionError> {
    let mut errors = vec![
        SessionError::DnsNotFound {
            host: "mail.example.com".into(),
            detail: String::new(),
        },
        SessionError::ConnectionRefused {
            address: "192.0.2.1:25".into(),
        },
        SessionError::ConnectTimeout {
            address: "192.0.2.1:25".into(),
            secs: 10,
        },
        SessionError::NoGreeting {
            secs: 10,
            port_speaks_tls: true,
        },
        SessionError::StartTlsNotOffered,
        SessionError::ConnectionLost {
            step: Step::StartTls,
        },
        SessionError::Timeout {
            step: Step::Data,
            secs: 30,
        },
        SessionError::AuthNotOffered {
            encrypted: false,
            starttls_offered: true,
        },
    ];
    let replies = [
        (
            Step::MailFrom,
            530,
            "5.7.0 Must issue a STARTTLS command first",
        ),
        (Step::MailFrom, 530, "5.7.0 Authentication required"),
        (
            Step::Auth,
            538,
            "5.7.11 Encryption required for requested authentication mechanism",
        ),
        (Step::Auth, 535, "5.7.8 Error: authentication failed"),
        (
            Step::RcptTo,
            554,
            "5.7.1 <a@b.example>: Relay access denied",
        ),
        (Step::Data, 451, "4.3.0 Temporary failure"),
        (Step::Greeting, 421, "4.3.2 Service not available"),
    ];
    for (step, code, text) in replies {
        errors.push(SessionError::Rejected {
            step,
            reply: Reply::new(code, text),
        });
    }
    errors
}

#[test]
fn every_base_text_fits_each_framework() {
    for id in DiagnosisId::ALL {
        let legacy = in_site_terms(base(id), Target::DotNet, Framework::Legacy);
        assert_fits_legacy(&legacy, &format!("{id:?}"));
        let core = in_site_terms(base(id), Target::DotNet, Framework::Core);
        assert_fits_core(&core, &format!("{id:?}"));
    }
}

#[test]
fn live_diagnoses_fit_each_framework() {
    for error in failures() {
        for enable_ssl in [false, true] {
            let report = SessionReport {
                error: Some(error.clone()),
                ..SessionReport::default()
            };
            let legacy = Settings {
                enable_ssl,
                ..settings(Framework::Legacy)
            };
            let diagnosis = diagnose(&legacy, &report).unwrap();
            assert_fits_legacy(&diagnosis, &format!("{error:?}"));
            let core = Settings {
                enable_ssl,
                ..settings(Framework::Core)
            };
            assert_fits_core(&diagnose(&core, &report).unwrap(), &format!("{error:?}"));
        }
    }
}

/// The origin KB article's first case: a 3.5 site whose server wants STARTTLS is told to
/// switch SSL on in code, with nothing to apply in web.config; a 4.x site gets `enableSsl`.
#[test]
fn the_kb_case_per_framework() {
    let report = SessionReport {
        error: Some(SessionError::Rejected {
            step: Step::MailFrom,
            reply: Reply::new(530, "5.7.0 Must issue a STARTTLS command first"),
        }),
        ..SessionReport::default()
    };
    let legacy = diagnose(&settings(Framework::Legacy), &report).unwrap();
    assert_eq!(legacy.id, DiagnosisId::TlsRequired);
    assert!(
        legacy
            .steps_to_fix
            .iter()
            .any(|step| step == LEGACY_SSL_STEP)
    );
    assert!(
        legacy
            .suggested_change
            .iter()
            .all(|c| !c.changes.contains(&Change::EnableSsl(true)))
    );
    let net4 = diagnose(&settings(Framework::Net4), &report).unwrap();
    assert!(
        net4.suggested_change
            .unwrap()
            .changes
            .contains(&Change::EnableSsl(true))
    );
    let core = diagnose(&settings(Framework::Core), &report).unwrap();
    assert!(core.steps_to_fix[0].contains("`SecureSocketOptions` to `StartTls`"));
    let pasted = explain_for_site(
        "The SMTP server requires a secure connection or the client was not authenticated. \
         The server response was: 5.7.0 Must issue a STARTTLS command first",
        Framework::Legacy,
    );
    assert_eq!(pasted.id, DiagnosisId::TlsRequired);
    assert_fits_legacy(&pasted, "explain");
}

/// Settings already on port 587 with `enableSsl` are never told to switch to them.
#[test]
fn no_step_proposes_what_the_settings_have() {
    let current = Settings {
        port: 587,
        enable_ssl: true,
        ..settings(Framework::Net4)
    };
    for error in failures() {
        let report = SessionReport {
            error: Some(error.clone()),
            ..SessionReport::default()
        };
        let diagnosis = diagnose(&current, &report).unwrap();
        for step in &diagnosis.steps_to_fix {
            let proposes = ["Change ", "Use ", "Set "]
                .iter()
                .any(|v| step.starts_with(v));
            assert!(
                !(proposes && (proposes_port_587(step) || proposes_ssl(step))),
                "{error:?}: {step}"
            );
        }
        if let Some(change) = &diagnosis.suggested_change {
            let next = change.apply(&current);
            assert_ne!(
                (next.port, next.effective_security(), &next.host),
                (current.port, current.effective_security(), &current.host),
                "{error:?}: a suggested change that changes nothing"
            );
        }
    }
}
