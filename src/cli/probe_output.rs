//! `probe` as text: progress while it runs, then what to type (host, port, enableSsl) in plain
//! words, the port check, and every probe ranked with its reason.

use crate::discover::{
    DiscoveryEvent, DiscoveryReport, DiscoveryRequest, ProbeResult, Reachability, Start, Verdict,
};
use crate::event::format_ms;
use crate::i18n::tr;
use crate::settings::{Security, Target};

/// Prints what is about to happen.
pub fn print_start(request: &DiscoveryRequest) {
    let looking = match (&request.start, request.target) {
        (Start::Email(email), Target::DotNet) => crate::tr!(
            "Looking for the outgoing mail server for {email}, for an ASP.NET website (System.Net.Mail).",
            email = email
        ),
        (Start::Email(email), Target::Generic) => crate::tr!(
            "Looking for the outgoing mail server for {email}, for a mail program.",
            email = email
        ),
        (Start::Host(host), Target::DotNet) => crate::tr!(
            "Looking for what {host} offers, for an ASP.NET website (System.Net.Mail).",
            host = host
        ),
        (Start::Host(host), Target::Generic) => crate::tr!(
            "Looking for what {host} offers, for a mail program.",
            host = host
        ),
    };
    let promise = crate::tr!(
        "Each try stops after the server's greeting: no message and no password are sent."
    );
    println!("{looking} {promise}\n");
}

/// Prints one progress event as a line (starts are not shown: the results come fast).
pub fn print_event(event: &DiscoveryEvent) {
    match event {
        DiscoveryEvent::Source(source) => {
            let found = source.outcome_shown();
            println!("  {}: {found}", tr(&source.query));
        }
        DiscoveryEvent::Candidates { hosts } => {
            let names: Vec<&str> = hosts.iter().map(|h| h.host.as_str()).collect();
            let names = names.join(", ");
            let trying = if hosts.len() == 1 {
                crate::tr!("Trying 1 server name: {names}", names = names)
            } else {
                crate::tr!(
                    "Trying {count} server names: {names}",
                    count = hosts.len(),
                    names = names
                )
            };
            println!("\n{trying}\n");
        }
        DiscoveryEvent::ProbeStarted { .. } => {}
        DiscoveryEvent::ProbeFinished { results } => {
            for row in results {
                println!(
                    "  {:<40} {:<12} {:<14} {}",
                    format!("{}:{}", row.host, row.port),
                    security_word(row.security),
                    tr(row.reachability.label()),
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
        println!("{}", crate::tr!("Use these settings in your website:"));
        println!("  host       {}", best.host);
        println!("  port       {}", best.port);
        println!("  enableSsl  {}", best.enable_ssl);
        println!("  {}", crate::tr!("Why: {why}", why = tr(&best.why)));
        if report.target == Target::DotNet {
            // The line to paste stays as web.config wants it.
            let line = format!(
                "<network host=\"{}\" port=\"{}\" enableSsl=\"{}\" \
                 userName=\"your full email address\" password=\"your password\" />",
                best.host, best.port, best.enable_ssl
            );
            println!("  {}", crate::tr!("In web.config: {line}", line = line));
        }
    } else {
        println!("{}", crate::tr!("No settings to recommend."));
        if let Some(why) = &report.no_recommendation {
            println!("  {}", tr(why));
        }
    }
    if let Some(check) = &report.port_check {
        let ports: Vec<String> = check
            .ports
            .iter()
            .map(|state| format!("{} {}", state.port, tr(state.reachability.label())))
            .collect();
        let reached = crate::tr!(
            "From this computer to {host}: {ports}.",
            host = check.host,
            ports = ports.join(", ")
        );
        println!("\n{reached}\n  {}", tr(&check.note));
    }
    print_table(&report.candidates);
    let total = format_ms(report.total_ms);
    let done = if report.cancelled {
        crate::tr!("Done in {time} (cancelled).", time = total)
    } else {
        crate::tr!("Done in {time}.", time = total)
    };
    println!("\n{done}");
}

fn print_table(rows: &[ProbeResult]) {
    println!("\n{}", crate::tr!("Everything tried, best first:"));
    println!(
        "  {:<3} {:<36} {:<12} {:<14} {:<14} {:<10} {:>8}  {}",
        "#",
        crate::tr!("server"),
        crate::tr!("security"),
        crate::tr!("reachable"),
        crate::tr!("sign-in"),
        crate::tr!("cert"),
        crate::tr!("time"),
        crate::tr!("why")
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
            .map_or_else(|| "-".to_owned(), |c| verdict_word(c.verdict));
        println!(
            "  {:<3} {:<36} {:<12} {:<14} {:<14} {:<10} {:>8}  {}",
            index + 1,
            format!("{}:{}", row.host, row.port),
            security_word(row.security),
            tr(row.reachability.label()),
            if auth.is_empty() {
                "-".to_owned()
            } else {
                auth.join(" ")
            },
            cert,
            format_ms(row.ms),
            tr(&row.reason)
        );
    }
    if rows
        .iter()
        .any(|r| r.reachability == Reachability::DnsFailure)
    {
        println!(
            "  {}",
            crate::tr!("(names that do not exist were not tried further)")
        );
    }
}

fn security_word(security: Security) -> String {
    match security {
        Security::None => crate::tr!("plain"),
        Security::StartTls => "STARTTLS".to_owned(),
        Security::ImplicitTls => crate::tr!("SSL on connect"),
    }
}

fn verdict_word(verdict: Verdict) -> String {
    match verdict {
        Verdict::Trusted => crate::tr!("trusted"),
        Verdict::Untrusted => crate::tr!("untrusted"),
        Verdict::Expired => crate::tr!("expired"),
        Verdict::NameMismatch => crate::tr!("wrong name"),
        Verdict::Invalid => crate::tr!("invalid"),
    }
}
