//! The whole fleet check: walk, contact each server once, judge each site, and (when asked)
//! check each account's sign-in once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tokio::sync::mpsc::UnboundedSender;
use tokio_util::sync::CancellationToken;

use super::judge::{self, Judgement};
use super::model::{FoundSite, Platform};
use super::report::{ScanReport, ServerRow, SiteRow};
use super::server::{ProbeOptions, ServerFacts, ServerKey, probe_all};
use super::sign_in::{self, SignInResults};
use super::walk::{Walked, walk};

/// What to scan and how.
#[derive(Debug, Clone)]
pub struct ScanRequest {
    /// The folders (and files) to look in.
    pub paths: Vec<PathBuf>,
    /// An IIS `applicationHost.config` whose sites are scanned too.
    pub iis_config: Option<PathBuf>,
    /// Judge from the files alone; contact nothing.
    pub offline: bool,
    /// Also check each account's sign-in (AUTH, then QUIT; never a message).
    pub sign_in: bool,
    /// How the servers are contacted.
    pub probe: ProbeOptions,
    /// The pause between two sign-ins to the same server.
    pub sign_in_pause: Duration,
}

/// Progress, for a progress bar or the window.
#[derive(Debug, Clone)]
pub enum ScanEvent {
    /// The walk ended: this many sites, using this many distinct servers.
    Walked {
        /// Sites found.
        sites: usize,
        /// Distinct servers (contacted unless offline).
        servers: usize,
    },
    /// One more server answered (or did not).
    ServerDone {
        /// Its `host:port` label.
        server: String,
    },
    /// One more account's sign-in was checked.
    SignInDone,
}

/// Runs the scan. Never stops on one bad file or server; a cancel ends the waits and the
/// report says so.
pub async fn scan(
    request: ScanRequest,
    events: UnboundedSender<ScanEvent>,
    cancel: CancellationToken,
) -> ScanReport {
    let started = Instant::now();
    let (paths, iis) = (request.paths.clone(), request.iis_config.clone());
    let walked = tokio::task::spawn_blocking(move || walk(&paths, iis.as_deref()))
        .await
        .unwrap_or_else(|_| Walked::default());
    let keys: BTreeSet<ServerKey> = walked
        .sites
        .iter()
        .filter_map(|found| found.settings.as_ref().ok().and_then(ServerKey::of))
        .collect();
    let _ = events.send(ScanEvent::Walked {
        sites: walked.sites.len(),
        servers: keys.len(),
    });
    let facts = if request.offline {
        BTreeMap::new()
    } else {
        probe_all(
            keys.into_iter().collect(),
            &request.probe,
            &cancel,
            |key, _| {
                let _ = events.send(ScanEvent::ServerDone {
                    server: key.label(),
                });
            },
        )
        .await
    };
    let mut judged: Vec<(FoundSite, Judgement)> = walked
        .sites
        .into_iter()
        .map(|found| {
            let key = found.settings.as_ref().ok().and_then(ServerKey::of);
            let judgement = judge::judge(&found, key.and_then(|key| facts.get(&key)));
            (found, judgement)
        })
        .collect();
    if request.sign_in && !request.offline {
        let results = sign_in::check_all(&judged, &request, &cancel, || {
            let _ = events.send(ScanEvent::SignInDone);
        })
        .await;
        apply_sign_ins(&mut judged, &results);
    }
    let mut report = assemble(judged, &facts, request.offline);
    report.skipped = walked.skipped;
    report.files_read = walked.files_read;
    report.cancelled = cancel.is_cancelled();
    report.total_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    report
}

fn apply_sign_ins(judged: &mut [(FoundSite, Judgement)], results: &SignInResults) {
    for (found, judgement) in judged.iter_mut() {
        if let Some(report) = results.for_site(found) {
            *judgement = judge::with_sign_in(found, judgement.clone(), report);
        }
    }
}

