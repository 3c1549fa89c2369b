//! Every snippet format × {STARTTLS 587, SSL on connect 465, no encryption 25}: the exact keys
//! appear, and awkward passwords come back unchanged when the output is parsed again (with a
//! real parser where Rust has one, with a small literal reader for PHP, Python and JavaScript).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "snippets/keys.rs"]
mod keys;
#[path = "snippets/notes.rs"]
mod notes;
#[path = "snippets/round_trips.rs"]
mod round_trips;

use std::collections::HashMap;

use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::{Security, Settings, Target};
use mail_settings_tester::snippet::{Format, PASSWORD_PLACEHOLDER, Snippet, render, web_config};
use percent_encoding::percent_decode_str;
use quick_xml::events::Event;

/// Quotes, backslash, dollar, braces, ampersand, angle bracket and spaces.
const NASTY: &str = r#"Secr3t&<"pass'\$ {x}"#;

/// More passwords that break naive escaping.
const PASSWORDS: [&str; 10] = [
    NASTY,
    "p${HOME}x$USER",
    "a+b%20c#d e?f/g:h@i",
    "ends with a backslash\\",
    "tab\there",
    "line\nbreak",
    "two\nlines\r\nhere",
    "ünïcødé € \u{2028}",
    "'wrapped'",
    "\"${APP_KEY}\"",
];

#[derive(Debug, Clone, Copy)]
enum Case {
    StartTls587,
    Implicit465,
    None25,
}

const CASES: [Case; 3] = [Case::StartTls587, Case::Implicit465, Case::None25];

fn settings(case: Case, password: &str) -> Settings {
    let base = Settings {
        host: "smtp.example.com".into(),
        user_name: "site@example.com".into(),
        password: Password::new(password),
        from: "site@example.com".into(),
        ..Settings::default()
    };
    match case {
        Case::StartTls587 => Settings {
            port: 587,
            enable_ssl: true,
            ..base
        },
        Case::Implicit465 => Settings {
            port: 465,
            enable_ssl: false,
            target: Target::Generic,
            ..base
        },
        Case::None25 => Settings {
            port: 25,
            enable_ssl: false,
            ..base
        },
    }
}

/// The snippet with the real password written into it.
fn with_password(format: Format, case: Case, password: &str) -> Snippet {
    let snippet = render(format, &settings(case, password), true);
    assert!(snippet.includes_password, "{format:?}");
    snippet
}
