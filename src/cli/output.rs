//! Human-readable output: the live transcript, the checklist, the diagnosis, the snippet.

use crate::checklist::{ItemState, checklist_view};
use crate::diagnosis::Diagnosis;
use crate::event::TranscriptLine;
use crate::i18n::tr;
use crate::outcome::TestOutcome;
use crate::settings::{FieldProblem, SessionPlan, Settings, Severity, Target};
use crate::snippet::Snippet;

/// Prints what is about to be tested.
pub fn print_start(plan: &SessionPlan) {
    let (host, port, security) = (&plan.host, plan.port, tr(plan.security.label()));
    let line = match plan.target {
        Target::DotNet => crate::tr!(
            "Testing {host}:{port} with {security}, as ASP.NET (System.Net.Mail) would.",
            host = host,
            port = port,
            security = security
        ),
        Target::Generic => crate::tr!(
            "Testing {host}:{port} with {security}, as a generic mail program would.",
            host = host,
            port = port,
            security = security
        ),
    };
    println!("{line}\n");
}

/// Prints one transcript line: time, direction mark, text.
pub fn print_line(line: &TranscriptLine) {
    println!("{:>6} ms {} {}", line.ms, line.mark(), line.text);
}

/// Prints every settings problem, errors first.
pub fn print_problems(problems: &[FieldProblem]) {
    eprintln!(
        "{}",
        crate::tr!("These settings need attention before a test can run:")
    );
    for problem in problems {
        eprintln!(
            "  {} ({}): {}",
            severity_word(problem.severity),
            problem.field.attribute(),
            tr(&problem.message)
        );
    }
}

/// A settings problem's severity, as a word.
pub fn severity_word(severity: Severity) -> String {
    match severity {
        Severity::Error => crate::tr!("error"),
        Severity::Warning => crate::tr!("warning"),
        Severity::Info => crate::tr!("note"),
    }
}

/// Prints the checklist, then the diagnosis or the success and the snippet.
/// A warning about what will stop working: what, why, what the site will log, the ways out.
fn print_warning(warning: &crate::warning::Warning) {
    println!(
        "\n{}  [{}]\n",
        crate::tr!("Warning: {summary}", summary = tr(&warning.summary)),
        warning.id.as_str()
    );
    println!("{}\n", wrap(&tr(&warning.explanation), 88));
    // What the website will log is .NET's exception or the server's reply: as it is.
    println!(
        "{}:\n  {}\n",
        tr(warning.id.will_log_heading()),
        wrap(&warning.will_log, 86).replace('\n', "\n  ")
    );
    println!("{}", crate::tr!("Ways out:"));
    for (number, way) in warning.ways_out.iter().enumerate() {
        println!(
            "  {}. {}",
            number + 1,
            wrap(&tr(way), 84).replace('\n', "\n     ")
        );
    }
}

