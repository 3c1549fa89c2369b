//! A scripted OAuth token endpoint on 127.0.0.1 (plain HTTP, which the tester allows only on a
//! loopback address): it answers every POST with one scripted behaviour and records each
//! request (path and form body), so tests see what the client sent.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// What the endpoint does with a request.
#[derive(Debug, Clone)]
pub enum TokenReply {
    /// `200` with this access token, valid for an hour.
    Token(String),
    /// This status and this JSON body (an OAuth error).
    Error(u16, String),
    /// `200` with this body, whatever it is.
    Raw(String),
    /// `302` to another address.
    Redirect,
    /// Read the request, never answer.
    Stall,
    /// `200`, then body bytes forever.
    Endless,
    /// A whole authorization server: `GET …/authorize` (and Google's `…/auth`) redirects to
    /// the client's `redirect_uri` with a code; `POST …/devicecode` starts a device code;
    /// `POST …/token` takes the code (checking the PKCE verifier against the challenge), the
    /// device code (pending once, then granted) and the refresh token (rotated each time).
    Authorization {
        /// The access token issued.
        access: String,
        /// The first refresh token issued.
        refresh: String,
    },
}

/// What the authorization server remembers between requests.
#[derive(Debug, Default)]
struct Grants {
    challenge: String,
    redirect_uri: String,
    device_polls: usize,
    refresh: String,
    refreshes: usize,
}

/// One request the endpoint received.
#[derive(Debug, Clone)]
pub struct TokenRequest {
    /// The request path (`/contoso/oauth2/v2.0/token`).
    pub path: String,
    /// The form fields, decoded.
    pub form: Vec<(String, String)>,
}

impl TokenRequest {
    /// The value of form field `key`.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A running token endpoint; stops when dropped.
pub struct TokenServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<TokenRequest>>>,
    grants: Arc<Mutex<Grants>>,
    task: JoinHandle<()>,
}

impl TokenServer {
    /// Starts an endpoint that answers every request with `reply`.
    pub async fn start(reply: TokenReply) -> TokenServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind token server");
        let addr = listener.local_addr().expect("token server address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let grants = Arc::new(Mutex::new(Grants::default()));
        if let TokenReply::Authorization { refresh, .. } = &reply {
            grants.lock().unwrap().refresh.clone_from(refresh);
        }
        let (log, state) = (requests.clone(), grants.clone());
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (log, reply, state) = (log.clone(), reply.clone(), state.clone());
                tokio::spawn(async move { serve(tcp, &log, reply, &state).await });
            }
        });
        TokenServer {
            addr,
            requests,
            grants,
            task,
        }
    }

    /// The authority to give the tester (`http://127.0.0.1:<port>`).
    pub fn authority(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many times a refresh token was exchanged.
    pub fn refreshes(&self) -> usize {
        self.grants.lock().unwrap().refreshes
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<TokenRequest> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for TokenServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    mut tcp: TcpStream,
    log: &Mutex<Vec<TokenRequest>>,
    reply: TokenReply,
    grants: &Mutex<Grants>,
) {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let body_start = loop {
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match tcp.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..body_start]).into_owned();
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    while data.len() < body_start + length {
        match tcp.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    let body = String::from_utf8_lossy(&data[body_start..]).into_owned();
    let path = head
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    let query = path.split_once('?').map_or("", |(_, q)| q).to_owned();
    let form_text = if head.starts_with("GET") { query } else { body };
    let form: Vec<(String, String)> = form_text
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(&s.replace('+', " "))
                    .decode_utf8_lossy()
                    .into_owned()
            };
            Some((decode(k), decode(v)))
        })
        .collect();
    log.lock().unwrap().push(TokenRequest {
        path: path.clone(),
        form: form.clone(),
    });
    let respond = |status: &str, body: &str| {
        format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    let answer = match reply {
        TokenReply::Token(token) => respond(
            "200 OK",
            &format!(r#"{{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{token}"}}"#),
        ),
        TokenReply::Error(status, json) => respond(&format!("{status} Error"), &json),
        TokenReply::Authorization { access, .. } => {
            let request = TokenRequest { path, form };
            authorize(&request, &access, grants)
        }
        TokenReply::Raw(body) => respond("200 OK", &body),
        TokenReply::Redirect => "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\n\r\n".to_owned(),
        TokenReply::Stall => {
            let _ = tcp.read(&mut buf).await;
            return;
        }
        TokenReply::Endless => {
            if tcp
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"access_token\":\"")
                .await
                .is_err()
            {
                return;
            }
            let chunk = [b'a'; 8192];
            while tcp.write_all(&chunk).await.is_ok() {}
            return;
        }
    };
    let _ = tcp.write_all(answer.as_bytes()).await;
    let _ = tcp.shutdown().await;
}

