//! Human-readable output: the live transcript, the checklist, the diagnosis, the snippet.

use crate::checklist::{ItemState, checklist_view};
use crate::diagnosis::Diagnosis;
use crate::event::TranscriptLine;
use crate::outcome::TestOutcome;
use crate::settings::{FieldProblem, SessionPlan, Settings, Severity, Target};
use crate::snippet::Snippet;

/// Prints what is about to be tested.
pub fn print_start(plan: &SessionPlan) {
    let target = match plan.target {
        Target::DotNet => "as ASP.NET (System.Net.Mail) would",
        Target::Generic => "as a generic mail program would",
    };
    println!(
        "Testing {}:{} with {}, {target}.\n",
        plan.host,
        plan.port,
        plan.security.label()
    );
}

/// Prints one transcript line: time, direction mark, text.
pub fn print_line(line: &TranscriptLine) {
    println!("{:>6} ms {} {}", line.ms, line.mark(), line.text);
}

/// Prints every settings problem, errors first.
pub fn print_problems(problems: &[FieldProblem]) {
    eprintln!("These settings need attention before a test can run:");
    for problem in problems {
        let label = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        eprintln!(
            "  {label} ({}): {}",
            problem.field.attribute(),
            problem.message
        );
    }
}

/// Prints the checklist, then the diagnosis or the success and the snippet.
/// A warning about what will stop working: what, why, what the site will log, the ways out.
fn print_warning(warning: &crate::warning::Warning) {
    println!(
        "\nWarning: {}  [{}]\n",
        warning.summary,
        warning.id.as_str()
    );
    println!("{}\n", wrap(&warning.explanation, 88));
    println!(
        "{}:\n  {}\n",
        warning.id.will_log_heading(),
        wrap(&warning.will_log, 86).replace('\n', "\n  ")
    );
    println!("Ways out:");
    for (number, way) in warning.ways_out.iter().enumerate() {
        println!(
            "  {}. {}",
            number + 1,
            wrap(way, 84).replace('\n', "\n     ")
        );
    }
}

pub fn print_outcome(outcome: &TestOutcome) {
    let (settings, report) = (outcome.settings(), outcome.report());
    println!("\nChecklist:");
    // The same blame as the window: the item to fix fails, the one the server refused only
    // "stopped here".
    for view in checklist_view(report, settings, outcome.diagnosis(), false) {
        let mark = match view.state {
            ItemState::Passed => "[ok]     ",
            ItemState::Failed => "[FAILED] ",
            ItemState::Stopped => "[stopped]",
            ItemState::Skipped => "[skipped]",
            ItemState::Working | ItemState::Waiting | ItemState::NotReached => "[not run]",
        };
        println!("  {mark} {:<18} {}", view.item.label(), view.detail);
    }
    println!();
    if let Some(diagnosis) = outcome.diagnosis() {
        print_diagnosis(Some(settings), diagnosis);
        if let Some(exception) = outcome.aspnet_exception() {
            println!("\n{}:\n  {exception}", outcome.exception_heading());
        }
        return;
    }
    if outcome.refuses_customers() {
        println!(
            "Only partly: the server accepted the test message for {} (its own mailbox), but \
             refuses outside addresses without a sign-in.",
            settings.recipient()
        );
    } else {
        println!(
            "Success: the server accepted the test message for {}.",
            settings.recipient()
        );
    }
    if let Some(id) = &report.message_id {
        println!("Message-ID: {id}");
    }
    if report.password_sent_unencrypted {
        println!(
            "Warning: the password crossed the network UNENCRYPTED (you allowed it for this test). \
             Set enableSsl to true so your website does not do the same."
        );
    }
    if let Some(problem) = &report.accepted_certificate_problem {
        println!(
            "Warning: the certificate is NOT valid ({problem:?}). Your website checks it and will fail."
        );
    }
    for warning in outcome.warnings() {
        print_warning(warning);
    }
    if let Some(snippet) = outcome.snippet() {
        print_snippet_offer(snippet, settings);
    }
}

