//! The support report: one plain-text (Markdown) document a site owner can send to their
//! hosting provider's support. Everything a support person needs (the settings, each step, the
//! diagnosis, the TLS and certificate facts, what the server offers and the whole redacted
//! transcript) and never the password: it says "set (not included)", and the finished text is
//! scrubbed once more for the password and its base64 forms.

use std::fmt::Write as _;

use crate::diagnosis::Diagnosis;
use crate::event::{StepStatus, format_ms};
use crate::outcome::TestOutcome;
use crate::secret::SecretForms;
use crate::session::SessionReport;
use crate::settings::{Settings, Target};

/// The first line of every report (the CLI only overwrites files that start with it).
pub const REPORT_TITLE: &str = "# Mail Settings Tester support report";

/// The whole report as text.
pub fn support_report(outcome: &TestOutcome) -> String {
    let (settings, report) = (outcome.settings(), outcome.report());
    let mut out = String::new();
    header(&mut out, settings, report, outcome.diagnosis());
    settings_section(&mut out, settings, report);
    checklist_section(&mut out, report);
    diagnosis_section(&mut out, outcome);
    secure_section(&mut out, report);
    server_section(&mut out, report);
    transcript_section(&mut out, report);
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
    let _ = writeln!(out, "{REPORT_TITLE}\n");
    let _ = writeln!(
        out,
        "Made by Mail Settings Tester {} on {now} (UTC).\n",
        env!("CARGO_PKG_VERSION")
    );
    let result = match (report.ok(), diagnosis) {
        (true, None) => format!(
            "the server accepted the test message for {}",
            settings.recipient()
        ),
        (true, Some(diagnosis)) => format!(
            "the server accepted the test message for {}, but: {}",
            settings.recipient(),
            diagnosis.summary
        ),
        (false, Some(diagnosis)) => format!("FAILED: {}", diagnosis.summary),
        (false, None) => "FAILED".to_owned(),
    };
    let _ = writeln!(
        out,
        "Result: {result} (after {}).",
        format_ms(report.total_ms)
    );
    if let Some(error) = &report.error {
        let _ = writeln!(out, "Stopped because: {error}.");
    }
    out.push('\n');
}

/// How a table of web.config attributes shows what is not set.
pub(crate) struct Unset {
    /// For `host`.
    pub host: &'static str,
    /// For `userName`.
    pub user_name: &'static str,
    /// For `clientDomain`.
    pub client_domain: &'static str,
    /// For `from`.
    pub from: &'static str,
    /// The `password` row: (when set, when not set). The password itself is never shown.
    pub password: (&'static str, &'static str),
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
    let (set, not_set) = unset.password;
    let password = if settings.password.is_empty() {
        not_set
    } else {
        set
    };
    vec![
        ("host", show(&settings.host, unset.host)),
        ("port", settings.port.to_string()),
        ("enableSsl", settings.enable_ssl.to_string()),
        ("userName", show(&settings.user_name, unset.user_name)),
        ("password", password.to_owned()),
        (
            "defaultCredentials",
            settings.default_credentials.to_string(),
        ),
        (
            "clientDomain",
            show(&settings.client_domain, unset.client_domain),
        ),
        ("from", show(&settings.from, unset.from)),
        ("deliveryMethod", format!("{:?}", settings.delivery_method)),
    ]
}

