//! A tiny HTTPS server on 127.0.0.1 for autoconfig tests: it answers `GET <path>` (query string
//! ignored) with one body, anything else with 404, and records each request line.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;

use crate::support::pki::{CertKind, TestPki};

/// A running HTTPS server; stops when dropped.
pub struct HttpsServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
    task: JoinHandle<()>,
}

impl HttpsServer {
    /// Serves `body` (as XML) at `path`, with the certificate `cert`.
    pub async fn start(path: &'static str, body: String, cert: CertKind) -> HttpsServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind HTTPS");
        let addr = listener.local_addr().expect("HTTPS address");
        let acceptor = TlsAcceptor::from(TestPki::get().server_config(cert));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        let body = Arc::new(body);
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (acceptor, log, body) = (acceptor.clone(), log.clone(), body.clone());
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let mut head = Vec::new();
                    let mut buf = [0u8; 1024];
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16_384 {
                        match tls.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buf[..n]),
                        }
                    }
                    let text = String::from_utf8_lossy(&head).into_owned();
                    let line = text.lines().next().unwrap_or_default().to_owned();
                    log.lock().unwrap().push(line.clone());
                    let target = line.split(' ').nth(1).unwrap_or_default();
                    let found = target.split('?').next() == Some(path);
                    let response = if found {
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        )
                    } else {
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .to_owned()
                    };
                    let _ = tls.write_all(response.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        HttpsServer {
            addr,
            requests,
            task,
        }
    }

    /// The port to give as the autoconfig port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request line received (`GET /mail/config-v1.1.xml?... HTTP/1.1`).
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for HttpsServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
