//! The inbox check's answer as text: what the command line prints and what the support report
//! carries (with the IMAP exchange).

use std::fmt::Write as _;

use super::model::InboxReport;
use crate::i18n::tr;

/// Where the message landed, the receiving server's checks and our DKIM check, in plain text
/// (each line indented by two spaces), in the current language: each line is translated on its
/// own (the command line prints it; the support report asks for English).
pub fn summary(report: &InboxReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  {}", tr(&report.verdict_text));
    let _ = writeln!(out, "  {}", tr(&report.explanation));
    let Some(arrival) = &report.arrival else {
        let folders = report.folders_searched.join(", ");
        let _ = writeln!(
            out,
            "  {}",
            tr(&crate::en!(
                "Folders searched: {folders}",
                folders = folders
            ))
        );
        return out;
    };
    if let Some(checks) = &arrival.receiver_checks {
        let heading = crate::en!(
            "The receiving server's own checks ({server}):",
            server = checks.checked_by
        );
        let _ = writeln!(out, "\n  {}", tr(&heading));
        for check in &checks.checks {
            // Authentication-Results' own result words.
            let mark = match check.passed {
                Some(true) => "pass",
                Some(false) => "FAIL",
                None => "----",
            };
            let _ = writeln!(out, "    [{mark}] {}", tr(&check.text));
        }
    } else {
        let none = crate::en!("The receiving server added no Authentication-Results header.");
        let _ = writeln!(out, "\n  {}", tr(none));
    }
    let _ = writeln!(out, "\n  {}", tr(&arrival.dkim_text));
    for signature in &arrival.dkim {
        let _ = writeln!(out, "    - {}", tr(&signature.text));
    }
    out
}

/// The support report's section, in the report's language (the caller's): the summary, then
/// the IMAP exchange.
pub fn report_section(report: &InboxReport) -> String {
    let heading = tr(crate::en!("Did it land?"));
    let mut out = format!("\n## {heading} ({})\n\n", report.mailbox);
    out.push_str(&summary(report));
    let exchange = tr(crate::en!(
        "The mailbox (IMAP) exchange; the password shows as `<redacted>`:"
    ));
    let _ = write!(out, "\n{exchange}\n\n```\n");
    for line in &report.transcript {
        let _ = writeln!(out, "{:>6} ms {} {}", line.ms, line.mark(), line.text);
    }
    out.push_str("```\n");
    out
}
