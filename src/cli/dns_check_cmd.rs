//! `mailtester dns-check` (and `send --check-dns`): the "will it arrive?" checks of the `from`
//! domain, printed as text or JSON, with an exit code.

use std::net::SocketAddr;

use super::dns_check_args::DnsCheckArgs;
use super::exit;
use crate::arrive::{ArrivalReport, ArriveError, DnsCheckRequest, Severity, check};
use crate::i18n::tr;

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
    super::say::engine_error(error);
    match error {
        ArriveError::NoDomain { .. } => exit::USAGE,
        ArriveError::Dns(_) => exit::CONNECT,
    }
}

/// Prints the report: the verdict, then each finding with its record to paste. The marks
/// (`[ok     ]`, `[PROBLEM]`) stay as they are for scripts; the words are translated, the
/// record to paste is not.
pub fn print_report(report: &ArrivalReport) {
    let question = match report.host.as_deref() {
        Some(host) => crate::tr!(
            "Will mail from {domain} through {host} arrive?",
            domain = report.from_domain,
            host = host
        ),
        None => crate::tr!(
            "Will mail from {domain} arrive?",
            domain = report.from_domain
        ),
    };
    println!("{question}\n");
    let labels = [
        crate::tr!("name:"),
        crate::tr!("type:"),
        crate::tr!("value:"),
    ];
    let width = labels
        .iter()
        .map(|label| label.chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    for finding in &report.findings {
        let mark = match finding.severity {
            Severity::Ok => "ok     ",
            Severity::Warning => "warning",
            Severity::Problem => "PROBLEM",
        };
        println!("[{mark}] {} ({})", tr(&finding.title), serde_id(finding));
        println!("          {}", tr(&finding.explanation));
        if let Some(record) = &finding.record {
            println!("          {}", crate::tr!("Add this DNS record:"));
            let values = [&record.name, &record.record_type, &record.value];
            for (label, value) in labels.iter().zip(values) {
                println!("            {label:<width$}{value}");
            }
        }
        println!();
    }
    println!(
        "{}",
        crate::tr!("Verdict: {verdict}", verdict = tr(&report.verdict_text))
    );
    if let Some(note) = &report.dns_note {
        println!("{}", crate::tr!("Note: {note}", note = tr(note)));
    }
}

/// The finding's stable id as JSON writes it.
fn serde_id(finding: &crate::arrive::Finding) -> String {
    serde_json::to_value(finding.id)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
