//! The AUTH command: PLAIN (initial response or empty challenge) and LOGIN, base64 as in RFC 4954.

use std::io;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tokio::io::{AsyncRead, AsyncWrite};

use super::config::LoginInitialResponse;
use super::line_io::LineIo;
use super::session::{Flow, Session, say};

/// How a mechanism's exchange ended.
enum Exchange {
    Credentials(String, String),
    Failed,
    Rejected(&'static str),
    /// `AUTH LOGIN` with an initial response refused: `login_initial_refusal` is the reply.
    InitialResponseRefused,
    Closed,
}

impl Session {
    /// Handles `AUTH <mechanism> [initial-response]`.
    pub async fn auth<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
        arg: &str,
    ) -> io::Result<Flow> {
        let mut words = arg.split_whitespace();
        let Some(mechanism) = words.next().map(str::to_ascii_uppercase) else {
            return say(io, "501 5.5.4 Syntax: AUTH mechanism").await;
        };
        let initial = words.next();
        self.log
            .update(|record| record.auth_mechanisms.push(mechanism.clone()));
        if self.config.require_tls && !self.encrypted {
            let reply = self.config.must_starttls_reply.clone();
            return say(io, &reply).await;
        }
        if !self.greeted {
            return say(io, "503 5.5.1 Error: send HELO/EHLO first").await;
        }
        if self.authenticated {
            return say(io, "503 5.5.1 Error: already authenticated").await;
        }
        let advertised = self.auth_advertised()
            && self
                .config
                .auth_mechanisms
                .iter()
                .any(|offered| offered.eq_ignore_ascii_case(&mechanism));
        if !advertised {
            return say(io, "504 5.5.4 Unrecognized authentication type").await;
        }
        if let Some(limit) = self.config.max_auth_line
            && arg.len() + "AUTH \r\n".len() > limit
        {
            return say(io, "500 5.5.2 Error: line too long").await;
        }
        let exchange = match mechanism.as_str() {
            "PLAIN" => self.plain(io, initial).await?,
            "LOGIN" => self.login(io, initial).await?,
            "XOAUTH2" | "OAUTHBEARER" => return self.oauth(io, initial).await,
            _ => Exchange::Failed,
        };
        match exchange {
            Exchange::Credentials(user, password) if self.knows(&user, &password) => {
                self.authenticated = true;
                say(io, "235 2.7.0 Authentication successful").await
            }
            Exchange::Credentials(..) | Exchange::Failed => {
                let reply = self.config.auth_failure_reply.clone();
                say(io, &reply).await
            }
            Exchange::Rejected(reply) => say(io, reply).await,
            Exchange::InitialResponseRefused => {
                let reply = self.config.login_initial_refusal.clone();
                say(io, &reply).await
            }
            Exchange::Closed => Ok(Flow::Close),
        }
    }

    /// XOAUTH2 or OAUTHBEARER: the token as initial response or after an empty `334`; a
    /// refused token gets the error JSON first when configured (the client's answer to it is
    /// logged), then the failure reply.
    async fn oauth<S: AsyncRead + AsyncWrite + Unpin>(
        &mut self,
        io: &mut LineIo<S>,
        initial: Option<&str>,
    ) -> io::Result<Flow> {
        let decoded = match initial {
            Some(response) => decode(response),
            None => self.challenge(io, "334 ").await?,
        };
        let bytes = match decoded {
            Ok(bytes) => bytes,
            Err(Exchange::Rejected(reply)) => return say(io, reply).await,
            Err(_) => return Ok(Flow::Close),
        };
        let (user, token) = bearer_fields(&text(&bytes));
        let known = self.config.oauth_tokens.iter().any(|(u, t)| {
            Some(u.as_str()) == user.as_deref() && Some(t.as_str()) == token.as_deref()
        });
        if known {
            self.authenticated = true;
            return say(io, "235 2.7.0 Accepted").await;
        }
        if let Some(json) = self.config.oauth_error_json.clone() {
            let answer = self
                .challenge(io, &format!("334 {}", STANDARD.encode(json)))
                .await?;
            if let Err(Exchange::Closed) = answer {
                return Ok(Flow::Close);
            }
        }
        let reply = self.config.oauth_failure_reply.clone();
        say(io, &reply).await
    }

    fn knows(&self, user: &str, password: &str) -> bool {
        self.config
            .users
            .iter()
            .any(|(known_user, known_password)| known_user == user && known_password == password)
    }

    async fn plain<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        io: &mut LineIo<S>,
        initial: Option<&str>,
    ) -> io::Result<Exchange> {
        let decoded = match initial {
            Some(response) => decode(response),
            None => self.challenge(io, "334 ").await?,
        };
        let bytes = match decoded {
            Ok(bytes) => bytes,
            Err(end) => return Ok(end),
        };
        let mut parts = bytes.split(|&byte| byte == 0);
        Ok(
            match (parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some(_authzid), Some(user), Some(password), None) => {
                    Exchange::Credentials(text(user), text(password))
                }
                _ => Exchange::Failed,
            },
        )
    }

    async fn login<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        io: &mut LineIo<S>,
        initial: Option<&str>,
    ) -> io::Result<Exchange> {
        let user = match (initial, self.config.login_initial_response) {
            (Some(_), LoginInitialResponse::Reject) => {
                return Ok(Exchange::InitialResponseRefused);
            }
            (Some(response), LoginInitialResponse::Accept) => decode(response),
            (Some(_), LoginInitialResponse::Ignore) | (None, _) => {
                self.challenge(io, "334 VXNlcm5hbWU6").await?
            }
        };
        let user = match user {
            Ok(user) => user,
            Err(end) => return Ok(end),
        };
        let password = match self.challenge(io, "334 UGFzc3dvcmQ6").await? {
            Ok(password) => password,
            Err(end) => return Ok(end),
        };
        Ok(Exchange::Credentials(text(&user), text(&password)))
    }

    /// Sends a `334` challenge and decodes the response line (logged like a command).
    async fn challenge<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        io: &mut LineIo<S>,
        challenge: &str,
    ) -> io::Result<Result<Vec<u8>, Exchange>> {
        io.reply(&[challenge]).await?;
        let Some(line) = io.read_line().await else {
            return Ok(Err(Exchange::Closed));
        };
        self.log.update(|record| record.commands.push(line.clone()));
        Ok(decode(&line))
    }
}

fn decode(response: &str) -> Result<Vec<u8>, Exchange> {
    match response.trim() {
        "*" => Err(Exchange::Rejected("501 5.7.0 Authentication aborted")),
        "=" => Ok(Vec::new()),
        encoded => STANDARD
            .decode(encoded)
            .map_err(|_| Exchange::Rejected("501 5.5.2 Cannot decode response")),
    }
}

/// The user and the bearer token of an XOAUTH2 (`user=U^Aauth=Bearer T^A^A`) or OAUTHBEARER
/// (`n,a=U,^Ahost=H^Aport=P^Aauth=Bearer T^A^A`) client string.
fn bearer_fields(client: &str) -> (Option<String>, Option<String>) {
    let mut user = None;
    let mut token = None;
    for field in client.split('\x01') {
        if let Some(u) = field.strip_prefix("user=") {
            user = Some(u.to_owned());
        } else if let Some(gs2) = field.strip_prefix("n,") {
            user = gs2
                .split(',')
                .find_map(|part| part.strip_prefix("a="))
                .map(|u| u.replace("=2C", ",").replace("=3D", "="));
        } else if let Some(t) = field.strip_prefix("auth=Bearer ") {
            token = Some(t.to_owned());
        }
    }
    (user, token)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
