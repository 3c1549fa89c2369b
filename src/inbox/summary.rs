//! The inbox check's answer as text: what the command line prints and what the support report
//! carries (with the IMAP exchange).

use std::fmt::Write as _;

use super::model::InboxReport;

/// Where the message landed, the receiving server's checks and our DKIM check, in plain text
/// (each line indented by two spaces).
pub fn summary(report: &InboxReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  {}", report.verdict_text);
    let _ = writeln!(out, "  {}", report.explanation);
    let Some(arrival) = &report.arrival else {
        let _ = writeln!(
            out,
            "  Folders searched: {}",
            report.folders_searched.join(", ")
        );
        return out;
    };
    match &arrival.receiver_checks {
        Some(checks) => {
            let _ = writeln!(
                out,
                "\n  The receiving server's own checks ({}):",
                checks.checked_by
            );
            for check in &checks.checks {
                let mark = match check.passed {
                    Some(true) => "pass",
                    Some(false) => "FAIL",
                    None => "----",
                };
                let _ = writeln!(out, "    [{mark}] {}", check.text);
            }
        }
        None => out.push_str("\n  The receiving server added no Authentication-Results header.\n"),
    }
    let _ = writeln!(out, "\n  {}", arrival.dkim_text);
    for signature in &arrival.dkim {
        let _ = writeln!(out, "    - {}", signature.text);
    }
    out
}

/// The support report's section: the summary, then the IMAP exchange.
pub fn report_section(report: &InboxReport) -> String {
    let mut out = format!("\n## Did it land? ({})\n\n", report.mailbox);
    out.push_str(&summary(report));
    out.push_str("\nThe mailbox (IMAP) exchange; the password shows as `<redacted>`:\n\n```\n");
    for line in &report.transcript {
        let _ = writeln!(out, "{:>6} ms {} {}", line.ms, line.mark(), line.text);
    }
    out.push_str("```\n");
    out
}
