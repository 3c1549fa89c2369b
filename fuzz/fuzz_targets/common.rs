//! What every target asks of text shown to a user, written out here on its own (not taken from
//! the library it checks): no control character but tab, and no bidi or invisible formatting.

#![allow(dead_code)] // each target uses what it needs

/// Whether `c` must never reach a terminal, the window or a file unescaped.
pub fn unsafe_char(c: char) -> bool {
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

/// Panics, naming `what`, when `text` holds such a character.
pub fn assert_displayable(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| unsafe_char(*c)) {
        panic!("{what} holds a raw U+{:04X}: {text:?}", u32::from(c));
    }
}
