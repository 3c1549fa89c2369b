//! The server's certificate, summarised for people: who it is for, who vouches for it, until when.

use serde::Serialize;
use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};

/// The facts a site owner (or support) needs about a server certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateInfo {
    /// The subject, e.g. `CN=mail.example.com`.
    pub subject: String,
    /// The names the certificate is valid for (DNS names and IP addresses).
    pub names: Vec<String>,
    /// Who issued it, e.g. `CN=R11, O=Let's Encrypt, C=US`.
    pub issuer: String,
    /// Start of validity (RFC 2822 form).
    pub not_before: String,
    /// End of validity (RFC 2822 form).
    pub not_after: String,
    /// Whether the end of validity has passed.
    pub expired: bool,
    /// Whether the certificate signs itself (subject equals issuer).
    pub self_signed: bool,
    /// SHA-256 of the DER bytes, as colon-separated upper-case hex.
    pub sha256: String,
    /// The public key's type and size, e.g. `RSA 2048 bits`, `EC 256 bits`, `Ed25519`.
    pub key: String,
}

use crate::untrusted::displayable_str;

impl CertificateInfo {
    /// Parses a DER certificate. Returns `None` for bytes that are not a certificate.
    pub fn from_der(der: &[u8]) -> Option<Self> {
        let (_, cert) = X509Certificate::from_der(der).ok()?;
        let mut names = Vec::new();
        if let Ok(Some(san)) = cert.subject_alternative_name() {
            for name in &san.value.general_names {
                match name {
                    GeneralName::DNSName(dns) => names.push(displayable_str(dns)),
                    GeneralName::IPAddress(bytes) => {
                        if let Some(ip) = ip_from_bytes(bytes) {
                            names.push(ip);
                        }
                    }
                    _ => {}
                }
            }
        }
        if names.is_empty()
            && let Some(cn) = cert.subject().iter_common_name().next()
            && let Ok(cn) = cn.as_str()
        {
            names.push(displayable_str(cn));
        }
        let validity = cert.validity();
        Some(Self {
            subject: displayable_str(&cert.subject().to_string()),
            names,
            issuer: displayable_str(&cert.issuer().to_string()),
            not_before: validity.not_before.to_rfc2822().unwrap_or_default(),
            not_after: validity.not_after.to_rfc2822().unwrap_or_default(),
            expired: !validity.is_valid() && validity.time_to_expiration().is_none(),
            self_signed: cert.subject() == cert.issuer(),
            sha256: fingerprint(der),
            key: key_label(&cert),
        })
    }

    /// Whether the certificate names `host` (exactly or through a one-label wildcard).
    pub fn covers(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.names.iter().any(|name| {
            let name = name.to_ascii_lowercase();
            if let Some(suffix) = name.strip_prefix("*.") {
                host.split_once('.')
                    .is_some_and(|(label, rest)| !label.is_empty() && rest == suffix)
            } else {
                name == host
            }
        })
    }
}

/// The public key's type and size, for people.
fn key_label(cert: &X509Certificate<'_>) -> String {
    use x509_parser::public_key::PublicKey;
    match cert.public_key().parsed() {
        Ok(PublicKey::RSA(rsa)) => crate::en!("RSA {bits} bits", bits = rsa.key_size()),
        Ok(PublicKey::EC(ec)) => crate::en!("EC {bits} bits", bits = ec.key_size()),
        Ok(PublicKey::DSA(_)) => "DSA".to_owned(),
        _ => match cert
            .public_key()
            .algorithm
            .algorithm
            .to_id_string()
            .as_str()
        {
            "1.3.101.112" => "Ed25519".to_owned(),
            "1.3.101.113" => "Ed448".to_owned(),
            other => crate::en!("other ({algorithm})", algorithm = other),
        },
    }
}

fn ip_from_bytes(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => {
            let octets: [u8; 4] = bytes.try_into().ok()?;
            Some(std::net::Ipv4Addr::from(octets).to_string())
        }
        16 => {
            let octets: [u8; 16] = bytes.try_into().ok()?;
            Some(std::net::Ipv6Addr::from(octets).to_string())
        }
        _ => None,
    }
}

/// SHA-256 of `der` as `AB:CD:...`.
pub fn fingerprint(der: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, der);
    digest
        .as_ref()
        .iter()
        .map(|byte| format!("{byte:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(names: &[&str]) -> CertificateInfo {
        CertificateInfo {
            subject: String::new(),
            names: names.iter().map(|n| (*n).to_owned()).collect(),
            issuer: String::new(),
            not_before: String::new(),
            not_after: String::new(),
            expired: false,
            self_signed: false,
            sha256: String::new(),
            key: String::new(),
        }
    }

    #[test]
    fn wildcard_covers_one_label_only() {
        let cert = info(&["*.web-hosting.com", "web-hosting.com"]);
        assert!(cert.covers("server1.web-hosting.com"));
        assert!(cert.covers("web-hosting.com"));
        assert!(!cert.covers("a.b.web-hosting.com"));
        assert!(!cert.covers("mail.customer.example"));
    }

    #[test]
    fn garbage_is_not_a_certificate() {
        assert!(CertificateInfo::from_der(b"not a certificate").is_none());
    }

    #[test]
    fn fingerprint_is_colon_hex() {
        let print = fingerprint(b"abc");
        assert_eq!(print.len(), 32 * 3 - 1);
        assert!(print.starts_with("BA:78:16:BF"));
    }
}
