//! A password that cannot leak by accident: no `Display`, a redacted `Debug`, no `Serialize`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::reply::Reply;

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

/// What a server line becomes (after its reply code) when it carries the password in any form.
pub const HIDDEN_REPLY: &str = "<hidden: the server repeated your password here>";

/// Shortest base64 run that is checked for being part of an encoded password.
const MIN_BASE64_RUN: usize = 8;

/// Shortest part of a dotted token (a JWT's header, claims or signature) hidden on its own.
const MIN_TOKEN_PART: usize = 16;

/// Everything a text is searched for: the password and its encoded wire forms.
#[derive(Clone, Default)]
pub struct SecretForms {
    /// The password itself (empty when it is too short to search for without false alarms).
    raw: String,
    /// Its base64 form and the AUTH PLAIN tokens.
    encoded: Vec<String>,
}

impl std::fmt::Debug for SecretForms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretForms(<redacted>)")
    }
}

impl SecretForms {
    /// The forms of `password` signed in as `user`.
    pub fn new(password: &Password, user: &str) -> Self {
        let mut forms = password.wire_forms(user).into_iter();
        let raw = forms.next().unwrap_or_default();
        Self {
            raw,
            encoded: forms.collect(),
        }
    }

    /// The forms of an OAuth access `token` used by `user` against `host:port`: the token, its
    /// base64, the XOAUTH2 and OAUTHBEARER strings in base64, and each long part of a JWT (its
    /// claims and its signature). All of them are scrubbed from our own lines too: unlike a
    /// password, a token is never a word of a host name.
    pub fn for_token(token: &Password, user: &str, host: &str, port: u16) -> Self {
        let raw = token.expose().trim();
        if raw.is_empty() {
            return Self::default();
        }
        let mut encoded = vec![
            raw.to_owned(),
            STANDARD.encode(raw),
            STANDARD.encode(crate::oauth::xoauth2_string(user, raw)),
            STANDARD.encode(crate::oauth::bearer_string(user, host, port, raw)),
        ];
        encoded.extend(
            raw.split('.')
                .filter(|part| part.len() >= MIN_TOKEN_PART)
                .map(str::to_owned),
        );
        Self {
            raw: raw.to_owned(),
            encoded,
        }
    }

    /// Adds the forms in `other` (a client secret or refresh token besides a password).
    #[must_use]
    pub fn and(mut self, other: Self) -> Self {
        if self.raw.is_empty() {
            self.raw = other.raw;
        } else if !other.raw.is_empty() {
            self.encoded.push(other.raw);
        }
        self.encoded.extend(other.encoded);
        self
    }

    /// The forms of a secret that only ever travels to an OAuth token endpoint (a client secret,
    /// a refresh token): itself and its base64 and URL-encoded forms.
    pub fn for_endpoint_secret(secret: &Password) -> Self {
        let raw = secret.expose().trim();
        if raw.len() < 3 {
            return Self::default();
        }
        let url = percent_encoding::utf8_percent_encode(raw, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
        Self {
            raw: raw.to_owned(),
            encoded: vec![raw.to_owned(), STANDARD.encode(raw), url],
        }
    }

    /// Whether `text` carries the password: as it is, in an encoded form, part of an encoded
    /// form (an echo cut short or re-wrapped over several lines), or inside any base64 run.
    pub fn appear_in(&self, text: &str) -> bool {
        if !self.raw.is_empty() && text.contains(self.raw.as_str()) {
            return true;
        }
        if self.encoded.iter().any(|form| text.contains(form.as_str())) {
            return true;
        }
        base64_runs(text).any(|run| self.run_reveals(run))
    }

    fn run_reveals(&self, run: &str) -> bool {
        let part_of_form =
            run.len() >= MIN_BASE64_RUN && self.encoded.iter().any(|form| form.contains(run));
        part_of_form || (!self.raw.is_empty() && decodes_to_contain(run, self.raw.as_bytes()))
    }

    /// A line the server sent, with everything after its reply code hidden when it carries the
    /// password. The whole rest is hidden, not only the match: cutting out just the password
    /// would show where it was (say, in the server's own name).
    pub fn hide_in_server_line(&self, line: &str) -> String {
        if !self.appear_in(line) {
            return line.to_owned();
        }
        let code = line
            .get(..4)
            .filter(|start| start.as_bytes().iter().take(3).all(u8::is_ascii_digit));
        match code {
            Some(code) => format!("{code}{HIDDEN_REPLY}"),
            None => HIDDEN_REPLY.to_owned(),
        }
    }

    /// Text the server sent without a reply code (one line of a parsed reply, the banner, an
    /// EHLO keyword line): [`HIDDEN_REPLY`] when it carries the password, else itself.
    pub fn hide_in_text(&self, text: &str) -> String {
        if self.appear_in(text) {
            HIDDEN_REPLY.to_owned()
        } else {
            text.to_owned()
        }
    }

    /// A reply parsed from what the server really sent, as it may be shown and kept: each line
    /// that carries the password hidden (as the transcript shows it), and the enhanced status
    /// code kept unless it carries it too. Replies are parsed first and hidden after, so that a
    /// password which is also a word of the protocol (`LOGIN`) cannot change what they mean.
    pub fn hide_in_reply(&self, reply: &Reply) -> Reply {
        Reply {
            code: reply.code,
            enhanced: reply.enhanced.clone().filter(|code| !self.appear_in(code)),
            lines: reply
                .lines
                .iter()
                .map(|line| self.hide_in_text(line))
                .collect(),
        }
    }

    /// `text` with the encoded forms replaced by [`REDACTED`]. For our own words, which never
    /// carry the password except by coincidence (a password that is also part of the host
    /// name): those stay, since cutting them out would point at the password.
    pub fn scrub_encoded(&self, text: &str) -> String {
        scrub(text, &self.encoded)
    }
}

/// Maximal runs of base64 characters in `text`.
fn base64_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
        .filter(|run| run.len() >= 4)
}

