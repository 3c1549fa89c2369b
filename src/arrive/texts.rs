//! Findings shared by several checks.

use super::model::{Finding, FindingId, Severity};

/// A DNS look-up a check needs.
#[derive(Debug, Clone, Copy)]
pub enum Lookup<'a> {
    /// The TXT records of the domain (its SPF record).
    SpfRecord(&'a str),
    /// The whole SPF check of the domain (the look-ups its record leads to).
    SpfCheck(&'a str),
    /// The DMARC record at this name (`_dmarc.DOMAIN`).
    DmarcRecord(&'a str),
    /// The addresses of the server.
    Addresses(&'a str),
}

/// A look-up failed: the check is incomplete, not failed.
pub fn lookup_failed(what: Lookup<'_>, why: &str) -> Finding {
    let (title, explanation) = match what {
        Lookup::SpfRecord(domain) => (
            crate::en!(
                "Could not look up the SPF record of {domain}",
                domain = domain
            ),
            crate::en!(
                "The DNS look-up of the SPF record of {domain} did not answer ({why}), so this \
                 check is incomplete.",
                domain = domain,
                why = why
            ),
        ),
        Lookup::SpfCheck(domain) => (
            crate::en!(
                "Could not look up the SPF check of {domain}",
                domain = domain
            ),
            crate::en!(
                "The DNS look-up of the SPF check of {domain} did not answer ({why}), so this \
                 check is incomplete.",
                domain = domain,
                why = why
            ),
        ),
        Lookup::DmarcRecord(name) => (
            crate::en!("Could not look up the DMARC record {name}", name = name),
            crate::en!(
                "The DNS look-up of the DMARC record {name} did not answer ({why}), so this check \
                 is incomplete.",
                name = name,
                why = why
            ),
        ),
        Lookup::Addresses(host) => (
            crate::en!("Could not look up the addresses of {host}", host = host),
            crate::en!(
                "The DNS look-up of the addresses of {host} did not answer ({why}), so this check \
                 is incomplete.",
                host = host,
                why = why
            ),
        ),
    };
    let again = crate::en!(
        "Try again in a minute, or name another DNS server with --dns-server, for example \
         --dns-server 1.1.1.1:53."
    );
    Finding {
        id: FindingId::DnsLookupFailed,
        severity: Severity::Warning,
        title,
        explanation: format!("{explanation} {again}"),
        record: None,
    }
}

/// `host` has no address, so SPF could not be evaluated for it.
pub fn address_unknown(host: &str) -> Finding {
    Finding {
        id: FindingId::ServerAddressUnknown,
        severity: Severity::Warning,
        title: crate::en!("{host} has no address in DNS", host = host),
        explanation: crate::en!(
            "The mail server {host} has no address in DNS, so we could not check whether your SPF \
             record allows it to send. Check the spelling of `host`.",
            host = host
        ),
        record: None,
    }
}
