//! Exchange Online: a working password sign-in gets the countdown to Microsoft switching
//! passwords off, and SMTP AUTH switched off for the mailbox is named even with a token.

use super::oauth::{fresh_token, oauth_server, oauth_settings};
use super::*;

const EXCHANGE_BANNER: &str = "220 SN4PR0601CA0015.outlook.office365.com Microsoft ESMTP MAIL Service ready at Sun, 6 Dec 2026 10:00:00 +0000";

/// A password sign-in to Exchange Online that works carries the countdown: what the site will
/// log once Microsoft switches passwords off, and the ways out for its platform.
#[tokio::test]
async fn a_working_password_on_exchange_online_gets_the_countdown() {
    let server = TestServer::start(ServerConfig {
        banner: Banner::Normal(EXCHANGE_BANNER.into()),
        auth_mechanisms: vec!["LOGIN".into(), "XOAUTH2".into()],
        ..ServerConfig::default()
    })
    .await;
    let settings = settings_for(&server);
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    let outcome = TestOutcome::new(settings.clone(), report.clone(), false);
    let [warning] = outcome.warnings() else {
        panic!("{:?}", outcome.warnings())
    };
    assert_eq!(warning.id.as_str(), "basic_auth_ending");
    assert!(warning.summary.contains("end of December 2026"));
    assert!(
        warning.will_log.contains("System.Net.Mail.SmtpException")
            && warning.will_log.contains("5.7.57"),
        "{}",
        warning.will_log
    );
    assert!(warning.ways_out[0].contains("Azure Communication Services"));
    let document = mail_settings_tester::cli::send_document(&outcome);
    assert_eq!(document["warnings"][0]["id"], "basic_auth_ending");

    // A MailKit site (ASP.NET Core) is told to test OAuth; the same server over OAuth, and any
    // other server, gets no countdown.
    let core = Settings {
        framework: mail_settings_tester::settings::Framework::Core,
        ..settings.clone()
    };
    let outcome = TestOutcome::new(core, report.clone(), false);
    assert!(outcome.warnings()[0].ways_out[0].contains("OAuth"));
    let plain = TestServer::start(ServerConfig::default()).await;
    let (report, _) = run(&settings_for(&plain)).await;
    assert!(
        TestOutcome::new(settings_for(&plain), report, false)
            .warnings()
            .is_empty()
    );
}

/// SMTP AUTH switched off for the mailbox blocks OAuth too: that reply keeps its own diagnosis
/// (the fix is the admin's switch, not a new token).
#[tokio::test]
async fn smtp_auth_disabled_is_named_even_with_a_token() {
    let server = TestServer::start(ServerConfig {
        banner: Banner::Normal(EXCHANGE_BANNER.into()),
        oauth_failure_reply: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.".into(),
        ..oauth_server(&["LOGIN", "XOAUTH2"], "another-token")
    })
    .await;
    let settings = oauth_settings(&server, &fresh_token());
    let (report, _) = run(&settings).await;
    assert!(
        matches!(report.error, Some(SessionError::OAuthRejected { .. })),
        "{:?}",
        report.error
    );
    assert_eq!(
        diagnosis_id(&settings, &report),
        DiagnosisId::SmtpAuthDisabled
    );
}
