//! `--sign-in`: each account's own user name and password tried once (AUTH, then QUIT; never a
//! message), one account at a time per server with a pause between them, so that many
//! sign-ins from one address do not look like password guessing.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::judge::{Judgement, Verdict, settings_of};
use super::model::{FoundSite, Transport};
use super::scan::ScanRequest;
use super::server::ServerKey;
use crate::session::{Goal, SessionReport, run_session};
use crate::settings::{Security, Settings, Timeouts};

/// One account: a server and a user name (compared without letter case).
type Account = (ServerKey, String);

/// The sign-in results, by account.
#[derive(Debug, Default)]
pub struct SignInResults(HashMap<Account, SessionReport>);

impl SignInResults {
    /// The sign-in of the account `found` uses, if it was checked.
    pub fn for_site(&self, found: &FoundSite) -> Option<&SessionReport> {
        self.0.get(&account_of(found)?)
    }

    /// How many accounts were checked.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn account_of(found: &FoundSite) -> Option<Account> {
    let site = found.settings.as_ref().ok()?;
    let key = ServerKey::of(site)?;
    let user = site.user.trim().to_lowercase();
    (!user.is_empty() && !site.password.is_empty()).then_some((key, user))
}

/// Signs in once per account among the sites that a sign-in can still tell something about
/// (not broken or unknown already, encrypted connection, a password in the file). `done` is
/// called after each.
pub async fn check_all(
    judged: &[(FoundSite, Judgement)],
    request: &ScanRequest,
    cancel: &CancellationToken,
    done: impl Fn(),
) -> SignInResults {
    let mut by_server: BTreeMap<ServerKey, Vec<(Account, Settings)>> = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    for (found, judgement) in judged {
        if matches!(judgement.verdict, Verdict::Broken | Verdict::Unknown) {
            continue;
        }
        let (Some(account), Ok(site)) = (account_of(found), &found.settings) else {
            continue;
        };
        // Plain text: the verdict already says the password crosses unencrypted; we do not
        // send it that way ourselves.
        if site.transport == Transport::Plain
            || judgement.id.as_deref() == Some("password_unencrypted")
            || !seen.insert(account.clone())
        {
            continue;
        }
        let mut settings = settings_of(site, found.platform);
        settings.security = Some(if site.transport == Transport::ImplicitTls {
            Security::ImplicitTls
        } else {
            Security::StartTls
        });
        settings.timeouts = Timeouts::uniform(request.probe.timeout.as_secs().max(1));
        settings.ca_file.clone_from(&request.probe.ca_file);
        by_server
            .entry(account.0.clone())
            .or_default()
            .push((account, settings));
    }
    let permits = Arc::new(Semaphore::new(request.probe.concurrency.max(1)));
    let mut set = JoinSet::new();
    for (_, accounts) in by_server {
        let (permits, cancel, pause) = (permits.clone(), cancel.clone(), request.sign_in_pause);
        set.spawn(async move {
            let Ok(_permit) = permits.acquire_owned().await else {
                return Vec::new();
            };
            let mut results = Vec::new();
            for (index, (account, settings)) in accounts.into_iter().enumerate() {
                if index > 0 {
                    tokio::select! {
                        () = cancel.cancelled() => break,
                        () = tokio::time::sleep(pause) => {}
                    }
                }
                if cancel.is_cancelled() {
                    break;
                }
                let report = sign_in_once(settings, &cancel).await;
                results.push((account, report));
            }
            results
        });
    }
    let mut all = HashMap::new();
    while let Some(joined) = set.join_next().await {
        for (account, report) in joined.unwrap_or_default() {
            done();
            all.insert(account, report);
        }
    }
    SignInResults(all)
}

async fn sign_in_once(settings: Settings, cancel: &CancellationToken) -> SessionReport {
    let mut report = match settings.check() {
        Ok(plan) => run_session(&plan, Goal::SignIn, &crate::event::NullSink, cancel.clone()).await,
        Err(_) => return SessionReport::default(),
    };
    // ASP.NET carries on after a refused sign-in; here the refusal is the answer.
    if report.error.is_none() {
        report.error = report.sign_in_failure.take();
    }
    report
}
