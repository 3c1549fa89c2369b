//! What the user asks for: the `from` address, the server the mail goes through, the DNS server.

use std::net::SocketAddr;

/// Everything the checks need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsCheckRequest {
    /// The `from` address (`site@example.com`); its domain is checked.
    pub from: String,
    /// The SMTP server the mail goes through (`smtp.sendgrid.net`, or an IP address); without
    /// it, SPF is not evaluated for a server and DKIM is not checked.
    pub host: Option<String>,
    /// A DNS server to ask instead of the system's.
    pub dns_server: Option<SocketAddr>,
}

impl DnsCheckRequest {
    /// A request for `from` through `host`, with the system's DNS.
    pub fn new(from: impl Into<String>, host: Option<String>) -> Self {
        Self {
            from: from.into(),
            host: host.filter(|h| !h.trim().is_empty()),
            dns_server: None,
        }
    }

    /// The domain after the `@`, in its ASCII (punycode) form, lower case, without a trailing
    /// dot; `None` when there is no usable domain.
    pub fn from_domain(&self) -> Option<String> {
        let (_, raw) = self.from.trim().rsplit_once('@')?;
        // A mail domain has a dot: `user@localhost` is not one DNS can vouch for.
        crate::dns::ascii_name(raw.trim_end_matches('>')).filter(|domain| domain.contains('.'))
    }
}

/// The checks cannot be carried out.
#[derive(Debug, thiserror::Error)]
pub enum ArriveError {
    /// No domain in the `from` address.
    #[error(
        "\"{given}\" is not an email address whose domain we can check; give one like \
         --from site@example.com"
    )]
    NoDomain {
        /// What was given (shown last, as the user typed it).
        given: String,
    },
    /// The DNS resolver could not be set up.
    #[error(transparent)]
    Dns(#[from] crate::dns::DnsError),
}
