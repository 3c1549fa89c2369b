//! Self-test of the fake SMTP server in `tests/support`, driven by a raw line client.

// The raw client helpers panic on failure like the tests that call them.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

#[path = "fake_server_selftest/dialogue.rs"]
mod dialogue;
#[path = "fake_server_selftest/faults.rs"]
mod faults;

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use rustls::pki_types::ServerName;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use support::pki::{CertKind, TestPki};
use support::smtp_server::{
    Banner, Fault, MUST_STARTTLS, ServerConfig, Stage, TEST_PASSWORD, TEST_USER, TestServer,
};

/// Upper bound for anything that should happen promptly.
const PROMPT: Duration = Duration::from_secs(5);
/// How long a read waits before we conclude the server is silent.
const SILENCE: Duration = Duration::from_millis(300);

/// A raw SMTP line client over any stream.
struct Client<S> {
    io: BufReader<S>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Client<S> {
    fn new(stream: S) -> Self {
        Client {
            io: BufReader::new(stream),
        }
    }

    /// Reads one line (without CRLF); `None` on EOF or error. Panics if the server is silent.
    async fn line(&mut self) -> Option<String> {
        let mut line = String::new();
        let read = tokio::time::timeout(PROMPT, self.io.read_line(&mut line))
            .await
            .expect("server answered in time");
        match read {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_owned()),
        }
    }

    /// Reads a whole (possibly multi-line) reply.
    async fn reply(&mut self) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let line = self.line().await.expect("a reply line, not EOF");
            let last = line.as_bytes().get(3) != Some(&b'-');
            lines.push(line);
            if last {
                return lines;
            }
        }
    }

    async fn send(&mut self, line: &str) {
        let stream = self.io.get_mut();
        stream
            .write_all(format!("{line}\r\n").as_bytes())
            .await
            .expect("send");
        stream.flush().await.expect("flush");
    }

    /// Sends a command and returns the reply.
    async fn cmd(&mut self, line: &str) -> Vec<String> {
        self.send(line).await;
        self.reply().await
    }

    /// `true` if nothing at all arrives within [`SILENCE`].
    async fn stays_silent(&mut self) -> bool {
        let mut line = String::new();
        tokio::time::timeout(SILENCE, self.io.read_line(&mut line))
            .await
            .is_err()
    }
}

async fn connect(server: &TestServer) -> Client<TcpStream> {
    Client::new(TcpStream::connect(server.addr()).await.expect("connect"))
}

async fn tls_handshake(
    tcp: TcpStream,
    name: &'static str,
) -> std::io::Result<TlsStream<TcpStream>> {
    let connector = TlsConnector::from(TestPki::get().client_config());
    let name = ServerName::try_from(name).expect("valid server name");
    connector.connect(name, tcp).await
}

/// Greeting, EHLO, STARTTLS, handshake and the second EHLO; returns the encrypted client.
async fn encrypted_session(server: &TestServer) -> Client<TlsStream<TcpStream>> {
    let mut client = connect(server).await;
    client.reply().await;
    client.cmd("EHLO client.test").await;
    assert_eq!(
        client.cmd("STARTTLS").await,
        ["220 2.0.0 Ready to start TLS"]
    );
    let tls = tls_handshake(client.io.into_inner(), "localhost")
        .await
        .expect("handshake with the valid certificate");
    let mut client = Client::new(tls);
    client.cmd("EHLO client.test").await;
    client
}

fn b64(text: &str) -> String {
    STANDARD.encode(text)
}
