//! Signing in with an OAuth token (XOAUTH2, OAUTHBEARER) against the fake server: which
//! mechanism is chosen, a token too long for one line, no OAuth on offer, and never a token
//! over an unencrypted connection. The shared token and server helpers live here; Microsoft's
//! and Google's refusals are in `oauth_rejected.rs`, Exchange Online's in `oauth_exchange.rs`.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use mail_settings_tester::oauth::{SaslMechanism, bearer_string, now_unix, xoauth2_string};
use mail_settings_tester::settings::SignIn;

use super::*;

/// A JWT-shaped token (the fake server compares it as a string; the diagnosis reads its claims).
pub(super) fn jwt(claims: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"RS256","kid":"test"}"#);
    let signature = URL_SAFE_NO_PAD.encode("a signature long enough to be hidden on its own");
    format!("{header}.{}.{signature}", URL_SAFE_NO_PAD.encode(claims))
}

pub(super) fn fresh_token() -> String {
    jwt(&format!(
        r#"{{"aud":"https://outlook.office365.com","exp":{},"roles":["SMTP.SendAsApp"],"email":"{TEST_USER}"}}"#,
        now_unix() + 3600
    ))
}

pub(super) fn oauth_server(mechanisms: &[&str], token: &str) -> ServerConfig {
    ServerConfig {
        auth_mechanisms: mechanisms.iter().map(|m| (*m).to_owned()).collect(),
        oauth_tokens: vec![(TEST_USER.to_owned(), token.to_owned())],
        require_auth: true,
        ..ServerConfig::default()
    }
}

pub(super) fn oauth_settings(server: &TestServer, token: &str) -> Settings {
    Settings {
        sign_in: SignIn::OAuth,
        access_token: Password::new(token),
        password: Password::default(),
        target: Target::Generic,
        ..settings_for(server)
    }
}

/// Neither the token nor any form of it (base64, inside either SASL string, a JWT part)
/// appears in anything we output.
pub(super) fn assert_no_token(
    settings: &Settings,
    report: &SessionReport,
    events: &[SessionEvent],
) {
    let token = settings.access_token.expose();
    let outcome = TestOutcome::new(settings.clone(), report.clone(), false);
    let outputs = [
        serde_json::to_string(&report.transcript).unwrap(),
        serde_json::to_string(events).unwrap(),
        mail_settings_tester::cli::send_document(&outcome).to_string(),
        format!("{report:?}"),
        format!("{settings:?}"),
        serde_json::to_string(&diagnose(settings, report)).unwrap(),
    ];
    let mut forms = vec![
        token.to_owned(),
        STANDARD.encode(token),
        STANDARD.encode(xoauth2_string(TEST_USER, token)),
        STANDARD.encode(bearer_string(TEST_USER, "localhost", 1, token)),
    ];
    forms.extend(token.split('.').skip(1).map(str::to_owned));
    for output in &outputs {
        for form in &forms {
            assert!(
                !output.contains(form.as_str()),
                "a token form leaked: {form}"
            );
        }
    }
}

#[tokio::test]
async fn xoauth2_is_preferred_signs_in_and_sends() {
    let token = fresh_token();
    let server = TestServer::start(oauth_server(
        &["PLAIN", "LOGIN", "OAUTHBEARER", "XOAUTH2"],
        &token,
    ))
    .await;
    let settings = oauth_settings(&server, &token);
    let (report, events) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(server.auth_mechanisms_used(), vec!["XOAUTH2"]);
    assert_eq!(server.messages().len(), 1);
    assert!(transcript_text(&report).contains(&"~> AUTH XOAUTH2 <redacted>".to_owned()));
    assert_no_token(&settings, &report, &events);
}

#[tokio::test]
async fn oauthbearer_when_it_is_the_only_one_or_asked_for() {
    let token = fresh_token();
    let server = TestServer::start(oauth_server(&["OAUTHBEARER"], &token)).await;
    let (report, events) = run(&oauth_settings(&server, &token)).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(server.auth_mechanisms_used(), vec!["OAUTHBEARER"]);
    assert_no_token(&oauth_settings(&server, &token), &report, &events);

    let both = TestServer::start(oauth_server(&["XOAUTH2", "OAUTHBEARER"], &token)).await;
    let settings = Settings {
        sasl: Some(SaslMechanism::OAuthBearer),
        ..oauth_settings(&both, &token)
    };
    let (report, _) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert_eq!(both.auth_mechanisms_used(), vec!["OAUTHBEARER"]);
}

#[tokio::test]
async fn a_token_too_long_for_one_line_goes_after_an_empty_challenge() {
    let token = jwt(&format!(
        r#"{{"aud":"https://outlook.office365.com","exp":{},"pad":"{}"}}"#,
        now_unix() + 3600,
        "x".repeat(2500)
    ));
    let server = TestServer::start(ServerConfig {
        max_auth_line: Some(2048),
        ..oauth_server(&["XOAUTH2"], &token)
    })
    .await;
    let settings = oauth_settings(&server, &token);
    let (report, events) = run(&settings).await;
    assert!(report.ok(), "{:?}", report.error);
    assert!(server.commands().contains(&"AUTH XOAUTH2".to_owned()));
    assert_no_token(&settings, &report, &events);
}

#[tokio::test]
async fn no_oauth_on_offer_sends_nothing() {
    let server = TestServer::start(oauth_server(&["PLAIN", "LOGIN"], "t")).await;
    let settings = oauth_settings(&server, &fresh_token());
    let (report, _) = run(&settings).await;
    assert!(
        matches!(report.error, Some(SessionError::OAuthNotOffered { .. })),
        "{:?}",
        report.error
    );
    assert!(server.commands().iter().all(|c| !c.starts_with("AUTH")));
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::OauthNotOffered);
    assert!(diagnosis.explanation.contains("PLAIN, LOGIN"));

    let forced = Settings {
        sasl: Some(SaslMechanism::OAuthBearer),
        ..oauth_settings(&server, &fresh_token())
    };
    let only_xoauth2 = TestServer::start(oauth_server(&["XOAUTH2"], "t")).await;
    let (report, _) = run(&Settings {
        port: u32::from(only_xoauth2.port()),
        ..forced
    })
    .await;
    assert!(
        matches!(
            &report.error,
            Some(SessionError::OAuthNotOffered {
                wanted: Some(SaslMechanism::OAuthBearer),
                ..
            })
        ),
        "{:?}",
        report.error
    );
    assert!(
        only_xoauth2
            .commands()
            .iter()
            .all(|c| !c.starts_with("AUTH"))
    );
}

#[tokio::test]
async fn a_token_never_crosses_an_unencrypted_connection() {
    let token = fresh_token();
    let server = TestServer::start(ServerConfig {
        auth_before_tls: true,
        ..oauth_server(&["XOAUTH2"], &token)
    })
    .await;
    let settings = Settings {
        enable_ssl: false,
        allow_plaintext_password: true,
        ..oauth_settings(&server, &token)
    };
    let (report, events) = run(&settings).await;
    assert_eq!(
        report.error,
        Some(SessionError::TokenUnencrypted {
            starttls_offered: true
        })
    );
    assert!(server.commands().iter().all(|c| !c.starts_with("AUTH")));
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::OauthNeedsEncryption);
    assert!(
        diagnosis
            .suggested_change
            .as_ref()
            .is_some_and(|c| c.changes.contains(&Change::EnableSsl(true))),
        "{:?}",
        diagnosis.suggested_change
    );
    assert_no_token(&settings, &report, &events);
}
