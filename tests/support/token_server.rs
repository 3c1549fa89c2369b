//! A scripted OAuth token endpoint on 127.0.0.1 (plain HTTP, which the tester allows only on a
//! loopback address): it answers every POST with one scripted behaviour and records each
//! request (path and form body), so tests see what the client sent.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

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
        let log = requests.clone();
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (log, reply) = (log.clone(), reply.clone());
                tokio::spawn(async move { serve(tcp, &log, reply).await });
            }
        });
        TokenServer {
            addr,
            requests,
            task,
        }
    }

    /// The authority to give the tester (`http://127.0.0.1:<port>`).
    pub fn authority(&self) -> String {
        format!("http://{}", self.addr)
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

async fn serve(mut tcp: TcpStream, log: &Mutex<Vec<TokenRequest>>, reply: TokenReply) {
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
    let form = body
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
    log.lock().unwrap().push(TokenRequest { path, form });
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