fn settings_section(out: &mut String, settings: &Settings, report: &SessionReport) {
    let unset = Unset {
        host: "(empty)",
        user_name: "(none: no sign-in)",
        client_domain: "(this computer's name)",
        from: "(empty)",
        password: ("set (not included)", "not set"),
        trim: true,
    };
    let target = match settings.target {
        Target::DotNet => "ASP.NET (System.Net.Mail, web.config)",
        Target::Generic => "another mail program (the best the server offers)",
    };
    let security = report
        .security
        .unwrap_or_else(|| settings.effective_security());
    let t = settings.timeouts;
    let recipient = match settings.recipient() {
        "" => "(empty)",
        recipient => recipient,
    };
    let mut lines = attribute_rows(settings, &unset);
    lines.extend([
        ("test recipient", recipient.to_owned()),
        ("connection security used", security.label().to_owned()),
        ("tested as", target.to_owned()),
        (
            "time limits",
            format!(
                "connect {} s, greeting {} s, each command {} s",
                t.connect_secs, t.greeting_secs, t.command_secs
            ),
        ),
        (
            "certificate check",
            if settings.accept_invalid_certs {
                "off: invalid certificates were accepted (the website will not accept them)"
            } else {
                "on"
            }
            .to_owned(),
        ),
    ]);
    out.push_str("## Settings\n\n");
    for (name, value) in lines {
        let _ = writeln!(out, "- {name}: {value}");
    }
    if let Some(ca) = &settings.ca_file {
        let _ = writeln!(
            out,
            "- extra trusted certificate authorities: {}",
            ca.display()
        );
    }
    for note in &report.notes {
        let _ = writeln!(out, "- note ({}): {}", note.field.attribute(), note.message);
    }
    out.push('\n');
}

fn status_word(status: Option<StepStatus>) -> &'static str {
    match status {
        Some(StepStatus::Passed) => "ok",
        Some(StepStatus::Failed) => "FAILED",
        Some(StepStatus::Skipped) => "skipped",
        Some(StepStatus::Running) => "stopped",
        None => "not run",
    }
}

fn checklist_section(out: &mut String, report: &SessionReport) {
    out.push_str("## Checklist\n\n");
    for (item, status, ms) in report.checklist() {
        let time = if matches!(status, Some(StepStatus::Passed | StepStatus::Failed)) {
            format!(" ({})", format_ms(ms))
        } else {
            String::new()
        };
        let _ = writeln!(out, "- [{}] {}{time}", status_word(status), item.label());
    }
    out.push_str("\nEach step:\n\n");
    for record in &report.steps {
        let _ = writeln!(
            out,
            "- {}: {} ({})",
            record.step.label(),
            status_word(Some(record.status)),
            format_ms(record.ms)
        );
    }
    let _ = writeln!(out, "\nTotal: {}\n", format_ms(report.total_ms));
}

