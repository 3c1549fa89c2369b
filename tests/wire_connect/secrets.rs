//! A password that is also a word of the protocol: replies are parsed as sent, hidden only
//! where they are shown.

use mail_settings_tester::cli::send_document;
use mail_settings_tester::event::StepStatus;
use mail_settings_tester::outcome::TestOutcome;
use mail_settings_tester::report::support_report;

use super::*;

/// With the password `LOGIN` (or `PLAIN`) the EHLO line `250-AUTH PLAIN LOGIN` carries it, and
/// the transcript hides that line; the session must still understand the offer and sign in,
/// and nothing it outputs may carry the password's encoded forms, nor a server line the
/// password.
#[tokio::test]
async fn a_password_that_is_a_protocol_word_still_signs_in_and_never_shows() {
    for password in ["LOGIN", "PLAIN"] {
        for target in [Target::DotNet, Target::Generic] {
            let server = TestServer::start(ServerConfig {
                users: vec![(TEST_USER.into(), password.into())],
                require_auth: true,
                ..ServerConfig::default()
            })
            .await;
            let settings = Settings {
                password: Password::new(password),
                ..settings_for(server.port(), target)
            };
            let (report, events) =
                run_on(&settings, &[], Goal::Send, CancellationToken::new(), None).await;
            let what = format!("password {password}, {target:?}");
            assert!(report.ok(), "{what}: {:?}", report.error);
            assert!(report.sign_in_failure.is_none(), "{what}");
            let passed = report.step(Step::Auth).map(|step| step.status);
            assert_eq!(passed, Some(StepStatus::Passed), "{what}");
            assert_eq!(server.auth_mechanisms_used().len(), 1, "{what}");
            assert_hidden(&settings, &report, &events, &what);
        }
    }
}

/// The encoded forms appear nowhere; the password itself in no line the server sent, and in
/// the rest only as the protocol word it is (our `AUTH PLAIN`, the offered methods).
fn assert_hidden(settings: &Settings, report: &SessionReport, events: &[SessionEvent], what: &str) {
    let password = settings.password.expose();
    let forms = settings.password.wire_forms(&settings.user_name);
    let outcome = TestOutcome::new(settings.clone(), report.clone(), false);
    let outputs = [
        ("report JSON", serde_json::to_string(report).unwrap()),
        ("events JSON", serde_json::to_string(events).unwrap()),
        ("send JSON", send_document(&outcome).to_string()),
        ("support report", support_report(&outcome)),
        ("report Debug", format!("{report:?}")),
    ];
    for (name, text) in &outputs {
        for form in forms.iter().skip(1) {
            assert!(
                !text.contains(form.as_str()),
                "{what}: {form} in the {name}"
            );
        }
    }
    for line in &report.transcript {
        if line.dir == Direction::Server {
            assert!(!line.text.contains(password), "{what}: {}", line.text);
        }
    }
    let server = &report.server;
    let shown = [
        server.banner.clone().unwrap_or_default(),
        server.extensions.join(" "),
    ];
    assert!(
        shown.iter().all(|text| !text.contains(password)),
        "{what}: {server:?}"
    );
    assert!(
        server.auth_mechanisms.iter().any(|m| m == password),
        "{what}: {server:?}"
    );
}
