//! The DNS sources of candidates: RFC 6186 SRV records, the MX hosts and the provider they give
//! away (through the one provider table), and the usual names; and the merge of every source
//! into one list of candidate hosts, each tagged with where it came from.

use hickory_resolver::TokioResolver;
use hickory_resolver::proto::rr::RData;

use super::model::{CandidateHost, SourceKind, SourceReport};
use crate::providers;
use crate::settings::Security;
use crate::untrusted::displayable_str;

/// One server a source named: host, port (if it named one), security (if it named one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Which kind of source.
    pub source: SourceKind,
    /// The host name.
    pub host: String,
    /// The port, if the source named one.
    pub port: Option<u16>,
    /// The security, if the source named one.
    pub security: Option<Security>,
}

/// Looks up `_submission._tcp.<domain>` or `_submissions._tcp.<domain>`.
pub async fn srv(
    resolver: &TokioResolver,
    domain: &str,
    implicit: bool,
) -> (SourceReport, Vec<Named>) {
    let (source, service, security) = if implicit {
        (
            SourceKind::SrvSubmissions,
            "_submissions",
            Security::ImplicitTls,
        )
    } else {
        (SourceKind::SrvSubmission, "_submission", Security::StartTls)
    };
    let query = format!("{service}._tcp.{domain}");
    let mut named = Vec::new();
    let error = match resolver.srv_lookup(format!("{query}.")).await {
        Ok(lookup) => {
            for record in lookup.answers() {
                if let RData::SRV(srv) = &record.data
                    && let Some(host) = crate::dns::ascii_name(&srv.target.to_ascii())
                    && srv.port != 0
                {
                    named.push(Named {
                        source,
                        host,
                        port: Some(srv.port),
                        security: Some(security),
                    });
                }
            }
            None
        }
        Err(err) => Some(dns_error(&err)),
    };
    let report = SourceReport {
        source,
        query: format!("{query} SRV"),
        found: named.iter().map(describe).collect(),
        error,
    };
    (report, named)
}

/// Looks up the domain's MX hosts, and the provider they give away: two reports, one list.
pub async fn mx(resolver: &TokioResolver, domain: &str) -> (Vec<SourceReport>, Vec<Named>) {
    let mut hosts: Vec<(u16, String)> = Vec::new();
    let error = match resolver.mx_lookup(format!("{domain}.")).await {
        Ok(lookup) => {
            for record in lookup.answers() {
                if let RData::MX(mx) = &record.data
                    && let Some(host) = crate::dns::ascii_name(&mx.exchange.to_ascii())
                {
                    hosts.push((mx.preference, host));
                }
            }
            None
        }
        Err(err) => Some(dns_error(&err)),
    };
    hosts.sort();
    let mut named: Vec<Named> = hosts
        .iter()
        .map(|(_, host)| Named {
            source: SourceKind::Mx,
            host: host.clone(),
            port: None,
            security: None,
        })
        .collect();
    let mx_report = SourceReport {
        source: SourceKind::Mx,
        query: format!("{domain} MX"),
        found: named.iter().map(describe).collect(),
        error,
    };
    let preset = hosts.iter().find_map(|(_, host)| providers::by_mx(host));
    let mut provider_found = Vec::new();
    if let Some(preset) = preset {
        let security = if preset.enable_ssl {
            Security::StartTls
        } else {
            Security::None
        };
        provider_found.push(format!(
            "{}: {}:{} {}",
            preset.name,
            preset.host,
            preset.port,
            security.cli_name()
        ));
        let mut ports = vec![preset.port];
        ports.extend(preset.alternative_ports());
        for port in ports {
            named.push(Named {
                source: SourceKind::Provider,
                host: preset.host.to_owned(),
                port: Some(port),
                security: Some(security),
            });
        }
    }
    let provider_report = SourceReport {
        source: SourceKind::Provider,
        query: crate::en!("the MX hosts against the provider table").to_owned(),
        found: provider_found,
        error: preset
            .is_none()
            .then(|| crate::en!("no known provider runs these MX hosts").to_owned()),
    };
    (vec![mx_report, provider_report], named)
}

/// `smtp.<domain>`, `mail.<domain>` and the domain itself.
pub fn guesses(domain: &str) -> (SourceReport, Vec<Named>) {
    let named: Vec<Named> = [
        format!("smtp.{domain}"),
        format!("mail.{domain}"),
        domain.to_owned(),
    ]
    .into_iter()
    .map(|host| Named {
        source: SourceKind::Guess,
        host,
        port: None,
        security: None,
    })
    .collect();
    let report = SourceReport {
        source: SourceKind::Guess,
        query: crate::en!("the usual names for {domain}", domain = domain),
        found: named.iter().map(|n| n.host.clone()).collect(),
        error: None,
    };
    (report, named)
}

/// Every named server merged into one candidate per host, best source first (the order of
/// [`SourceKind`]), each host's sources and ports kept.
pub fn merge(mut named: Vec<Named>) -> Vec<CandidateHost> {
    named.sort_by_key(|n| n.source);
    let mut hosts: Vec<CandidateHost> = Vec::new();
    for item in named {
        let index = if let Some(index) = hosts.iter().position(|c| c.host == item.host) {
            index
        } else {
            hosts.push(CandidateHost {
                host: item.host.clone(),
                ports: Vec::new(),
                from: Vec::new(),
            });
            hosts.len() - 1
        };
        let candidate = &mut hosts[index];
        if !candidate.from.contains(&item.source) {
            candidate.from.push(item.source);
        }
        if let Some(port) = item.port
            && !candidate.ports.contains(&(port, item.security))
        {
            candidate.ports.push((port, item.security));
        }
    }
    hosts
}

/// `host:port security` for a source report.
pub fn describe(named: &Named) -> String {
    let mut text = named.host.clone();
    if let Some(port) = named.port {
        text = format!("{text}:{port}");
    }
    if let Some(security) = named.security {
        text.push(' ');
        text.push_str(security.cli_name());
    }
    text
}

/// A DNS failure in a few words (the resolver's words can quote what the server sent).
pub fn dns_error(err: &hickory_resolver::net::NetError) -> String {
    if err.is_no_records_found() || err.is_nx_domain() {
        crate::en!("no such record").to_owned()
    } else {
        displayable_str(&err.to_string())
    }
}