pub fn print_outcome(outcome: &TestOutcome) {
    let (settings, report) = (outcome.settings(), outcome.report());
    println!("\n{}", crate::tr!("Checklist:"));
    // The same blame as the window: the item to fix fails, the one the server refused only
    // "stopped here". The marks stay as they are (scripts look for them); the words are translated.
    for view in checklist_view(report, settings, outcome.diagnosis(), false) {
        let mark = match view.state {
            ItemState::Passed => "[ok]     ",
            ItemState::Failed => "[FAILED] ",
            ItemState::Stopped => "[stopped]",
            ItemState::Skipped => "[skipped]",
            ItemState::Working | ItemState::Waiting | ItemState::NotReached => "[not run]",
        };
        println!(
            "  {mark} {:<18} {}",
            tr(view.item.label()),
            tr(&view.detail)
        );
    }
    println!();
    if let Some(diagnosis) = outcome.diagnosis() {
        print_diagnosis(Some(settings), diagnosis);
        if let Some(exception) = outcome.aspnet_exception() {
            // The heading is ours; the exception is .NET's, in English as the site logs it.
            println!("\n{}:\n  {exception}", tr(outcome.exception_heading()));
        }
        return;
    }
    let recipient = settings.recipient();
    if outcome.refuses_customers() {
        println!(
            "{}",
            crate::tr!(
                "Only partly: the server accepted the test message for {recipient} (its own mailbox), but refuses outside addresses without a sign-in.",
                recipient = recipient
            )
        );
    } else {
        println!(
            "{}",
            crate::tr!(
                "Success: the server accepted the test message for {recipient}.",
                recipient = recipient
            )
        );
    }
    if let Some(id) = &report.message_id {
        println!("Message-ID: {id}");
    }
    if report.password_sent_unencrypted {
        println!(
            "{}",
            crate::tr!(
                "Warning: the password crossed the network UNENCRYPTED (you allowed it for this test). Set enableSsl to true so your website does not do the same."
            )
        );
    }
    if let Some(problem) = &report.accepted_certificate_problem {
        let problem = format!("{problem:?}");
        println!(
            "{}",
            crate::tr!(
                "Warning: the certificate is NOT valid ({problem}). Your website checks it and will fail.",
                problem = problem
            )
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
        crate::tr!("Paste this into your web.config, inside <configuration>:")
    } else {
        crate::tr!("For {platform}:", platform = snippet.format.label())
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
    let command = format!(
        "mailtester snippet --format {}{oauth} ...",
        others.join("|")
    );
    println!(
        "\n{}",
        crate::tr!(
            "Other platforms: {command} (the same settings flags; --format all prints every one)",
            command = command
        )
    );
}

/// Prints a diagnosis card.
pub fn print_diagnosis(settings: Option<&Settings>, diagnosis: &Diagnosis) {
    println!(
        "{}  [{}]\n",
        crate::tr!("Problem: {summary}", summary = tr(&diagnosis.summary)),
        diagnosis.id.as_str()
    );
    println!("{}\n", wrap(&tr(&diagnosis.explanation), 88));
    if !diagnosis.steps_to_fix.is_empty() {
        println!("{}", crate::tr!("What to do:"));
        for (number, step) in diagnosis.steps_to_fix.iter().enumerate() {
            println!(
                "  {}. {}",
                number + 1,
                wrap(&tr(step), 84).replace('\n', "\n     ")
            );
        }
        println!();
    }
    if let (Some(change), Some(settings)) = (&diagnosis.suggested_change, settings) {
        let flags = change.cli_flags().join(" ");
        println!(
            "{}",
            crate::tr!("Suggested change (run again with {flags}):", flags = flags)
        );
        // `attribute: old → new` is configuration, named as the site names it: as it is.
        for line in change.describe(settings) {
            println!("  {line}");
        }
        println!();
    }
    // The server's own words, as it said them.
    if let Some(reply) = &diagnosis.server_reply {
        println!("{}", crate::tr!("The server said: {reply}", reply = reply));
    }
}

/// Prints a snippet and its warnings.
pub fn print_snippet(snippet: &Snippet) {
    print!("{}", snippet.text);
    for warning in &snippet.warnings {
        println!("\n{}", crate::tr!("Note: {note}", note = tr(warning)));
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
            println!("==== {label} ({}) ====\n", tr(&snippet.platform));
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
        crate::tr!("PRESET"),
        crate::tr!("HOST"),
        crate::tr!("PORT"),
        "enableSsl"
    );
    for preset in crate::presets::PRESETS {
        let host = if preset.host.is_empty() {
            crate::tr!("(your host)")
        } else {
            preset.host.to_owned()
        };
        println!(
            "{:<14} {:<36} {:<6} {:<10}",
            preset.id, host, preset.port, preset.enable_ssl
        );
        println!("    {}", wrap(&tr(preset.note), 84).replace('\n', "\n    "));
        if !preset.aspnet_ok {
            println!(
                "    {}",
                crate::tr!("Not usable from ASP.NET (System.Net.Mail).")
            );
        }
    }
}
