//! The verdict's misses found on real servers (issue 20), each read in its context: what the
//! server offered and whether the test signed in decide between diagnoses with the same words.

use super::tests::{run_with, settings};
use crate::diagnosis::DiagnosisId as D;
use crate::event::{ServerInfo, Step, TlsInfo};
use crate::reply::Reply;
use crate::session::{SessionError, SessionReport};
use crate::settings::Settings;

fn offering(auth: &[&str]) -> ServerInfo {
    ServerInfo {
        extensions: vec!["STARTTLS".into()],
        auth_mechanisms: auth.iter().map(|m| (*m).to_owned()).collect(),
        ..ServerInfo::default()
    }
}

fn report(server: ServerInfo, sign_in: Option<SessionError>, error: SessionError) -> SessionReport {
    SessionReport {
        server,
        tls: Some(TlsInfo {
            version: "TLS 1.3".into(),
            cipher: String::new(),
        }),
        sign_in_failure: sign_in,
        error: Some(error),
        ..SessionReport::default()
    }
}

fn refused(step: Step, code: u16, text: &str) -> SessionError {
    SessionError::Rejected {
        step,
        reply: Reply::new(code, text),
    }
}

#[test]
fn a_server_that_refuses_aspnets_login_form_is_told_apart_from_one_without_login() {
    let s = settings(587, true);
    let r = report(
        offering(&["PLAIN", "LOGIN"]),
        Some(refused(Step::Auth, 501, "5.5.2 Syntax error in parameters")),
        refused(Step::MailFrom, 530, "5.7.0 Authentication required"),
    );
    let d = run_with(&s, &r);
    assert_eq!(d.id, D::AuthMechanismUnsupported);
    assert_eq!(d.summary, "This server refuses the way ASP.NET signs in");
    assert!(d.explanation.contains("offers LOGIN"), "{}", d.explanation);
    assert!(d.explanation.contains("501 5.5.2"), "{}", d.explanation);
    assert!(!d.explanation.contains("none of"), "{}", d.explanation);

    // A wrong password (535) stays a wrong password.
    let r = report(
        offering(&["LOGIN"]),
        Some(refused(Step::Auth, 535, "5.7.8 authentication failed")),
        refused(Step::MailFrom, 530, "5.7.0 Authentication required"),
    );
    assert_eq!(run_with(&s, &r).id, D::AuthFailed);
}

#[test]
fn access_denied_at_rcpt_depends_on_who_says_it() {
    let not_signed_in = Settings {
        user_name: String::new(),
        ..settings(25, false)
    };
    let postfix = report(
        offering(&["PLAIN", "LOGIN"]),
        None,
        refused(
            Step::RcptTo,
            554,
            "5.7.1 <owner@example.org>: Recipient address rejected: Access denied",
        ),
    );
    let d = run_with(&not_signed_in, &postfix);
    assert_eq!(d.id, D::RelayDenied);
    assert!(d.explanation.contains("no `userName`"), "{}", d.explanation);

    let microsoft = report(
        offering(&["LOGIN", "XOAUTH2"]),
        None,
        refused(
            Step::RcptTo,
            550,
            "5.4.1 Recipient address rejected: Access denied. AS(201806281) [x.prod.outlook.com]",
        ),
    );
    assert_eq!(
        run_with(&settings(587, true), &microsoft).id,
        D::RecipientRejected
    );
}

#[test]
fn credentials_a_server_never_asked_for_point_at_the_server_not_the_sign_in() {
    let s = settings(25, true);
    let r = report(
        offering(&[]),
        None,
        refused(
            Step::RcptTo,
            554,
            "5.7.1 <owner@example.org>: Relay access denied",
        ),
    );
    let d = run_with(&s, &r);
    assert_eq!(d.id, D::AuthNotOffered);
    assert!(d.explanation.contains("never used"), "{}", d.explanation);
    assert_eq!(
        d.server_reply.as_deref(),
        Some("554 5.7.1 <owner@example.org>: Relay access denied")
    );

    // Without a user name the same refusal asks for one.
    let anonymous = Settings {
        user_name: String::new(),
        ..s
    };
    assert_eq!(run_with(&anonymous, &r).id, D::RelayDenied);
}
