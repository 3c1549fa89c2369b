//! Second looks at a port, when the first attempt did not make sense: each on a fresh
//! connection, each bounded by a short limit and the cancel token.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

use super::Session;
use super::connection::{Connection, Stream};
use super::tls::{TlsSetup, server_name};
use super::wait::{Waited, bounded};

/// Probes never wait longer than this, whatever the session's own limits.
const MAX_PROBE: Duration = Duration::from_secs(5);

/// The limit for a probe: the greeting limit, capped.
pub fn probe_limit(greeting: Duration) -> Duration {
    greeting.min(MAX_PROBE)
}

/// Connects to `address` and returns the first line if it is an SMTP `220` greeting.
pub async fn plain_banner(
    address: SocketAddr,
    limit: Duration,
    cancel: &CancellationToken,
) -> Option<String> {
    let attempt = async {
        let tcp = TcpStream::connect(address).await.ok()?;
        let mut conn = Connection::new(Stream::Plain(tcp));
        let line = conn.read_line().await.ok()?;
        line.starts_with("220").then_some(line)
    };
    match bounded(cancel, limit, attempt).await {
        Waited::Done(banner) => banner,
        Waited::TimedOut | Waited::Cancelled => None,
    }
}

/// Whether `address` completes a TLS handshake right after connecting (any certificate).
pub async fn speaks_tls(
    address: SocketAddr,
    host: &str,
    limit: Duration,
    cancel: &CancellationToken,
) -> bool {
    let Ok(setup) = TlsSetup::new(None, true, super::tls::Trust::PublicRoots) else {
        return false;
    };
    let Ok(name) = server_name(host) else {
        return false;
    };
    let attempt = async {
        let tcp = TcpStream::connect(address).await.ok()?;
        setup.connector.connect(name, tcp).await.ok()
    };
    matches!(bounded(cancel, limit, attempt).await, Waited::Done(Some(_)))
}

impl Session<'_> {
    /// After a failed implicit-TLS handshake: does the port greet in plain text instead?
    pub(super) async fn probe_plain_banner(&mut self) -> Option<String> {
        let address = self.addr?;
        self.rec
            .info("checking whether this port expects plain text and STARTTLS instead");
        let limit = probe_limit(self.plan.timeouts.greeting());
        // Shown as any server line is: hidden when it carries the password.
        let banner = plain_banner(address, limit, &self.cancel)
            .await
            .map(|banner| self.rec.server_text(&banner));
        if let Some(banner) = &banner {
            self.rec
                .info(&format!("this port greets in plain text: {banner}"));
        }
        banner
    }

    /// After a missing greeting: does the port speak TLS from the first byte (port 465 style)?
    pub(super) async fn probe_speaks_tls(&mut self) -> bool {
        let Some(address) = self.addr else {
            return false;
        };
        self.rec
            .info("checking whether this port expects SSL on connect");
        let limit = probe_limit(self.plan.timeouts.greeting());
        let speaks = speaks_tls(address, &self.plan.host, limit, &self.cancel).await;
        self.rec.info(if speaks {
            "this port answers a TLS handshake: it expects SSL on connect"
        } else {
            "this port does not answer a TLS handshake either"
        });
        speaks
    }
}
