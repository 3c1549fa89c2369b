//! What the user asks for: an email address or a host, the ports, the limits, the target.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::settings::Target;

/// The ports tried when the user names none: submission, submissions, relay, the usual
/// alternative.
pub const DEFAULT_PORTS: [u16; 4] = [587, 465, 25, 2525];

/// How many probes run at once.
pub const DEFAULT_CONCURRENCY: usize = 16;

/// Where the search starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// An email address: its domain is searched (SRV, MX, autoconfig, usual names).
    Email(String),
    /// A server name: probed itself; its domain is searched as well.
    Host(String),
}

/// Everything finding the settings needs.
#[derive(Debug, Clone)]
pub struct DiscoveryRequest {
    /// The email address or host.
    pub start: Start,
    /// Ports to try on every candidate (SRV and autoconfig ports are added).
    pub ports: Vec<u16>,
    /// The limit for each probe (connect, greeting and everything after).
    pub timeout: Duration,
    /// A DNS server to ask instead of the system's.
    pub dns_server: Option<SocketAddr>,
    /// Which program the ranking is for.
    pub target: Target,
    /// Extra trusted certificate authorities (PEM), for SMTP and the autoconfig download.
    pub ca_file: Option<PathBuf>,
    /// Count servers with an invalid certificate as usable.
    pub accept_invalid_certs: bool,
    /// The HTTPS port for autoconfig files (443; tests use their own).
    pub autoconfig_port: u16,
    /// How many probes run at once.
    pub concurrency: usize,
    /// The pause between the starts of two probes.
    pub stagger: Duration,
}

impl DiscoveryRequest {
    /// A request with the usual values for `start`.
    pub fn new(start: Start) -> Self {
        Self {
            start,
            ports: DEFAULT_PORTS.to_vec(),
            timeout: Duration::from_secs(10),
            dns_server: None,
            target: Target::DotNet,
            ca_file: None,
            accept_invalid_certs: false,
            autoconfig_port: 443,
            concurrency: DEFAULT_CONCURRENCY,
            stagger: Duration::from_millis(10),
        }
    }

    /// The domain to search: the part after `@`, or the host itself, lower case, without a
    /// trailing dot. `None` when there is nothing usable.
    pub fn domain(&self) -> Option<String> {
        let raw = match &self.start {
            Start::Email(email) => email.rsplit_once('@').map(|(_, domain)| domain)?,
            Start::Host(host) => host.as_str(),
        };
        crate::dns::ascii_name(raw)
    }
}

/// The request cannot be carried out.
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    /// No domain in the email address or host.
    #[error(
        "\"{given}\" is not an email address or server name we can search; give one like \
         --email you@example.com or --host mail.example.com"
    )]
    NoDomain {
        /// What was given (shown last, as the user typed it).
        given: String,
    },
    /// The DNS resolver could not be set up.
    #[error(transparent)]
    Dns(#[from] crate::dns::DnsError),
    /// The extra CA file could not be used.
    #[error(
        "could not use the certificate file ({detail}); give a PEM or DER (.cer) file with --ca-file: {path}"
    )]
    CaFile {
        /// The path given.
        path: String,
        /// What went wrong.
        detail: String,
    },
}
