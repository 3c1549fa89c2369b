//! Our browser sign-in (PKCE, the loopback redirect) against npm's oauth2-mock-server: a
//! scripted browser follows its redirects, the tokens it issues send through the real
//! Postfix and Dovecot and renew, the login hint picks the mailbox on Microsoft's and Google's
//! paths, and the mock refuses a code exchanged with the wrong PKCE verifier.

use std::sync::{Arc, Mutex};

use mail_settings_tester::oauth::OAuthProvider;
use mail_settings_tester::oauth::delegated::{DelegatedApp, Tokens, browser_sign_in, refresh};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::oauth_mock::{Mock, assert_minted_by_mock, assert_sends, mock_settings};
use super::*;

const OTHER: &str = "other@test.example";

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
