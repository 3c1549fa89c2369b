//! Running the search: the sources side by side, then every probe with bounded concurrency and
//! a small stagger, each bounded by its own limit and the cancel token.

use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use hickory_resolver::TokioResolver;
use tokio::sync::Semaphore;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::autoconfig::Fetcher;
use super::model::{CandidateHost, DiscoveryEvent, ProbeResult, SourceKind, SourceReport};
use super::probe::{self, Job, ProbeContext};
use super::request::{DiscoverError, DiscoveryRequest, Start};
use super::sources::{self, Named};
use crate::settings::Security;

/// The public web roots plus the `--ca-file` certificates, checked before anything starts.
pub async fn trust_roots(ca_file: Option<&Path>) -> Result<rustls::RootCertStore, DiscoverError> {
    let ca_error = |path: &Path, detail: String| DiscoverError::CaFile {
        path: path.display().to_string(),
        detail,
    };
    let pem = match ca_file {
        Some(path) => Some(
            tokio::fs::read(path)
                .await
                .map_err(|err| ca_error(path, err.to_string()))?,
        ),
        None => None,
    };
    crate::session::root_store(pem.as_deref()).map_err(|detail| match ca_file {
        Some(path) => ca_error(path, detail),
        None => ca_error(Path::new(crate::en!("(built-in roots)")), detail),
    })
}

/// Asks every source at once, each within the per-probe limit, and merges what they name into
/// tagged candidates; the reports go to `events` too. A source cut short by the limit or a
/// cancel is reported as such.
pub async fn gather(
    request: &DiscoveryRequest,
    domain: &str,
    resolver: &TokioResolver,
    roots: rustls::RootCertStore,
    events: &UnboundedSender<DiscoveryEvent>,
    cancel: &CancellationToken,
) -> (Vec<SourceReport>, Vec<CandidateHost>) {
    let send = |reports: &[SourceReport]| {
        for report in reports {
            let _ = events.send(DiscoveryEvent::Source(report.clone()));
        }
    };
    if let Start::Host(host) = &request.start {
        let named = vec![Named {
            source: SourceKind::Given,
            host: crate::dns::ascii_name(host).unwrap_or_else(|| domain.to_owned()),
            port: None,
            security: None,
        }];
        let report = SourceReport {
            source: SourceKind::Given,
            query: "--host".to_owned(),
            found: named.iter().map(sources::describe).collect(),
            error: None,
        };
        send(std::slice::from_ref(&report));
        return (vec![report], sources::merge(named));
    }
    let email = match &request.start {
        Start::Email(email) => email.trim().to_owned(),
        Start::Host(_) => String::new(),
    };
    let fetcher = Fetcher {
        resolver,
        roots,
        port: request.autoconfig_port,
        timeout: request.timeout,
    };
    let limit = request.timeout;
    let one = |(report, named): (SourceReport, Vec<Named>)| (vec![report], named);
    let (srv, srvs, mx, autoconfig) = tokio::join!(
        bounded(
            (limit, cancel, events),
            SourceKind::SrvSubmission,
            format!("_submission._tcp.{domain} SRV"),
            async { one(sources::srv(resolver, domain, false).await) }
        ),
        bounded(
            (limit, cancel, events),
            SourceKind::SrvSubmissions,
            format!("_submissions._tcp.{domain} SRV"),
            async { one(sources::srv(resolver, domain, true).await) }
        ),
        bounded(
            (limit, cancel, events),
            SourceKind::Mx,
            format!("{domain} MX"),
            sources::mx(resolver, domain)
        ),
        bounded(
            (limit, cancel, events),
            SourceKind::Autoconfig,
            crate::en!("autoconfig for {domain}", domain = domain),
            fetcher.fetch(domain, &email)
        ),
    );
    let mut reports = Vec::new();
    let mut named = Vec::new();
    for (part_reports, part_named) in [srv, srvs, mx, autoconfig] {
        reports.extend(part_reports);
        named.extend(part_named);
    }
    let (guess_report, guessed) = sources::guesses(domain);
    send(std::slice::from_ref(&guess_report));
    reports.push(guess_report);
    named.extend(guessed);
    (reports, sources::merge(named))
}

/// One source, bounded by `limit` and the cancel token; on either, a report that says so.
async fn bounded(
    (limit, cancel, events): (
        Duration,
        &CancellationToken,
        &UnboundedSender<DiscoveryEvent>,
    ),
    source: SourceKind,
    query: String,
    work: impl std::future::Future<Output = (Vec<SourceReport>, Vec<Named>)>,
) -> (Vec<SourceReport>, Vec<Named>) {
    let done = tokio::select! {
        biased;
        () = cancel.cancelled() => Err(crate::en!("cancelled")),
        done = tokio::time::timeout(limit, work) => {
            done.map_err(|_| crate::en!("no answer in time"))
        }
    };
    let (reports, named) = done.unwrap_or_else(|error| {
        let report = SourceReport {
            source,
            query,
            found: Vec::new(),
            error: Some(error.to_owned()),
        };
        (vec![report], Vec::new())
    });
    for report in &reports {
        let _ = events.send(DiscoveryEvent::Source(report.clone()));
    }
    (reports, named)
}

