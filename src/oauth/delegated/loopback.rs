//! The browser sign-in: authorization code with PKCE, the answer coming back to a one-time
//! listener on 127.0.0.1.

use std::time::Duration;

use oauth2::{AuthorizationCode, CsrfToken, PkceCodeChallenge, Scope};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use super::{
    DelegatedApp, REQUEST_TIMEOUT, SIGN_IN_TIMEOUT, Tokens, cancelled, token_error, tokens,
    unreachable,
};
use crate::oauth::OAuthProvider;
use crate::oauth::http;
use crate::oauth::token::TokenError;
use crate::untrusted::displayable_str;

/// The page the browser shows once the sign-in came back, in the current language (the
/// window's, through [`crate::i18n::in_language`]), marked as such for screen readers.
fn answer_page(signed_in: bool) -> String {
    let (title, heading, text) = if signed_in {
        (
            crate::en!("Signed in"),
            crate::en!("You are signed in"),
            crate::en!("Go back to Mail Settings Tester; you can close this tab."),
        )
    } else {
        (
            crate::en!("Not signed in"),
            crate::en!("The sign-in did not finish"),
            crate::en!("Go back to Mail Settings Tester to see why."),
        )
    };
    let shown = |text: &str| {
        crate::i18n::tr(text)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<!doctype html><html lang={}><meta charset=utf-8><title>{}</title>\
         <body style=\"font-family:sans-serif;margin:3em\"><h1>{}</h1><p>{}</p>",
        crate::i18n::current().code(),
        shown(title),
        shown(heading),
        shown(text)
    )
}

/// Signs a person in with the system browser: opens `open(url)` (the sign-in page), waits for
/// the answer on a one-time listener on 127.0.0.1, exchanges the code (with the PKCE
/// verifier) for tokens. `login_hint` fills in the account on the sign-in page.
pub async fn browser_sign_in(
    app: &DelegatedApp,
    login_hint: &str,
    open: &(dyn Fn(&str) -> Result<(), String> + Sync),
    cancel: &CancellationToken,
) -> Result<Tokens, TokenError> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.map_err(|err| {
        unreachable(
            crate::en!("this computer"),
            &crate::en!("no local port for the answer: {err}", err = err),
        )
    })?;
    let port = listener
        .local_addr()
        .map_err(|err| unreachable(crate::en!("this computer"), &err.to_string()))?
        .port();
    // Microsoft registers desktop apps with http://localhost (any port); Google prefers the
    // loopback address itself.
    let redirect = match app.provider {
        OAuthProvider::Microsoft => format!("http://localhost:{port}/"),
        OAuthProvider::Google => format!("http://127.0.0.1:{port}/"),
    };
    let client = app.client(Some(redirect))?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(CsrfToken::new_random)
        .map_err(|err| TokenError::BadAuthority {
            url: String::new(),
            reason: err.to_string(),
        })?
        .set_pkce_challenge(challenge);
    for scope in app.scopes() {
        request = request.add_scope(Scope::new((*scope).to_owned()));
    }
    if !login_hint.trim().is_empty() {
        request = request.add_extra_param("login_hint", login_hint.trim());
    }
    let (url, state) = request.url();
    open(url.as_str()).map_err(|err| unreachable(crate::en!("the browser"), &err))?;
    let code = tokio::select! {
        () = cancel.cancelled() => return Err(cancelled()),
        answer = tokio::time::timeout(SIGN_IN_TIMEOUT, wait_for_code(&listener, state.secret())) => {
            answer.map_err(|_| TokenError::Refused {
                status: 0,
                error: "timed_out".to_owned(),
                description: crate::en!(
                    "nobody finished signing in within {minutes} minutes",
                    minutes = SIGN_IN_TIMEOUT.as_secs() / 60
                ),
            })??
        }
    };
    let http_client = http::client(REQUEST_TIMEOUT)
        .map_err(|e| unreachable(crate::en!("the sign-in service"), &e))?;
    let send = |request| http::send(http_client.clone(), request);
    let exchange = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|err| TokenError::BadAuthority {
            url: String::new(),
            reason: err.to_string(),
        })?
        .set_pkce_verifier(verifier)
        .request_async(&send);
    let response = tokio::select! {
        () = cancel.cancelled() => return Err(cancelled()),
        response = exchange => response.map_err(|err| token_error(err, &app.secrets()))?,
    };
    Ok(tokens(&response))
}
/// Waits for the browser's request to the listener: the code when `state` matches, the
/// service's error when it sent one. Other requests (a favicon) get a 404 and are ignored.
async fn wait_for_code(listener: &TcpListener, state: &str) -> Result<String, TokenError> {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            continue;
        };
        let Ok(Ok(head)) =
            tokio::time::timeout(Duration::from_secs(10), read_head(&mut stream)).await
        else {
            continue;
        };
        let target = head
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        let query = target.split_once('?').map_or("", |(_, q)| q);
        let params: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), decode(v)))
            .collect();
        let get = |key: &str| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let answer = match (get("code"), get("error"), get("state")) {
            (Some(code), _, Some(got)) if got == state => Some(Ok(code)),
            (_, Some(error), Some(got)) if got == state => Some(Err(TokenError::Refused {
                status: 0,
                error: displayable_str(&error),
                description: displayable_str(&get("error_description").unwrap_or_default()),
            })),
            _ => None,
        };
        let (status, page) = match &answer {
            Some(Ok(_)) => ("200 OK", answer_page(true)),
            Some(Err(_)) => ("200 OK", answer_page(false)),
            None => ("404 Not Found", String::new()),
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
            page.len()
        );
        let _ = stream.write_all(response.as_bytes()).await;
        let _ = stream.shutdown().await;
        if let Some(answer) = answer {
            return answer;
        }
    }
}

/// The request line and headers (at most 16 KB).
async fn read_head(stream: &mut tokio::net::TcpStream) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let read = stream.read(&mut buf).await?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(buf.get(..read).unwrap_or_default());
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn decode(value: &str) -> String {
    percent_encoding::percent_decode_str(&value.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}
