//! OAuth tokens refused with Microsoft's and Google's exact replies (expired, for another
//! service or mailbox, without the permission, Google's error JSON), and how each is explained.

use mail_settings_tester::oauth::{SaslMechanism, now_unix};

use super::oauth::{assert_no_token, jwt, oauth_server, oauth_settings};
use super::*;

/// Google's error JSON after a refused token.
const GOOGLE_JSON: &str =
    r#"{"status":"401","schemes":"Bearer","scope":"https://mail.google.com/"}"#;
/// Google's final reply after the client's empty line.
const GOOGLE_535: &str = "535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials d2-20020a05";

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
