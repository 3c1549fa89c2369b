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
            let finding =
                super::texts::lookup_failed(super::texts::Lookup::DmarcRecord(&name), &why);
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
    let what = crate::en!(
        "DMARC tells receivers what to do with mail that claims to be from {domain} but passes \
         neither SPF nor DKIM for it.",
        domain = domain
    );
    let policy = match dmarc.p {
        Policy::Reject => crate::en!("Its policy is `p=reject`: such mail is refused."),
        Policy::Quarantine => crate::en!("Its policy is `p=quarantine`: such mail goes to spam."),
        Policy::None | Policy::Unspecified => {
            crate::en!("Its policy is `p=none`: such mail is only reported.")
        }
    };
    let mut findings = vec![Finding {
        id: FindingId::DmarcPresent,
        severity: Severity::Ok,
        title: crate::en!(
            "{domain} has a DMARC policy: {policy}",
            domain = domain,
            policy = word
        ),
        explanation: format!("{what} {policy}"),
        record: None,
    }];
    if strict && !aligned {
        let (title, effect) = if dmarc.p == Policy::Reject {
            (
                crate::en!("DMARC of {domain} will reject this mail", domain = domain),
                crate::en!(
                    "The DMARC policy of {domain} says `p=reject`, and neither SPF nor DKIM will \
                     pass for {domain} through this server, so receivers will refuse your \
                     website's mail.",
                    domain = domain
                ),
            )
        } else {
            (
                crate::en!(
                    "DMARC of {domain} will quarantine this mail",
                    domain = domain
                ),
                crate::en!(
                    "The DMARC policy of {domain} says `p=quarantine`, and neither SPF nor DKIM \
                     will pass for {domain} through this server, so receivers will put in spam \
                     your website's mail.",
                    domain = domain
                ),
            )
        };
        let fix = crate::en!(
            "Fix SPF or DKIM first (see above); only if that cannot be done soon, relax the \
             policy to `p=none` with the record below."
        );
        findings.push(Finding {
            id: FindingId::DmarcRejectUnaligned,
            severity: Severity::Problem,
            title,
            explanation: format!("{effect} {fix}"),
            record: Some(txt(domain, "v=DMARC1; p=none")),
        });
    }
    findings
}

fn missing(domain: &str, name: &str) -> Finding {
    Finding {
        id: FindingId::DmarcMissing,
        severity: Severity::Warning,
        title: crate::en!("{domain} has no DMARC record", domain = domain),
        explanation: crate::en!(
            "DMARC is a DNS record that tells receivers what to do with mail that fails the SPF \
             and DKIM checks for your domain. Gmail and Yahoo ask every domain that sends a lot \
             of mail to publish one, and mail from domains without it is trusted less. Add the \
             TXT record below at `{name}`: `p=none` changes nothing for your mail and only asks \
             receivers to check it.",
            name = name
        ),
        record: Some(txt(domain, "v=DMARC1; p=none")),
    }
}

fn syntax(domain: &str, name: &str, record: &str) -> Finding {
    Finding {
        id: FindingId::DmarcSyntax,
        severity: Severity::Warning,
        title: crate::en!("The DMARC record of {domain} has an error", domain = domain),
        explanation: crate::en!(
            "The DMARC record at `{name}` is `{record}`, which receivers cannot read, so they \
             ignore it. Replace it with the record below and build on it.",
            name = name,
            record = record
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