/// The rows, grouped by server, and the server table with its counts.
fn assemble(
    judged: Vec<(FoundSite, Judgement)>,
    facts: &BTreeMap<ServerKey, ServerFacts>,
    offline: bool,
) -> ScanReport {
    let mut servers: BTreeMap<ServerKey, ServerRow> = BTreeMap::new();
    let mut sites = Vec::with_capacity(judged.len());
    // Once: on Windows, finding the shell means looking at the parent process.
    let shell = crate::cli::shell::Shell::current();
    for (found, judgement) in judged {
        let key = found.settings.as_ref().ok().and_then(ServerKey::of);
        if let Some(key) = &key {
            servers
                .entry(key.clone())
                .or_insert_with(|| server_row(key, facts.get(key)))
                .count(judgement.verdict);
        }
        sites.push(site_row(found, judgement, key, shell));
    }
    sites.sort_by(|a, b| (&a.server, &a.path).cmp(&(&b.server, &b.path)));
    let mut servers: Vec<ServerRow> = servers.into_values().collect();
    servers.sort_by_key(|row| {
        (
            std::cmp::Reverse(row.broken + row.at_risk),
            std::cmp::Reverse(row.sites),
        )
    });
    ScanReport {
        sites,
        servers,
        offline,
        ..ScanReport::default()
    }
}

fn site_row(
    found: FoundSite,
    judgement: Judgement,
    key: Option<ServerKey>,
    shell: crate::cli::shell::Shell,
) -> SiteRow {
    let settings = found.settings.as_ref().ok();
    let single = settings.map(|site| judge::settings_of(site, found.platform));
    let command = match (found.platform, &single) {
        (Platform::AspNet, Some(settings)) if !judgement.fix.is_empty() => {
            super::fix_command::webconfig_update(&found.path, settings, &judgement, shell)
        }
        _ => None,
    };
    SiteRow {
        site: found.site.clone(),
        platform: found.platform,
        host: settings.map(|s| s.host.clone()).unwrap_or_default(),
        port: settings.map_or(0, |s| s.port),
        security: settings
            .map(|s| s.transport.as_str().to_owned())
            .unwrap_or_default(),
        enable_ssl: settings
            .filter(|_| found.platform == Platform::AspNet)
            .map(|s| s.enable_ssl.unwrap_or(false)),
        user: settings.map(|s| s.user.clone()).unwrap_or_default(),
        judgement,
        command,
        server: key.map(|key| key.label()),
        settings: single,
        path: found.path,
    }
}

fn server_row(key: &ServerKey, facts: Option<&ServerFacts>) -> ServerRow {
    let mut row = ServerRow {
        key: key.clone(),
        sites: 0,
        broken: 0,
        at_risk: 0,
        unknown: 0,
        ok: 0,
        answered: false,
        problem: None,
        starttls: false,
        auth_before_tls: Vec::new(),
        auth_after_tls: Vec::new(),
        certificate: None,
        ms: 0,
    };
    let Some(facts) = facts else {
        return row;
    };
    let seen = &facts.seen;
    row.answered = !seen.before.extensions.is_empty() || seen.before.banner.is_some();
    row.problem = facts
        .report
        .error
        .as_ref()
        .map(|err| crate::untrusted::displayable_str(&err.to_string()));
    row.starttls = seen.before.offers("STARTTLS");
    // The server's own words: escaped once here, for the table, the files and the window.
    let words = |list: &[String]| -> Vec<String> {
        list.iter()
            .map(|word| crate::untrusted::displayable_str(word))
            .collect()
    };
    row.auth_before_tls = words(&seen.before.auth_mechanisms);
    row.auth_after_tls = words(&seen.after.auth_mechanisms);
    row.certificate = facts.report.certificate.as_ref().map(|_| {
        match &facts.report.accepted_certificate_problem {
            Some(problem) => crate::en!(
                "not trusted: {problem}",
                problem = crate::untrusted::displayable_str(&problem.words())
            ),
            None => crate::en!("trusted").to_owned(),
        }
    });
    row.ms = facts.ms;
    row
}
