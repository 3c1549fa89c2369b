//! A password that cannot leak by accident: no `Display`, a redacted `Debug`, no `Serialize`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The text every secret is replaced with in transcripts and reports.
pub const REDACTED: &str = "<redacted>";

/// A password held in memory only. Read it with [`Password::expose`] at the one place that
/// needs it (the AUTH exchange, or a snippet the user asked to include it in).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Wraps a password.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The password itself. Call sites are few and reviewed: never print the result.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether no password was given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every form in which this password (with `user`) could appear on the wire: itself, its
    /// base64 form (AUTH LOGIN) and the AUTH PLAIN token. Used to scrub any text that leaves the
    /// engine, as a second line of defence behind redaction at the source.
    pub fn wire_forms(&self, user: &str) -> Vec<String> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let mut forms = vec![
            self.0.clone(),
            STANDARD.encode(self.0.as_bytes()),
            STANDARD.encode(format!("\0{user}\0{}", self.0)),
            STANDARD.encode(format!("{user}\0{user}\0{}", self.0)),
        ];
        forms.retain(|form| form.len() >= 3);
        forms
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            f.write_str("Password(<empty>)")
        } else {
            f.write_str("Password(<redacted>)")
        }
    }
}

/// Replaces every occurrence of any of `secrets` in `text` with [`REDACTED`].
pub fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_owned();
    for secret in secrets {
        if !secret.is_empty() && out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), REDACTED);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_password() {
        let password = Password::new("hunter2!");
        assert!(!format!("{password:?}").contains("hunter2"));
    }

    #[test]
    fn scrub_removes_plain_and_base64_forms() {
        let password = Password::new("Secr3t&<\"pass");
        let forms = password.wire_forms("user@example.com");
        let line = format!("echo {} and {}", password.expose(), forms[1]);
        let clean = scrub(&line, &forms);
        assert!(!clean.contains(password.expose()));
        assert!(!clean.contains(&forms[1]));
        assert_eq!(clean.matches(REDACTED).count(), 2);
    }
}