/// One answer of the whole authorization server (see [`TokenReply::Authorization`]).
fn authorize(request: &TokenRequest, access: &str, grants: &Mutex<Grants>) -> String {
    let json = |status: &str, body: String| {
        format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    let error = |code: &str, description: &str| {
        json(
            "400 Bad Request",
            format!(r#"{{"error":"{code}","error_description":"{description}"}}"#),
        )
    };
    let mut grants = grants.lock().unwrap();
    let route = request.path.split('?').next().unwrap_or_default();
    if route.ends_with("/authorize") || route.ends_with("/auth") {
        request
            .field("code_challenge")
            .unwrap_or_default()
            .clone_into(&mut grants.challenge);
        request
            .field("redirect_uri")
            .unwrap_or_default()
            .clone_into(&mut grants.redirect_uri);
        let location = format!(
            "{}?code=test-code&state={}",
            grants.redirect_uri,
            request.field("state").unwrap_or_default()
        );
        return format!(
            "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
    if route.ends_with("/devicecode") {
        return json(
            "200 OK",
            r#"{"device_code":"device-1","user_code":"ABCD-EFGH","verification_uri":"https://microsoft.com/devicelogin","expires_in":900,"interval":1,"message":"To sign in, use a web browser"}"#.to_owned(),
        );
    }
    let granted = |grants: &mut Grants| {
        grants.refresh = format!("refresh-rotated-{}", grants.refreshes);
        json(
            "200 OK",
            format!(
                r#"{{"token_type":"Bearer","expires_in":3599,"access_token":"{access}","refresh_token":"{}","scope":"https://outlook.office.com/SMTP.Send"}}"#,
                grants.refresh
            ),
        )
    };
    match request.field("grant_type") {
        Some("authorization_code") => {
            let verifier = request.field("code_verifier").unwrap_or_default();
            let digest = ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes());
            let challenge =
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest.as_ref());
            if request.field("code") != Some("test-code") {
                error("invalid_grant", "AADSTS70000: the code is unknown")
            } else if challenge != grants.challenge {
                error(
                    "invalid_grant",
                    "AADSTS501481: The Code_Verifier does not match the code_challenge",
                )
            } else if request.field("redirect_uri") != Some(grants.redirect_uri.as_str()) {
                error("invalid_grant", "AADSTS50011: redirect URI mismatch")
            } else {
                granted(&mut grants)
            }
        }
        Some("urn:ietf:params:oauth:grant-type:device_code") => {
            grants.device_polls += 1;
            if grants.device_polls == 1 {
                error(
                    "authorization_pending",
                    "AADSTS70016: the user has not finished signing in",
                )
            } else {
                granted(&mut grants)
            }
        }
        Some("refresh_token") => {
            if request.field("refresh_token") == Some(grants.refresh.as_str()) {
                grants.refreshes += 1;
                granted(&mut grants)
            } else {
                error(
                    "invalid_grant",
                    "AADSTS70008: The refresh token has expired or is invalid",
                )
            }
        }
        _ => error("unsupported_grant_type", "unknown grant"),
    }
}
