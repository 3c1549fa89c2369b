//! The receiving server's `Authentication-Results` header (RFC 8601), read into checks with a
//! plain-language meaning each.
//!
//! Only the topmost header is read (with any below it from the same server): a receiving
//! server adds its own on top, and anything further down could have been written by anyone,
//! the sender included.

use super::model::{AuthCheck, ReceiverChecks};
use crate::untrusted::displayable_str;

/// The receiving server's checks from the message's header block, if it added any.
pub fn receiver_checks(headers: &[(String, String)]) -> Option<ReceiverChecks> {
    let mut values = headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("Authentication-Results"))
        .map(|(_, value)| parse(value));
    let mut first = values.next()?;
    for more in values {
        if more.checked_by.eq_ignore_ascii_case(&first.checked_by) {
            first.checks.extend(more.checks);
        }
    }
    Some(first)
}

/// One header value: `authserv-id [version]; method=result (comment) prop=value; …`.
pub fn parse(value: &str) -> ReceiverChecks {
    let (clean, comments) = strip_comments(value);
    let mut parts = clean.split(';');
    let checked_by = parts
        .next()
        .and_then(|id| id.split_whitespace().next())
        .map(displayable_str)
        .unwrap_or_default();
    let checks = parts
        .enumerate()
        .filter_map(|(index, part)| check(part, comments.get(index + 1).cloned().flatten()))
        .collect();
    ReceiverChecks { checked_by, checks }
}

fn check(part: &str, comment: Option<String>) -> Option<AuthCheck> {
    let mut words = part.split_whitespace();
    let (method, result) = words.next()?.split_once('=')?;
    let method = method
        .split('/')
        .next()
        .unwrap_or(method)
        .to_ascii_lowercase();
    let result = result.to_ascii_lowercase();
    if method.eq_ignore_ascii_case("none") || method.is_empty() {
        return None;
    }
    let properties: Vec<String> = words.map(displayable_str).collect();
    let passed = match result.as_str() {
        "pass" => Some(true),
        "fail" | "softfail" | "permerror" | "temperror" | "hardfail" => Some(false),
        _ => None,
    };
    let text = meaning(&method, &result, &properties);
    Some(AuthCheck {
        method: displayable_str(&method),
        result: displayable_str(&result),
        properties,
        comment: comment.map(|c| displayable_str(c.trim())),
        passed,
        text,
    })
}

/// What a check result means for a website owner.
fn meaning(method: &str, result: &str, properties: &[String]) -> String {
    let property = |key: &str| {
        properties
            .iter()
            .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
            .map(|v| v.trim_start_matches('@').to_owned())
    };
    let domain = property("header.from")
        .or_else(|| {
            property("smtp.mailfrom").map(|m| m.rsplit('@').next().unwrap_or(&m).to_owned())
        })
        .unwrap_or_else(|| crate::en!("your domain").to_owned());
    match (method, result) {
        ("spf", "pass") => crate::en!(
            "SPF passed: {domain} allows the server you send through.",
            domain = domain
        ),
        ("spf", "fail" | "softfail") => crate::en!(
            "SPF failed: {domain}'s SPF record does not list the server you send through. Add it \
             to the record (see \"Will it arrive?\").",
            domain = domain
        ),
        ("spf", "none" | "neutral") => {
            crate::en!(
                "SPF gave no answer: {domain} has no SPF record that covers this server.",
                domain = domain
            )
        }
        ("dkim", "pass") => {
            let by = property("header.d")
                .or_else(|| property("header.i"))
                .unwrap_or(domain);
            crate::en!(
                "DKIM passed: the message carries a valid signature of {by}.",
                by = by
            )
        }
        ("dkim", "none") => crate::en!(
            "DKIM: the message was not signed. Ask your mail provider to sign mail for your \
             domain (see \"Will it arrive?\")."
        )
        .to_owned(),
        ("dkim", _) if result != "neutral" => crate::en!(
            "DKIM failed: the signature did not match. The key published in DNS may be wrong or \
             old, or the message was changed on the way."
        )
        .to_owned(),
        ("dmarc", "pass") => crate::en!(
            "DMARC passed: SPF or DKIM vouches for {domain}, the domain in the From address.",
            domain = domain
        ),
        ("dmarc", "fail") => crate::en!(
            "DMARC failed: neither SPF nor DKIM vouches for {domain}, the domain in the From \
             address. Strict receivers reject such mail or put it in spam.",
            domain = domain
        ),
        ("dmarc", "none") => crate::en!(
            "DMARC: {domain} publishes no DMARC policy.",
            domain = domain
        ),
        _ => format!("{}: {}.", displayable_str(method), displayable_str(result)),
    }
}

