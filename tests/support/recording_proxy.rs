//! A TCP proxy in front of a real server (Postfix) that records what the client sends, as our
//! fake server does, until the connection is encrypted (STARTTLS): after that it only relays.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::support::smtp_server::Record;

/// What stands in the record for the commands sent once the connection is encrypted.
pub const ENCRYPTED: &str = "(encrypted from here)";

/// A running proxy; stops when dropped.
pub struct RecordingProxy {
    port: u16,
    log: Arc<crate::support::smtp_server::Observations>,
    task: JoinHandle<()>,
}

impl RecordingProxy {
    /// Listens on 127.0.0.1 and relays every connection to `upstream`.
    pub async fn start(upstream: SocketAddr) -> RecordingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let log = Arc::new(crate::support::smtp_server::Observations::default());
        let task = tokio::spawn(accept_loop(listener, upstream, log.clone()));
        RecordingProxy { port, log, task }
    }

    /// The port clients connect to.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.log.read(|record| record.connections)
    }

    /// The client's lines (message bodies left out) once every connection has ended.
    pub async fn commands_when_closed(&self, timeout: Duration) -> Option<Vec<String>> {
        let closed = self
            .log
            .wait_until(timeout, |record| record.closed == record.connections)
            .await;
        closed.then(|| self.log.read(|record: &Record| record.commands.clone()))
    }
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(
    listener: TcpListener,
    upstream: SocketAddr,
    log: Arc<crate::support::smtp_server::Observations>,
) {
    loop {
        let Ok((client, _)) = listener.accept().await else {
            continue;
        };
        log.update(|record| record.connections += 1);
        let log = log.clone();
        tokio::spawn(async move {
            if let Ok(server) = TcpStream::connect(upstream).await {
                relay(client, server, &log).await;
            }
            log.update(|record| record.closed += 1);
        });
    }
}

/// Relays both ways; records client lines until STARTTLS, skipping message bodies.
async fn relay(
    client: TcpStream,
    server: TcpStream,
    log: &crate::support::smtp_server::Observations,
) {
    let (client_read, mut client_write) = client.into_split();
    let (mut server_read, mut server_write) = server.into_split();
    let downstream = tokio::spawn(async move {
        let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
        let _ = client_write.shutdown().await;
    });
    let mut reader = BufReader::new(client_read);
    let mut in_body = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        if server_write.write_all(&line).await.is_err() {
            break;
        }
        let text = String::from_utf8_lossy(&line)
            .trim_end_matches(['\r', '\n'])
            .to_owned();
        if in_body {
            in_body = text != ".";
            continue;
        }
        in_body = text.eq_ignore_ascii_case("DATA");
        log.update(|record| record.commands.push(text.clone()));
        if text.eq_ignore_ascii_case("STARTTLS") {
            log.update(|record| record.commands.push(ENCRYPTED.to_owned()));
            // Whatever follows is TLS: relay it unread.
            let buffered = reader.buffer().to_vec();
            if server_write.write_all(&buffered).await.is_err() {
                break;
            }
            let mut rest = reader.into_inner();
            let _ = tokio::io::copy(&mut rest, &mut server_write).await;
            break;
        }
    }
    let _ = server_write.shutdown().await;
    let _ = downstream.await;
}
