//! One probe: one host and port, through the session engine with `Goal::Probe` (greeting, EHLO,
//! STARTTLS, EHLO again, QUIT; no message, no password). A STARTTLS-style port gives a plain
//! row (what the server offers unencrypted) and a STARTTLS row from the same connection; a port
//! that stays silent but answers a TLS handshake is probed again with implicit TLS.

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use super::model::{CertificateReport, ProbeResult, Reachability, SourceKind, Verdict};
use crate::event::{EventSink, ServerInfo, SessionEvent, Step, StepStatus};
use crate::session::{CertProblem, Goal, SessionError, SessionReport, run_session};
use crate::settings::{Security, Settings, Target, Timeouts};
use crate::untrusted::displayable_str;

/// One host and port to probe.
#[derive(Debug, Clone)]
pub struct Job {
    /// The server name (certificates are checked against it).
    pub host: String,
    /// Where it came from.
    pub from: Vec<SourceKind>,
    /// Its addresses, looked up by our resolver.
    pub addresses: Vec<IpAddr>,
    /// The port.
    pub port: u16,
    /// Whether to start with TLS (port 465, `_submissions`, autoconfig `SSL`).
    pub implicit: bool,
}

/// What every probe shares.
#[derive(Debug, Clone)]
pub struct ProbeContext {
    /// The limit for one probe, start to finish.
    pub timeout: Duration,
    /// Extra trusted certificate authorities.
    pub ca_file: Option<PathBuf>,
}

/// What the server said before and after TLS, collected from the session's events.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// Whether TLS came up.
    pub tls_up: bool,
    /// The last EHLO answer before TLS.
    pub before: ServerInfo,
    /// The EHLO answer after TLS.
    pub after: ServerInfo,
}

#[derive(Default)]
struct SeenSink(Mutex<Seen>);

impl EventSink for SeenSink {
    fn emit(&self, event: SessionEvent) {
        let mut seen = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match event {
            SessionEvent::Tls(_) => seen.tls_up = true,
            SessionEvent::Server(info) if seen.tls_up => seen.after = info,
            SessionEvent::Server(info) => seen.before = info,
            _ => {}
        }
    }
}

/// Probes `job`; every row it gives, unranked.
pub async fn run(job: &Job, ctx: &ProbeContext, cancel: &CancellationToken) -> Vec<ProbeResult> {
    let started = Instant::now();
    let secs = ctx.timeout.as_secs().max(1);
    if job.implicit {
        let (report, seen) = session(
            job,
            ctx,
            Security::ImplicitTls,
            Timeouts::uniform(secs),
            cancel,
        )
        .await;
        return vec![row(job, Security::ImplicitTls, &report, &seen, started)];
    }
    // Half the limit for the greeting, so a silent port can still be asked for TLS in time.
    let timeouts = Timeouts {
        greeting_secs: (secs / 2).max(1),
        ..Timeouts::uniform(secs)
    };
    let (report, seen) = session(job, ctx, Security::StartTls, timeouts, cancel).await;
    if let Some(SessionError::NoGreeting {
        port_speaks_tls: true,
        ..
    }) = &report.error
    {
        let left = ctx
            .timeout
            .saturating_sub(started.elapsed())
            .as_secs()
            .max(1);
        let (report, seen) = session(
            job,
            ctx,
            Security::ImplicitTls,
            Timeouts::uniform(left),
            cancel,
        )
        .await;
        return vec![row(job, Security::ImplicitTls, &report, &seen, started)];
    }
    let connected_and_greeted = report
        .step(Step::Ehlo)
        .is_some_and(|r| r.status == StepStatus::Passed);
    if !connected_and_greeted {
        return vec![row(job, Security::StartTls, &report, &seen, started)];
    }
    let mut rows = vec![plain_row(job, &report, &seen, started)];
    if seen.before.offers("STARTTLS") {
        rows.push(row(job, Security::StartTls, &report, &seen, started));
    }
    rows
}