fn diagnosis_section(out: &mut String, outcome: &TestOutcome) {
    out.push_str("## Diagnosis\n\n");
    let Some(diagnosis) = outcome.diagnosis() else {
        out.push_str("No problem: the test message was accepted.\n\n");
        return;
    };
    let _ = writeln!(
        out,
        "Problem: {} [{}]\n",
        diagnosis.summary,
        diagnosis.id.as_str()
    );
    let _ = writeln!(out, "{}\n", diagnosis.explanation);
    if !diagnosis.steps_to_fix.is_empty() {
        out.push_str("What to do:\n\n");
        for (number, step) in diagnosis.steps_to_fix.iter().enumerate() {
            let _ = writeln!(out, "{}. {step}", number + 1);
        }
        out.push('\n');
    }
    if let Some(change) = &diagnosis.suggested_change {
        out.push_str("Suggested change:\n\n");
        for line in change.describe(outcome.settings()) {
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
    }
    if let Some(reply) = &diagnosis.server_reply {
        let _ = writeln!(out, "The server said: {reply}\n");
    }
    if let Some(exception) = outcome.aspnet_exception() {
        let _ = writeln!(out, "{}: {exception}\n", outcome.exception_heading());
    }
}

fn secure_section(out: &mut String, report: &SessionReport) {
    out.push_str("## Secure connection\n\n");
    match &report.tls {
        Some(tls) => {
            let _ = writeln!(out, "- TLS version: {}", tls.version);
            let _ = writeln!(out, "- cipher: {}", tls.cipher);
        }
        None => out.push_str("- not encrypted (no TLS was set up)\n"),
    }
    if report.password_sent_unencrypted {
        out.push_str(
            "- WARNING: the password was sent over the unencrypted connection (allowed for this test)\n",
        );
    }
    if let Some(cert) = &report.certificate {
        let _ = writeln!(out, "- certificate subject: {}", cert.subject);
        let _ = writeln!(out, "- certificate names: {}", cert.names.join(", "));
        let _ = writeln!(out, "- issued by: {}", cert.issuer);
        let _ = writeln!(
            out,
            "- valid from {} until {}",
            cert.not_before, cert.not_after
        );
        let _ = writeln!(out, "- expired: {}", yes_no(cert.expired));
        let _ = writeln!(out, "- self-signed: {}", yes_no(cert.self_signed));
        let _ = writeln!(out, "- SHA-256 fingerprint: {}", cert.sha256);
    }
    if let Some(problem) = &report.accepted_certificate_problem {
        let _ = writeln!(
            out,
            "- certificate problem accepted for this test only: {problem:?}"
        );
    }
    out.push('\n');
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn server_section(out: &mut String, report: &SessionReport) {
    out.push_str("## Server\n\n");
    let server = &report.server;
    let _ = writeln!(
        out,
        "- greeting: {}",
        server.banner.as_deref().unwrap_or("(none received)")
    );
    if server.extensions.is_empty() {
        out.push_str("- EHLO extensions: (none received)\n");
    } else {
        let _ = writeln!(out, "- EHLO extensions: {}", server.extensions.join(", "));
    }
    if !server.auth_mechanisms.is_empty() {
        let _ = writeln!(
            out,
            "- sign-in methods offered: {}",
            server.auth_mechanisms.join(" ")
        );
    }
    if let Some(id) = &report.message_id {
        let _ = writeln!(out, "- Message-ID of the test message: {id}");
    }
    out.push('\n');
}

fn transcript_section(out: &mut String, report: &SessionReport) {
    out.push_str("## Transcript\n\n");
    out.push_str(
        "`->` we sent, `<-` the server answered, `~>`/`<~` the same once encrypted, `**` notes from the tester. Passwords show as `<redacted>`.\n\n",
    );
    out.push_str("```\n");
    for line in &report.transcript {
        let _ = writeln!(out, "{:>6} ms {} {}", line.ms, line.mark(), line.text);
    }
    out.push_str("```\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Direction, SessionEvent, Step, StepRecord, TlsInfo, TranscriptLine};
    use crate::secret::Password;

    #[test]
    fn the_report_has_every_part_and_no_password() {
        let password = Password::new("Rep0rt-Secret");
        let settings = Settings {
            host: "smtp.example.com".into(),
            user_name: "me@example.com".into(),
            password: password.clone(),
            from: "me@example.com".into(),
            ..Settings::default()
        };
        let mut report = SessionReport::default();
        for event in [
            SessionEvent::Step(StepRecord {
                step: Step::Connect,
                status: StepStatus::Passed,
                ms: 3,
            }),
            SessionEvent::Line(TranscriptLine {
                dir: Direction::Server,
                text: "220 smtp.example.com ESMTP".into(),
                ms: 4,
                encrypted: false,
            }),
            SessionEvent::Line(TranscriptLine {
                dir: Direction::Client,
                // A leak that got past redaction is scrubbed here too.
                text: format!("AUTH PLAIN {}", password.wire_forms("me@example.com")[2]),
                ms: 5,
                encrypted: true,
            }),
            SessionEvent::Tls(TlsInfo {
                version: "TLSv1.3".into(),
                cipher: "TLS13_AES_256_GCM_SHA384".into(),
            }),
        ] {
            report.record(&event);
        }
        let text = support_report(&TestOutcome::new(settings, report, false));
        assert!(text.starts_with(REPORT_TITLE));
        assert!(text.contains(env!("CARGO_PKG_VERSION")));
        assert!(text.contains("- password: set (not included)"));
        assert!(text.contains("- [ok] Connect (3 ms)"));
        assert!(text.contains("     4 ms <- 220 smtp.example.com ESMTP"));
        assert!(text.contains("TLS version: TLSv1.3"));
        for form in password.wire_forms("me@example.com") {
            assert!(!text.contains(&form), "leaked {form}");
        }
    }
}
