//! Laravel: the `MAIL_` lines of `.env`, for Laravel 10 and for 11/12 in one block.
//!
//! Laravel 11+ reads `MAIL_SCHEME` (`smtp`|`smtps`); Laravel 10 and older read
//! `MAIL_ENCRYPTION`. Each version ignores the other's key, so both are written, labelled,
//! and always agree. Values are quoted by [`dotenv`](super::escape::dotenv) so that
//! phpdotenv never expands a `$` in them.

use std::fmt::Write as _;

use super::escape::dotenv;
use super::parts::Parts;
use super::{Format, Snippet};
use crate::settings::{Security, Settings};

/// The `.env` lines for the tested settings.
pub fn render(settings: &Settings, include_password: bool) -> Snippet {
    let mut parts = Parts::new(Format::Laravel, settings, include_password);
    let mut text = String::from("MAIL_MAILER=smtp\n");
    let _ = writeln!(text, "MAIL_HOST={}", dotenv(parts.host));
    let _ = writeln!(text, "MAIL_PORT={}", parts.port);
    match &parts.credentials {
        Some(credentials) => {
            let _ = writeln!(text, "MAIL_USERNAME={}", dotenv(credentials.user));
            let _ = writeln!(text, "MAIL_PASSWORD={}", dotenv(credentials.password));
        }
        None => text.push_str("MAIL_USERNAME=null\nMAIL_PASSWORD=null\n"),
    }
    let (scheme, encryption) = match parts.security {
        Security::StartTls => ("smtp", "tls"),
        Security::ImplicitTls => ("smtps", "ssl"),
        Security::None => ("smtp", "null"),
    };
    text.push_str("# Laravel 11 and 12: smtp = STARTTLS when offered, smtps = SSL on connect\n");
    let _ = writeln!(text, "MAIL_SCHEME={scheme}");
    text.push_str(
        "# Laravel 10 and older (newer versions ignore it): tls = STARTTLS, ssl = SSL on connect\n",
    );
    let _ = writeln!(text, "MAIL_ENCRYPTION={encryption}");
    if !parts.client_domain.is_empty() {
        let _ = writeln!(text, "MAIL_EHLO_DOMAIN={}", dotenv(parts.client_domain));
    }
    if !parts.from.is_empty() {
        let _ = writeln!(text, "MAIL_FROM_ADDRESS={}", dotenv(parts.from));
    }
    parts.warnings.push(
        crate::en!(
            "Laravel 11 and 12 no longer read MAIL_ENCRYPTION: they use MAIL_SCHEME. Both lines \
             are here so the block works on every version; keep them in step if you edit one."
        )
        .to_owned(),
    );
    if parts.security == Security::ImplicitTls && parts.port != 465 {
        parts.warnings.push(crate::en!(
            "Laravel 10 and older use SSL on connect only on port 465; on port {port} only \
             Laravel 11+ (MAIL_SCHEME=smtps) can.",
            port = parts.port
        ));
    }
    if let Some(credentials) = &parts.credentials {
        for (key, value) in [
            ("MAIL_USERNAME", credentials.user),
            ("MAIL_PASSWORD", credentials.password),
        ] {
            if laravel_changes(value) {
                parts.warnings.push(crate::en!(
                    "Laravel's env() turns the value of {key} into something else (true, false, \
                     null, empty or a value wrapped in quotes loses them): put it straight into \
                     config/mail.php instead.",
                    key = key
                ));
            }
        }
    }
    Snippet::from_parts(Format::Laravel, text, parts)
}

/// Whether Laravel's `env()` would not return `value` as written: it maps `true`, `false`,
/// `empty`, `null` (also in parentheses, any case) and strips one pair of matching quotes.
fn laravel_changes(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let keyword = ["true", "false", "empty", "null"]
        .iter()
        .any(|k| lower == *k || lower == format!("({k})"));
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    keyword || quoted
}

#[cfg(test)]
mod tests {
    use super::laravel_changes;

    #[test]
    fn env_keywords_and_wrapping_quotes_are_caught() {
        for value in ["null", "(TRUE)", "Empty", "'abc'", "\"x\""] {
            assert!(laravel_changes(value), "{value}");
        }
        for value in ["nullable", "'abc", "p'ss'", "Secr3t"] {
            assert!(!laravel_changes(value), "{value}");
        }
    }
}
