//! SPF: the domain's record (none, several, unreadable, too many look-ups) and whether it
//! authorises the server the mail goes through, evaluated by mail-auth for each of its
//! addresses.

use hickory_resolver::TokioResolver;
use mail_auth::Parameters;
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::spf::Spf;
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{MessageAuthenticator, SpfResult};

use super::lookup::{self, Answer};
use super::model::{DnsRecord, Finding, FindingId, Severity};
use super::server::Server;
use super::spf_walk::{is_spf, walk};

/// The most DNS look-ups a receiver makes for one SPF check (RFC 7208 §4.6.4).
const LOOKUP_LIMIT: usize = 10;

/// The domain's SPF records and what they mean for the server.
pub struct SpfCheck {
    /// Every `v=spf1` record.
    pub records: Vec<String>,
    /// The findings, at least one.
    pub findings: Vec<Finding>,
}

/// Checks the SPF record of `domain` for `server`.
pub async fn check(
    resolver: &TokioResolver,
    auth: &MessageAuthenticator,
    domain: &str,
    server: &Server,
) -> SpfCheck {
    let records: Vec<String> = match lookup::txt(resolver, domain).await {
        Answer::Found(texts) => texts.into_iter().filter(|t| is_spf(t)).collect(),
        Answer::Failed(why) => {
            let finding =
                super::texts::lookup_failed(super::texts::Lookup::SpfRecord(domain), &why);
            return SpfCheck {
                records: Vec::new(),
                findings: vec![finding],
            };
        }
    };
    let findings = match records.as_slice() {
        [] => vec![missing(domain, server)],
        [record] => one_record(resolver, auth, domain, record, server).await,
        several => vec![multiple(domain, several, server)],
    };
    SpfCheck { records, findings }
}

async fn one_record(
    resolver: &TokioResolver,
    auth: &MessageAuthenticator,
    domain: &str,
    record: &str,
    server: &Server,
) -> Vec<Finding> {
    let Ok(parsed) = Spf::parse(record.as_bytes()) else {
        return vec![syntax(domain, record, None, server)];
    };
    let walked = walk(resolver, &parsed).await;
    let mut findings = Vec::new();
    if walked.lookups > LOOKUP_LIMIT {
        findings.push(Finding {
            id: FindingId::SpfTooManyLookups,
            severity: Severity::Problem,
            title: crate::en!(
                "The SPF record needs {count} DNS look-ups; the limit is 10",
                count = walked.lookups
            ),
            explanation: crate::en!(
                "Receiving servers stop checking an SPF record after 10 look-ups (each \
                 `include:`, `a`, `mx`, `ptr`, `exists` and `redirect=` counts, also inside the \
                 records it includes), and then treat the check as failed. The record of {domain} \
                 needs {count}. Remove the `include:` entries of services you no longer send \
                 through, or replace `a` and `mx` with the `ip4:` addresses they stand for.",
                domain = domain,
                count = walked.lookups
            ),
            record: None,
        });
    }
    if let Some(first) = walked.broken.first() {
        findings.push(syntax(domain, record, Some(first), server));
    }
    if server.addresses.is_empty() {
        return findings;
    }
    let mut failing = Vec::new();
    for ip in &server.addresses {
        // The envelope sender is the `from` address, as System.Net.Mail sends it.
        let params = SpfParameters::new(*ip, domain, "mailtester.invalid", "mailtester", "");
        let output = auth.check_host(Parameters::new(params)).await;
        if output.result() != SpfResult::Pass {
            failing.push((*ip, output.result()));
        }
    }
    if failing.is_empty() {
        findings.push(pass(domain, record, server));
    } else if failing.iter().any(|(_, r)| *r == SpfResult::TempError) {
        findings.push(super::texts::lookup_failed(
            super::texts::Lookup::SpfCheck(domain),
            crate::en!("a look-up timed out or the DNS server failed"),
        ));
    } else if !findings.is_empty() {
        // Too many look-ups or a broken include already explain the failure.
    } else if failing.iter().any(|(_, r)| *r == SpfResult::PermError) {
        findings.push(syntax(domain, record, None, server));
    } else {
        findings.push(not_authorising(domain, record, server));
    }
    findings
}

fn pass(domain: &str, record: &str, server: &Server) -> Finding {
    let lower = record.to_ascii_lowercase();
    let include = server.provider.and_then(|p| {
        p.spf_includes
            .iter()
            .find(|i| lower.contains(&format!("include:{i}")))
            .map(|i| (*i, p.name))
    });
    let described = server.described();
    let explanation = match include {
        Some((include, provider)) => crate::en!(
            "The SPF record of {domain} (the list of servers allowed to send its mail) names \
             {server} through `include:{include}`, {provider}'s entry, so receivers will see that \
             the server is allowed to send for you.",
            domain = domain,
            server = described,
            include = include,
            provider = provider
        ),
        None => crate::en!(
            "The SPF record of {domain} (the list of servers allowed to send its mail) names \
             {server}, so receivers will see that the server is allowed to send for you.",
            domain = domain,
            server = described
        ),
    };
    Finding {
        id: FindingId::SpfPass,
        severity: Severity::Ok,
        title: crate::en!(
            "SPF allows {server} to send for {domain}",
            server = described,
            domain = domain
        ),
        explanation,
        record: None,
    }
}

