//! What finding the settings produces: where each candidate came from, what each probe saw, the
//! ranking and the recommendation. All of it serialises to the `probe --json` document.

use serde::Serialize;

use crate::certificate::CertificateInfo;
use crate::settings::{Security, Target};

/// Where a candidate server name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The host the user gave (`--host`).
    Given,
    /// An RFC 6186 `_submission._tcp` SRV record (STARTTLS).
    SrvSubmission,
    /// An RFC 6186 `_submissions._tcp` SRV record (implicit TLS).
    SrvSubmissions,
    /// The settings of the provider recognised from the domain's MX hosts.
    Provider,
    /// A Thunderbird-style autoconfig file.
    Autoconfig,
    /// A usual name: `smtp.<domain>`, `mail.<domain>`, the domain itself.
    Guess,
    /// The domain's MX hosts themselves (they receive mail; few take it from programs).
    Mx,
    /// This computer's DNS settings, reported only when they could not be read as they are
    /// (and other DNS servers were used instead).
    DnsSettings,
}

impl SourceKind {
    /// A few words for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Given => crate::en!("the host you gave"),
            Self::SrvSubmission => crate::en!("SRV record _submission._tcp"),
            Self::SrvSubmissions => crate::en!("SRV record _submissions._tcp"),
            Self::Provider => crate::en!("provider recognised from MX"),
            Self::Autoconfig => crate::en!("autoconfig file"),
            Self::Mx => crate::en!("MX record"),
            Self::Guess => crate::en!("usual name"),
            Self::DnsSettings => crate::en!("DNS settings"),
        }
    }
}

/// One look-up and what it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceReport {
    /// Which kind of source.
    pub source: SourceKind,
    /// What was asked: a DNS name with its record type, or a URL.
    pub query: String,
    /// What it gave, one entry per finding (`smtp.example.com:587 starttls`).
    pub found: Vec<String>,
    /// Why it gave nothing, when it failed (not found, timed out, ...).
    pub error: Option<String>,
}

impl SourceReport {
    /// What it gave, for a person, in the current language: the findings, else why not, else
    /// "nothing" (what both faces show after the source).
    pub fn outcome_shown(&self) -> String {
        if self.found.is_empty() {
            self.error.as_deref().map_or_else(
                || crate::tr!("nothing"),
                |error| crate::i18n::tr(error).into_owned(),
            )
        } else {
            self.found.join(", ")
        }
    }
}

/// A server name to probe, the ports its sources named, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateHost {
    /// The host name (lower case, no trailing dot).
    pub host: String,
    /// Ports named by its sources (SRV, autoconfig, provider), with the security they named.
    pub ports: Vec<(u16, Option<Security>)>,
    /// Every source that named it, best first.
    pub from: Vec<SourceKind>,
}

/// Whether a port could be reached from this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reachability {
    /// The TCP connection opened.
    Open,
    /// The computer answered that nothing listens there (or a firewall said no).
    Refused,
    /// No answer at all within the limit (often a firewall that drops packets).
    TimedOut,
    /// The host name has no address.
    DnsFailure,
    /// Another network error (no route, network unreachable).
    Failed,
    /// Not tried: cancelled first.
    Cancelled,
}

impl Reachability {
    /// A few words for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => crate::en!("open"),
            Self::Refused => crate::en!("refused"),
            Self::TimedOut => crate::en!("timed out"),
            Self::DnsFailure => crate::en!("name not found"),
            Self::Failed => crate::en!("unreachable"),
            Self::Cancelled => crate::en!("cancelled"),
        }
    }
}

/// The certificate check's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Valid for the host name and issued by a trusted authority.
    Trusted,
    /// Not issued by an authority this computer trusts (self-signed, private CA).
    Untrusted,
    /// Expired, or not valid yet.
    Expired,
    /// Valid, but for other names than the host.
    NameMismatch,
    /// Another problem.
    Invalid,
}

/// The server's certificate and what we think of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateReport {
    /// Subject, names, issuer, validity, key, SHA-256 (the leaf certificate).
    #[serde(flatten)]
    pub info: CertificateInfo,
    /// The verdict for the host name that was probed.
    pub verdict: Verdict,
    /// On a name mismatch: a name the certificate is valid for, to use as `host` instead.
    pub suggested_host: Option<String>,
}

/// One probe: one host, port and kind of security.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProbeResult {
    /// The server name probed.
    pub host: String,
    /// The port.
    pub port: u16,
    /// `none` (plain text), `start_tls` or `implicit_tls`.
    pub security: Security,
    /// Where the name came from.
    pub from: Vec<SourceKind>,
    /// Whether the port could be reached.
    pub reachability: Reachability,
    /// The `220` greeting, when one came.
    pub banner: Option<String>,
    /// EHLO keywords on this connection (after TLS for `start_tls` and `implicit_tls`).
    pub extensions: Vec<String>,
    /// AUTH mechanisms offered before encryption.
    pub auth_before_tls: Vec<String>,
    /// AUTH mechanisms offered once encrypted.
    pub auth_after_tls: Vec<String>,
    /// The certificate, when TLS was tried.
    pub certificate: Option<CertificateReport>,
    /// What went wrong, in a sentence (empty when the probe went all the way).
    pub problem: Option<String>,
    /// Milliseconds the probe took.
    pub ms: u64,
    /// Whether a website for the chosen target could use it as it is.
    pub usable: bool,
    /// One line: why it ranks where it does.
    pub reason: String,
}

/// What to type into the website's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// `host`.
    pub host: String,
    /// `port`.
    pub port: u16,
    /// The security to use.
    pub security: Security,
    /// `enableSsl` in web.config terms.
    pub enable_ssl: bool,
    /// Why this one.
    pub why: String,
}

/// One port of the port check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PortState {
    /// The port.
    pub port: u16,
    /// Whether this computer reached it.
    pub reachability: Reachability,
}

/// Whether this computer can reach the usual mail ports of one server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortCheck {
    /// The server checked (the recommended one, or the first that answered).
    pub host: String,
    /// Each port probed on it and whether it was reachable.
    pub ports: Vec<PortState>,
    /// The plain explanation (ISPs and clouds block 25; the website's server may differ).
    pub note: String,
}

/// Everything finding the settings found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiscoveryReport {
    /// The domain searched (from the email address or the host).
    pub domain: String,
    /// The program the ranking is for.
    pub target: Target,
    /// Each source asked and what it gave.
    pub discovery: Vec<SourceReport>,
    /// Every probe, best first.
    pub candidates: Vec<ProbeResult>,
    /// What to use, if anything is usable.
    pub recommended: Option<Recommendation>,
    /// Why nothing is recommended (`None` when something is).
    pub no_recommendation: Option<String>,
    /// Whether this computer reaches the usual ports.
    pub port_check: Option<PortCheck>,
    /// Whether the user cancelled before the end.
    pub cancelled: bool,
    /// Milliseconds from start to finish.
    pub total_ms: u64,
}

/// Progress while finding the settings, in the order things happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DiscoveryEvent {
    /// A source was asked and answered (or failed).
    Source(SourceReport),
    /// The full list of server names that will be probed.
    Candidates {
        /// The candidates, in the order they will be probed.
        hosts: Vec<CandidateHost>,
    },
    /// A probe started.
    ProbeStarted {
        /// The host.
        host: String,
        /// The port.
        port: u16,
    },
    /// A probe finished (one host and port can give a plain and a STARTTLS row).
    ProbeFinished {
        /// The rows it gave, not ranked yet.
        results: Vec<ProbeResult>,
    },
}
