//! Self-test of the fake SMTP server in `tests/support`, driven by a raw line client.

// The raw client helpers panic on failure like the tests that call them.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

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

#[tokio::test]
async fn greets_and_lists_extensions_without_auth_before_tls() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = connect(&server).await;
    assert_eq!(client.reply().await, ["220 fake.test ESMTP FakeSMTP"]);
    let ehlo = client.cmd("EHLO client.test").await;
    assert_eq!(
        ehlo,
        [
            "250-fake.test greets client.test",
            "250-PIPELINING",
            "250-SIZE 10240000",
            "250-STARTTLS",
            "250-ENHANCEDSTATUSCODES",
            "250 8BITMIME",
        ]
    );
    assert_eq!(client.cmd("NOOP").await, ["250 2.0.0 Ok"]);
    assert_eq!(
        client.cmd("VRFY x").await,
        ["502 5.5.2 Error: command not recognized"]
    );
    assert_eq!(client.cmd("QUIT").await, ["221 2.0.0 Bye"]);
    assert_eq!(client.line().await, None);
    assert!(server.wait_for_connection_closed(PROMPT).await);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn starttls_then_ehlo_offers_auth_instead_of_starttls() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = connect(&server).await;
    client.reply().await;
    client.cmd("EHLO client.test").await;
    client.cmd("STARTTLS").await;
    let tls = tls_handshake(client.io.into_inner(), "localhost")
        .await
        .unwrap();
    let mut client = Client::new(tls);
    let ehlo = client.cmd("EHLO client.test").await;
    assert!(
        ehlo.contains(&"250-AUTH PLAIN LOGIN".to_owned()),
        "{ehlo:?}"
    );
    assert!(
        !ehlo.iter().any(|line| line.contains("STARTTLS")),
        "{ehlo:?}"
    );
    assert_eq!(server.tls_handshakes(), 1);
}

#[tokio::test]
async fn auth_login_rejects_a_wrong_password_and_accepts_the_right_one() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = encrypted_session(&server).await;
    assert_eq!(client.cmd("AUTH LOGIN").await, ["334 VXNlcm5hbWU6"]);
    assert_eq!(client.cmd(&b64(TEST_USER)).await, ["334 UGFzc3dvcmQ6"]);
    assert_eq!(
        client.cmd(&b64("wrong")).await,
        ["535 5.7.8 Error: authentication failed: authentication failure"]
    );
    client.cmd("AUTH LOGIN").await;
    client.cmd(&b64(TEST_USER)).await;
    assert_eq!(
        client.cmd(&b64(TEST_PASSWORD)).await,
        ["235 2.7.0 Authentication successful"]
    );
    assert_eq!(server.auth_mechanisms_used(), ["LOGIN", "LOGIN"]);
    assert!(server.commands().contains(&b64(TEST_PASSWORD)));
}

#[tokio::test]
async fn auth_plain_accepts_initial_response_and_empty_challenge() {
    let server = TestServer::start(ServerConfig::default()).await;
    let credentials = b64(&format!("\0{TEST_USER}\0{TEST_PASSWORD}"));
    let mut first = encrypted_session(&server).await;
    assert_eq!(
        first.cmd(&format!("AUTH PLAIN {credentials}")).await,
        ["235 2.7.0 Authentication successful"]
    );
    let mut second = encrypted_session(&server).await;
    assert_eq!(second.cmd("auth plain").await, ["334 "]);
    assert_eq!(
        second.cmd(&credentials).await,
        ["235 2.7.0 Authentication successful"]
    );
    assert_eq!(server.auth_mechanisms_used(), ["PLAIN", "PLAIN"]);
}

#[tokio::test]
async fn auth_is_refused_before_tls_and_for_unadvertised_mechanisms() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = connect(&server).await;
    client.reply().await;
    client.cmd("EHLO client.test").await;
    let unrecognized = ["504 5.5.4 Unrecognized authentication type"];
    assert_eq!(client.cmd("AUTH LOGIN").await, unrecognized);
    let mut client = encrypted_session(&server).await;
    assert_eq!(client.cmd("AUTH CRAM-MD5").await, unrecognized);
}

