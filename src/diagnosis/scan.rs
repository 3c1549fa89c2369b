//! Finding an SMTP reply inside pasted text: a basic code (`535 5.7.8 …`, `535-…`, `535: …`,
//! Python's `(535, b'…')`) with its continuation lines, or only an enhanced code, as .NET shows it
//! ("The server response was: 5.7.0 …"), whose basic code is then inferred.

use crate::reply::{Reply, is_enhanced_code, strip_enhanced};

/// A reply found in text.
#[derive(Debug)]
pub(super) struct Found {
    /// The reply, with an inferred code when the text had none.
    pub(super) reply: Reply,
    /// The reply as it appeared (never with an invented code), for support staff.
    pub(super) raw: String,
}

/// Codes that count on their own; any other 4xx/5xx needs an enhanced code of its class after it.
const KNOWN_CODES: &[u16] = &[
    421, 432, 450, 451, 452, 454, 455, 500, 501, 502, 503, 504, 521, 530, 534, 535, 538, 550, 551,
    552, 553, 554, 555, 556,
];

/// The code behind .NET's message texts (its exception shows only what follows the code).
const CONTEXT_CODES: &[(&str, u16)] = &[
    ("requires a secure connection", 530),
    ("mailbox unavailable", 550),
    ("transaction failed", 554),
    ("service not available", 421),
    ("syntax error, command unrecognized", 500),
    ("syntax error", 501),
    ("insufficient system storage", 452),
    ("exceeded storage allocation", 552),
    ("mailbox name not allowed", 553),
    ("user not local", 551),
    ("command not implemented", 502),
    ("error in processing", 451),
    ("client does not have permission", 454),
    ("bad sequence of commands", 503),
    ("command parameter not implemented", 504),
];

const RESPONSE_MARK: &str = "server response was:";

/// The first reply in `text`, if any.
pub(super) fn find_reply(text: &str) -> Option<Found> {
    let lines: Vec<&str> = text.lines().collect();
    for (index, line) in lines.iter().enumerate() {
        if let Some((code, rest)) = basic_code(line) {
            let following = lines.get(index + 1..).unwrap_or_default();
            return Some(collect(code, rest, following));
        }
    }
    // ASCII lower case keeps byte offsets, so positions found in it are valid in `text`.
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lines.iter().find_map(|line| enhanced_start(line)) {
        return Some(inferred(&lower, rest));
    }
    let at = lower.find(RESPONSE_MARK)? + RESPONSE_MARK.len();
    let rest = cut(text.get(at..)?.lines().next().unwrap_or_default());
    (!rest.is_empty()).then(|| inferred(&lower, rest))
}

/// A basic code in `line` and the text after it.
fn basic_code(line: &str) -> Option<(u16, &str)> {
    let bytes = line.as_bytes();
    (0..bytes.len()).find_map(|at| {
        let digits = bytes.get(at..at + 3)?;
        if !digits.iter().all(u8::is_ascii_digit) || !starts_token(bytes, at) {
            return None;
        }
        if !matches!(
            bytes.get(at + 3),
            None | Some(b' ' | b'-' | b',' | b':' | b'\t')
        ) {
            return None;
        }
        let code: u16 = line.get(at..at + 3)?.parse().ok()?;
        let rest = clean_start(line.get(at + 3..)?);
        let class = char::from_digit(u32::from(code / 100), 10)?;
        let confirmed = strip_enhanced(rest).0.is_some_and(|e| e.starts_with(class));
        let plausible = (400..600).contains(&code) && (KNOWN_CODES.contains(&code) || confirmed);
        let rest = cut(rest);
        (plausible && !rest.is_empty()).then_some((code, rest))
    })
}

/// The text from an enhanced status code (class 4 or 5) in `line` onwards.
fn enhanced_start(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    (0..bytes.len()).find_map(|at| {
        if !matches!(bytes.get(at), Some(b'4' | b'5')) || !starts_token(bytes, at) {
            return None;
        }
        let rest = line.get(at..)?;
        let token = rest.split_whitespace().next()?;
        let token = token.trim_end_matches([',', ';', ':', '.', ')', '\'', '"']);
        is_enhanced_code(token).then(|| cut(rest))
    })
}

/// Whether a token may start at `at` (not inside a word, a number, an address or a version).
fn starts_token(bytes: &[u8], at: usize) -> bool {
    at == 0
        || at
            .checked_sub(1)
            .and_then(|before| bytes.get(before))
            .is_some_and(|b| {
                b.is_ascii_whitespace() || matches!(b, b'(' | b'[' | b'"' | b'\'' | b'>')
            })
}

/// Drops separators and Python's `b'` before the reply text.
fn clean_start(rest: &str) -> &str {
    let rest = rest.trim_start_matches([' ', '\t', '-', ',', ':']);
    let rest = rest
        .strip_prefix("b'")
        .or_else(|| rest.strip_prefix("b\""))
        .unwrap_or(rest);
    rest.trim_start_matches(['\'', '"'])
}

