//! Signing in with an OAuth token (XOAUTH2, OAUTHBEARER) against the fake server playing
//! Microsoft's and Google's exact replies.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use mail_settings_tester::oauth::{SaslMechanism, bearer_string, now_unix, xoauth2_string};
use mail_settings_tester::settings::SignIn;

use super::*;

/// Google's error JSON after a refused token.
const GOOGLE_JSON: &str =
    r#"{"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"}"#;
/// Google's final reply after the client's empty line.
const GOOGLE_535: &str = "535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials d2-20020a05";

/// A JWT-shaped token (the fake server compares it as a string; the diagnosis reads its claims).
fn jwt(claims: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(r#"{"typ":"JWT","alg":"RS256","kid":"test"}"#);
    let signature = URL_SAFE_NO_PAD.encode("a signature long enough to be hidden on its own");
    format!("{header}.{}.{signature}", URL_SAFE_NO_PAD.encode(claims))
}

fn fresh_token() -> String {
    jwt(&format!(
        r#"{{"aud":"https://outlook.office365.com","exp":{},"roles":["SMTP.SendAsApp"],"email":"{TEST_USER}"}}"#,
        now_unix() + 3600
    ))
}

fn oauth_server(mechanisms: &[&str], token: &str) -> ServerConfig {
    ServerConfig {
        auth_mechanisms: mechanisms.iter().map(|m| (*m).to_owned()).collect(),
        oauth_tokens: vec![(TEST_USER.to_owned(), token.to_owned())],
        require_auth: true,
        ..ServerConfig::default()
    }
}

fn oauth_settings(server: &TestServer, token: &str) -> Settings {
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
fn assert_no_token(settings: &Settings, report: &SessionReport, events: &[SessionEvent]) {
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
async fn microsoft_refuses_an_expired_token_at_once_and_we_say_it_expired() {
    let expired = jwt(&format!(
        r#"{{"aud":"https://outlook.office365.com","exp":{},"roles":["SMTP.SendAsApp"]}}"#,
        now_unix() - 600
    ));
    let server = TestServer::start(ServerConfig {
        banner: Banner::Normal(
            "220 SN4PR0601CA0015.outlook.office365.com Microsoft ESMTP MAIL Service ready".into(),
        ),
        ..oauth_server(&["LOGIN", "XOAUTH2"], "another-token")
    })
    .await;
    let settings = oauth_settings(&server, &expired);
    let (report, events) = run(&settings).await;
    let Some(SessionError::OAuthRejected {
        mechanism,
        challenge,
        reply,
    }) = &report.error
    else {
        panic!("{:?}", report.error)
    };
    assert_eq!(*mechanism, SaslMechanism::Xoauth2);
    assert_eq!(*challenge, None);
    assert_eq!(reply.enhanced.as_deref(), Some("5.7.3"));
    assert!(server.messages().is_empty());
    let diagnosis = diagnose(&settings, &report).unwrap();
    assert_eq!(diagnosis.id, DiagnosisId::OauthTokenRejected);
    assert_eq!(diagnosis.summary, "The sign-in token has expired");
    assert!(
        diagnosis.explanation.contains("10m"),
        "{}",
        diagnosis.explanation
    );
    assert!(
        diagnosis
            .steps_to_fix
            .iter()
            .any(|s| s.contains("New-ServicePrincipal")),
        "Microsoft's app checks are listed: {:?}",
        diagnosis.steps_to_fix
    );
    assert_no_token(&settings, &report, &events);
}

#[tokio::test]
async fn microsoft_token_for_another_service_or_without_the_permission() {
    let cases = [
        (
            r#""aud":"https://graph.microsoft.com","roles":["Mail.Send"]"#,
            "The sign-in token is for another Microsoft service",
        ),
        (
            r#""aud":"https://outlook.office365.com","roles":["IMAP.AccessAsApp"]"#,
            "The sign-in token lacks the permission SMTP.SendAsApp",
        ),
        (
            r#""aud":"https://outlook.office365.com","roles":["SMTP.SendAsApp"],"email":"other@example.com""#,
            "The sign-in token is for another mailbox",
        ),
    ];
    for (claims, summary) in cases {
        let token = jwt(&format!(r#"{{{claims},"exp":{}}}"#, now_unix() + 3600));
        let server = TestServer::start(ServerConfig {
            banner: Banner::Normal(
                "220 BN0PR04CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready".into(),
            ),
            ..oauth_server(&["LOGIN", "XOAUTH2"], "another-token")
        })
        .await;
        let settings = oauth_settings(&server, &token);
        let (report, _) = run(&settings).await;
        let diagnosis = diagnose(&settings, &report).unwrap();
        assert_eq!(diagnosis.id, DiagnosisId::OauthTokenRejected, "{claims}");
        assert_eq!(diagnosis.summary, summary, "{claims}");
    }
}

#[tokio::test]
async fn google_error_json_is_decoded_answered_and_explained() {
    for (mechanism, answer) in [
        (SaslMechanism::Xoauth2, ""),
        (SaslMechanism::OAuthBearer, "AQ=="),
    ] {
        let server = TestServer::start(ServerConfig {
            oauth_error_json: Some(GOOGLE_JSON.into()),
            oauth_failure_reply: GOOGLE_535.into(),
            ..oauth_server(&["LOGIN", "PLAIN", "XOAUTH2", "OAUTHBEARER"], "good-token")
        })
        .await;
        let settings = Settings {
            host: "localhost".into(),
            sasl: Some(mechanism),
            ..oauth_settings(&server, "ya29.an-opaque-google-token-that-is-wrong")
        };
        let (report, events) = run(&settings).await;
        let Some(SessionError::OAuthRejected {
            challenge, reply, ..
        }) = &report.error
        else {
            panic!("{:?}", report.error)
        };
        let challenge = challenge.as_ref().expect("the JSON was decoded");
        assert_eq!(challenge.status, "401");
        assert_eq!(challenge.scope, "https://mail.google.com/");
        assert_eq!(reply.code, 535, "the final reply, after our answer");
        let commands = server.commands();
        let auth = commands
            .iter()
            .position(|c| c.starts_with("AUTH "))
            .unwrap();
        assert_eq!(
            commands.get(auth + 1).map(String::as_str),
            Some(answer),
            "{mechanism:?}"
        );
        let diagnosis = diagnose(&settings, &report).unwrap();
        assert_eq!(diagnosis.id, DiagnosisId::OauthTokenRejected);
        assert!(
            diagnosis.explanation.contains("https://mail.google.com/"),
            "{}",
            diagnosis.explanation
        );
        assert!(
            diagnosis.explanation.contains("not valid"),
            "{}",
            diagnosis.explanation
        );
        assert!(
            transcript_text(&report)
                .iter()
                .any(|l| l.contains("\"status\":\"401\"")),
            "the decoded JSON is in the transcript"
        );
        assert_no_token(&settings, &report, &events);
    }
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
