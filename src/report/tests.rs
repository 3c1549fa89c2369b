//! The support report: every part there, no password, and the title in every language.

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

#[test]
fn the_title_is_the_english_title_in_english_and_known_in_every_language() {
    let english = crate::i18n::with_language(Language::English, report_title);
    assert_eq!(english, REPORT_TITLE);
    assert_eq!(format!("# {TITLE_WORDS}"), REPORT_TITLE);
    let titles = report_titles();
    assert_eq!(titles[0], REPORT_TITLE);
    assert!(titles.iter().all(|title| title.starts_with("# ")));
}
