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
            return published(
                domain,
                provider.name,
                &name,
                &format!("points to `{target}`"),
            );
        }
        let keys = lookup::txt(resolver, &name).await;
        if keys.records().iter().any(|t| has_key(t)) {
            return published(domain, provider.name, &name, "holds the key");
        }
    }
    let selector = dkim.selectors.first().copied().unwrap_or_default();
    let others = dkim.selectors.len() > 1 && dkim.record_type == "CNAME";
    Finding {
        id: FindingId::DkimNotPublished,
        severity: Severity::Warning,
        title: format!("{domain} does not publish {}'s DKIM key", provider.name),
        explanation: format!(
            "DKIM is a signature the sending server adds to every message; receivers check it \
             against a key published in your domain's DNS. {} signs with the selector{} {}, but \
             no key for {domain} was found there, so its signature cannot count for your domain \
             and mail is more likely to land in spam. Switch on DKIM for {domain} in {} \
             ({}) and add the {} record it shows{}; the record below has its shape.",
            provider.name,
            if dkim.selectors.len() > 1 { "s" } else { "" },
            dkim.selectors
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
            provider.name,
            dkim.where_to_find,
            dkim.record_type,
            if others {
                " (and the same for the other selectors)"
            } else {
                ""
            },
        ),
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

fn published(domain: &str, provider: &str, name: &str, how: &str) -> Finding {
    Finding {
        id: FindingId::DkimPublished,
        severity: Severity::Ok,
        title: format!("{provider}'s DKIM key is published for {domain}"),
        explanation: format!(
            "Receivers can check the signature {provider} adds to your messages: `{name}` {how}."
        ),
        record: None,
    }
}

fn not_checked(domain: &str, server: &Server) -> Finding {
    Finding {
        id: FindingId::DkimNotChecked,
        severity: Severity::Ok,
        title: "DKIM not checked".to_owned(),
        explanation: format!(
            "We do not know which DKIM selector {} signs with, so we could not check whether its \
             key is published for {domain}. Ask the provider whether it signs your mail with \
             DKIM (a signature receivers check against a key in your domain's DNS) and which \
             record to add.",
            server.described()
        ),
        record: None,
    }
}
