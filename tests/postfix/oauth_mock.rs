//! OAuth against a real third-party authorization server: npm's oauth2-mock-server
//! (scripts/oauth-mock-server.sh), whose signing key Dovecot trusts. Here: the mock itself and
//! the checks on its tokens (shared with `oauth_mock_browser.rs`), and our client-credentials
//! flow (the real binary) getting a token from it that the real Postfix + Dovecot accept for
//! sending, with nothing of it printed.

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use mail_settings_tester::oauth::now_unix;
use mail_settings_tester::settings::SignIn;

use super::*;

const NEEDS_MOCK: &str = "needs a running oauth2-mock-server: scripts/check.sh starts one \
     (or, after Postfix: scripts/oauth-mock-server.sh install && scripts/oauth-mock-server.sh \
     start, then MAILTESTER_OAUTH_MOCK_ENV=target/oauth-mock/env cargo test --test postfix -- \
     --ignored)";
const SECRET: &str = "Qx8~mock.client-secret_VALUE-42";

/// The running oauth2-mock-server, from the env file its script wrote.
pub(super) struct Mock {
    vars: HashMap<String, String>,
}

impl Mock {
    /// The running instance; panics with what to do when there is none.
    pub(super) fn get() -> Self {
        let Ok(path) = std::env::var("MAILTESTER_OAUTH_MOCK_ENV") else {
            panic!("{NEEDS_MOCK}: MAILTESTER_OAUTH_MOCK_ENV is not set");
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            panic!("{NEEDS_MOCK}: no env file at {path}");
        };
        let vars: HashMap<String, String> = text
            .lines()
            .filter_map(|line| line.trim().split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let mock = Self { vars };
        let key = mock.var("MAILTESTER_OAUTH_MOCK_KEY");
        assert!(
            Path::new(key).is_file(),
            "Dovecot has not got the mock's key ({key} is missing): Postfix was restarted after \
             the mock; restart the mock (scripts/oauth-mock-server.sh start)"
        );
        mock
    }

    pub(super) fn var(&self, key: &str) -> &str {
        self.vars.get(key).map_or_else(
            || panic!("{key} missing from the mock's env file"),
            String::as_str,
        )
    }

    pub(super) fn url(&self) -> &str {
        self.var("MAILTESTER_OAUTH_MOCK_URL")
    }

    /// How many lines of the mock's log hold `needle` (it logs each token it issued).
    pub(super) fn log_count(&self, needle: &str) -> usize {
        std::fs::read_to_string(self.var("MAILTESTER_OAUTH_MOCK_LOG"))
            .unwrap()
            .lines()
            .filter(|line| line.contains(needle))
            .count()
    }
}

/// A JWT's header and claims.
fn jwt_parts(token: &str) -> (serde_json::Value, serde_json::Value) {
    let mut parts = token.split('.');
    let mut decode = || {
        let part = parts.next().expect("a JWT has three parts");
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    };
    let header = decode();
    let claims = decode();
    assert!(parts.next().is_some_and(|s| !s.is_empty()), "signed");
    (header, claims)
}

/// The token is one the mock signed for `mailbox`, the way Dovecot wants it.
pub(super) fn assert_minted_by_mock(token: &str, mock: &Mock, postfix: &Postfix, mailbox: &str) {
    let (header, claims) = jwt_parts(token);
    assert_eq!(header["alg"], "RS256", "{header}");
    assert_eq!(header["typ"], "JWT", "{header}");
    assert_eq!(
        header["kid"],
        mock.var("MAILTESTER_OAUTH_MOCK_KID"),
        "{header}"
    );
    assert_eq!(
        claims["iss"],
        postfix.var("MAILTESTER_POSTFIX_OAUTH_ISSUER"),
        "{claims}"
    );
    assert_eq!(
        claims["scope"],
        postfix.var("MAILTESTER_POSTFIX_OAUTH_SCOPE"),
        "{claims}"
    );
    assert_eq!(claims["email"], mailbox, "{claims}");
    assert_eq!(claims["sub"], mailbox, "{claims}");
    let exp = claims["exp"].as_i64().unwrap();
    assert!(
        (now_unix() + 3000..=now_unix() + 3700).contains(&exp),
        "exp about an hour ahead: {claims}"
    );
}

pub(super) fn mock_settings(postfix: &Postfix, mailbox: &str, token: &str) -> Settings {
    Settings {
        sign_in: SignIn::OAuth,
        access_token: Password::new(token),
        password: Password::default(),
        target: Target::Generic,
        user_name: mailbox.into(),
        from: mailbox.into(),
        ..postfix.settings("MAILTESTER_POSTFIX_SUBMISSION_PORT")
    }
}

/// Sent through the real Postfix with `token`, signed in as `mailbox`; nothing of the token in
/// the transcript.
pub(super) async fn assert_sends(postfix: &Postfix, mailbox: &str, token: &str) {
    let settings = mock_settings(postfix, mailbox, token);
    let report = run(&settings).await;
    assert!(
        report.ok(),
        "{mailbox}: {:?}\n{:#?}",
        report.error,
        report.transcript
    );
    assert!(
        report
            .transcript
            .iter()
            .any(|l| l.text == "AUTH XOAUTH2 <redacted>"),
        "{:#?}",
        report.transcript
    );
    assert!(
        report.transcript.iter().any(|l| l.text.starts_with("235 ")),
        "{:#?}",
        report.transcript
    );
    assert!(
        report
            .transcript
            .iter()
            .any(|l| l.text.starts_with("250 2.0.0 Ok: queued as")),
        "{:#?}",
        report.transcript
    );
    let transcript = serde_json::to_string(&report.transcript).unwrap();
    assert!(
        !transcript.contains(token),
        "the token is in the transcript"
    );
    for part in token.split('.') {
        assert!(
            !transcript.contains(part),
            "a token part is in the transcript"
        );
    }
}

#[tokio::test]
#[ignore = "needs a running Postfix and oauth2-mock-server: scripts/check.sh runs them"]
async fn client_credentials_from_the_mock_sign_in_to_postfix() {
    let postfix = Postfix::get();
    let mock = Mock::get();
    let issued = format!("token: client_credentials for {USER}: 200");
    let before = mock.log_count(&issued);
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
        "--target",
        "generic",
        "--oauth",
        "microsoft",
        "--tenant",
        "contoso",
        "--client-id",
        "some-app",
        "--client-secret-env",
        "MT_SECRET",
        "--authority",
        mock.url(),
        "--json",
    ]);
    let output = support::bin::run_async(args, vec![("MT_SECRET".into(), SECRET.into())], "").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(document["ok"], true, "{stdout}");
    let transcript = document["transcript"].as_array().unwrap();
    let said = |prefix: &str| {
        transcript
            .iter()
            .any(|l| l["text"].as_str().is_some_and(|t| t.starts_with(prefix)))
    };
    assert!(said("AUTH XOAUTH2 <redacted>"), "{stdout}");
    assert!(said("235 "), "{stdout}");
    assert!(said("250 2.0.0 Ok: queued as"), "{stdout}");
    assert_eq!(
        mock.log_count(&issued),
        before + 1,
        "the mock issued the token (its log: {})",
        mock.var("MAILTESTER_OAUTH_MOCK_LOG")
    );
    let text = format!("{stdout}{stderr}");
    // The XOAUTH2 string begins with the base64 of `user=<mailbox>^A`.
    for secret in [
        SECRET.to_owned(),
        STANDARD.encode(SECRET),
        STANDARD.encode(format!("user={USER}\x01")),
    ] {
        assert!(!text.contains(&secret), "leaked {secret}:\n{text}");
    }
    assert!(!holds_a_jwt(&text), "a token was printed:\n{text}");
}

/// Whether `text` holds something shaped like a JWT: the base64url of `{"` (every JWT header
/// begins so), more base64url, a dot, more base64url.
fn holds_a_jwt(text: &str) -> bool {
    let base64url = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices("eyJ").any(|(at, _)| {
        let rest = &text[at..];
        let header = rest.chars().take_while(|&c| base64url(c)).count();
        rest[header..].strip_prefix('.').is_some_and(|claims| {
            header >= 10 && claims.chars().take_while(|&c| base64url(c)).count() >= 10
        })
    })
}

#[test]
fn a_printed_jwt_is_recognised() {
    let jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyQHRlc3QuZXhhbXBsZSJ9.c2ln";
    assert!(holds_a_jwt(&format!("token: {jwt}\n")));
    assert!(!holds_a_jwt("eyJ alone, eyJabc.def, Ok: queued as 4F2A1B"));
}