/// Looks up every candidate, then probes every candidate × port; DNS failures become rows.
pub async fn probe_all(
    request: &DiscoveryRequest,
    hosts: &[CandidateHost],
    resolver: &TokioResolver,
    events: &UnboundedSender<DiscoveryEvent>,
    cancel: &CancellationToken,
) -> Vec<ProbeResult> {
    let mut rows = Vec::new();
    let mut jobs = Vec::new();
    for (host, looked_up) in lookup_all(hosts, resolver, request, cancel).await {
        let ports = ports_for(host, &request.ports);
        match looked_up {
            Ok(addresses) => jobs.extend(ports.into_iter().map(|(port, implicit)| Job {
                host: host.host.clone(),
                from: host.from.clone(),
                addresses: addresses.clone(),
                port,
                implicit,
            })),
            Err(detail) => rows.extend(
                ports
                    .into_iter()
                    .map(|(port, _)| probe::dns_failure(&host.host, &host.from, port, &detail)),
            ),
        }
    }
    if !rows.is_empty() {
        let _ = events.send(DiscoveryEvent::ProbeFinished {
            results: rows.clone(),
        });
    }
    rows.extend(run_jobs(request, jobs, events, cancel).await);
    rows
}

/// Every candidate's addresses, looked up side by side.
async fn lookup_all<'h>(
    hosts: &'h [CandidateHost],
    resolver: &TokioResolver,
    request: &DiscoveryRequest,
    cancel: &CancellationToken,
) -> Vec<(&'h CandidateHost, Result<Vec<IpAddr>, String>)> {
    let lookups = hosts.iter().map(|host| async move {
        (
            host,
            lookup_one(&host.host, resolver, request, cancel).await,
        )
    });
    futures_util::future::join_all(lookups).await
}

/// The addresses of `host` (an IP address is its own), or why there are none.
async fn lookup_one(
    host: &str,
    resolver: &TokioResolver,
    request: &DiscoveryRequest,
    cancel: &CancellationToken,
) -> Result<Vec<IpAddr>, String> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    let lookup = tokio::time::timeout(request.timeout, resolver.lookup_ip(format!("{host}.")));
    let found: Vec<IpAddr> = tokio::select! {
        biased;
        () = cancel.cancelled() => return Err(crate::en!("cancelled").to_owned()),
        found = lookup => match found {
            Ok(Ok(found)) => found.iter().collect(),
            Ok(Err(err)) => return Err(sources::dns_error(&err)),
            Err(_) => return Err(crate::en!("no answer from DNS in time").to_owned()),
        },
    };
    if found.is_empty() {
        return Err(crate::en!("no address").to_owned());
    }
    Ok(found)
}

/// The ports to try on `host`: the requested ones, then those its sources named; implicit TLS
/// on 465 and wherever a source said SSL.
fn ports_for(host: &CandidateHost, requested: &[u16]) -> Vec<(u16, bool)> {
    let mut ports: Vec<(u16, bool)> = Vec::new();
    let named = host.ports.iter().map(|(port, security)| (*port, *security));
    for (port, security) in requested.iter().map(|p| (*p, None)).chain(named) {
        let implicit = port == 465 || security == Some(Security::ImplicitTls);
        if !ports.iter().any(|(p, _)| *p == port) {
            ports.push((port, implicit));
        }
    }
    ports
}

/// Runs the probes, `concurrency` at a time, each started `stagger` after the one before.
async fn run_jobs(
    request: &DiscoveryRequest,
    jobs: Vec<Job>,
    events: &UnboundedSender<DiscoveryEvent>,
    cancel: &CancellationToken,
) -> Vec<ProbeResult> {
    let permits = Arc::new(Semaphore::new(request.concurrency.max(1)));
    let ctx = Arc::new(ProbeContext {
        timeout: request.timeout,
        ca_file: request.ca_file.clone(),
    });
    let mut set = JoinSet::new();
    for (index, job) in jobs.into_iter().enumerate() {
        let permits = permits.clone();
        let ctx = ctx.clone();
        let cancel = cancel.clone();
        let events = events.clone();
        let delay = request.stagger * u32::try_from(index).unwrap_or(u32::MAX);
        set.spawn(async move {
            let waited = tokio::select! {
                biased;
                () = cancel.cancelled() => None,
                permit = async {
                    tokio::time::sleep(delay).await;
                    permits.acquire_owned().await.ok()
                } => permit,
            };
            let _ = events.send(DiscoveryEvent::ProbeStarted {
                host: job.host.clone(),
                port: job.port,
            });
            let rows = probe::run(&job, &ctx, &cancel).await;
            drop(waited);
            let _ = events.send(DiscoveryEvent::ProbeFinished {
                results: rows.clone(),
            });
            (index, rows)
        });
    }
    let mut done = Vec::new();
    while let Some(joined) = set.join_next().await {
        if let Ok(result) = joined {
            done.push(result);
        }
    }
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().flat_map(|(_, rows)| rows).collect()
}
