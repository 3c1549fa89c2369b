//! The scan on the terminal: the blast radius per server (counts), then each site that needs
//! attention with its reason and fix. Sites that are OK are counted, not listed.

use crate::fleet::judge::Verdict;
use crate::fleet::report::{ScanReport, ServerRow, SiteRow};
use crate::i18n::tr;

/// `1 site`, `2 sites`, in the user's language.
pub fn sites(n: usize) -> String {
    if n == 1 {
        crate::tr!("1 site")
    } else {
        crate::tr!("{count} sites", count = n)
    }
}

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
            "\n{}",
            crate::tr!(
                "No server to contact ({sites})",
                sites = sites(serverless.len())
            )
        );
        print_sites(serverless.into_iter());
    }
    if !report.skipped.is_empty() {
        println!(
            "\n{}",
            crate::tr!("Skipped ({count}):", count = report.skipped.len())
        );
        for skipped in &report.skipped {
            println!("  {}: {}", skipped.path.display(), tr(&skipped.reason));
        }
    }
    let seconds = format!(
        "{}.{}",
        report.total_ms / 1000,
        report.total_ms % 1000 / 100
    );
    println!(
        "\n{}",
        crate::tr!(
            "{summary}; {files} files read in {seconds} s.",
            summary = tr(&report.summary()),
            files = report.files_read,
            seconds = seconds
        )
    );
    if report.sites.is_empty() {
        println!(
            "{}",
            crate::tr!(
                "No site with mail settings was found. Point the scan at the folder that holds the sites (for example C:\\inetpub\\vhosts or /var/www), or give --iis-config."
            )
        );
    }
}

fn print_server(server: &ServerRow) {
    println!(
        "\n{}",
        crate::tr!(
            "{server}: {sites} ({broken} broken, {at_risk} at risk, {unknown} unknown, {ok} OK)",
            server = server.key.label(),
            sites = sites(server.sites),
            broken = server.broken,
            at_risk = server.at_risk,
            unknown = server.unknown,
            ok = server.ok
        )
    );
    if server.ms == 0 && !server.answered && server.problem.is_none() {
        return;
    }
    if !server.answered {
        if let Some(problem) = &server.problem {
            println!(
                "  {}",
                crate::tr!("did not answer: {problem}", problem = tr(problem))
            );
        }
        return;
    }
    let mut facts = vec![if server.key.implicit_tls {
        crate::tr!("TLS on connect")
    } else if server.starttls {
        crate::tr!("offers STARTTLS")
    } else {
        crate::tr!("no STARTTLS")
    }];
    if !server.key.implicit_tls {
        facts.push(match server.auth_before_tls.as_slice() {
            [] => crate::tr!("no sign-in before encryption"),
            methods => crate::tr!(
                "sign-in before encryption: {methods}",
                methods = methods.join(" ")
            ),
        });
    }
    if server.starttls || server.key.implicit_tls {
        facts.push(match server.auth_after_tls.as_slice() {
            [] => crate::tr!("no sign-in after encryption"),
            methods => crate::tr!(
                "sign-in after encryption: {methods}",
                methods = methods.join(" ")
            ),
        });
    }
    if let Some(certificate) = &server.certificate {
        facts.push(crate::tr!(
            "certificate {certificate}",
            certificate = tr(certificate)
        ));
    }
    println!("  {}", facts.join("; "));
}

fn print_sites<'a>(rows: impl Iterator<Item = &'a SiteRow>) {
    for row in rows.filter(|row| row.judgement.verdict != Verdict::Ok) {
        let verdict = match row.judgement.verdict {
            Verdict::Broken => crate::tr!("BROKEN"),
            Verdict::AtRisk => crate::tr!("AT RISK"),
            Verdict::Unknown => crate::tr!("UNKNOWN"),
            Verdict::Ok => crate::tr!("OK"),
        };
        let id = row
            .judgement
            .id
            .as_deref()
            .map(|id| format!(" [{id}]"))
            .unwrap_or_default();
        println!("  {verdict:<7} {} — {}", row.site, tr(row.platform.label()));
        println!("          {}", row.path.display());
        println!("          {}{id}", tr(&row.judgement.reason));
        for fix in &row.judgement.fix {
            println!("          {}", crate::tr!("Fix: {fix}", fix = tr(fix)));
        }
        // The command is for copying: as it is.
        if let Some(command) = &row.command {
            println!(
                "          {}",
                crate::tr!("Apply it: {command}", command = command)
            );
        }
    }
}
