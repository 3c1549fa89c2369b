//! Text from the network (replies, banners, certificate fields, TLS errors), made safe to show
//! in a terminal, the window, JSON or a file: invalid UTF-8 becomes U+FFFD, and every control or
//! invisible formatting character is shown escaped (`\x1b`, `\u{202e}`), so a hostile server can
//! neither move the cursor, ring the bell, hide text nor reverse what the user reads.

use std::fmt::Write as _;

/// `bytes` as text that is safe to show.
pub fn displayable(bytes: &[u8]) -> String {
    displayable_str(&String::from_utf8_lossy(bytes))
}

/// `text` with every control and bidirectional/invisible formatting character escaped. Tabs
/// stay (they are harmless and servers use them in EHLO lines).
pub fn displayable_str(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            let code = u32::from(c);
            if code < 0x100 {
                let _ = write!(out, "\\x{code:02x}");
            } else {
                let _ = write!(out, "\\u{{{code:04x}}}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` could change how the surrounding text looks: C0 and C1 controls, DEL, and the
/// Unicode format characters that reorder or hide text (bidi overrides and isolates, zero-width
/// characters, the byte order mark).
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_text_stays() {
        assert_eq!(
            displayable_str("220 mail ESMTP\tready"),
            "220 mail ESMTP\tready"
        );
        assert_eq!(
            displayable_str("220 \x1b[31mred\x07\0"),
            "220 \\x1b[31mred\\x07\\x00"
        );
        assert_eq!(displayable_str("a\u{202e}b\u{85}c"), "a\\u{202e}b\\x85c");
        assert_eq!(displayable_str("zero\u{200b}width"), "zero\\u{200b}width");
        assert_eq!(displayable_str("café ✓"), "café ✓");
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        assert_eq!(displayable(b"220 \xff\xfe ok"), "220 \u{fffd}\u{fffd} ok");
        assert_eq!(displayable(b"line\r\n"), "line\\x0d\\x0a");
    }
}
