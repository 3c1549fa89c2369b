//! `mailtester dns-check` (and `send --check-dns`): the "will it arrive?" checks of the `from`
//! domain, printed as text or JSON, with an exit code.

use std::net::SocketAddr;

use super::dns_check_args::DnsCheckArgs;
use super::exit;
use crate::arrive::{ArrivalReport, ArriveError, DnsCheckRequest, Severity, check};

/// Runs `dns-check` and returns its exit code: 0 when no finding is a problem, 9 when one is,
/// 2 for an address without a domain, 3 when DNS could not be set up.
pub async fn run(args: DnsCheckArgs) -> u8 {
    let mut request = DnsCheckRequest::new(args.from, args.host);
    request.dns_server = args.dns_server;
    match check(request).await {
        Ok(report) => {
            if args.json {
                if !super::json::print_serializable(&report) {
                    return exit::INTERNAL;
                }
            } else {
                print_report(&report);
            }
            exit_code(&report)
        }
        Err(error) => error_code(&error),
    }
}

/// The checks after a `send`: the report, or the exit code of the error (already printed).
pub async fn after_send(
    from: &str,
    host: &str,
    dns_server: Option<SocketAddr>,
) -> Result<ArrivalReport, u8> {
    let mut request = DnsCheckRequest::new(from, Some(host.to_owned()));
    request.dns_server = dns_server;
    check(request).await.map_err(|error| error_code(&error))
}

/// 0 when nothing is a problem, else [`exit::DNS_PROBLEM`].
pub fn exit_code(report: &ArrivalReport) -> u8 {
    if report.has_problem() {
        exit::DNS_PROBLEM
    } else {
        exit::OK
    }
}

fn error_code(error: &ArriveError) -> u8 {
    eprintln!("error: {error}");
    match error {
        ArriveError::NoDomain { .. } => exit::USAGE,
        ArriveError::Dns(_) => exit::CONNECT,
    }
}

/// Prints the report: the verdict, then each finding with its record to paste.
pub fn print_report(report: &ArrivalReport) {
    let through = report
        .host
        .as_deref()
        .map(|host| format!(" through {host}"))
        .unwrap_or_default();
    println!("Will mail from {}{through} arrive?\n", report.from_domain);
    for finding in &report.findings {
        let mark = match finding.severity {
            Severity::Ok => "ok     ",
            Severity::Warning => "warning",
            Severity::Problem => "PROBLEM",
        };
        println!("[{mark}] {} ({})", finding.title, serde_id(finding));
        println!("          {}", finding.explanation);
        if let Some(record) = &finding.record {
            println!("          Add this DNS record:");
            println!("            name:  {}", record.name);
            println!("            type:  {}", record.record_type);
            println!("            value: {}", record.value);
        }
        println!();
    }
    println!("Verdict: {}", report.verdict_text);
    if let Some(note) = &report.dns_note {
        println!("Note: {note}");
    }
}

/// The finding's stable id as JSON writes it.
fn serde_id(finding: &crate::arrive::Finding) -> String {
    serde_json::to_value(finding.id)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
