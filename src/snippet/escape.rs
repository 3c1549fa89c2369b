//! String literals for each configuration language. Every function returns the complete
//! literal (quotes included) that the language reads back as exactly `value`.

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but the URL "unreserved" characters (RFC 3986 §2.3) is percent-encoded.
const URL_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A PHP single-quoted string: only `\\` and `\'` are escapes there, and nothing is
/// interpolated (`$` is plain text).
pub fn php(value: &str) -> String {
    quoted(value, '\'', |out, ch| match ch {
        '\\' => out.push_str("\\\\"),
        '\'' => out.push_str("\\'"),
        _ => out.push(ch),
    })
}

/// A Python single-quoted string (not raw: a raw string cannot end in a backslash).
pub fn python(value: &str) -> String {
    c_like(value, false)
}

/// A JavaScript single-quoted string (U+2028 and U+2029 escaped for older engines).
pub fn javascript(value: &str) -> String {
    c_like(value, true)
}

/// Backslash escapes shared by Python and JavaScript: `\\`, `\'`, `\n`, `\r`, `\t`, and
/// `\xNN` for other control characters.
fn c_like(value: &str, line_separators: bool) -> String {
    quoted(value, '\'', |out, ch| match ch {
        '\\' => out.push_str("\\\\"),
        '\'' => out.push_str("\\'"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{2028}' | '\u{2029}' if line_separators => {
            let _ = write!(out, "\\u{:04x}", u32::from(ch));
        }
        c if c.is_ascii_control() => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c => out.push(c),
    })
}

/// `value` between two `quote`s, each character written by `write_char`.
fn quoted(value: &str, quote: char, write_char: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push(quote);
    for ch in value.chars() {
        write_char(&mut out, ch);
    }
    out.push(quote);
    out
}

/// A JSON string (escaped by `serde_json`).
pub fn json(value: &str) -> String {
    serde_json::Value::String(value.to_owned()).to_string()
}

/// A value for a `.env` file as vlucas/phpdotenv (Laravel) reads it, chosen so that nothing
/// is ever interpolated:
///
/// - plain words (letters, digits, `. _ @ + - / :`) stay bare;
/// - otherwise single quotes, which phpdotenv (and dotenvy, and Symfony's Dotenv) take
///   literally: no escapes, no `${VAR}` expansion;
/// - a value that itself holds `'` or a line break cannot be single-quoted, so it is
///   double-quoted with `\\`, `\"`, `\$`, `\n` and `\r` escaped. phpdotenv's double-quoted state
///   expands an unescaped `$`, but `\$` is a literal dollar (its `ESCAPE_SEQUENCE_STATE`).
///   A value ending in `\` is double-quoted too: some readers (dotenvy) would take `\'` for
///   an escaped quote when looking for the end of the line.
pub fn dotenv(value: &str) -> String {
    let bare = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._@+-/:".contains(c));
    if bare {
        return value.to_owned();
    }
    if !value.contains(['\'', '\n', '\r']) && !value.ends_with('\\') {
        return format!("'{value}'");
    }
    quoted(value, '"', |out, ch| match ch {
        '\\' => out.push_str("\\\\"),
        '"' => out.push_str("\\\""),
        '$' => out.push_str("\\$"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c => out.push(c),
    })
}

/// A user name or password inside a URL (`user:pass@host`): every byte that is not
/// unreserved is percent-encoded, so `@ : / ? # % +` and spaces cannot change the URL's
/// meaning (`+` as `%2B`, because PHP's `urldecode` reads a bare `+` as a space).
pub fn url_component(value: &str) -> String {
    utf8_percent_encode(value, URL_COMPONENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_escapes_only_backslash_and_quote() {
        assert_eq!(php(r"a'b\c$d"), r"'a\'b\\c$d'");
    }

    #[test]
    fn python_and_javascript_escape_controls() {
        assert_eq!(python("a'\n\u{1}"), r"'a\'\n\x01'");
        assert_eq!(javascript("x\u{2028}"), r"'x\u2028'");
        assert_eq!(python("x\u{2028}"), "'x\u{2028}'");
    }

    #[test]
    fn dotenv_picks_the_safest_quoting() {
        assert_eq!(dotenv("smtp.example.com"), "smtp.example.com");
        assert_eq!(dotenv("a b${X}"), "'a b${X}'");
        assert_eq!(dotenv(r"it's $HOME\"), r#""it's \$HOME\\""#);
        assert_eq!(dotenv(""), "''");
        // phpdotenv reads \r (stripcslashes); a raw carriage return would split the line.
        assert_eq!(dotenv("a\r\nb"), r#""a\r\nb""#);
    }

    #[test]
    fn url_component_encodes_everything_reserved() {
        assert_eq!(url_component("a+b@c:d/e f%~"), "a%2Bb%40c%3Ad%2Fe%20f%25~");
    }

    #[test]
    fn json_is_serde_json() {
        assert_eq!(json("a\"\\"), r#""a\"\\""#);
    }
}
