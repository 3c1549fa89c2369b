//! The server the mail goes through: its name, its addresses and the provider behind it.

use std::net::IpAddr;

use crate::providers::Provider;

/// What the checks know about the sending server.
#[derive(Debug, Clone, Default)]
pub struct Server {
    /// The host name or address given.
    pub host: Option<String>,
    /// Its addresses (empty when unknown).
    pub addresses: Vec<IpAddr>,
    /// The provider behind it, from the provider table.
    pub provider: Option<&'static Provider>,
}

impl Server {
    /// What to add to an SPF record so it authorises this server: the provider's include, or
    /// the server's own addresses.
    pub fn spf_terms(&self) -> Vec<String> {
        if let Some(include) = self.provider.and_then(|p| p.spf_includes.first()) {
            return vec![format!("include:{include}")];
        }
        self.addresses
            .iter()
            .map(|ip| match ip {
                IpAddr::V4(v4) => format!("ip4:{v4}"),
                IpAddr::V6(v6) => format!("ip6:{v6}"),
            })
            .collect()
    }

    /// The server in words: "SendGrid (smtp.sendgrid.net)" or "mail.example.com".
    pub fn described(&self) -> String {
        let host = self
            .host
            .as_deref()
            .unwrap_or(crate::en!("your mail server"));
        match self.provider {
            Some(provider) => format!("{} ({host})", provider.name),
            None => host.to_owned(),
        }
    }
}
