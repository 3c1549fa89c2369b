//! The mail servers the sites use: each distinct one (name, port, and whether the site's
//! program starts with TLS) is contacted once, without signing in and without sending mail.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::model::{SiteSettings, Transport};
use crate::discover::SourceKind;
use crate::discover::probe::{self, Job, ProbeContext, Seen};
use crate::session::{SessionError, SessionReport};
use crate::settings::{Security, Timeouts};

/// How many servers the scan contacts at once unless told otherwise (each gets one connection
/// at a time, so this only bounds our own load).
pub const DEFAULT_CONCURRENCY: u64 = 32;
/// The limit for one server unless told otherwise, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 15;

/// One server as the sites use it: the same name and port reached in plain text first and in
/// TLS from the first byte are different conversations, so they are different keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ServerKey {
    /// The host name, lower case, without a final dot.
    pub host: String,
    /// The port.
    pub port: u16,
    /// Whether the conversation starts with TLS (SSL on connect).
    pub implicit_tls: bool,
}

impl ServerKey {
    /// The key for a site's settings; `None` when there is no server to contact (no host, or
    /// a port outside 1–65535).
    pub fn of(settings: &SiteSettings) -> Option<Self> {
        let host = settings
            .host
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let port = u16::try_from(settings.port)
            .ok()
            .filter(|port| *port != 0)?;
        (!host.is_empty()).then(|| Self {
            host,
            port,
            implicit_tls: settings.transport == Transport::ImplicitTls,
        })
    }

    /// `host:port`, with `(TLS)` for SSL on connect.
    pub fn label(&self) -> String {
        let tls = if self.implicit_tls { " (TLS)" } else { "" };
        format!("{}:{}{tls}", self.host, self.port)
    }
}

/// What one server showed.
#[derive(Debug, Clone)]
pub struct ServerFacts {
    /// The session (a STARTTLS attempt unless the key is implicit TLS).
    pub report: SessionReport,
    /// What it offered before and after TLS.
    pub seen: Seen,
    /// How long the probe took.
    pub ms: u64,
}

/// How the servers are contacted.
#[derive(Debug, Clone)]
pub struct ProbeOptions {
    /// The limit for one server, start to finish.
    pub timeout: Duration,
    /// How many servers at once.
    pub concurrency: usize,
    /// Extra trusted certificate authorities.
    pub ca_file: Option<PathBuf>,
    /// The DNS server to ask; `None`: this computer's.
    pub dns_server: Option<SocketAddr>,
}

/// Contacts every server in `keys` once, `concurrency` at a time; `done` is called as each
/// finishes (for a progress bar). A cancel ends the waits at once: the servers not finished
/// then carry a cancelled report.
pub async fn probe_all(
    keys: Vec<ServerKey>,
    options: &ProbeOptions,
    cancel: &CancellationToken,
    done: impl Fn(&ServerKey, &ServerFacts),
) -> BTreeMap<ServerKey, ServerFacts> {
    let resolver = crate::dns::resolver(options.dns_server).ok().map(Arc::new);
    let permits = Arc::new(Semaphore::new(options.concurrency.max(1)));
    let ctx = Arc::new(ProbeContext {
        timeout: options.timeout,
        ca_file: options.ca_file.clone(),
    });
    let mut set = JoinSet::new();
    for key in keys {
        let (permits, ctx, cancel, resolver) = (
            permits.clone(),
            ctx.clone(),
            cancel.clone(),
            resolver.clone(),
        );
        set.spawn(async move {
            let permit = tokio::select! {
                biased;
                () = cancel.cancelled() => None,
                permit = permits.acquire_owned() => permit.ok(),
            };
            let facts = match permit {
                Some(_permit) => probe_one(&key, &ctx, resolver.as_deref(), &cancel).await,
                None => cancelled(),
            };
            (key, facts)
        });
    }
    let mut all = BTreeMap::new();
    while let Some(joined) = set.join_next().await {
        if let Ok((key, facts)) = joined {
            done(&key, &facts);
            all.insert(key, facts);
        }
    }
    all
}

async fn probe_one(
    key: &ServerKey,
    ctx: &ProbeContext,
    resolver: Option<&hickory_resolver::TokioResolver>,
    cancel: &CancellationToken,
) -> ServerFacts {
    let started = Instant::now();
    let mut addresses = Vec::new();
    if let Some(resolver) = resolver {
        let looked_up = tokio::select! {
            biased;
            () = cancel.cancelled() => return cancelled(),
            found = tokio::time::timeout(ctx.timeout, resolver.lookup_ip(key.host.as_str())) => found,
        };
        match looked_up {
            Ok(Ok(found)) => addresses.extend(found.iter()),
            Ok(Err(err)) => return failed(key, &err.to_string(), started),
            Err(_) => return failed(key, crate::en!("no answer from DNS in time"), started),
        }
    }
    let job = Job {
        host: key.host.clone(),
        from: vec![SourceKind::Given],
        addresses,
        port: key.port,
        implicit: key.implicit_tls,
    };
    let security = if key.implicit_tls {
        Security::ImplicitTls
    } else {
        Security::StartTls
    };
    let secs = ctx.timeout.as_secs().max(1);
    // Half the limit for the greeting, so that a silent port is seen as silent (and asked
    // whether it speaks TLS) before the whole limit ends it.
    let timeouts = Timeouts {
        greeting_secs: (secs / 2).max(1),
        ..Timeouts::uniform(secs)
    };
    let (report, seen) = probe::session(&job, ctx, security, timeouts, cancel).await;
    ServerFacts {
        report,
        seen,
        ms: elapsed_ms(started),
    }
}

fn failed(key: &ServerKey, detail: &str, started: Instant) -> ServerFacts {
    ServerFacts {
        report: SessionReport {
            error: Some(SessionError::DnsNotFound {
                host: key.host.clone(),
                detail: crate::untrusted::displayable_str(detail),
            }),
            ..SessionReport::default()
        },
        seen: Seen::default(),
        ms: elapsed_ms(started),
    }
}

fn cancelled() -> ServerFacts {
    ServerFacts {
        report: SessionReport {
            error: Some(SessionError::Cancelled {
                step: crate::event::Step::Connect,
            }),
            ..SessionReport::default()
        },
        seen: Seen::default(),
        ms: 0,
    }
}

fn elapsed_ms(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
