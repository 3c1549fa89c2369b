//! A person signing in (delegated OAuth) against a local authorization server: the browser
//! flow driven through its loopback redirect by the test, the device-code flow, silent renewal
//! with a refresh token kept in a keyring, and cancelling.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::sync::{Arc, Mutex};

use mail_settings_tester::credentials::Keyring;
use mail_settings_tester::oauth::OAuthProvider;
use mail_settings_tester::oauth::delegated::{
    DelegatedApp, DeviceCode, browser_sign_in, device_sign_in,
};
use mail_settings_tester::oauth::stored;
use mail_settings_tester::oauth::token::TokenError;
use mail_settings_tester::secret::Password;
use support::token_server::{TokenReply, TokenServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;

const MAILBOX: &str = "site@contoso.example";

async fn authorization_server() -> TokenServer {
    TokenServer::start(TokenReply::Authorization {
        access: "access-token-from-sign-in".into(),
        refresh: "unused".into(),
    })
    .await
}

fn app(provider: OAuthProvider, server: &TokenServer) -> DelegatedApp {
    DelegatedApp {
        provider,
        authority: Some(server.authority()),
        tenant: "organizations".into(),
        client_id: "11111111-2222-3333-4444-555555555555".into(),
        client_secret: None,
    }
}

/// What a browser does with the sign-in page: GET it, follow the redirect to the loopback
/// listener, GET that. Returns the listener's answer.
async fn browse(url: String) -> String {
    let first = get(&url).await;
    let location = first
        .lines()
        .find_map(|l| l.strip_prefix("Location: "))
        .expect("the sign-in page redirects")
        .trim()
        .replace("http://localhost:", "http://127.0.0.1:");
    get(&location).await
}

async fn get(url: &str) -> String {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
}

/// Opens "the browser": records the URL and browses it on another task.
fn browser(
    opened: &Arc<Mutex<Vec<String>>>,
    pages: &Arc<Mutex<Vec<String>>>,
) -> impl Fn(&str) -> Result<(), String> + Sync {
    let (opened, pages) = (opened.clone(), pages.clone());
    move |url: &str| {
        opened.lock().unwrap().push(url.to_owned());
        let (url, pages) = (url.to_owned(), pages.clone());
        tokio::spawn(async move {
            let page = browse(url).await;
            pages.lock().unwrap().push(page);
        });
        Ok(())
    }
}

#[tokio::test]
async fn microsoft_browser_sign_in_with_pkce_through_the_loopback_redirect() {
    let server = authorization_server().await;
    let (opened, pages) = (Arc::default(), Arc::default());
    let tokens = browser_sign_in(
        &app(OAuthProvider::Microsoft, &server),
        MAILBOX,
        &browser(&opened, &pages),
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    assert_eq!(tokens.access.expose(), "access-token-from-sign-in");
    assert_eq!(
        tokens.refresh.as_ref().map(Password::expose),
        Some("refresh-rotated-0")
    );
    let url = opened.lock().unwrap()[0].clone();
    assert!(
        url.starts_with(&format!(
            "{}/organizations/oauth2/v2.0/authorize?",
            server.authority()
        )),
        "{url}"
    );
    let requests = server.requests();
    let authorize = &requests[0];
    assert_eq!(authorize.field("code_challenge_method"), Some("S256"));
    assert_eq!(authorize.field("login_hint"), Some(MAILBOX));
    assert_eq!(
        authorize.field("scope"),
        Some("https://outlook.office.com/SMTP.Send offline_access")
    );
    assert!(
        authorize
            .field("redirect_uri")
            .unwrap()
            .starts_with("http://localhost:")
    );
    let exchange = requests
        .iter()
        .find(|r| r.field("grant_type") == Some("authorization_code"))
        .unwrap();
    assert!(
        exchange
            .field("code_verifier")
            .is_some_and(|v| v.len() >= 43)
    );
    let page = pages.lock().unwrap().first().cloned().unwrap_or_default();
    assert!(page.contains("You are signed in"), "{page}");
}

#[tokio::test]
async fn google_browser_sign_in_uses_the_loopback_address_and_the_mail_scope() {
    let server = authorization_server().await;
    let (opened, pages) = (Arc::default(), Arc::default());
    let google = DelegatedApp {
        client_secret: Some(Password::new("desktop-app-secret")),
        ..app(OAuthProvider::Google, &server)
    };
    let tokens = browser_sign_in(
        &google,
        MAILBOX,
        &browser(&opened, &pages),
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    assert_eq!(tokens.access.expose(), "access-token-from-sign-in");
    let authorize = &server.requests()[0];
    assert!(
        authorize.path.starts_with("/o/oauth2/v2/auth?"),
        "{}",
        authorize.path
    );
    assert_eq!(authorize.field("scope"), Some("https://mail.google.com/"));
    assert!(
        authorize
            .field("redirect_uri")
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
}

#[tokio::test]
async fn device_code_sign_in_shows_the_code_then_waits() {
    let server = authorization_server().await;
    let shown: Arc<Mutex<Vec<DeviceCode>>> = Arc::default();
    let record = shown.clone();
    let show = move |code: &DeviceCode| record.lock().unwrap().push(code.clone());
    let tokens = device_sign_in(
        &app(OAuthProvider::Microsoft, &server),
        &show,
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    assert_eq!(tokens.access.expose(), "access-token-from-sign-in");
    let shown = shown.lock().unwrap();
    assert_eq!(shown[0].user_code, "ABCD-EFGH");
    assert_eq!(
        shown[0].verification_uri,
        "https://microsoft.com/devicelogin"
    );
    let polls = server
        .requests()
        .iter()
        .filter(|r| r.field("grant_type") == Some("urn:ietf:params:oauth:grant-type:device_code"))
        .count();
    assert_eq!(polls, 2, "pending once, then granted");
}

#[tokio::test]
async fn google_has_no_device_code_for_gmail() {
    let server = authorization_server().await;
    let error = device_sign_in(
        &app(OAuthProvider::Google, &server),
        &|_| {},
        &CancellationToken::new(),
    )
    .await
    .unwrap_err();
    assert!(error.to_string().contains("browser"), "{error}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn cancel_ends_a_sign_in_nobody_finishes() {
    let server = authorization_server().await;
    let cancel = CancellationToken::new();
    let stop = cancel.clone();
    let open = move |_: &str| {
        stop.cancel();
        Ok(())
    };
    let error = browser_sign_in(
        &app(OAuthProvider::Microsoft, &server),
        MAILBOX,
        &open,
        &cancel,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, TokenError::Refused { error, .. } if error == "cancelled"),
        "{error}"
    );
}

/// The refresh token lives in the keyring: renewal uses it and keeps the rotated one; without
/// one saved there is nothing to renew; a refused one is an error in words.
#[tokio::test]
async fn refresh_tokens_renew_silently_from_the_keyring() {
    let server = authorization_server().await;
    let app = app(OAuthProvider::Microsoft, &server);
    let keyring = Keyring::with_store(keyring_core::mock::Store::new().unwrap());
    assert!(
        stored::renew(&keyring, &app, MAILBOX)
            .await
            .unwrap()
            .is_none()
    );

    let (opened, pages) = (Arc::default(), Arc::default());
    let signed_in = browser_sign_in(
        &app,
        MAILBOX,
        &browser(&opened, &pages),
        &CancellationToken::new(),
    )
    .await
    .unwrap();
    stored::keep(&keyring, &app, MAILBOX, signed_in.refresh.as_ref().unwrap())
        .await
        .unwrap();

    let renewed = stored::renew(&keyring, &app, MAILBOX)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(renewed.access.expose(), "access-token-from-sign-in");
    assert_eq!(server.refreshes(), 1);
    let kept = stored::load(&keyring, &app, MAILBOX).unwrap().unwrap();
    assert_eq!(
        kept.expose(),
        "refresh-rotated-1",
        "the rotated refresh token replaced the old one"
    );

    assert!(stored::forget(&keyring, &app, MAILBOX).unwrap());
    stored::keep(&keyring, &app, MAILBOX, &Password::new("revoked-token"))
        .await
        .unwrap();
    let refused = stored::renew(&keyring, &app, MAILBOX).await.unwrap_err();
    assert!(refused.to_string().contains("AADSTS70008"), "{refused}");
    assert!(!refused.to_string().contains("revoked-token"), "{refused}");
}
