//! A scriptable, fault-injecting SMTP server on 127.0.0.1 for integration tests.
//!
//! `TestServer::start(ServerConfig::default()).await` gives a friendly STARTTLS server; change
//! fields of [`ServerConfig`] to script failures. Every connection is served by its own task;
//! dropping the [`TestServer`] stops the listener and every connection.

mod auth;
mod config;
mod envelope;
mod hostile;
mod line_io;
mod log;
mod session;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};
use tokio_rustls::TlsAcceptor;

pub use config::{
    Banner, Fault, HOST, LoginInitialResponse, ServerConfig, Stage, TEST_PASSWORD, TEST_USER,
};
pub use line_io::MAX_LINE;
pub use log::{Observations, Record};
pub use session::MUST_STARTTLS;

use crate::support::pki::TestPki;

/// A running fake SMTP server; stops when dropped.
pub struct TestServer {
    addr: SocketAddr,
    log: Arc<Observations>,
    accept_task: JoinHandle<()>,
}

impl TestServer {
    /// Binds 127.0.0.1 on an ephemeral port and starts accepting connections.
    pub async fn start(config: ServerConfig) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("listener address");
        let tls = TlsAcceptor::from(TestPki::get().server_config(config.cert));
        let log = Arc::new(Observations::default());
        let accept_task = tokio::spawn(accept_loop(listener, Arc::new(config), tls, log.clone()));
        TestServer {
            addr,
            log,
            accept_task,
        }
    }

    /// The listening port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The listening address (127.0.0.1 and the port).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every line the client sent outside message bodies, in order, across connections,
    /// exactly as received (AUTH responses included, nothing redacted).
    pub fn commands(&self) -> Vec<String> {
        self.log.read(|record| record.commands.clone())
    }

    /// Message bodies received via DATA (dot-unstuffed, lines ending in CRLF), whatever the
    /// reply to the final dot was.
    pub fn messages(&self) -> Vec<String> {
        self.log.read(|record| record.messages.clone())
    }

    /// The mechanism of every AUTH command received, upper-cased.
    pub fn auth_mechanisms_used(&self) -> Vec<String> {
        self.log.read(|record| record.auth_mechanisms.clone())
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.log.read(|record| record.connections)
    }

    /// Connections that have ended so far.
    pub fn closed_connections(&self) -> usize {
        self.log.read(|record| record.closed)
    }

    /// Successful TLS handshakes so far (implicit TLS or STARTTLS).
    pub fn tls_handshakes(&self) -> usize {
        self.log.read(|record| record.tls_handshakes)
    }

    /// A copy of everything observed so far.
    pub fn record(&self) -> Record {
        self.log.read(Record::clone)
    }

    /// Resolves `true` once a command starting with `prefix` (any case) has been received,
    /// `false` if none arrives within `timeout`.
    pub async fn wait_for_command(&self, prefix: &str, timeout: Duration) -> bool {
        self.log
            .wait_until(timeout, |record| {
                record.commands.iter().any(|command| {
                    command
                        .get(..prefix.len())
                        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
                })
            })
            .await
    }

    /// Resolves `true` once at least one connection was accepted and every accepted connection
    /// has ended, `false` if that does not happen within `timeout`.
    pub async fn wait_for_connection_closed(&self, timeout: Duration) -> bool {
        self.log
            .wait_until(timeout, |record| {
                record.connections > 0 && record.closed == record.connections
            })
            .await
    }

    /// Resolves `true` once at least `count` connections have ended, `false` after `timeout`.
    pub async fn wait_for_closed_connections(&self, count: usize, timeout: Duration) -> bool {
        self.log
            .wait_until(timeout, |record| record.closed >= count)
            .await
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // Dropping the accept task drops its JoinSet, which aborts every connection task.
        self.accept_task.abort();
    }
}

async fn accept_loop(
    listener: TcpListener,
    config: Arc<ServerConfig>,
    tls: TlsAcceptor,
    log: Arc<Observations>,
) {
    let mut connections = JoinSet::new();
    loop {
        let Ok((tcp, _peer)) = listener.accept().await else {
            continue;
        };
        while connections.try_join_next().is_some() {}
        log.update(|record| record.connections += 1);
        let (config, tls, log) = (config.clone(), tls.clone(), log.clone());
        connections.spawn(async move {
            session::serve(tcp, config, tls, log.clone()).await;
            log.update(|record| record.closed += 1);
        });
    }
}