/// One session with `Goal::Probe` in `security` (no message, no password): its report and what
/// the server offered before and after TLS. Certificate problems are looked past and reported.
pub async fn session(
    job: &Job,
    ctx: &ProbeContext,
    security: Security,
    timeouts: Timeouts,
    cancel: &CancellationToken,
) -> (SessionReport, Seen) {
    let settings = Settings {
        host: job.host.clone(),
        port: u32::from(job.port),
        enable_ssl: security != Security::None,
        security: Some(security),
        from: "probe@example.com".to_owned(),
        timeouts,
        // Look past a bad certificate to see what the server offers after TLS: the verdict is
        // reported, and no password is ever sent.
        accept_invalid_certs: true,
        ca_file: ctx.ca_file.clone(),
        target: Target::Generic,
        ..Settings::default()
    };
    let sink = SeenSink::default();
    let report = match settings.check() {
        Ok(mut plan) => {
            plan.addresses.clone_from(&job.addresses);
            run_session(&plan, Goal::Probe, &sink, cancel.clone()).await
        }
        Err(problems) => SessionReport {
            error: Some(SessionError::ConnectFailed {
                address: job.host.clone(),
                detail: problems
                    .first()
                    .map(|p| p.message.clone())
                    .unwrap_or_default(),
            }),
            ..SessionReport::default()
        },
    };
    let seen = sink.0.into_inner().unwrap_or_else(PoisonError::into_inner);
    (report, seen)
}

/// The row for `security` from a finished session.
fn row(
    job: &Job,
    security: Security,
    report: &SessionReport,
    seen: &Seen,
    started: Instant,
) -> ProbeResult {
    let encrypted = security != Security::None;
    ProbeResult {
        host: job.host.clone(),
        port: job.port,
        security,
        from: job.from.clone(),
        reachability: reachability(report),
        banner: report.server.banner.clone(),
        extensions: if encrypted && seen.tls_up {
            seen.after.extensions.clone()
        } else {
            seen.before.extensions.clone()
        },
        auth_before_tls: seen.before.auth_mechanisms.clone(),
        auth_after_tls: seen.after.auth_mechanisms.clone(),
        certificate: certificate(report),
        problem: report
            .error
            .as_ref()
            .map(|err| displayable_str(&err.to_string())),
        ms: elapsed_ms(started),
        usable: false,
        reason: String::new(),
    }
}

/// The plain-text row: what the server offered before any encryption.
fn plain_row(job: &Job, report: &SessionReport, seen: &Seen, started: Instant) -> ProbeResult {
    ProbeResult {
        extensions: seen.before.extensions.clone(),
        auth_after_tls: Vec::new(),
        certificate: None,
        problem: None,
        ..row(job, Security::None, report, seen, started)
    }
}

/// A row for a host whose name did not resolve.
pub fn dns_failure(host: &str, from: &[SourceKind], port: u16, detail: &str) -> ProbeResult {
    ProbeResult {
        host: host.to_owned(),
        port,
        security: Security::StartTls,
        from: from.to_vec(),
        reachability: Reachability::DnsFailure,
        banner: None,
        extensions: Vec::new(),
        auth_before_tls: Vec::new(),
        auth_after_tls: Vec::new(),
        certificate: None,
        problem: Some(crate::en!(
            "{host} has no address: {detail}",
            host = host,
            detail = detail
        )),
        ms: 0,
        usable: false,
        reason: String::new(),
    }
}

fn reachability(report: &SessionReport) -> Reachability {
    if report
        .step(Step::Connect)
        .is_some_and(|r| r.status == StepStatus::Passed)
    {
        return Reachability::Open;
    }
    match &report.error {
        Some(SessionError::ConnectionRefused { .. }) => Reachability::Refused,
        Some(SessionError::ConnectTimeout { .. } | SessionError::Timeout { .. }) => {
            Reachability::TimedOut
        }
        Some(SessionError::DnsNotFound { .. }) => Reachability::DnsFailure,
        Some(SessionError::Cancelled { .. }) => Reachability::Cancelled,
        _ => Reachability::Failed,
    }
}

fn certificate(report: &SessionReport) -> Option<CertificateReport> {
    let info = report.certificate.clone()?;
    let problem = report
        .accepted_certificate_problem
        .clone()
        .or_else(|| match &report.error {
            Some(SessionError::TlsHandshake { certificate, .. }) => certificate.clone(),
            _ => None,
        });
    let (verdict, suggested_host) = match problem {
        None => (Verdict::Trusted, None),
        Some(CertProblem::NameMismatch { presented, .. }) => {
            // Only a plain host name: no wildcard, no IP address, nothing a hostile
            // certificate could smuggle into the advice.
            let suggestion = presented
                .iter()
                .filter_map(|name| crate::dns::ascii_name(name))
                .find(|name| name.parse::<IpAddr>().is_err());
            (Verdict::NameMismatch, suggestion)
        }
        Some(CertProblem::Untrusted) => (Verdict::Untrusted, None),
        Some(CertProblem::Expired | CertProblem::NotYetValid) => (Verdict::Expired, None),
        Some(CertProblem::Other(_)) => (Verdict::Invalid, None),
    };
    Some(CertificateReport {
        info,
        verdict,
        suggested_host,
    })
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