/// `value` unfolded and without its `(comments)` (quoted strings kept), and each `;`-part's
/// first comment.
fn strip_comments(value: &str) -> (String, Vec<Option<String>>) {
    let mut clean = String::with_capacity(value.len());
    let mut comments: Vec<Option<String>> = vec![None];
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    let mut comment = String::new();
    for c in value.chars() {
        let c = if matches!(c, '\r' | '\n' | '\t') {
            ' '
        } else {
            c
        };
        if escaped {
            escaped = false;
            if depth > 0 {
                comment.push(c);
            } else {
                clean.push(c);
            }
            continue;
        }
        match c {
            '\\' if depth > 0 || quoted => escaped = true,
            '"' if depth == 0 => {
                quoted = !quoted;
                clean.push(c);
            }
            '(' if !quoted => {
                if depth > 0 {
                    comment.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(slot) = comments.last_mut()
                        && slot.is_none()
                    {
                        *slot = Some(std::mem::take(&mut comment));
                    }
                    comment.clear();
                    clean.push(' ');
                } else {
                    comment.push(c);
                }
            }
            _ if depth > 0 => comment.push(c),
            ';' if !quoted => {
                comments.push(None);
                clean.push(c);
            }
            _ => clean.push(c),
        }
    }
    (clean, comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GMAIL: &str = "mx.google.com;\r\n       dkim=pass header.i=@shop.example \
        header.s=s1 header.b=AbCd;\r\n       spf=pass (google.com: domain of info@shop.example \
        designates 192.0.2.7 as permitted sender) smtp.mailfrom=info@shop.example;\r\n       \
        dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=shop.example";

    #[test]
    fn reads_a_gmail_header() {
        let checks = parse(GMAIL);
        assert_eq!(checks.checked_by, "mx.google.com");
        let methods: Vec<_> = checks
            .checks
            .iter()
            .map(|c| (c.method.as_str(), c.result.as_str(), c.passed))
            .collect();
        assert_eq!(
            methods,
            [
                ("dkim", "pass", Some(true)),
                ("spf", "pass", Some(true)),
                ("dmarc", "pass", Some(true))
            ]
        );
        let spf = &checks.checks[1];
        assert!(
            spf.comment
                .as_deref()
                .unwrap_or_default()
                .contains("designates 192.0.2.7")
        );
        assert!(spf.text.contains("shop.example allows"), "{}", spf.text);
        assert!(checks.checks[0].text.contains("signature of shop.example"));
    }

    #[test]
    fn failures_and_unknown_methods_in_plain_words() {
        let checks = parse(
            "mx.test; spf=softfail smtp.mailfrom=a@shop.example; dkim=none; \
             dmarc=fail header.from=shop.example; arc=none; auth=pass (\\) nested (x))",
        );
        let text: Vec<_> = checks.checks.iter().map(|c| c.text.as_str()).collect();
        assert!(
            text[0].starts_with("SPF failed: shop.example's"),
            "{}",
            text[0]
        );
        assert!(text[1].contains("not signed"));
        assert!(text[2].contains("DMARC failed"));
        assert_eq!(text[3], "arc: none.");
        assert_eq!(checks.checks[4].comment.as_deref(), Some(") nested (x)"));
    }

    #[test]
    fn only_the_topmost_server_counts() {
        let headers = vec![
            ("Received".to_owned(), "from x".to_owned()),
            (
                "Authentication-Results".to_owned(),
                "mx.real; spf=fail smtp.mailfrom=a@b.example".to_owned(),
            ),
            (
                "authentication-results".to_owned(),
                "mx.real; dkim=none".to_owned(),
            ),
            (
                "Authentication-Results".to_owned(),
                "forged.example; spf=pass; dkim=pass; dmarc=pass".to_owned(),
            ),
        ];
        let checks = receiver_checks(&headers).expect("present");
        assert_eq!(checks.checked_by, "mx.real");
        assert_eq!(checks.checks.len(), 2);
        assert!(checks.checks.iter().all(|c| c.passed != Some(true)));
        assert!(receiver_checks(&headers[..1]).is_none());
    }

    #[test]
    fn hostile_text_is_made_safe() {
        let checks = parse("mx\u{1b}[2J; spf=pass (\u{202e}evil) smtp.mailfrom=a@b\u{7}");
        assert!(!checks.checked_by.contains('\u{1b}'));
        let spf = &checks.checks[0];
        assert!(
            !spf.comment
                .as_deref()
                .unwrap_or_default()
                .contains('\u{202e}')
        );
        assert!(spf.properties.iter().all(|p| !p.contains('\u{7}')));
    }
}