#[tokio::test]
async fn require_tls_answers_530_to_mail_and_auth() {
    let server = TestServer::start(ServerConfig {
        require_tls: true,
        auth_before_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&server).await;
    client.reply().await;
    client.cmd("EHLO client.test").await;
    assert_eq!(
        client.cmd("MAIL FROM:<a@test.example>").await,
        [MUST_STARTTLS]
    );
    assert_eq!(client.cmd("AUTH PLAIN").await, [MUST_STARTTLS]);
}

#[tokio::test]
async fn silent_banner_never_answers() {
    let server = TestServer::start(ServerConfig {
        banner: Banner::Silent,
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&server).await;
    assert!(client.stays_silent().await);
    drop(client);
    assert!(server.wait_for_connection_closed(PROMPT).await);
}

#[tokio::test]
async fn http_and_reject_banners_close_the_connection() {
    let http = TestServer::start(ServerConfig {
        banner: Banner::Http,
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&http).await;
    assert_eq!(
        client.line().await.as_deref(),
        Some("HTTP/1.1 400 Bad Request")
    );
    while client.line().await.is_some() {}

    let reject = TestServer::start(ServerConfig {
        banner: Banner::Lines(vec!["554 5.7.1 go away".into()]),
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&reject).await;
    assert_eq!(client.reply().await, ["554 5.7.1 go away"]);
    assert_eq!(client.line().await, None);
}

#[tokio::test]
async fn garbage_banner_sends_non_utf8_bytes_and_stays_open() {
    let server = TestServer::start(ServerConfig {
        banner: Banner::Garbage,
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&server).await;
    let mut bytes = Vec::new();
    tokio::time::timeout(PROMPT, client.io.read_until(b'\n', &mut bytes))
        .await
        .unwrap()
        .unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(client.stays_silent().await);
    assert_eq!(server.closed_connections(), 0);
}

#[tokio::test]
async fn drop_at_mail_from_closes_without_reply() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::DropAt(Stage::MailFrom)),
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&server).await;
    client.reply().await;
    client.cmd("EHLO client.test").await;
    client.send("MAIL FROM:<a@test.example>").await;
    assert_eq!(client.line().await, None);
    assert!(server.wait_for_connection_closed(PROMPT).await);
    assert_eq!(
        server.commands().last().unwrap(),
        "MAIL FROM:<a@test.example>"
    );
}

#[tokio::test]
async fn stall_at_data_reads_the_command_and_never_answers() {
    let server = TestServer::start(ServerConfig {
        fault: Some(Fault::StallAt(Stage::Data)),
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&server).await;
    client.reply().await;
    client.cmd("EHLO client.test").await;
    client.cmd("MAIL FROM:<a@test.example>").await;
    client.cmd("RCPT TO:<b@test.example>").await;
    client.send("DATA").await;
    assert!(server.wait_for_command("data", PROMPT).await);
    assert!(client.stays_silent().await);
    assert!(!server.wait_for_command("QUIT", SILENCE).await);
}

#[tokio::test]
async fn implicit_tls_greets_after_the_handshake() {
    let server = TestServer::start(ServerConfig {
        implicit_tls: true,
        ..ServerConfig::default()
    })
    .await;
    let tcp = TcpStream::connect(server.addr()).await.unwrap();
    let mut client = Client::new(tls_handshake(tcp, "127.0.0.1").await.unwrap());
    assert_eq!(client.reply().await, ["220 fake.test ESMTP FakeSMTP"]);
    let ehlo = client.cmd("EHLO client.test").await;
    assert!(
        ehlo.contains(&"250-AUTH PLAIN LOGIN".to_owned()),
        "{ehlo:?}"
    );
    assert_eq!(server.tls_handshakes(), 1);
}

#[tokio::test]
async fn each_certificate_kind_verifies_or_fails_for_its_reason() {
    let expected_errors = [
        (CertKind::Valid, None),
        (CertKind::WrongName, Some("NotValidForName")),
        (CertKind::Expired, Some("Expired")),
        (CertKind::SelfSigned, Some("UnknownIssuer")),
    ];
    for (kind, expected) in expected_errors {
        let server = TestServer::start(ServerConfig {
            implicit_tls: true,
            cert: kind,
            ..ServerConfig::default()
        })
        .await;
        let tcp = TcpStream::connect(server.addr()).await.unwrap();
        let error = tls_handshake(tcp, "localhost").await.err();
        let error = error.map(|error| format!("{error:?}"));
        match expected {
            None => assert_eq!(error, None, "{kind:?}"),
            Some(reason) => assert!(error.unwrap().contains(reason), "{kind:?}"),
        }
    }
    assert!(TestPki::get().ca_pem_path().is_file());
}

#[tokio::test]
async fn full_send_records_the_unstuffed_message() {
    let server = TestServer::start(ServerConfig {
        require_auth: true,
        fault: Some(Fault::SlowLines(Duration::from_millis(1))),
        ..ServerConfig::default()
    })
    .await;
    let mut client = encrypted_session(&server).await;
    assert_eq!(
        client.cmd("MAIL FROM:<a@test.example>").await,
        ["530 5.7.0 Authentication required"]
    );
    let credentials = b64(&format!("\0{TEST_USER}\0{TEST_PASSWORD}"));
    client.cmd(&format!("AUTH PLAIN {credentials}")).await;
    assert_eq!(
        client.cmd("MAIL FROM:<a@test.example>").await,
        ["250 2.1.0 Ok"]
    );
    assert_eq!(
        client.cmd("RCPT TO:<b@test.example>").await,
        ["250 2.1.5 Ok"]
    );
    assert_eq!(
        client.cmd("DATA").await,
        ["354 End data with <CR><LF>.<CR><LF>"]
    );
    client
        .send("Subject: test\r\n\r\nHello\r\n..dotted\r\n.")
        .await;
    assert_eq!(client.reply().await, ["250 2.0.0 Ok: queued as TEST123"]);
    assert_eq!(client.cmd("QUIT").await, ["221 2.0.0 Bye"]);
    assert_eq!(
        server.messages(),
        ["Subject: test\r\n\r\nHello\r\n.dotted\r\n"]
    );
}

#[tokio::test]
async fn ehlo_override_forces_helo_and_wait_for_command_resolves() {
    let server = TestServer::start(ServerConfig {
        ehlo_reply: Some(vec!["500 5.5.1 unrecognized command".into()]),
        ..ServerConfig::default()
    })
    .await;
    let mut client = connect(&server).await;
    client.reply().await;
    assert_eq!(
        client.cmd("EHLO client.test").await,
        ["500 5.5.1 unrecognized command"]
    );
    let (seen, reply) = tokio::join!(
        server.wait_for_command("helo ", PROMPT),
        client.cmd("HELO client.test")
    );
    assert!(seen);
    assert_eq!(reply, ["250 fake.test"]);
    assert!(
        !server
            .wait_for_command("MAIL", Duration::from_millis(50))
            .await
    );
}

#[tokio::test]
async fn dropping_the_server_closes_open_connections() {
    let server = TestServer::start(ServerConfig::default()).await;
    let mut client = connect(&server).await;
    client.reply().await;
    drop(server);
    assert_eq!(client.line().await, None);
}
