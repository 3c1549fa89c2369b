//! SMTP replies: the three-digit code, the enhanced status code (RFC 3463) and the text.

use serde::{Deserialize, Serialize};

/// One complete server reply, possibly spanning several lines (`250-...` then `250 ...`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// The basic reply code, e.g. 530.
    pub code: u16,
    /// The enhanced status code when the final line carries one, e.g. `5.7.0`.
    pub enhanced: Option<String>,
    /// The text of each line, without the code and separator.
    pub lines: Vec<String>,
}

impl Reply {
    /// Whether the code is 2xx or 3xx.
    pub fn is_positive(&self) -> bool {
        (200..400).contains(&self.code)
    }

    /// Whether the code is 4xx (try again later).
    pub fn is_transient(&self) -> bool {
        (400..500).contains(&self.code)
    }

    /// Whether the code is 5xx (will not work as it is).
    pub fn is_permanent(&self) -> bool {
        (500..600).contains(&self.code)
    }

    /// All lines' text joined by spaces (enhanced codes stripped from each line).
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|line| strip_enhanced(line).1)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The reply as the server sent it (one string, lines joined by spaces).
    pub fn display(&self) -> String {
        let mut out = self.code.to_string();
        if let Some(first) = self.lines.first() {
            out.push(' ');
            out.push_str(first);
        }
        for line in self.lines.iter().skip(1) {
            out.push(' ');
            out.push_str(line);
        }
        out
    }

    /// Builds a reply from its parts (tests and pasted text).
    pub fn new(code: u16, text: &str) -> Self {
        let (enhanced, _) = strip_enhanced(text);
        Self {
            code,
            enhanced: enhanced.map(str::to_owned),
            lines: vec![text.to_owned()],
        }
    }
}

/// What one received line says about the reply it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyLine {
    /// The line's code.
    pub code: u16,
    /// Whether more lines follow (`250-`).
    pub more: bool,
    /// The text after the separator.
    pub text: String,
}

/// Parses one reply line such as `250-PIPELINING` or `530 5.7.0 Must issue ...`.
/// Returns `None` when the line is not SMTP (HTTP, garbage, a bare code is accepted).
pub fn parse_line(line: &str) -> Option<ReplyLine> {
    let bytes = line.as_bytes();
    if bytes.len() < 3 || !bytes[..3].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let code: u16 = line.get(..3)?.parse().ok()?;
    if !(200..600).contains(&code) {
        return None;
    }
    let (more, text) = match bytes.get(3) {
        None => (false, ""),
        Some(b' ') => (false, line.get(4..).unwrap_or("")),
        Some(b'-') => (true, line.get(4..).unwrap_or("")),
        Some(_) => return None,
    };
    Some(ReplyLine {
        code,
        more,
        text: text.to_owned(),
    })
}

/// Splits a leading enhanced status code (`5.7.0 text`) from the text.
pub fn strip_enhanced(text: &str) -> (Option<&str>, &str) {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    if is_enhanced_code(first) {
        (Some(first), rest)
    } else {
        (None, text)
    }
}

/// Whether `word` looks like `class.subject.detail` with class 2, 4 or 5.
pub fn is_enhanced_code(word: &str) -> bool {
    let mut parts = word.split('.');
    let (Some(class), Some(subject), Some(detail), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    matches!(class, "2" | "4" | "5")
        && (1..=3).contains(&subject.len())
        && (1..=3).contains(&detail.len())
        && subject.chars().all(|c| c.is_ascii_digit())
        && detail.chars().all(|c| c.is_ascii_digit())
}

/// Collects reply lines into complete replies.
#[derive(Debug, Default)]
pub struct ReplyBuilder {
    code: Option<u16>,
    lines: Vec<String>,
}

/// Why a line could not be added to a reply.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    /// The line is not an SMTP reply line at all.
    NotSmtp(String),
    /// A continuation line changed the code half-way.
    MixedCodes {
        /// The code of the first line.
        first: u16,
        /// The code that broke the sequence.
        then: u16,
    },
}

/// The words a person reads (the session puts them into its diagnosis), marked for translation.
impl std::fmt::Display for ReplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotSmtp(line) => f.write_str(&crate::en!(
                "the server sent something that is not an SMTP reply: {line}",
                line = format!("{line:?}"),
            )),
            Self::MixedCodes { first, then } => f.write_str(&crate::en!(
                "the server's reply changed its code half-way ({first} then {then})",
                first = first,
                then = then,
            )),
        }
    }
}

impl ReplyBuilder {
    /// Adds one line; returns the finished reply after its last line.
    pub fn push(&mut self, line: &str) -> Result<Option<Reply>, ReplyError> {
        let parsed = parse_line(line).ok_or_else(|| ReplyError::NotSmtp(line.to_owned()))?;
        match self.code {
            Some(first) if first != parsed.code => {
                return Err(ReplyError::MixedCodes {
                    first,
                    then: parsed.code,
                });
            }
            _ => self.code = Some(parsed.code),
        }
        self.lines.push(parsed.text);
        if parsed.more {
            return Ok(None);
        }
        let lines = std::mem::take(&mut self.lines);
        self.code = None;
        let enhanced = lines
            .last()
            .and_then(|last| strip_enhanced(last).0)
            .map(str::to_owned);
        Ok(Some(Reply {
            code: parsed.code,
            enhanced,
            lines,
        }))
    }

    /// How many lines the reply in progress has.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether no reply is in progress.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_multi_line_ehlo() {
        let mut builder = ReplyBuilder::default();
        assert_eq!(builder.push("250-mail.example.com").unwrap(), None);
        assert_eq!(builder.push("250-STARTTLS").unwrap(), None);
        let reply = builder.push("250 AUTH LOGIN PLAIN").unwrap().unwrap();
        assert_eq!(reply.code, 250);
        assert_eq!(reply.lines.len(), 3);
        assert!(builder.is_empty());
    }

    #[test]
    fn enhanced_code_comes_from_the_last_line() {
        let mut builder = ReplyBuilder::default();
        builder
            .push("530-5.7.0 Authentication Required. Learn more at")
            .unwrap();
        let reply = builder
            .push("530 5.7.0 https://support.google.com/mail/?p=WantAuthError")
            .unwrap()
            .unwrap();
        assert_eq!(reply.enhanced.as_deref(), Some("5.7.0"));
        assert!(reply.text().starts_with("Authentication Required."));
    }

    #[test]
    fn rejects_http_and_garbage() {
        let mut builder = ReplyBuilder::default();
        assert!(matches!(
            builder.push("HTTP/1.1 400 Bad Request"),
            Err(ReplyError::NotSmtp(_))
        ));
        assert!(builder.push("\u{1}\u{2}\u{3}garbage").is_err());
        assert!(builder.push("999 nope").is_err());
        assert!(builder.push("").is_err());
    }

    #[test]
    fn mixed_codes_are_an_error() {
        let mut builder = ReplyBuilder::default();
        builder.push("250-one").unwrap();
        assert_eq!(
            builder.push("550 two"),
            Err(ReplyError::MixedCodes {
                first: 250,
                then: 550
            })
        );
    }

    #[test]
    fn enhanced_code_shapes() {
        assert!(is_enhanced_code("5.7.139"));
        assert!(is_enhanced_code("4.7.0"));
        assert!(!is_enhanced_code("5.7"));
        assert!(!is_enhanced_code("3.1.1"));
        assert!(!is_enhanced_code("Ready"));
    }
}
