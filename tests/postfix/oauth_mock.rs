//! OAuth against a real third-party authorization server: npm's oauth2-mock-server
//! (scripts/oauth-mock-server.sh), whose signing key Dovecot trusts. Our client-credentials
//! flow (the real binary) and our browser flow (PKCE, the loopback redirect) get tokens from
//! it, and the real Postfix + Dovecot accept them for sending.

use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use mail_settings_tester::oauth::delegated::{DelegatedApp, Tokens, browser_sign_in, refresh};
use mail_settings_tester::oauth::{OAuthProvider, now_unix};
use mail_settings_tester::settings::SignIn;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::*;

const NEEDS_MOCK: &str = "needs a running oauth2-mock-server: scripts/check.sh starts one \
     (or, after Postfix: scripts/oauth-mock-server.sh install && scripts/oauth-mock-server.sh \
     start, then MAILTESTER_OAUTH_MOCK_ENV=target/oauth-mock/env cargo test --test postfix -- \
     --ignored)";
const OTHER: &str = "other@test.example";
const SECRET: &str = "Qx8~mock.client-secret_VALUE-42";

/// The running oauth2-mock-server, from the env file its script wrote.
struct Mock {
    vars: HashMap<String, String>,
}

impl Mock {
    /// The running instance; panics with what to do when there is none.
    fn get() -> Self {
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

    fn var(&self, key: &str) -> &str {
        self.vars.get(key).map_or_else(
            || panic!("{key} missing from the mock's env file"),
            String::as_str,
        )
    }

    fn url(&self) -> &str {
        self.var("MAILTESTER_OAUTH_MOCK_URL")
    }

    /// How many lines of the mock's log hold `needle` (it logs each token it issued).
    fn log_count(&self, needle: &str) -> usize {
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
fn assert_minted_by_mock(token: &str, mock: &Mock, postfix: &Postfix, mailbox: &str) {
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

fn mock_settings(postfix: &Postfix, mailbox: &str, token: &str) -> Settings {
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
async fn assert_sends(postfix: &Postfix, mailbox: &str, token: &str) {
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

/// One HTTP/1.1 exchange over plain TCP (`url`: `http://host:port/path`); the whole answer.
async fn http(method: &str, url: &str, body: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let form = if method == "POST" {
        format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            body.len()
        )
    } else {
        String::new()
    };
    let request = format!(
        "{method} /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{form}\r\n{body}"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

/// The `Location` of a redirect, pointed at 127.0.0.1 (the listener only binds there).
fn location(answer: &str) -> String {
    let status = answer.lines().next().unwrap_or_default();
    assert!(status.contains(" 302 "), "a redirect: {answer}");
    answer
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(name, _)| name.eq_ignore_ascii_case("location"))
                .map(|(_, value)| value.trim().to_owned())
        })
        .expect("the redirect names its target")
        .replace("http://localhost:", "http://127.0.0.1:")
}

/// A browser: GETs the sign-in page, follows its redirects (at most 5) to the loopback
/// listener and keeps each URL it visited and the last page.
fn browser(
    visited: &Arc<Mutex<Vec<String>>>,
    pages: &Arc<Mutex<Vec<String>>>,
    arrived: &Arc<tokio::sync::Notify>,
) -> impl Fn(&str) -> Result<(), String> + Sync {
    let (visited, pages, arrived) = (visited.clone(), pages.clone(), arrived.clone());
    move |url: &str| {
        let (mut url, visited, pages, arrived) = (
            url.to_owned(),
            visited.clone(),
            pages.clone(),
            arrived.clone(),
        );
        tokio::spawn(async move {
            for _ in 0..5 {
                visited.lock().unwrap().push(url.clone());
                let answer = http("GET", &url, "").await;
                if answer.lines().next().unwrap_or_default().contains(" 302 ") {
                    url = location(&answer);
                } else {
                    pages.lock().unwrap().push(answer);
                    arrived.notify_one();
                    return;
                }
            }
            pages.lock().unwrap().push("too many redirects".to_owned());
            arrived.notify_one();
        });
        Ok(())
    }
}

fn app(provider: OAuthProvider, mock: &Mock) -> DelegatedApp {
    DelegatedApp {
        provider,
        authority: Some(mock.url().to_owned()),
        tenant: "organizations".into(),
        client_id: "some-app".into(),
        client_secret: None,
    }
}

/// The browser flow against the mock for `mailbox`: the sign-in page's and the listener's
/// URLs, the listener's page, and the tokens.
async fn sign_in(app: &DelegatedApp, mailbox: &str) -> (Vec<String>, String, Tokens) {
    let (visited, pages) = (Arc::default(), Arc::default());
    let arrived = Arc::new(tokio::sync::Notify::new());
    // Bounded: a browser that could not reach the mock would leave the sign-in waiting.
    let tokens = tokio::time::timeout(
        Duration::from_secs(60),
        browser_sign_in(
            app,
            mailbox,
            &browser(&visited, &pages, &arrived),
            &CancellationToken::new(),
        ),
    )
    .await
    .unwrap_or_else(|_| panic!("the sign-in did not finish within 60 s: is the mock running?"))
    .unwrap_or_else(|err| panic!("{:?} sign-in as {mailbox}: {err}", app.provider));
    let visited = visited.lock().unwrap().clone();
    // The listener answers the browser before the sign-in returns; its page arrives a moment
    // later (the browser task says so; a permit is kept if it came first).
    let arrival = tokio::time::timeout(Duration::from_secs(10), arrived.notified()).await;
    let page = pages.lock().unwrap().first().cloned();
    assert!(
        arrival.is_ok() || page.is_some(),
        "the browser never got the listener's page"
    );
    (visited, page.unwrap_or_default(), tokens)
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

#[tokio::test]
#[ignore = "needs a running Postfix and oauth2-mock-server: scripts/check.sh runs them"]
async fn browser_sign_in_at_the_mock_then_send_and_renew() {
    let postfix = Postfix::get();
    let mock = Mock::get();
    let app = app(OAuthProvider::Microsoft, &mock);
    let (visited, page, tokens) = sign_in(&app, USER).await;

    let authorize = visited.first().expect("the browser was opened");
    assert!(
        authorize.starts_with(&format!(
            "{}/organizations/oauth2/v2.0/authorize?",
            mock.url()
        )),
        "{authorize}"
    );
    assert!(
        authorize.contains("code_challenge_method=S256"),
        "{authorize}"
    );
    assert!(
        visited
            .get(1)
            .is_some_and(|to| to.starts_with("http://127.0.0.1:") && to.contains("code=")),
        "the mock sent the browser back to the loopback listener: {visited:?}"
    );
    assert!(page.contains("You are signed in"), "{page}");
    assert_minted_by_mock(tokens.access.expose(), &mock, &postfix, USER);
    assert_sends(&postfix, USER, tokens.access.expose()).await;

    // The refresh token the mock issued renews silently, for the same mailbox.
    let refreshed = format!("token: refresh_token for {USER}: 200");
    let before = mock.log_count(&refreshed);
    let refresh_token = tokens.refresh.expect("the mock issues a refresh token");
    let renewed = refresh(&app, &refresh_token).await.unwrap();
    assert_eq!(
        mock.log_count(&refreshed),
        before + 1,
        "renewed at the mock"
    );
    assert!(
        renewed.access.expose() != tokens.access.expose(),
        "a new token (the mock gives each its own jti)"
    );
    assert_minted_by_mock(renewed.access.expose(), &mock, &postfix, USER);
    assert_sends(&postfix, USER, renewed.access.expose()).await;
}

/// The mailbox is the login hint we sent to the sign-in page, on Microsoft's and Google's
/// paths: a token for other@test.example sends as that mailbox only.
#[tokio::test]
#[ignore = "needs a running Postfix and oauth2-mock-server: scripts/check.sh runs them"]
async fn the_login_hint_picks_the_mailbox_on_microsoft_and_google_paths() {
    let postfix = Postfix::get();
    let mock = Mock::get();
    let google = DelegatedApp {
        client_secret: Some(Password::new("desktop-app-secret")),
        ..app(OAuthProvider::Google, &mock)
    };
    for (app, sign_in_page) in [
        (
            app(OAuthProvider::Microsoft, &mock),
            format!("{}/organizations/oauth2/v2.0/authorize?", mock.url()),
        ),
        (google, format!("{}/o/oauth2/v2/auth?", mock.url())),
    ] {
        let (visited, page, tokens) = sign_in(&app, OTHER).await;
        assert!(
            visited
                .first()
                .is_some_and(|u| u.starts_with(&sign_in_page)),
            "{visited:?}"
        );
        assert!(page.contains("You are signed in"), "{page}");
        assert_minted_by_mock(tokens.access.expose(), &mock, &postfix, OTHER);
        assert_sends(&postfix, OTHER, tokens.access.expose()).await;

        // Dovecot holds the token to its mailbox: not good for user@test.example.
        let settings = mock_settings(&postfix, USER, tokens.access.expose());
        let report = run(&settings).await;
        assert!(
            matches!(report.error, Some(SessionError::OAuthRejected { .. })),
            "{:?}: {:?}",
            app.provider,
            report.error
        );
    }
}

/// The mock checks PKCE itself (so the browser test above proves our verifier matches our
/// challenge): a code exchanged with another verifier is refused.
#[tokio::test]
#[ignore = "needs a running Postfix and oauth2-mock-server: scripts/check.sh runs them"]
async fn the_mock_refuses_a_code_with_the_wrong_pkce_verifier() {
    let mock = Mock::get();
    // RFC 7636, appendix B.
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    let token_url = format!("{}/organizations/oauth2/v2.0/token", mock.url());
    let code = || async {
        let answer = http(
            "GET",
            &format!(
                "{}/organizations/oauth2/v2.0/authorize?response_type=code&client_id=some-app\
                 &redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2F&state=s&code_challenge={challenge}\
                 &code_challenge_method=S256",
                mock.url()
            ),
            "",
        )
        .await;
        let to = location(&answer);
        let query = to.split_once('?').map_or("", |(_, q)| q);
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("code="))
            .expect("a code")
            .to_owned()
    };
    let exchange = |code: String, verifier: &'static str| {
        let token_url = token_url.clone();
        async move {
            http(
                "POST",
                &token_url,
                &format!(
                    "grant_type=authorization_code&client_id=some-app&code={code}\
                     &redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2F&code_verifier={verifier}"
                ),
            )
            .await
        }
    };

    let wrong = exchange(
        code().await,
        "wrong-verifier-wrong-verifier-wrong-verifier-0",
    )
    .await;
    assert!(wrong.starts_with("HTTP/1.1 400 "), "{wrong}");
    assert!(
        wrong.contains("code_verifier provided does not match code_challenge"),
        "{wrong}"
    );
    let right = exchange(code().await, verifier).await;
    assert!(right.starts_with("HTTP/1.1 200 "), "{right}");
    assert!(right.contains("\"access_token\""), "{right}");
}

#[test]
fn a_printed_jwt_is_recognised() {
    let jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyQHRlc3QuZXhhbXBsZSJ9.c2ln";
    assert!(holds_a_jwt(&format!("token: {jwt}\n")));
    assert!(!holds_a_jwt("eyJ alone, eyJabc.def, Ok: queued as 4F2A1B"));
}
