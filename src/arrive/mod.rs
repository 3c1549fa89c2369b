//! "Will it arrive?": the DNS checks of the `from` domain that decide whether Gmail, Outlook.com
//! and others accept mail sent through the tested server.
//!
//! - SPF (`spf`, `spf_walk`): the record (none, several, unreadable, over 10 look-ups) and,
//!   through mail-auth's `check_host`, whether it authorises each address of the server.
//! - DKIM (`dkim`): whether the selectors the server's provider signs with (from the provider
//!   table) are published for the domain.
//! - DMARC (`dmarc`): the policy (parsed by mail-auth) and whether the mail can align with it;
//!   `freemail`: a gmail.com (or outlook.com, yahoo.com…) `from` through another server.
//!
//! Every look-up goes through `crate::dns` (so `--dns-server` applies to all of them) and every
//! text from DNS through `crate::untrusted`. [`check`] is what the CLI and the window call.

mod dkim;
mod dmarc;
mod freemail;
mod lookup;
mod model;
mod request;
mod server;
mod spf;
mod spf_walk;
mod texts;

pub use model::{
    ArrivalReport, DnsRecord, Finding, FindingId, ProviderRef, Severity, Verdict, verdict,
};
pub use request::{ArriveError, DnsCheckRequest};

use lookup::Answer;
use server::Server;

/// Checks the `from` domain of `request` against the server it names and returns what was
/// found, problems first, with the verdict.
pub async fn check(request: DnsCheckRequest) -> Result<ArrivalReport, ArriveError> {
    let domain = request.from_domain().ok_or_else(|| ArriveError::NoDomain {
        given: crate::untrusted::displayable_str(&request.from),
    })?;
    let crate::dns::Resolver {
        resolver,
        fallback: dns_note,
    } = crate::dns::resolver_noting(request.dns_server)?;
    let auth = mail_auth::MessageAuthenticator(resolver.clone());
    let mut findings = Vec::new();
    let server = find_server(&resolver, request.host.as_deref(), &mut findings).await;
    let mut spf_records = Vec::new();
    let mut dmarc_record = None;
    if let Some(finding) = freemail::check(&domain, &server) {
        findings.push(finding);
    } else {
        let spf = spf::check(&resolver, &auth, &domain, &server).await;
        spf_records = spf.records;
        findings.extend(spf.findings);
        findings.push(dkim::check(&resolver, &domain, &server).await);
        let aligned = server.addresses.is_empty()
            || findings
                .iter()
                .any(|f| matches!(f.id, FindingId::SpfPass | FindingId::DkimPublished));
        let dmarc = dmarc::check(&resolver, &domain, aligned).await;
        dmarc_record = dmarc.record;
        findings.extend(dmarc.findings);
    }
    // Problems first; the order within a severity is the order of the checks.
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let verdict = verdict(&findings);
    Ok(ArrivalReport {
        from_domain: domain,
        host: server.host.clone(),
        server_addresses: server.addresses.clone(),
        provider: server.provider.map(|p| ProviderRef {
            id: p.id.to_owned(),
            name: p.name.to_owned(),
        }),
        spf_records,
        dmarc_record,
        findings,
        verdict,
        verdict_text: verdict.text().to_owned(),
        dns_note,
    })
}

/// The server named by `host`: its addresses through our resolver, its provider from the table.
async fn find_server(
    resolver: &hickory_resolver::TokioResolver,
    host: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Server {
    let Some(host) = host.map(str::trim).filter(|h| !h.is_empty()) else {
        return Server::default();
    };
    let host = crate::untrusted::displayable_str(host);
    let addresses = match lookup::addresses(resolver, &host).await {
        Answer::Found(addresses) => addresses,
        Answer::Failed(why) => {
            findings.push(texts::lookup_failed(texts::Lookup::Addresses(&host), &why));
            return Server {
                host: Some(host),
                ..Server::default()
            };
        }
    };
    if addresses.is_empty() {
        findings.push(texts::address_unknown(&host));
    }
    Server {
        provider: crate::providers::by_host(&host),
        host: Some(host),
        addresses,
    }
}
