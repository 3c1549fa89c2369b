//! The support report: one plain-text (Markdown) document a site owner can send to their
//! hosting provider's support. Everything a support person needs (the settings, each step, the
//! diagnosis, the TLS and certificate facts, what the server offers and the whole redacted
//! transcript) and never the password: it says "set (not included)", and the finished text is
//! scrubbed once more for the password and its base64 forms.
//!
//! The report is in the current language ([`crate::i18n::current`]), every text of it made
//! while it is built: run the builder inside [`crate::i18n::with_language`] to have it in
//! another (English, for a support desk). What is evidence stays as it was: the marks of the
//! checklist (`[ok]`, `[FAILED]`), attribute names, the server's replies, the transcript and
//! .NET's exception text.

mod evidence;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;

use crate::diagnosis::Diagnosis;
use crate::event::{StepStatus, format_ms};
use crate::i18n::{Language, tr};
use crate::outcome::TestOutcome;
use crate::secret::SecretForms;
use crate::session::SessionReport;
use crate::settings::{Settings, Target};

/// The first line of a report in English (the CLI only overwrites files that start with the
/// first line of a report in some language: [`report_titles`]).
pub const REPORT_TITLE: &str = "# Mail Settings Tester support report";

/// The title's words, as [`REPORT_TITLE`] has them after `# `.
const TITLE_WORDS: &str = crate::en!("Mail Settings Tester support report");

/// The first line of a report in the current language.
pub fn report_title() -> String {
    format!("# {}", tr(TITLE_WORDS))
}

/// The first line of a report in each language (English first, each one once).
pub fn report_titles() -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    for language in Language::ALL {
        let title = crate::i18n::with_language(language, report_title);
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    titles
}

/// A level-2 heading of the report, in the current language.
fn heading(out: &mut String, words: &str) {
    let _ = write!(out, "## {words}\n\n");
}

/// The whole report as text, in the current language.
pub fn support_report(outcome: &TestOutcome) -> String {
    let (settings, report) = (outcome.settings(), outcome.report());
    let mut out = String::new();
    header(&mut out, settings, report, outcome.diagnosis());
    settings_section(&mut out, settings, report);
    checklist_section(&mut out, report);
    diagnosis_section(&mut out, outcome);
    evidence::secure_section(&mut out, report);
    evidence::server_section(&mut out, report);
    evidence::transcript_section(&mut out, report);
    SecretForms::new(&settings.password, settings.user_name.trim()).scrub_encoded(&out)
}

/// [`support_report`], then, when the mailbox was checked, where the message landed and the
/// IMAP exchange (already redacted at its source).
pub fn support_report_with_inbox(
    outcome: &TestOutcome,
    inbox: Option<&crate::inbox::InboxReport>,
) -> String {
    let mut out = support_report(outcome);
    if let Some(inbox) = inbox {
        out.push_str(&crate::inbox::report_section(inbox));
    }
    out
}

fn header(
    out: &mut String,
    settings: &Settings,
    report: &SessionReport,
    diagnosis: Option<&Diagnosis>,
) {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now());
    let _ = writeln!(out, "{}\n", report_title());
    let made = crate::tr!(
        "Made by Mail Settings Tester {version} on {now} (UTC).",
        version = env!("CARGO_PKG_VERSION"),
        now = now
    );
    let _ = writeln!(out, "{made}\n");
    let recipient = settings.recipient();
    let time = format_ms(report.total_ms);
    let result = match (report.ok(), diagnosis) {
        (true, None) => crate::tr!(
            "Result: the server accepted the test message for {recipient} (after {time}).",
            recipient = recipient,
            time = time
        ),
        (true, Some(diagnosis)) => crate::tr!(
            "Result: the server accepted the test message for {recipient}, but: {summary} (after {time}).",
            recipient = recipient,
            summary = tr(&diagnosis.summary),
            time = time
        ),
        (false, Some(diagnosis)) => crate::tr!(
            "Result: FAILED: {summary} (after {time}).",
            summary = tr(&diagnosis.summary),
            time = time
        ),
        (false, None) => crate::tr!("Result: FAILED (after {time}).", time = time),
    };
    let _ = writeln!(out, "{result}");
    if let Some(error) = &report.error {
        let because = crate::tr!("Stopped because: {error}.", error = tr(&error.to_string()));
        let _ = writeln!(out, "{because}");
    }
    out.push('\n');
}

/// How a table of web.config attributes shows what is not set (in the user's language).
pub(crate) struct Unset {
    /// For `host`.
    pub host: String,
    /// For `userName`.
    pub user_name: String,
    /// For `clientDomain`.
    pub client_domain: String,
    /// For `from`.
    pub from: String,
    /// The `password` row: (when set, when not set). The password itself is never shown.
    pub password: (String, String),
    /// Whether values are trimmed first (the report shows what the test used; an import shows
    /// the file's values as they are).
    pub trim: bool,
}

/// The web.config attributes of `settings` as (name, value) rows, in web.config's order.
pub(crate) fn attribute_rows(settings: &Settings, unset: &Unset) -> Vec<(&'static str, String)> {
    let show = |value: &str, blank: &str| {
        let value = if unset.trim { value.trim() } else { value };
        if value.is_empty() { blank } else { value }.to_owned()
    };
    let (set, not_set) = &unset.password;
    let password = if settings.password.is_empty() {
        not_set
    } else {
        set
    };
    vec![
        ("host", show(&settings.host, &unset.host)),
        ("port", settings.port.to_string()),
        ("enableSsl", settings.enable_ssl.to_string()),
        ("userName", show(&settings.user_name, &unset.user_name)),
        ("password", password.clone()),
        (
            "defaultCredentials",
            settings.default_credentials.to_string(),
        ),
        (
            "clientDomain",
            show(&settings.client_domain, &unset.client_domain),
        ),
        ("from", show(&settings.from, &unset.from)),
        ("deliveryMethod", format!("{:?}", settings.delivery_method)),
    ]
}