/// The snippet after a success, where it goes, and how to get the other formats.
fn print_snippet_offer(snippet: &Snippet, settings: &Settings) {
    let placement = if snippet.format == crate::snippet::Format::WebConfig {
        "Paste this into your web.config, inside <configuration>:".to_owned()
    } else {
        format!("For {}:", snippet.format.label())
    };
    println!("\n{placement}\n");
    print_snippet(snippet);
    let others: Vec<&str> = crate::snippet::Format::ALL
        .iter()
        .filter(|f| **f != snippet.format)
        .map(|f| f.cli_name())
        .collect();
    let oauth = if settings.sign_in == crate::settings::SignIn::OAuth {
        format!(" --oauth {}", settings.oauth_app.provider.cli_name())
    } else {
        String::new()
    };
    println!(
        "\nOther platforms: mailtester snippet --format {}{oauth} ... (the same settings flags; --format all prints every one)",
        others.join("|")
    );
}

/// Prints a diagnosis card.
pub fn print_diagnosis(settings: Option<&Settings>, diagnosis: &Diagnosis) {
    println!(
        "Problem: {}  [{}]\n",
        diagnosis.summary,
        diagnosis.id.as_str()
    );
    println!("{}\n", wrap(&diagnosis.explanation, 88));
    if !diagnosis.steps_to_fix.is_empty() {
        println!("What to do:");
        for (number, step) in diagnosis.steps_to_fix.iter().enumerate() {
            println!(
                "  {}. {}",
                number + 1,
                wrap(step, 84).replace('\n', "\n     ")
            );
        }
        println!();
    }
    if let (Some(change), Some(settings)) = (&diagnosis.suggested_change, settings) {
        println!(
            "Suggested change (run again with {}):",
            change.cli_flags().join(" ")
        );
        for line in change.describe(settings) {
            println!("  {line}");
        }
        println!();
    }
    if let Some(reply) = &diagnosis.server_reply {
        println!("The server said: {reply}");
    }
}

/// Prints a snippet and its warnings.
pub fn print_snippet(snippet: &Snippet) {
    print!("{}", snippet.text);
    for warning in &snippet.warnings {
        println!("\nNote: {warning}");
    }
}

/// Prints several snippets, each under a heading with its format and file.
pub fn print_snippets(snippets: &[Snippet]) {
    for (index, snippet) in snippets.iter().enumerate() {
        if index > 0 {
            println!();
        }
        let label = snippet.format.label();
        if label == snippet.platform {
            println!("==== {label} ====\n");
        } else {
            println!("==== {label} ({}) ====\n", snippet.platform);
        }
        print_snippet(snippet);
    }
}

/// Wraps text at `width` columns on spaces.
fn wrap(text: &str, width: usize) -> String {
    text.lines()
        .map(|line| wrap_line(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line of `text` wrapped at `width`; a bullet line ("• …") keeps its text under the
/// bullet's text.
fn wrap_line(line: &str, width: usize) -> String {
    let hang = if line.starts_with("• ") { "  " } else { "" };
    let mut out = String::new();
    let mut column = 0;
    for word in line.split_whitespace() {
        if column > 0 && column + 1 + word.chars().count() > width {
            out.push('\n');
            out.push_str(hang);
            column = hang.len();
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.chars().count();
    }
    out
}

/// Prints the provider presets as a table with their notes.
pub fn print_presets() {
    println!(
        "{:<14} {:<36} {:<6} {:<10}",
        "PRESET", "HOST", "PORT", "enableSsl"
    );
    for preset in crate::presets::PRESETS {
        println!(
            "{:<14} {:<36} {:<6} {:<10}",
            preset.id,
            if preset.host.is_empty() {
                "(your host)"
            } else {
                preset.host
            },
            preset.port,
            preset.enable_ssl
        );
        println!("    {}", wrap(preset.note, 84).replace('\n', "\n    "));
        if !preset.aspnet_ok {
            println!("    Not usable from ASP.NET (System.Net.Mail).");
        }
    }
}
