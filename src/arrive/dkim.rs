//! DKIM: whether the selectors the provider signs with are published for the domain (a CNAME to
//! the provider's key, or the key itself in a TXT record), and what to add if not.

use hickory_resolver::TokioResolver;

use super::lookup;
use super::model::{DnsRecord, Finding, FindingId, Severity};
use super::server::Server;

/// Checks the provider's DKIM selectors on `domain`.
pub async fn check(resolver: &TokioResolver, domain: &str, server: &Server) -> Finding {
    let Some(provider) = server.provider.filter(|p| !p.dkim.selectors.is_empty()) else {
        return not_checked(domain, server);
    };
    let dkim = &provider.dkim;
    for selector in dkim.selectors {
        let name = format!("{selector}._domainkey.{domain}");
        if let Some(target) = lookup::cname(resolver, &name).await {
            let how = crate::en!(
                "Receivers can check the signature {provider} adds to your messages: `{name}` \
                 points to `{target}`.",
                provider = provider.name,
                name = name,
                target = target
            );
            return published(domain, provider.name, how);
        }
        let keys = lookup::txt(resolver, &name).await;
        if keys.records().iter().any(|t| has_key(t)) {
            let how = crate::en!(
                "Receivers can check the signature {provider} adds to your messages: `{name}` \
                 holds the key.",
                provider = provider.name,
                name = name
            );
            return published(domain, provider.name, how);
        }
    }
    let selector = dkim.selectors.first().copied().unwrap_or_default();
    let others = dkim.selectors.len() > 1 && dkim.record_type == "CNAME";
    let selectors = dkim
        .selectors
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let what = crate::en!(
        "DKIM is a signature the sending server adds to every message; receivers check it against \
         a key published in your domain's DNS."
    );
    let signs = if dkim.selectors.len() > 1 {
        crate::en!(
            "{provider} signs with the selectors {selectors}, but no key for {domain} was found \
             there, so its signature cannot count for your domain and mail is more likely to land \
             in spam.",
            provider = provider.name,
            selectors = selectors,
            domain = domain
        )
    } else {
        crate::en!(
            "{provider} signs with the selector {selector}, but no key for {domain} was found \
             there, so its signature cannot count for your domain and mail is more likely to land \
             in spam.",
            provider = provider.name,
            selector = selectors,
            domain = domain
        )
    };
    let switch_on = if others {
        crate::en!(
            "Switch on DKIM for {domain} in {provider} ({place}) and add the {record_type} record \
             it shows (and the same for the other selectors); the record below has its shape.",
            domain = domain,
            provider = provider.name,
            place = dkim.where_to_find,
            record_type = dkim.record_type
        )
    } else {
        crate::en!(
            "Switch on DKIM for {domain} in {provider} ({place}) and add the {record_type} record \
             it shows; the record below has its shape.",
            domain = domain,
            provider = provider.name,
            place = dkim.where_to_find,
            record_type = dkim.record_type
        )
    };
    Finding {
        id: FindingId::DkimNotPublished,
        severity: Severity::Warning,
        title: crate::en!(
            "{domain} does not publish {provider}'s DKIM key",
            domain = domain,
            provider = provider.name
        ),
        explanation: format!("{what} {signs} {switch_on}"),
        record: Some(DnsRecord {
            name: format!("{selector}._domainkey.{domain}"),
            record_type: dkim.record_type.to_owned(),
            value: dkim.value_for(selector, domain),
        }),
    }
}

/// Whether a TXT record at a selector holds a key (a revoked key has an empty `p=`).
fn has_key(text: &str) -> bool {
    text.split(';').any(|tag| {
        let tag = tag.trim();
        tag.strip_prefix("p=")
            .is_some_and(|key| !key.trim().is_empty())
    })
}

/// The key is published; `explanation` says where.
fn published(domain: &str, provider: &str, explanation: String) -> Finding {
    Finding {
        id: FindingId::DkimPublished,
        severity: Severity::Ok,
        title: crate::en!(
            "{provider}'s DKIM key is published for {domain}",
            provider = provider,
            domain = domain
        ),
        explanation,
        record: None,
    }
}

fn not_checked(domain: &str, server: &Server) -> Finding {
    Finding {
        id: FindingId::DkimNotChecked,
        severity: Severity::Ok,
        title: crate::en!("DKIM not checked").to_owned(),
        explanation: crate::en!(
            "We do not know which DKIM selector {server} signs with, so we could not check \
             whether its key is published for {domain}. Ask the provider whether it signs your \
             mail with DKIM (a signature receivers check against a key in your domain's DNS) and \
             which record to add.",
            server = server.described(),
            domain = domain
        ),
        record: None,
    }
}
