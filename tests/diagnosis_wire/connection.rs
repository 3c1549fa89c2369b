//! The connection-level ids, which need no scripted server: an unknown host, a closed port,
//! a listener that never accepts.

use std::time::Duration;

use mail_settings_tester::diagnosis::{DiagnosisId, diagnose};
use tokio::net::{TcpSocket, TcpStream};

use super::{base, report_for};

#[tokio::test]
async fn unknown_host_is_dns_not_found() {
    let mut settings = base(587);
    settings.host = "no-such-host.invalid".into();
    let report = report_for(&settings).await;
    assert_eq!(
        diagnose(&settings, &report).map(|d| d.id),
        Some(DiagnosisId::DnsNotFound)
    );
}

#[tokio::test]
async fn closed_port_is_connection_refused() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut settings = base(port);
    settings.host = "127.0.0.1".into();
    let report = report_for(&settings).await;
    assert_eq!(
        diagnose(&settings, &report).map(|d| d.id),
        Some(DiagnosisId::ConnectionRefused)
    );
}

#[tokio::test]
async fn a_listener_that_never_accepts_is_connection_timeout() {
    // A listener with a full accept queue drops new SYNs: the connection attempt hangs.
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(0).unwrap();
    let address = listener.local_addr().unwrap();
    let mut held = Vec::new();
    while let Ok(Ok(stream)) =
        tokio::time::timeout(Duration::from_millis(300), TcpStream::connect(address)).await
    {
        held.push(stream);
        assert!(held.len() < 64, "the accept queue never filled");
    }
    let mut settings = base(address.port());
    settings.host = "127.0.0.1".into();
    settings.timeouts.connect_secs = 1;
    let report = report_for(&settings).await;
    assert_eq!(
        diagnose(&settings, &report).map(|d| d.id),
        Some(DiagnosisId::ConnectionTimeout)
    );
}
