//! What the checks find: findings with stable ids, severities, plain-language texts and the DNS
//! record to paste, and the overall verdict.

use std::net::IpAddr;

use serde::Serialize;

/// Stable ids of the findings (what tests, JSON and the window key on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingId {
    /// The SPF record authorises the server.
    SpfPass,
    /// No SPF record.
    SpfMissing,
    /// More than one SPF record: receivers treat that as an error.
    SpfMultipleRecords,
    /// The SPF record (or one it includes) cannot be understood.
    SpfSyntax,
    /// Evaluating the SPF record needs more than 10 DNS look-ups.
    SpfTooManyLookups,
    /// The SPF record does not authorise the server the mail goes through.
    SpfNotAuthorisingServer,
    /// The server's addresses could not be found, so SPF was not evaluated for it.
    ServerAddressUnknown,
    /// A DNS look-up failed (timeout, server error), so a check is incomplete.
    DnsLookupFailed,
    /// The provider's DKIM key is published.
    DkimPublished,
    /// The provider's DKIM key is not published for the domain.
    DkimNotPublished,
    /// We do not know which selectors the server signs with.
    DkimNotChecked,
    /// A DMARC record is published.
    DmarcPresent,
    /// No DMARC record.
    DmarcMissing,
    /// The DMARC record cannot be understood.
    DmarcSyntax,
    /// DMARC says reject (or quarantine) and nothing will align.
    DmarcRejectUnaligned,
    /// A free-mail address sent through its own provider's server.
    FreemailFromOwnServer,
    /// A free-mail address sent through another server: DMARC fails by design.
    FreemailFromViaOtherServer,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Good, or nothing to do.
    Ok,
    /// Mail may land in spam.
    Warning,
    /// Mail will fail checks at Gmail and others.
    Problem,
}

/// A DNS record to add or change, ready to paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsRecord {
    /// The full name (`_dmarc.example.com`).
    pub name: String,
    /// `TXT` or `CNAME`.
    #[serde(rename = "type")]
    pub record_type: String,
    /// The value; `<…>` marks a part only the provider's console shows.
    pub value: String,
}

/// One thing the checks found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The stable id.
    pub id: FindingId,
    /// How much it matters.
    pub severity: Severity,
    /// One line.
    pub title: String,
    /// What it means and what to do, for a website owner who does not know what SPF is.
    pub explanation: String,
    /// The record to add or change, when there is one.
    pub record: Option<DnsRecord>,
}

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing stands in the way.
    LikelyToArrive,
    /// Some checks are missing or weak.
    LikelyToLandInSpam,
    /// Gmail, Yahoo, Outlook.com and others will refuse it.
    WillBeRejected,
}

impl Verdict {
    /// The verdict in words.
    pub fn text(self) -> &'static str {
        match self {
            Self::LikelyToArrive => crate::en!("Likely to arrive"),
            Self::LikelyToLandInSpam => crate::en!("Likely to land in spam"),
            Self::WillBeRejected => crate::en!("Will be rejected by Gmail and others"),
        }
    }
}

/// The provider of the server the mail goes through, as the table names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderRef {
    /// Its id (`sendgrid`).
    pub id: String,
    /// Its name (`SendGrid`).
    pub name: String,
}

/// Everything the checks found for one `from` domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArrivalReport {
    /// The `from` domain (ASCII form).
    pub from_domain: String,
    /// The SMTP server checked against, if one was given.
    pub host: Option<String>,
    /// Its addresses, as our resolver found them.
    pub server_addresses: Vec<IpAddr>,
    /// The provider behind the server, if the table knows it.
    pub provider: Option<ProviderRef>,
    /// Every `v=spf1` record of the domain, made safe to show.
    pub spf_records: Vec<String>,
    /// The DMARC record, made safe to show.
    pub dmarc_record: Option<String>,
    /// What was found, problems first.
    pub findings: Vec<Finding>,
    /// The overall answer.
    pub verdict: Verdict,
    /// The verdict in words.
    pub verdict_text: String,
    /// Set when this computer's DNS settings could not be read as they are: which DNS
    /// servers were asked instead.
    pub dns_note: Option<String>,
}

impl ArrivalReport {
    /// Whether any finding is a problem (the CLI's exit code).
    pub fn has_problem(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == Severity::Problem)
    }

    /// Whether a finding with `id` is in the report.
    pub fn has(&self, id: FindingId) -> bool {
        self.findings.iter().any(|f| f.id == id)
    }
}

/// The verdict for a set of findings: rejected when the from address cannot pass DMARC or
/// nothing authenticates the mail (Gmail refuses mail with neither SPF nor DKIM); spam when
/// anything else needs attention; otherwise likely to arrive.
pub fn verdict(findings: &[Finding]) -> Verdict {
    let has = |id| findings.iter().any(|f: &Finding| f.id == id);
    // A free-mail address through its own provider is signed and sent by that provider.
    let spf_ok = has(FindingId::SpfPass) || has(FindingId::FreemailFromOwnServer);
    let dkim_ok = has(FindingId::DkimPublished);
    let unknown = has(FindingId::DkimNotChecked)
        || has(FindingId::ServerAddressUnknown)
        || has(FindingId::DnsLookupFailed);
    if has(FindingId::FreemailFromViaOtherServer)
        || has(FindingId::DmarcRejectUnaligned)
        || (!spf_ok && !dkim_ok && !unknown)
    {
        Verdict::WillBeRejected
    } else if findings.iter().any(|f| f.severity != Severity::Ok) {
        Verdict::LikelyToLandInSpam
    } else {
        Verdict::LikelyToArrive
    }
}
