//! The scan on the terminal: the blast radius per server (counts), then each site that needs
//! attention with its reason and fix. Sites that are OK are counted, not listed.

use crate::fleet::judge::Verdict;
use crate::fleet::report::{ScanReport, ServerRow, SiteRow};
use crate::words::count;

/// Prints the whole table and the summary.
pub fn print_table(report: &ScanReport) {
    for server in &report.servers {
        print_server(server);
        let label = server.key.label();
        print_sites(
            report
                .sites
                .iter()
                .filter(|row| row.server.as_deref() == Some(label.as_str())),
        );
    }
    let serverless: Vec<&SiteRow> = report.sites.iter().filter(|r| r.server.is_none()).collect();
    if !serverless.is_empty() {
        println!(
            "\nNo server to contact ({})",
            count(serverless.len(), "site")
        );
        print_sites(serverless.into_iter());
    }
    if !report.skipped.is_empty() {
        println!("\nSkipped ({}):", report.skipped.len());
        for skipped in &report.skipped {
            println!("  {}: {}", skipped.path.display(), skipped.reason);
        }
    }
    println!(
        "\n{}; {} files read in {}.{} s.",
        report.summary(),
        report.files_read,
        report.total_ms / 1000,
        report.total_ms % 1000 / 100,
    );
    if report.sites.is_empty() {
        println!(
            "No site with mail settings was found. Point the scan at the folder that holds the \
             sites (for example C:\\inetpub\\vhosts or /var/www), or give --iis-config."
        );
    }
}

fn print_server(server: &ServerRow) {
    println!(
        "\n{}: {} ({} broken, {} at risk, {} unknown, {} OK)",
        server.key.label(),
        count(server.sites, "site"),
        server.broken,
        server.at_risk,
        server.unknown,
        server.ok
    );
    if server.ms == 0 && !server.answered && server.problem.is_none() {
        return;
    }
    if !server.answered {
        if let Some(problem) = &server.problem {
            println!("  did not answer: {problem}");
        }
        return;
    }
    let mut facts = vec![if server.key.implicit_tls {
        "TLS on connect".to_owned()
    } else if server.starttls {
        "offers STARTTLS".to_owned()
    } else {
        "no STARTTLS".to_owned()
    }];
    if !server.key.implicit_tls {
        facts.push(match server.auth_before_tls.as_slice() {
            [] => "no sign-in before encryption".to_owned(),
            methods => format!("sign-in before encryption: {}", methods.join(" ")),
        });
    }
    if server.starttls || server.key.implicit_tls {
        facts.push(match server.auth_after_tls.as_slice() {
            [] => "no sign-in after encryption".to_owned(),
            methods => format!("sign-in after encryption: {}", methods.join(" ")),
        });
    }
    if let Some(certificate) = &server.certificate {
        facts.push(format!("certificate {certificate}"));
    }
    println!("  {}", facts.join("; "));
}

fn print_sites<'a>(rows: impl Iterator<Item = &'a SiteRow>) {
    for row in rows.filter(|row| row.judgement.verdict != Verdict::Ok) {
        let verdict = match row.judgement.verdict {
            Verdict::Broken => "BROKEN ",
            Verdict::AtRisk => "AT RISK",
            Verdict::Unknown => "UNKNOWN",
            Verdict::Ok => "OK     ",
        };
        let id = row
            .judgement
            .id
            .as_deref()
            .map(|id| format!(" [{id}]"))
            .unwrap_or_default();
        println!("  {verdict} {} — {}", row.site, row.platform.label());
        println!("          {}", row.path.display());
        println!("          {}{id}", row.judgement.reason);
        for fix in &row.judgement.fix {
            println!("          Fix: {fix}");
        }
        if let Some(command) = &row.command {
            println!("          Apply it: {command}");
        }
    }
}
