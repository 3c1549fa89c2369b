//! `mailtester probe`: finds the outgoing mail settings, tests them and says what to type.

use std::time::Duration;

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::args::TargetArg;
use super::exit;
use super::probe_args::ProbeArgs;
use super::probe_output;
use crate::discover::{
    DEFAULT_PORTS, DiscoverError, DiscoveryReport, DiscoveryRequest, Start, discover,
};
use crate::settings::Target;

/// Runs `probe` and returns its exit code: 0 when usable settings were found, 8 when none were,
/// 2 for a bad address or CA file, 3 when DNS could not be set up, 130 when cancelled (even if
/// something usable was found before).
pub async fn run(args: ProbeArgs) -> u8 {
    let request = request_from(&args);
    let cancel = CancellationToken::new();
    let watcher = super::interrupt::cancel_on_ctrl_c(
        cancel.clone(),
        &crate::tr!("Stopping… (Ctrl-C again quits at once)"),
    );
    let (events, mut inbox) = mpsc::unbounded_channel();
    let json = args.json;
    if !json {
        probe_output::print_start(&request);
    }
    let printer = tokio::spawn(async move {
        while let Some(event) = inbox.recv().await {
            if !json {
                probe_output::print_event(&event);
            }
        }
    });
    let result = discover(request, events, cancel).await;
    // The sender is gone with `discover`: the printer ends after the last event.
    let _ = printer.await;
    watcher.abort();
    match result {
        Ok(report) => {
            if json {
                if !super::json::print_serializable(&report) {
                    return exit::INTERNAL;
                }
            } else {
                probe_output::print_report(&report);
            }
            exit_code(&report)
        }
        Err(error) => {
            super::say::engine_error(&error);
            match error {
                DiscoverError::Dns(_) => exit::CONNECT,
                DiscoverError::NoDomain { .. } | DiscoverError::CaFile { .. } => exit::USAGE,
            }
        }
    }
}

/// The exit code for a finished search.
fn exit_code(report: &DiscoveryReport) -> u8 {
    if report.cancelled {
        exit::CANCELLED
    } else if report.recommended.is_some() {
        exit::OK
    } else {
        exit::NOTHING_FOUND
    }
}

fn request_from(args: &ProbeArgs) -> DiscoveryRequest {
    let start = match (&args.email, &args.host) {
        (Some(email), _) => Start::Email(email.clone()),
        (None, Some(host)) => Start::Host(host.clone()),
        // clap requires one of them; an empty host then fails as "no domain".
        (None, None) => Start::Host(String::new()),
    };
    let mut request = DiscoveryRequest::new(start);
    request.ports = args.ports.clone().unwrap_or_else(|| DEFAULT_PORTS.to_vec());
    request.ports.dedup();
    request.timeout = Duration::from_secs(args.timeout);
    request.dns_server = args.dns_server;
    request.target = match args.target {
        Some(TargetArg::Generic) => Target::Generic,
        Some(TargetArg::Dotnet) | None => Target::DotNet,
    };
    request.ca_file.clone_from(&args.ca_file);
    request.accept_invalid_certs = args.accept_invalid_certs;
    request.autoconfig_port = args.autoconfig_port;
    request
}
