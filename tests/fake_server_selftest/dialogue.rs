//! The fake server's SMTP dialogue: EHLO, STARTTLS, AUTH LOGIN and PLAIN, required TLS, a
//! full send, EHLO overrides and shutdown.

use super::*;

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