/// Ends the reply text before a nested exception, and drops the quotes and brackets that close
/// around it (Python's `(535, b'…')`), but not a bracket the reply itself opened: every
/// Microsoft 365 reply ends in `[…prod.outlook.com]`.
fn cut(rest: &str) -> &str {
    let mut text = rest.split("--->").next().unwrap_or_default().trim();
    loop {
        let before = text;
        text = text.trim_end_matches(['\'', '"']).trim_end();
        for (open, close) in [('(', ')'), ('[', ']')] {
            if text.ends_with(close) && text.matches(close).count() > text.matches(open).count() {
                text = text[..text.len() - close.len_utf8()].trim_end();
            }
        }
        if text == before {
            return text;
        }
    }
}

/// Gathers `code`'s continuation lines (`535-…` then `535 …`) that follow.
fn collect(code: u16, first: &str, following: &[&str]) -> Found {
    let prefix = code.to_string();
    let mut lines = vec![first.to_owned()];
    for line in following {
        let Some(after) = line.trim_start().strip_prefix(prefix.as_str()) else {
            break;
        };
        if !(after.is_empty() || after.starts_with([' ', '-'])) {
            break;
        }
        lines.push(cut(clean_start(after)).to_owned());
    }
    let enhanced = lines
        .iter()
        .rev()
        .find_map(|line| strip_enhanced(line).0)
        .map(str::to_owned);
    let reply = Reply {
        code,
        enhanced,
        lines,
    };
    let raw = reply.display();
    Found { reply, raw }
}

/// A reply without a basic code: the code comes from the client's message, else the class.
fn inferred(lower: &str, rest: &str) -> Found {
    let class = match rest.as_bytes().first() {
        Some(b'4') if strip_enhanced(rest).0.is_some() => Some(4),
        Some(b'5') if strip_enhanced(rest).0.is_some() => Some(5),
        _ => None,
    };
    let from_context = CONTEXT_CODES
        .iter()
        .find(|(phrase, code)| lower.contains(phrase) && class.is_none_or(|c| code / 100 == c))
        .map(|(_, code)| *code);
    let code = from_context.unwrap_or(if class == Some(4) { 450 } else { 550 });
    Found {
        reply: Reply::new(code, rest),
        raw: rest.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(u16, Option<String>, String)> {
        find_reply(text).map(|f| (f.reply.code, f.reply.enhanced.clone(), f.raw))
    }

    #[test]
    fn basic_codes_in_client_messages() {
        let (code, enhanced, raw) = found("Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials x-gsmtp").unwrap();
        assert_eq!((code, enhanced.as_deref()), (535, Some("5.7.8")));
        assert!(raw.contains("BadCredentials"));
        let (code, _, raw) = found(
            "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')",
        )
        .unwrap();
        assert_eq!(code, 535);
        assert_eq!(raw, "535 5.7.8 Username and Password not accepted.");
        let (code, enhanced, _) =
            found("2024-01-01 SERVER -> CLIENT: 554 5.7.1 <a@b.c>: Relay access denied").unwrap();
        assert_eq!((code, enhanced.as_deref()), (554, Some("5.7.1")));
        let (code, _, _) = found(
            "MailKit.Net.Smtp.SmtpCommandException: 535: 5.7.8 Authentication credentials invalid",
        )
        .unwrap();
        assert_eq!(code, 535);
    }

    /// A closing bracket the reply opened stays; one that closes around it (Python's tuple)
    /// goes.
    #[test]
    fn a_reply_keeps_its_own_closing_bracket() {
        let (_, _, raw) = found(
            "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the \
             client was not authenticated. The server response was: 5.7.57 Client not \
             authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]",
        )
        .unwrap();
        assert!(raw.ends_with("prod.exchangelabs.com]"), "{raw}");
        let (_, _, raw) =
            found("smtplib.SMTPDataError: (554, b'5.7.1 Rejected (see policy) [x1]')").unwrap();
        assert_eq!(raw, "554 5.7.1 Rejected (see policy) [x1]");
        let (_, _, raw) = found("(451, b'4.3.0 Try later (busy)')").unwrap();
        assert_eq!(raw, "451 4.3.0 Try later (busy)");
    }

    #[test]
    fn enhanced_code_only_gets_a_code_from_context() {
        let (code, enhanced, raw) = found(
            "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS command first. x1sm",
        )
        .unwrap();
        assert_eq!((code, enhanced.as_deref()), (530, Some("5.7.0")));
        assert!(raw.starts_with("5.7.0 Must issue"));
        let (code, _, _) =
            found("Mailbox unavailable. The server response was: 5.7.1 Unable to relay").unwrap();
        assert_eq!(code, 550);
        let (code, _, raw) =
            found("Mailbox unavailable. The server response was: Relay denied ---> inner").unwrap();
        assert_eq!((code, raw.as_str()), (550, "Relay denied"));
    }

    #[test]
    fn numbers_that_are_not_replies() {
        for text in [
            "No connection could be made because the target machine actively refused it 1.2.3.4:587",
            "port 587 is typically reserved for plain-text connections",
            "at System.Net.Mail.SmtpClient.Send(MailMessage message) in C:\\x.cs:line 535",
            "Version=4.0.0.0, Culture=neutral",
            "connect to 45.67.89.10 port 465",
            "",
            "5",
            "€€€ 55",
        ] {
            assert!(find_reply(text).is_none(), "{text}");
        }
    }
}