fn settings_section(out: &mut String, settings: &Settings, report: &SessionReport) {
    let unset = Unset {
        host: crate::tr!("(empty)"),
        user_name: crate::tr!("(none: no sign-in)"),
        client_domain: crate::tr!("(this computer's name)"),
        from: crate::tr!("(empty)"),
        password: (crate::tr!("set (not included)"), crate::tr!("not set")),
        trim: true,
    };
    let target = match settings.target {
        Target::DotNet => "ASP.NET (System.Net.Mail, web.config)".to_owned(),
        Target::Generic => crate::tr!("another mail program (the best the server offers)"),
    };
    let security = report
        .security
        .unwrap_or_else(|| settings.effective_security());
    let t = settings.timeouts;
    let recipient = match settings.recipient() {
        "" => crate::tr!("(empty)"),
        recipient => recipient.to_owned(),
    };
    // Attribute names stay as web.config spells them; the other labels are words.
    let mut lines: Vec<(String, String)> = attribute_rows(settings, &unset)
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect();
    lines.extend([
        (crate::tr!("test recipient"), recipient),
        (
            crate::tr!("connection security used"),
            tr(security.label()).into_owned(),
        ),
        (crate::tr!("tested as"), target),
        (
            crate::tr!("time limits"),
            crate::tr!(
                "connect {connect} s, greeting {greeting} s, each command {command} s",
                connect = t.connect_secs,
                greeting = t.greeting_secs,
                command = t.command_secs
            ),
        ),
        (
            crate::tr!("certificate check"),
            if settings.accept_invalid_certs {
                crate::tr!(
                    "off: invalid certificates were accepted (the website will not accept them)"
                )
            } else {
                crate::tr!("on")
            },
        ),
    ]);
    heading(out, &crate::tr!("Settings"));
    for (name, value) in lines {
        let _ = writeln!(out, "- {name}: {value}");
    }
    if let Some(ca) = &settings.ca_file {
        let _ = writeln!(
            out,
            "- {}",
            crate::tr!(
                "extra trusted certificate authorities: {path}",
                path = ca.display()
            )
        );
    }
    for note in &report.notes {
        let _ = writeln!(
            out,
            "- {} ({}): {}",
            crate::tr!("note"),
            note.field.attribute(),
            tr(&note.message)
        );
    }
    out.push('\n');
}

/// The mark of a checklist line (`[FAILED]`): the same in every language, for `grep`.
fn status_mark(status: Option<StepStatus>) -> &'static str {
    match status {
        Some(StepStatus::Passed) => "ok",
        Some(StepStatus::Failed) => "FAILED",
        Some(StepStatus::Skipped) => "skipped",
        Some(StepStatus::Running) => "stopped",
        None => "not run",
    }
}

/// How a step went, in words.
fn status_word(status: StepStatus) -> String {
    match status {
        StepStatus::Passed => crate::tr!("ok"),
        StepStatus::Failed => crate::tr!("FAILED"),
        StepStatus::Skipped => crate::tr!("skipped"),
        StepStatus::Running => crate::tr!("stopped"),
    }
}

fn checklist_section(out: &mut String, report: &SessionReport) {
    heading(out, &crate::tr!("Checklist"));
    for (item, status, ms) in report.checklist() {
        let time = if matches!(status, Some(StepStatus::Passed | StepStatus::Failed)) {
            format!(" ({})", format_ms(ms))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- [{}] {}{time}",
            status_mark(status),
            tr(item.label())
        );
    }
    let _ = write!(out, "\n{}\n\n", crate::tr!("Each step:"));
    for record in &report.steps {
        let _ = writeln!(
            out,
            "- {}: {} ({})",
            tr(record.step.label()),
            status_word(record.status),
            format_ms(record.ms)
        );
    }
    let total = crate::tr!("Total: {time}", time = format_ms(report.total_ms));
    let _ = writeln!(out, "\n{total}\n");
}

fn diagnosis_section(out: &mut String, outcome: &TestOutcome) {
    heading(out, &crate::tr!("Diagnosis"));
    let Some(diagnosis) = outcome.diagnosis() else {
        let _ = write!(
            out,
            "{}\n\n",
            crate::tr!("No problem: the test message was accepted.")
        );
        return;
    };
    let _ = writeln!(
        out,
        "{} [{}]\n",
        crate::tr!("Problem: {summary}", summary = tr(&diagnosis.summary)),
        diagnosis.id.as_str()
    );
    let _ = writeln!(out, "{}\n", tr(&diagnosis.explanation));
    if !diagnosis.steps_to_fix.is_empty() {
        let _ = write!(out, "{}\n\n", crate::tr!("What to do:"));
        for (number, step) in diagnosis.steps_to_fix.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", number + 1, tr(step));
        }
        out.push('\n');
    }
    if let Some(change) = &diagnosis.suggested_change {
        let _ = write!(out, "{}\n\n", crate::tr!("Suggested change:"));
        // `attribute: old → new` is configuration: as it is.
        for line in change.describe(outcome.settings()) {
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
    }
    // The server's reply and .NET's exception are evidence: as they were.
    if let Some(reply) = &diagnosis.server_reply {
        let said = crate::tr!("The server said: {reply}", reply = reply);
        let _ = writeln!(out, "{said}\n");
    }
    if let Some(exception) = outcome.aspnet_exception() {
        let _ = writeln!(out, "{}: {exception}\n", tr(outcome.exception_heading()));
    }
}
