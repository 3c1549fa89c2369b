//! Arbitrary bytes as a message a mailbox holds, read for the receiving server's checks
//! (`inbox::receiver_checks_in`: the header block, unfolded, then the topmost
//! `Authentication-Results`). Nothing may panic, and every text it returns is safe to show:
//! no control or bidi/invisible formatting character, and the server's name is one word.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_settings_tester::inbox::receiver_checks_in;

fn unsafe_char(c: char) -> bool {
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

fn assert_safe(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| unsafe_char(*c)) {
        panic!("{what} let U+{:04X} through: {text:?}", u32::from(c));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(checks) = receiver_checks_in(data) else {
        return;
    };
    assert_safe("checked_by", &checks.checked_by);
    assert!(!checks.checked_by.contains(' '), "{:?}", checks.checked_by);
    for check in &checks.checks {
        assert!(!check.method.is_empty());
        assert_safe("method", &check.method);
        assert_safe("result", &check.result);
        assert_safe("text", &check.text);
        for property in &check.properties {
            assert_safe("property", property);
        }
        if let Some(comment) = &check.comment {
            assert_safe("comment", comment);
        }
        let expected = match check.result.as_str() {
            "pass" => Some(true),
            "fail" | "softfail" | "permerror" | "temperror" | "hardfail" => Some(false),
            _ => None,
        };
        assert_eq!(check.passed, expected);
    }
});
