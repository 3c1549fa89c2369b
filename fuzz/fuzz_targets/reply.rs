//! Arbitrary bytes as a server's replies, line by line as the session reads them: every line
//! first made displayable (`untrusted::displayable`, as `Connection::read_line` does), then fed to
//! the reply parser and the classifier. Nothing may panic, and:
//! - displayable text holds no control or bidi/invisible formatting character, is left alone by a
//!   second pass, and leaves text that needed no escaping unchanged;
//! - the builder agrees with `parse_line`: a finished reply has a code in 200–599, at least one
//!   line, the last line's text and an enhanced code only when that line starts with one; a
//!   continuation keeps the reply open; a non-SMTP line is refused as it was.

#![no_main]

mod common;

use common::{assert_displayable, unsafe_char};
use libfuzzer_sys::fuzz_target;
use mail_settings_tester::diagnosis::classify_reply;
use mail_settings_tester::event::Step;
use mail_settings_tester::reply::{
    ReplyBuilder, ReplyError, is_enhanced_code, parse_line, strip_enhanced,
};
use mail_settings_tester::untrusted::{displayable, displayable_str};

fn check_displayable(data: &[u8]) {
    let shown = displayable(data);
    assert_displayable("displayable", &shown);
    assert_eq!(displayable_str(&shown), shown, "a second pass changed it");
    if let Ok(text) = std::str::from_utf8(data)
        && !text.chars().any(unsafe_char)
    {
        assert_eq!(shown, text, "harmless text was changed");
    }
}

const STEPS: [Step; 5] = [
    Step::Greeting,
    Step::Ehlo,
    Step::Auth,
    Step::RcptTo,
    Step::Data,
];

fuzz_target!(|data: &[u8]| {
    check_displayable(data);
    let mut builder = ReplyBuilder::default();
    for (index, raw) in data.split(|byte| *byte == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = displayable(raw);
        let parsed = parse_line(&line);
        let open_before = builder.len();
        match builder.push(&line) {
            Ok(Some(reply)) => {
                let parsed = parsed.expect("a finished reply's last line parses");
                assert!(!parsed.more);
                assert_eq!(reply.code, parsed.code);
                assert!((200..600).contains(&reply.code));
                assert_eq!(reply.lines.len(), open_before + 1);
                assert_eq!(reply.lines.last(), Some(&parsed.text));
                assert_eq!(
                    reply.enhanced.as_deref(),
                    strip_enhanced(&parsed.text).0,
                    "the enhanced code comes from the last line"
                );
                if let Some(enhanced) = &reply.enhanced {
                    assert!(is_enhanced_code(enhanced));
                }
                assert!(builder.is_empty());
                assert!(reply.display().starts_with(&reply.code.to_string()));
                let _ = reply.text();
                let _ = classify_reply(None, &reply);
                let _ = classify_reply(Some(STEPS[index % STEPS.len()]), &reply);
            }
            Ok(None) => {
                assert!(parsed.expect("a continuation parses").more);
                assert_eq!(builder.len(), open_before + 1);
            }
            Err(ReplyError::NotSmtp(refused)) => {
                assert!(parsed.is_none(), "a line that parses was refused");
                assert_eq!(refused, line);
                builder = ReplyBuilder::default();
            }
            Err(ReplyError::MixedCodes { first, then }) => {
                assert_ne!(first, then);
                assert_eq!(parsed.map(|p| p.code), Some(then));
                builder = ReplyBuilder::default();
            }
        }
    }
});
