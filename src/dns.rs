//! DNS look-ups for the tester (hickory-resolver): the system's resolver configuration, or one
//! DNS server the user names (`--dns-server IP:PORT`, asked over UDP and TCP). Finding the
//! settings uses it, and so do the "will it arrive?" checks (SPF, DKIM, DMARC), whose SPF
//! evaluator (mail-auth) wraps the same resolver.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
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

/// The public DNS servers used when this computer's own cannot be found (Cloudflare, Google).
const PUBLIC_SERVERS: [IpAddr; 2] = [
    IpAddr::V4(Ipv4Addr::new(1, 1, 1, 1)),
    IpAddr::V4(Ipv4Addr::new(8, 8, 8, 8)),
];

/// A resolver, and what it uses instead of this computer's DNS settings when those could not
/// be read as they are (to tell the user).
pub struct Resolver {
    /// The resolver.
    pub resolver: TokioResolver,
    /// `Some` when the system's settings could not be read: which servers are used instead.
    pub fallback: Option<String>,
}

/// A resolver that uses `dns_server` (UDP and TCP on its port) when given, or else the system's
/// configuration (`/etc/resolv.conf` on Unix, the System Configuration on macOS, the registry on
/// Windows; see [`resolver_noting`] for when that cannot be read).
pub fn resolver(dns_server: Option<SocketAddr>) -> Result<TokioResolver, DnsError> {
    resolver_noting(dns_server).map(|found| found.resolver)
}

/// [`resolver`], saying so when it could not use the system's DNS settings as they are. That
/// happens on macOS when a DNS server has a scope (`fe80::1%en0`, a router's link-local IPv6
/// address), which the resolver library cannot read: then the other servers of
/// `/etc/resolv.conf` are used, or, when none is left, public DNS servers.
pub fn resolver_noting(dns_server: Option<SocketAddr>) -> Result<Resolver, DnsError> {
    let (builder, fallback) = match dns_server {
        Some(server) => (builder_for(&[server]), None),
        None => match TokioResolver::builder_tokio() {
            Ok(builder) => (builder, None),
            Err(err) => {
                let usable = std::fs::read_to_string("/etc/resolv.conf")
                    .map(|text| usable_name_servers(&text))
                    .unwrap_or_default();
                let public = usable.is_empty();
                let servers = if public {
                    PUBLIC_SERVERS.to_vec()
                } else {
                    usable
                };
                let addresses: Vec<SocketAddr> =
                    servers.iter().map(|ip| SocketAddr::new(*ip, 53)).collect();
                let list = servers
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                let note = if public {
                    crate::en!(
                        "could not read all of this computer's DNS settings ({error}); using the \
                         public DNS servers {servers}. Name another with the DNS server setting \
                         (--dns-server).",
                        error = err,
                        servers = list,
                    )
                } else {
                    crate::en!(
                        "could not read all of this computer's DNS settings ({error}); using its \
                         other DNS servers ({servers}). Name another with the DNS server setting \
                         (--dns-server).",
                        error = err,
                        servers = list,
                    )
                };
                (builder_for(&addresses), Some(note))
            }
        },
    };
    build(builder).map(|resolver| Resolver { resolver, fallback })
}

/// The name servers of a `resolv.conf` text that can be used without a scope: a scoped address
/// (`fe80::1%en0`) and anything that is not an address are left out.
pub fn usable_name_servers(resolv_conf: &str) -> Vec<IpAddr> {
    resolv_conf
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("nameserver"))
                .then(|| words.next())
                .flatten()
        })
        .filter(|address| !address.contains('%'))
        .filter_map(|address| address.parse().ok())
        .collect()
}

/// A resolver builder asking `servers` (UDP and TCP on each one's port).
fn builder_for(servers: &[SocketAddr]) -> hickory_resolver::ResolverBuilder<TokioRuntimeProvider> {
    let name_servers = servers
        .iter()
        .map(|server| {
            let mut udp = ConnectionConfig::udp();
            udp.port = server.port();
            let mut tcp = ConnectionConfig::tcp();
            tcp.port = server.port();
            NameServerConfig::new(server.ip(), true, vec![udp, tcp])
        })
        .collect();
    TokioResolver::builder_with_config(
        ResolverConfig::from_name_servers(name_servers),
        TokioRuntimeProvider::default(),
    )
}

/// The resolver with our limits: one try per server, a few seconds each.
fn build(
    mut builder: hickory_resolver::ResolverBuilder<TokioRuntimeProvider>,
) -> Result<TokioResolver, DnsError> {
    let options = builder.options_mut();
    options.timeout = QUERY_TIMEOUT;
    options.attempts = 1;
    builder.build().map_err(|err| DnsError::Build {
        detail: err.to_string(),
    })
}

/// A DNS server as a user writes it: an IP address with an optional port (53 by default),
/// `1.1.1.1`, `1.1.1.1:5353`, `[2606:4700::1111]:53`.
pub fn parse_server(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    text.parse::<SocketAddr>()
        .or_else(|_| text.parse::<IpAddr>().map(|ip| SocketAddr::new(ip, 53)))
        .map_err(|_| {
            crate::en!(
                "\"{text}\" is not an IP address with an optional port, like 1.1.1.1:53",
                text = text,
            )
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

    /// macOS lists a router's link-local IPv6 DNS server with its scope; the address parser the
    /// resolver library uses for the system settings refuses it, which is why we fall back.
    #[test]
    fn a_scoped_dns_server_is_left_out_and_the_others_kept() {
        assert!(
            "fe80::1%en0".parse::<IpAddr>().is_err(),
            "what the library meets"
        );
        let resolv_conf = "# macOS\nsearch home\nnameserver fe80::1%en0\nnameserver 192.168.1.1\nnameserver 2001:db8::53\nnameserver not-an-address\n";
        assert_eq!(
            usable_name_servers(resolv_conf),
            vec![
                "192.168.1.1".parse::<IpAddr>().unwrap(),
                "2001:db8::53".parse().unwrap()
            ]
        );
        assert!(usable_name_servers("nameserver fe80::1%en0\n").is_empty());
    }

    #[tokio::test]
    async fn the_fallback_servers_build_a_resolver() {
        let servers = [SocketAddr::new(PUBLIC_SERVERS[0], 53)];
        assert!(build(builder_for(&servers)).is_ok());
    }

    #[tokio::test]
    async fn a_named_server_builds() {
        let server: SocketAddr = "127.0.0.1:5353".parse().unwrap();
        assert!(resolver(Some(server)).is_ok());
    }
}
