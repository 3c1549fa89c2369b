//! Arbitrary bytes as a message a mailbox holds, read for the receiving server's checks
//! (`inbox::receiver_checks_in`: the header block, unfolded, then the topmost
//! `Authentication-Results`). Nothing may panic, and every text it returns is safe to show:
//! no control or bidi/invisible formatting character, and the server's name is one word.

#![no_main]

mod common;

use common::assert_displayable;
use libfuzzer_sys::fuzz_target;
use mail_settings_tester::inbox::receiver_checks_in;

fuzz_target!(|data: &[u8]| {
    let Some(checks) = receiver_checks_in(data) else {
        return;
    };
    assert_displayable("checked_by", &checks.checked_by);
    assert!(!checks.checked_by.contains(' '), "{:?}", checks.checked_by);
    for check in &checks.checks {
        assert!(!check.method.is_empty());
        assert_displayable("method", &check.method);
        assert_displayable("result", &check.result);
        assert_displayable("text", &check.text);
        for property in &check.properties {
            assert_displayable("property", property);
        }
        if let Some(comment) = &check.comment {
            assert_displayable("comment", comment);
        }
        let expected = match check.result.as_str() {
            "pass" => Some(true),
            "fail" | "softfail" | "permerror" | "temperror" | "hardfail" => Some(false),
            _ => None,
        };
        assert_eq!(check.passed, expected);
    }
});
