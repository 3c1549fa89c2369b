//! "Find my settings": from an email address (or a server name) to the outgoing server, port and
//! security that work, found and then tested without sending a message or a password.
//!
//! 1. Sources (`sources`, `autoconfig`): RFC 6186 SRV records, the MX hosts and the provider
//!    they give away (through the one provider table), a Thunderbird autoconfig file over HTTPS,
//!    and the usual names. Every look-up is reported, so the user sees each name we try.
//! 2. Probes (`probe`): every candidate × port through the session engine with `Goal::Probe`,
//!    at most [`DiscoveryRequest::concurrency`] at once with a small stagger, each with its own
//!    limit, so the whole takes about as long as the slowest probe.
//! 3. Ranking (`rank`): for ASP.NET, STARTTLS with a LOGIN sign-in first and never SSL on
//!    connect; for other programs, implicit TLS or STARTTLS. One line per row says why.
//!
//! [`discover`] is what the CLI and the window call: a request, a channel for progress events
//! and a cancel token in, the report out.

mod autoconfig;
mod model;
pub mod probe;
mod rank;
mod reasons;
mod request;
mod run;
mod sources;

#[cfg(test)]
mod tests;

use std::time::Instant;

use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

pub use autoconfig::parse as parse_autoconfig;
pub use model::{
    CandidateHost, CertificateReport, DiscoveryEvent, DiscoveryReport, PortCheck, PortState,
    ProbeResult, Reachability, Recommendation, SourceKind, SourceReport, Verdict,
};
pub use rank::PORT_NOTE;
pub use request::{DEFAULT_CONCURRENCY, DEFAULT_PORTS, DiscoverError, DiscoveryRequest, Start};

/// Finds and tests the outgoing mail settings for `request`, sending progress to `events` as it
/// goes (a closed channel is fine). `cancel` stops it at once: the report then holds what was
/// finished, with `cancelled` set.
pub async fn discover(
    request: DiscoveryRequest,
    events: UnboundedSender<DiscoveryEvent>,
    cancel: CancellationToken,
) -> Result<DiscoveryReport, DiscoverError> {
    let started = Instant::now();
    let given = match &request.start {
        Start::Email(text) | Start::Host(text) => text.clone(),
    };
    let domain = request.domain().ok_or(DiscoverError::NoDomain { given })?;
    let crate::dns::Resolver { resolver, fallback } =
        crate::dns::resolver_noting(request.dns_server)?;
    let roots = run::trust_roots(request.ca_file.as_deref()).await?;
    let dns_note = fallback.map(|note| SourceReport {
        source: SourceKind::DnsSettings,
        query: crate::en!("this computer's DNS settings").to_owned(),
        found: Vec::new(),
        error: Some(note),
    });
    if let Some(note) = &dns_note {
        let _ = events.send(DiscoveryEvent::Source(note.clone()));
    }
    let (mut reports, hosts) =
        run::gather(&request, &domain, &resolver, roots, &events, &cancel).await;
    reports.splice(0..0, dns_note);
    // Nobody watching any more is not an error: the report still comes back.
    let _ = events.send(DiscoveryEvent::Candidates {
        hosts: hosts.clone(),
    });
    let mut rows = run::probe_all(&request, &hosts, &resolver, &events, &cancel).await;
    rank::rank(&mut rows, request.target, request.accept_invalid_certs);
    let recommended = rank::recommend(&rows);
    let no_recommendation = match (&recommended, cancel.is_cancelled()) {
        (Some(_), _) => None,
        (None, true) => Some(crate::en!("Cancelled before a usable server was found.").to_owned()),
        (None, false) => Some(rank::why_none(&rows, request.target)),
    };
    let port_check = rank::port_check(&rows, recommended.as_ref());
    Ok(DiscoveryReport {
        domain,
        target: request.target,
        discovery: reports,
        candidates: rows,
        recommended,
        no_recommendation,
        port_check,
        cancelled: cancel.is_cancelled(),
        total_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}
