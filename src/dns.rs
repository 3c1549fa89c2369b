//! DNS look-ups for the tester (hickory-resolver): the system's resolver configuration, or one
//! DNS server the user names (`--dns-server IP:PORT`, asked over UDP and TCP). Finding the
//! settings uses it, and so do the "will it arrive?" checks (SPF, DKIM, DMARC), whose SPF
//! evaluator (mail-auth) wraps the same resolver.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;

/// How long one DNS question may take before the resolver gives up on a server.
const QUERY_TIMEOUT: Duration = Duration::from_secs(3);

/// The resolver could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum DnsError {
    /// The system's DNS configuration could not be read.
    #[error(
        "could not read this computer's DNS settings ({detail}); name a DNS server with \
         --dns-server, for example --dns-server 1.1.1.1:53"
    )]
    SystemConfig {
        /// What the resolver library said.
        detail: String,
    },
    /// The resolver could not be built from the configuration.
    #[error("could not set up DNS look-ups ({detail}); check --dns-server")]
    Build {
        /// What the resolver library said.
        detail: String,
    },
}

/// A resolver that uses `dns_server` (UDP and TCP on its port) when given, or else the system's
/// configuration (`/etc/resolv.conf` on Unix, the registry on Windows).
pub fn resolver(dns_server: Option<SocketAddr>) -> Result<TokioResolver, DnsError> {
    let mut builder = match dns_server {
        Some(server) => {
            let mut udp = ConnectionConfig::udp();
            udp.port = server.port();
            let mut tcp = ConnectionConfig::tcp();
            tcp.port = server.port();
            let name_server = NameServerConfig::new(server.ip(), true, vec![udp, tcp]);
            TokioResolver::builder_with_config(
                ResolverConfig::from_name_servers(vec![name_server]),
                TokioRuntimeProvider::default(),
            )
        }
        None => TokioResolver::builder_tokio().map_err(|err| DnsError::SystemConfig {
            detail: err.to_string(),
        })?,
    };
    let options = builder.options_mut();
    options.timeout = QUERY_TIMEOUT;
    options.attempts = 1;
    builder.build().map_err(|err| DnsError::Build {
        detail: err.to_string(),
    })
}

/// mail-auth's SPF evaluator over [`resolver`], so SPF is evaluated against the same DNS
/// server as every other look-up.
pub fn authenticator(
    dns_server: Option<SocketAddr>,
) -> Result<mail_auth::MessageAuthenticator, DnsError> {
    resolver(dns_server).map(mail_auth::MessageAuthenticator)
}

/// `raw` as a name DNS can look up: trimmed, without a trailing dot, international names in
/// their ASCII (punycode) form, lower case; `None` when it is not a valid name (an empty label,
/// a label over 63 or a name over 253 characters, or a character no host name has).
pub fn ascii_name(raw: &str) -> Option<String> {
    let name = idna::domain_to_ascii(raw.trim().trim_end_matches('.')).ok()?;
    let valid = !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
    valid.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_named_server_builds() {
        let server: SocketAddr = "127.0.0.1:5353".parse().unwrap();
        assert!(resolver(Some(server)).is_ok());
    }
}
