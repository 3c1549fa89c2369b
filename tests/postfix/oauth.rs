//! OAuth sign-in against the real Postfix, with Dovecot validating the JWTs itself (RS256, the
//! test script's key): XOAUTH2 and OAUTHBEARER send; an expired token, a token for another
//! mailbox and one without the sending scope are refused by Dovecot and each gets its words.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use mail_settings_tester::oauth::{SaslMechanism, now_unix};
use mail_settings_tester::settings::SignIn;
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};

use super::*;

/// A token signed with the test key: for `user`, with `scope`, expiring at `exp`, padded with
/// `pad` bytes of filler (to make it long).
fn mint(postfix: &Postfix, user: &str, scope: &str, exp: i64, pad: usize) -> String {
    let header = format!(
        r#"{{"alg":"RS256","typ":"JWT","kid":"{}"}}"#,
        postfix.var("MAILTESTER_POSTFIX_OAUTH_KID")
    );
    let claims = serde_json::json!({
        "sub": user,
        "email": user,
        "iss": postfix.var("MAILTESTER_POSTFIX_OAUTH_ISSUER"),
        "aud": "mailtester",
        "scope": scope,
        "iat": now_unix() - 60,
        "exp": exp,
        "pad": "x".repeat(pad),
    });
    let signed = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let pem = std::fs::read_to_string(postfix.var("MAILTESTER_POSTFIX_OAUTH_KEY")).unwrap();
    let der: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let key = RsaKeyPair::from_pkcs8(&STANDARD.decode(der).unwrap()).unwrap();
    let mut signature = vec![0; key.public().modulus_len()];
    key.sign(
        &RSA_PKCS1_SHA256,
        &SystemRandom::new(),
        signed.as_bytes(),
        &mut signature,
    )
    .unwrap();
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature))
}

fn good_token(postfix: &Postfix) -> String {
    mint(
        postfix,
        USER,
        postfix.var("MAILTESTER_POSTFIX_OAUTH_SCOPE"),
        now_unix() + 3600,
        0,
    )
}

fn oauth_settings(postfix: &Postfix, token: &str) -> Settings {
    Settings {
        sign_in: SignIn::OAuth,
        access_token: Password::new(token),
        password: Password::default(),
        target: Target::Generic,
        ..postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT")
    }
}

fn assert_token_hidden(settings: &Settings, report: &SessionReport) {
    let token = settings.access_token.expose();
    let transcript = serde_json::to_string(&report.transcript).unwrap();
    for form in [token.to_owned(), STANDARD.encode(token)]
        .into_iter()
        .chain(token.split('.').skip(1).map(str::to_owned))
    {
        assert!(
            !transcript.contains(&form),
            "a token form is in the transcript"
        );
    }
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn xoauth2_and_oauthbearer_sign_in_and_deliver() {
    let postfix = Postfix::get();
    for mechanism in [SaslMechanism::Xoauth2, SaslMechanism::OAuthBearer] {
        let settings = Settings {
            sasl: Some(mechanism),
            ..oauth_settings(&postfix, &good_token(&postfix))
        };
        let report = run(&settings).await;
        assert!(
            report.ok(),
            "{mechanism:?}: {:?}\n{:#?}",
            report.error,
            report.transcript
        );
        let auth = format!("AUTH {} <redacted>", mechanism.wire_name());
        assert!(
            report.transcript.iter().any(|l| l.text == auth),
            "{:#?}",
            report.transcript
        );
        assert!(
            report
                .transcript
                .iter()
                .any(|l| l.text.starts_with("250 2.0.0 Ok: queued as"))
        );
        assert_token_hidden(&settings, &report);
    }
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn a_long_token_goes_after_the_empty_challenge_and_signs_in() {
    let postfix = Postfix::get();
    let token = mint(
        &postfix,
        USER,
        postfix.var("MAILTESTER_POSTFIX_OAUTH_SCOPE"),
        now_unix() + 3600,
        2500,
    );
    assert!(token.len() > 2048);
    let settings = oauth_settings(&postfix, &token);
    let report = run(&settings).await;
    assert!(report.ok(), "{:?}\n{:#?}", report.error, report.transcript);
    assert!(report.transcript.iter().any(|l| l.text == "AUTH XOAUTH2"));
    assert_token_hidden(&settings, &report);
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn expired_wrong_user_and_wrong_scope_each_get_their_words() {
    let postfix = Postfix::get();
    let scope = postfix.var("MAILTESTER_POSTFIX_OAUTH_SCOPE").to_owned();
    let cases = [
        (
            mint(&postfix, USER, &scope, now_unix() - 120, 0),
            "The sign-in token has expired",
        ),
        (
            mint(&postfix, "other@test.example", &scope, now_unix() + 3600, 0),
            "The sign-in token is for another mailbox",
        ),
        (
            mint(
                &postfix,
                USER,
                "https://mail.test.example/imap",
                now_unix() + 3600,
                0,
            ),
            "The sign-in token does not allow sending mail",
        ),
    ];
    for mechanism in [SaslMechanism::Xoauth2, SaslMechanism::OAuthBearer] {
        for (token, summary) in &cases {
            let settings = Settings {
                sasl: Some(mechanism),
                ..oauth_settings(&postfix, token)
            };
            let report = run(&settings).await;
            let Some(SessionError::OAuthRejected {
                challenge, reply, ..
            }) = &report.error
            else {
                panic!("{mechanism:?} {summary}: {:?}", report.error)
            };
            assert!(challenge.is_some(), "Dovecot sends its JSON first");
            assert_eq!(reply.code, 535);
            let diagnosis = diagnose(&settings, &report).unwrap();
            assert_eq!(diagnosis.id, DiagnosisId::OauthTokenRejected);
            assert_eq!(&diagnosis.summary, summary, "{mechanism:?}");
            assert_token_hidden(&settings, &report);
        }
    }
}

#[tokio::test]
#[ignore = "needs a running Postfix: scripts/check.sh runs it"]
async fn the_cli_sends_with_a_token_from_the_environment() {
    let postfix = Postfix::get();
    let token = good_token(&postfix);
    let args = support::bin::strings(&[
        "send",
        "--host",
        postfix.var("MAILTESTER_POSTFIX_HOST"),
        "--port",
        postfix.var("MAILTESTER_POSTFIX_SUBMISSION_PORT"),
        "--enable-ssl",
        "true",
        "--user",
        USER,
        "--from",
        USER,
        "--ca-file",
        postfix.var("MAILTESTER_POSTFIX_CA"),
        "--oauth-token-env",
        "MT_TOKEN",
        "--sasl",
        "oauthbearer",
        "--json",
    ]);
    let output = support::bin::run_async(args, vec![("MT_TOKEN".into(), token.clone())], "").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains(&token));
    assert!(!stdout.contains(&STANDARD.encode(&token)));
}