fn missing(domain: &str, server: &Server) -> Finding {
    let terms = suggested_terms(server);
    Finding {
        id: FindingId::SpfMissing,
        severity: Severity::Problem,
        title: crate::en!("{domain} has no SPF record", domain = domain),
        explanation: crate::en!(
            "An SPF record is a line in your domain's DNS that lists the servers allowed to send \
             mail for it. {domain} has none, so Gmail, Outlook.com and others cannot tell your \
             website's mail from a forgery and put it in spam or refuse it. Add the TXT record \
             below at your DNS host (where your domain's DNS is managed).",
            domain = domain
        ),
        record: Some(txt(domain, format!("v=spf1 {} ~all", terms.join(" ")))),
    }
}

fn multiple(domain: &str, records: &[String], server: &Server) -> Finding {
    let mut terms: Vec<String> = Vec::new();
    for record in records {
        for term in record.split_whitespace().skip(1) {
            let bare = term
                .trim_start_matches(['+', '-', '~', '?'])
                .to_ascii_lowercase();
            if bare != "all" && !terms.iter().any(|t| t.eq_ignore_ascii_case(term)) {
                terms.push(term.to_owned());
            }
        }
    }
    for term in suggested_terms(server) {
        if !terms.iter().any(|t| t.eq_ignore_ascii_case(&term)) {
            terms.push(term);
        }
    }
    Finding {
        id: FindingId::SpfMultipleRecords,
        severity: Severity::Problem,
        title: crate::en!(
            "{domain} has {count} SPF records; it may have only one",
            domain = domain,
            count = records.len()
        ),
        explanation: crate::en!(
            "{domain} publishes {count} TXT records starting with `v=spf1`. Receivers treat that \
             as an error and the SPF check fails for every server. Delete them all and add the \
             one record below, which keeps every entry of them.",
            domain = domain,
            count = records.len()
        ),
        record: Some(txt(domain, format!("v=spf1 {} ~all", terms.join(" ")))),
    }
}

fn syntax(domain: &str, record: &str, broken: Option<&str>, server: &Server) -> Finding {
    let why = match broken {
        Some(include) => crate::en!(
            "It includes `{include}`, which has no single valid SPF record, so the check ends in \
             an error. Remove that entry or correct its name.",
            include = include
        ),
        None => crate::en!(
            "Receivers cannot read it (a misspelt entry, a stray character or a missing space), \
             so the check ends in an error. Replace it with the record below, and add back any \
             other service that sends mail for you."
        )
        .to_owned(),
    };
    let is = crate::en!(
        "The SPF record of {domain} is `{record}`.",
        domain = domain,
        record = record
    );
    Finding {
        id: FindingId::SpfSyntax,
        severity: Severity::Problem,
        title: crate::en!("The SPF record of {domain} has an error", domain = domain),
        explanation: format!("{is} {why}"),
        record: broken.is_none().then(|| {
            txt(
                domain,
                format!("v=spf1 {} ~all", suggested_terms(server).join(" ")),
            )
        }),
    }
}

fn not_authorising(domain: &str, record: &str, server: &Server) -> Finding {
    let terms = suggested_terms(server);
    Finding {
        id: FindingId::SpfNotAuthorisingServer,
        severity: Severity::Problem,
        title: crate::en!(
            "SPF does not allow {server} to send for {domain}",
            server = server.described(),
            domain = domain
        ),
        explanation: crate::en!(
            "The SPF record of {domain} lists the servers allowed to send its mail, and {server} \
             is not among them, so receivers see your website's mail as possibly forged. Change \
             the record to the one below: it adds `{terms}` and keeps everything else.",
            domain = domain,
            server = server.described(),
            terms = terms.join(" ")
        ),
        record: Some(txt(domain, with_terms(record, &terms))),
    }
}

/// The terms that authorise `server`, or `mx` when no server is known.
fn suggested_terms(server: &Server) -> Vec<String> {
    let terms = server.spf_terms();
    if terms.is_empty() {
        vec!["mx".to_owned()]
    } else {
        terms
    }
}

/// `record` with `terms` added before its `all` (or `redirect=`), or at the end.
fn with_terms(record: &str, terms: &[String]) -> String {
    let mut parts: Vec<String> = record.split_whitespace().map(str::to_owned).collect();
    let at = parts
        .iter()
        .position(|p| {
            let bare = p
                .trim_start_matches(['+', '-', '~', '?'])
                .to_ascii_lowercase();
            bare == "all" || bare.starts_with("redirect=")
        })
        .unwrap_or(parts.len());
    for (offset, term) in terms.iter().enumerate() {
        parts.insert(at + offset, term.clone());
    }
    parts.join(" ")
}

fn txt(name: &str, value: String) -> DnsRecord {
    DnsRecord {
        name: name.to_owned(),
        record_type: "TXT".to_owned(),
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::with_terms;

    #[test]
    fn terms_go_before_all() {
        let terms = vec!["include:sendgrid.net".to_owned()];
        assert_eq!(
            with_terms("v=spf1 mx -all", &terms),
            "v=spf1 mx include:sendgrid.net -all"
        );
        assert_eq!(
            with_terms("v=spf1 mx", &terms),
            "v=spf1 mx include:sendgrid.net"
        );
    }
}
