//! What the provider table adds to a diagnosis: another port when 587 is blocked, the relay
//! only its own hosting may use, and the ways out when a provider stops taking passwords.

use super::{Change, DiagnosisId, diagnose, explain_text};
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::Settings;

fn diagnosis(host: &str, port: u32, error: SessionError) -> super::Diagnosis {
    let settings = Settings {
        host: host.into(),
        port,
        from: "site@shop.example".into(),
        ..Settings::default()
    };
    let report = SessionReport {
        error: Some(error),
        ..SessionReport::default()
    };
    diagnose(&settings, &report).unwrap()
}

#[test]
fn a_blocked_587_gets_the_providers_other_port() {
    let timeout = SessionError::ConnectTimeout {
        address: "192.0.2.1:587".into(),
        secs: 10,
    };
    let sendgrid = diagnosis("smtp.sendgrid.net", 587, timeout.clone());
    assert!(
        sendgrid.steps_to_fix[0].contains("`2525`"),
        "{:?}",
        sendgrid.steps_to_fix
    );
    assert_eq!(
        sendgrid.suggested_change.unwrap().changes,
        vec![Change::Port(2525)]
    );
    let ses = diagnosis("email-smtp.eu-west-1.amazonaws.com", 587, timeout.clone());
    assert!(
        ses.steps_to_fix[0].contains("`2587`"),
        "{:?}",
        ses.steps_to_fix
    );
    // A provider without another port: the usual advice.
    let gmail = diagnosis("smtp.gmail.com", 587, timeout);
    assert!(!gmail.steps_to_fix.iter().any(|s| s.contains("2525")));
}

#[test]
fn godaddys_hosting_relay_is_not_sent_to_587() {
    let refused = SessionError::ConnectTimeout {
        address: "192.0.2.1:25".into(),
        secs: 10,
    };
    let godaddy = diagnosis("relay-hosting.secureserver.net", 25, refused);
    assert!(
        godaddy.suggested_change.is_none(),
        "{:?}",
        godaddy.suggested_change
    );
    assert!(
        godaddy.steps_to_fix[0].contains("GoDaddy"),
        "{:?}",
        godaddy.steps_to_fix
    );
}

#[test]
fn microsoft_365_without_passwords_names_the_ways_out() {
    let refused = SessionError::Rejected {
        step: crate::event::Step::Auth,
        reply: Reply::new(
            535,
            "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
        ),
    };
    let m365 = diagnosis("smtp.office365.com", 587, refused);
    assert_eq!(m365.id, DiagnosisId::SmtpAuthDisabled);
    let steps = m365.steps_to_fix.join("\n");
    assert!(steps.contains("Azure Communication Services"), "{steps}");
    assert!(steps.contains("MailKit"), "{steps}");
    // The ways out are alternatives: one "Or …" step with a bullet each, after the steps that
    // turn sign-in back on, never numbered as if each followed the one before.
    let last = m365.steps_to_fix.last().unwrap();
    assert!(last.starts_with("Or, "), "{last}");
    assert_eq!(last.matches("\n• ").count(), 4, "{last}");
    assert!(m365.steps_to_fix.len() <= 4, "{steps}");
    assert!(
        m365.steps_to_fix[..m365.steps_to_fix.len() - 1]
            .iter()
            .all(|step| !step.contains('•')),
        "{steps}"
    );
    let pasted = explain_text(
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. smtp.office365.com",
    );
    assert_eq!(pasted.id, DiagnosisId::BasicAuthDisabled);
}
