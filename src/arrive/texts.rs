//! Findings shared by several checks.

use super::model::{Finding, FindingId, Severity};

/// A look-up of `what` failed: the check is incomplete, not failed.
pub fn lookup_failed(what: &str, why: &str) -> Finding {
    Finding {
        id: FindingId::DnsLookupFailed,
        severity: Severity::Warning,
        title: format!("Could not look up {what}"),
        explanation: format!(
            "The DNS look-up of {what} did not answer ({why}), so this check is incomplete. Try \
             again in a minute, or name another DNS server with --dns-server, for example \
             --dns-server 1.1.1.1:53."
        ),
        record: None,
    }
}

/// `host` has no address, so SPF could not be evaluated for it.
pub fn address_unknown(host: &str) -> Finding {
    Finding {
        id: FindingId::ServerAddressUnknown,
        severity: Severity::Warning,
        title: format!("{host} has no address in DNS"),
        explanation: format!(
            "The mail server {host} has no address in DNS, so we could not check whether your \
             SPF record allows it to send. Check the spelling of `host`."
        ),
        record: None,
    }
}
