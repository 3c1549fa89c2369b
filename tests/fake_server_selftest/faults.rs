//! The fake server's faults: silent, HTTP, rejecting and garbage banners, drops and stalls,
//! implicit TLS and each kind of certificate.

use super::*;

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
