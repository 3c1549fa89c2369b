//! The free-mail case: a `from` at gmail.com, outlook.com or yahoo.com can only pass DMARC
//! through that provider's own servers; through any other server it fails by design.

use super::model::{Finding, FindingId, Severity};
use super::server::Server;
use crate::providers;

/// The finding for a free-mail `from` domain, or `None` for any other domain (or when the
/// server is not known).
pub fn check(domain: &str, server: &Server) -> Option<Finding> {
    let owner = providers::by_mailbox_domain(domain)?;
    let host = server.host.as_deref()?;
    if server.provider.is_some_and(|p| p.id == owner.id) {
        return Some(Finding {
            id: FindingId::FreemailFromOwnServer,
            severity: Severity::Ok,
            title: crate::en!("{provider} sends its own addresses", provider = owner.name),
            explanation: crate::en!(
                "The `from` address is at {domain} and the mail goes through {provider}'s own \
                 server ({host}), which signs it for {domain}: there is nothing to add to any DNS.",
                domain = domain,
                provider = owner.name,
                host = host
            ),
            record: None,
        });
    }
    Some(Finding {
        id: FindingId::FreemailFromViaOtherServer,
        severity: Severity::Problem,
        title: crate::en!(
            "A {domain} address cannot be sent through {server}",
            domain = domain,
            server = server.described()
        ),
        explanation: crate::en!(
            "The `from` address is at {domain}, which belongs to {provider}. Its DNS (which you \
             cannot change) tells every receiver to refuse or bin mail from {domain} that did not \
             come through {provider}'s own servers, so mail sent through {server} is refused by \
             Gmail, Yahoo, Outlook.com and others. Set `from` to an address on your own domain, \
             and set up that domain's SPF and DKIM for {server}.",
            domain = domain,
            provider = owner.name,
            server = server.described()
        ),
        record: None,
    })
}
