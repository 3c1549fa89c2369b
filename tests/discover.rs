//! "Find my settings" end to end: our test DNS server, fault-injecting SMTP servers on several
//! ports (good STARTTLS + AUTH, implicit TLS only, a certificate for another name, silent,
//! refusing) and a local HTTPS autoconfig file; the engine (`engine`), its sources (`sources`),
//! the command line (`cli`) and the DNS pieces (`dns`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "discover/cli.rs"]
mod cli;
#[path = "discover/dns.rs"]
mod dns;
#[path = "discover/engine.rs"]
mod engine;
#[path = "discover/sources.rs"]
mod sources;

use mail_settings_tester::discover::{DiscoveryEvent, DiscoveryReport, DiscoveryRequest, discover};
use support::test_domain::TestDomain as World;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

/// Runs the search and returns its report and every event, in order.
async fn run(request: DiscoveryRequest) -> (DiscoveryReport, Vec<DiscoveryEvent>) {
    let (events, mut inbox) = mpsc::unbounded_channel();
    let report = discover(request, events, CancellationToken::new())
        .await
        .expect("the request is valid");
    let mut seen = Vec::new();
    while let Ok(event) = inbox.try_recv() {
        seen.push(event);
    }
    (report, seen)
}