/// Whether `run`, decoded as base64 from any of its first four offsets, contains `needle`.
fn decodes_to_contain(run: &str, needle: &[u8]) -> bool {
    let engine = base64::engine::general_purpose::STANDARD_NO_PAD;
    (0..4).any(|offset| {
        let Some(rest) = run.get(offset..) else {
            return false;
        };
        let body = rest.trim_end_matches('=');
        let usable = body.len() - body.len() % 4;
        body.get(..usable)
            .and_then(|chunk| engine.decode(chunk).ok())
            .is_some_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
    })
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

    fn forms() -> SecretForms {
        SecretForms::new(&Password::new("Secr3t&<\"pass"), "user@example.com")
    }

    #[test]
    fn echoes_of_the_password_hide_the_whole_reply_but_its_code() {
        let forms = forms();
        let plain_token = STANDARD.encode("\0user@example.com\0Secr3t&<\"pass");
        let login = STANDARD.encode("Secr3t&<\"pass");
        for echo in [
            format!("535 5.7.8 bad token {plain_token}"),
            format!("535 5.7.8 you sent {login}"),
            format!("535 you sent {}", plain_token.get(..12).unwrap()),
            format!("535-{}", plain_token.get(12..24).unwrap()),
            format!(
                "535 {}",
                STANDARD.encode("your password was Secr3t&<\"pass, wrong")
            ),
            "535 Secr3t&<\"pass is wrong".to_owned(),
        ] {
            assert_eq!(
                forms.hide_in_server_line(&echo),
                format!("{}{HIDDEN_REPLY}", echo.get(..4).unwrap()),
                "{echo}"
            );
        }
        let innocent = "250-AUTH PLAIN LOGIN VXNlcm5hbWU6 SIZE 10240000";
        assert_eq!(forms.hide_in_server_line(innocent), innocent);
    }

    /// A password that is also a word of the host name: our own lines keep the name whole,
    /// and a server line that contains it is hidden entirely, never cut around the password.
    #[test]
    fn cutting_never_points_at_the_password() {
        let forms = SecretForms::new(&Password::new("example"), "user@example.com");
        assert_eq!(
            forms.scrub_encoded("connecting to mail.example.com"),
            "connecting to mail.example.com"
        );
        let shown = forms.hide_in_server_line("220 mail.example.com ESMTP");
        assert_eq!(shown, format!("220 {HIDDEN_REPLY}"));
        assert!(!shown.contains("mail."));
    }

    /// A reply is hidden line by line after parsing: its code and meaning stay.
    #[test]
    fn a_parsed_reply_keeps_its_code_and_hides_the_echo() {
        let forms = SecretForms::new(&Password::new("LOGIN"), "user@example.com");
        let reply = Reply {
            code: 250,
            enhanced: None,
            lines: vec!["fake.test".to_owned(), "AUTH PLAIN LOGIN".to_owned()],
        };
        let shown = forms.hide_in_reply(&reply);
        assert_eq!(shown.code, 250);
        assert_eq!(shown.lines, vec!["fake.test", HIDDEN_REPLY]);
        let refused = Reply::new(535, "5.7.8 you sent TE9HSU4=");
        let shown = forms.hide_in_reply(&refused);
        assert_eq!(shown.enhanced.as_deref(), Some("5.7.8"));
        assert_eq!(shown.lines, vec![HIDDEN_REPLY]);
    }

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
