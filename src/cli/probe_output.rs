//! `probe` as text: progress while it runs, then what to type (host, port, enableSsl) in plain
//! words, the port check, and every probe ranked with its reason.

use crate::discover::{
    DiscoveryEvent, DiscoveryReport, DiscoveryRequest, ProbeResult, Reachability, Start, Verdict,
};
use crate::event::format_ms;
use crate::settings::{Security, Target};

/// Prints what is about to happen.
pub fn print_start(request: &DiscoveryRequest) {
    let what = match &request.start {
        Start::Email(email) => format!("the outgoing mail server for {email}"),
        Start::Host(host) => format!("what {host} offers"),
    };
    let target = match request.target {
        Target::DotNet => "an ASP.NET website (System.Net.Mail)",
        Target::Generic => "a mail program",
    };
    println!(
        "Looking for {what}, for {target}. Each try stops after the server's greeting: no \
         message and no password are sent.\n"
    );
}

/// Prints one progress event as a line (starts are not shown: the results come fast).
pub fn print_event(event: &DiscoveryEvent) {
    match event {
        DiscoveryEvent::Source(source) => {
            let found = if source.found.is_empty() {
                source.error.clone().unwrap_or_else(|| "nothing".into())
            } else {
                source.found.join(", ")
            };
            println!("  {}: {found}", source.query);
        }
        DiscoveryEvent::Candidates { hosts } => {
            let names: Vec<&str> = hosts.iter().map(|h| h.host.as_str()).collect();
            println!(
                "\nTrying {}: {}\n",
                crate::words::count(names.len(), "server name"),
                names.join(", ")
            );
        }
        DiscoveryEvent::ProbeStarted { .. } => {}
        DiscoveryEvent::ProbeFinished { results } => {
            for row in results {
                println!(
                    "  {:<40} {:<12} {:<14} {}",
                    format!("{}:{}", row.host, row.port),
                    security_word(row.security),
                    row.reachability.label(),
                    format_ms(row.ms)
                );
            }
        }
    }
}

/// Prints the recommendation, the port check and the ranked table.
pub fn print_report(report: &DiscoveryReport) {
    println!();
    if let Some(best) = &report.recommended {
        println!("Use these settings in your website:");
        println!("  host       {}", best.host);
        println!("  port       {}", best.port);
        println!("  enableSsl  {}", best.enable_ssl);
        println!("  Why: {}", best.why);
        if report.target == Target::DotNet {
            println!(
                "  In web.config: <network host=\"{}\" port=\"{}\" enableSsl=\"{}\" \
                 userName=\"your full email address\" password=\"your password\" />",
                best.host, best.port, best.enable_ssl
            );
        }
    } else {
        println!("No settings to recommend.");
        if let Some(why) = &report.no_recommendation {
            println!("  {why}");
        }
    }
    if let Some(check) = &report.port_check {
        let ports: Vec<String> = check
            .ports
            .iter()
            .map(|state| format!("{} {}", state.port, state.reachability.label()))
            .collect();
        println!(
            "\nFrom this computer to {}: {}.\n  {}",
            check.host,
            ports.join(", "),
            check.note
        );
    }
    print_table(&report.candidates);
    let state = if report.cancelled { " (cancelled)" } else { "" };
    println!("\nDone in {}{state}.", format_ms(report.total_ms));
}

fn print_table(rows: &[ProbeResult]) {
    println!("\nEverything tried, best first:");
    println!(
        "  {:<3} {:<36} {:<12} {:<14} {:<14} {:<10} {:>8}  why",
        "#", "server", "security", "reachable", "sign-in", "cert", "time"
    );
    for (index, row) in rows.iter().enumerate() {
        let auth = if row.auth_after_tls.is_empty() {
            &row.auth_before_tls
        } else {
            &row.auth_after_tls
        };
        let cert = row
            .certificate
            .as_ref()
            .map_or("-", |c| verdict_word(c.verdict));
        println!(
            "  {:<3} {:<36} {:<12} {:<14} {:<14} {:<10} {:>8}  {}",
            index + 1,
            format!("{}:{}", row.host, row.port),
            security_word(row.security),
            row.reachability.label(),
            if auth.is_empty() {
                "-".to_owned()
            } else {
                auth.join(" ")
            },
            cert,
            format_ms(row.ms),
            row.reason
        );
    }
    if rows
        .iter()
        .any(|r| r.reachability == Reachability::DnsFailure)
    {
        println!("  (names that do not exist were not tried further)");
    }
}

fn security_word(security: Security) -> &'static str {
    match security {
        Security::None => "plain",
        Security::StartTls => "STARTTLS",
        Security::ImplicitTls => "SSL on connect",
    }
}

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Trusted => "trusted",
        Verdict::Untrusted => "untrusted",
        Verdict::Expired => "expired",
        Verdict::NameMismatch => "wrong name",
        Verdict::Invalid => "invalid",
    }
}
