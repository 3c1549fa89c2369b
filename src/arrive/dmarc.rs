//! DMARC: the domain's policy (`_dmarc.DOMAIN`, parsed by mail-auth), and whether anything the
//! server sends will align with the `from` domain when the policy says reject or quarantine.

use hickory_resolver::TokioResolver;
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::dmarc::{Dmarc, Policy};

use super::lookup::{self, Answer};
use super::model::{DnsRecord, Finding, FindingId, Severity};

/// The DMARC record and what it means.
pub struct DmarcCheck {
    /// The record, made safe to show.
    pub record: Option<String>,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// Checks `_dmarc.domain`; `aligned` says whether SPF passes or DKIM is published for the
/// domain (what DMARC needs to pass).
pub async fn check(resolver: &TokioResolver, domain: &str, aligned: bool) -> DmarcCheck {
    let name = format!("_dmarc.{domain}");
    let texts = match lookup::txt(resolver, &name).await {
        Answer::Found(texts) => texts,
        Answer::Failed(why) => {
            let finding = super::texts::lookup_failed(&format!("the DMARC record {name}"), &why);
            return DmarcCheck {
                record: None,
                findings: vec![finding],
            };
        }
    };
    let Some(record) = texts
        .into_iter()
        .find(|t| t.trim_start().to_ascii_lowercase().starts_with("v=dmarc1"))
    else {
        return DmarcCheck {
            record: None,
            findings: vec![missing(domain, &name)],
        };
    };
    let findings = match Dmarc::parse(record.as_bytes()) {
        Err(_) => vec![syntax(domain, &name, &record)],
        Ok(parsed) => policy_findings(domain, &parsed, aligned),
    };
    DmarcCheck {
        record: Some(record),
        findings,
    }
}

fn policy_findings(domain: &str, dmarc: &Dmarc, aligned: bool) -> Vec<Finding> {
    let strict = matches!(dmarc.p, Policy::Reject | Policy::Quarantine);
    let word = match dmarc.p {
        Policy::Reject => "reject",
        Policy::Quarantine => "quarantine",
        Policy::None | Policy::Unspecified => "none",
    };
    let mut findings = vec![Finding {
        id: FindingId::DmarcPresent,
        severity: Severity::Ok,
        title: format!("{domain} has a DMARC policy: {word}"),
        explanation: format!(
            "DMARC tells receivers what to do with mail that claims to be from {domain} but \
             passes neither SPF nor DKIM for it. Its policy is `p={word}`{}.",
            match dmarc.p {
                Policy::Reject => ": such mail is refused",
                Policy::Quarantine => ": such mail goes to spam",
                _ => ": such mail is only reported",
            }
        ),
        record: None,
    }];
    if strict && !aligned {
        findings.push(Finding {
            id: FindingId::DmarcRejectUnaligned,
            severity: Severity::Problem,
            title: format!("DMARC of {domain} will {word} this mail"),
            explanation: format!(
                "The DMARC policy of {domain} says `p={word}`, and neither SPF nor DKIM will pass \
                 for {domain} through this server, so receivers will {} your website's mail. \
                 Fix SPF or DKIM first (see above); only if that cannot be done soon, relax the \
                 policy to `p=none` with the record below.",
                if word == "reject" {
                    "refuse"
                } else {
                    "put in spam"
                }
            ),
            record: Some(txt(domain, "v=DMARC1; p=none")),
        });
    }
    findings
}

fn missing(domain: &str, name: &str) -> Finding {
    Finding {
        id: FindingId::DmarcMissing,
        severity: Severity::Warning,
        title: format!("{domain} has no DMARC record"),
        explanation: format!(
            "DMARC is a DNS record that tells receivers what to do with mail that fails the SPF \
             and DKIM checks for your domain. Gmail and Yahoo ask every domain that sends a lot \
             of mail to publish one, and mail from domains without it is trusted less. Add the \
             TXT record below at `{name}`: `p=none` changes nothing for your mail and only \
             asks receivers to check it."
        ),
        record: Some(txt(domain, "v=DMARC1; p=none")),
    }
}

fn syntax(domain: &str, name: &str, record: &str) -> Finding {
    Finding {
        id: FindingId::DmarcSyntax,
        severity: Severity::Warning,
        title: format!("The DMARC record of {domain} has an error"),
        explanation: format!(
            "The DMARC record at `{name}` is `{record}`, which receivers cannot read, so they \
             ignore it. Replace it with the record below and build on it."
        ),
        record: Some(txt(domain, "v=DMARC1; p=none")),
    }
}

fn txt(domain: &str, value: &str) -> DnsRecord {
    DnsRecord {
        name: format!("_dmarc.{domain}"),
        record_type: "TXT".to_owned(),
        value: value.to_owned(),
    }
}
