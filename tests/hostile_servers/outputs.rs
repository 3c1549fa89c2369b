//! Nothing a hostile server sends reaches an output raw: every control character (C0, DEL, C1)
//! and every bidi or invisible formatting character appears only escaped (`\x1b`, `\u{202e}`).

use mail_settings_tester::outcome::TestOutcome;
use mail_settings_tester::session::SessionReport;
use mail_settings_tester::settings::Settings;
use serde_json::Value;

/// Whether `c` must never reach an output raw. Newlines and tabs are how our own texts are laid
/// out (server lines never contain a newline: they are split on it).
pub fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{061c}'
        )
}

/// Panics with `what` and the offending characters when `text` holds a raw one.
pub fn assert_displayable(what: &str, text: &str) {
    let raw: Vec<String> = text
        .chars()
        .filter(|c| forbidden(*c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(
        raw.is_empty(),
        "{what} holds raw control characters {raw:?}: {text:?}"
    );
}

/// [`assert_displayable`] on every string (keys too) inside a JSON value. `serde_json` escapes C0
/// controls when it writes text, so the strings themselves are what must be clean.
pub fn assert_json_displayable(what: &str, value: &Value) {
    match value {
        Value::String(text) => assert_displayable(what, text),
        Value::Array(items) => {
            for item in items {
                assert_json_displayable(what, item);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                assert_displayable(what, key);
                assert_json_displayable(&format!("{what}.{key}"), item);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Every output of a finished session: the transcript, the error's words, the diagnosis, the
/// predicted ASP.NET exception, the certificate, the `--json` document and the support report.
/// Returns all of it as one text, for tests that look for the escaped forms.
pub fn assert_outputs_displayable(settings: &Settings, report: &SessionReport) -> String {
    let outcome = TestOutcome::new(settings.clone(), report.clone(), false);
    let diagnosis = outcome.diagnosis();
    let mut seen = String::new();
    let mut check_json = |what: &str, value: Value| {
        assert_json_displayable(what, &value);
        seen.push_str(&value.to_string());
        seen.push('\n');
    };
    check_json(
        "transcript",
        serde_json::to_value(&report.transcript).unwrap(),
    );
    check_json("diagnosis", serde_json::to_value(diagnosis).unwrap());
    check_json(
        "certificate",
        serde_json::to_value(&report.certificate).unwrap(),
    );
    check_json("server", serde_json::to_value(&report.server).unwrap());
    check_json("--json", mail_settings_tester::cli::send_document(&outcome));
    let texts = [
        (
            "error",
            report
                .error
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        (
            "ASP.NET exception",
            outcome.aspnet_exception().unwrap_or_default().to_owned(),
        ),
        (
            "support report",
            mail_settings_tester::report::support_report(&outcome),
        ),
    ];
    for (what, text) in texts {
        assert_displayable(what, &text);
        seen.push_str(&text);
        seen.push('\n');
    }
    seen
}

/// Checks a CLI stream: valid UTF-8 (invalid bytes were replaced, not passed on) and nothing
/// raw; returns it as text.
pub fn assert_stream_displayable(what: &str, bytes: &[u8]) -> String {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(err) => panic!("{what} is not UTF-8 ({err}): {bytes:?}"),
    };
    assert_displayable(what, &text);
    text
}
