//! Host-name patterns, with one wildcard rule for host names and MX hosts alike.
//!
//! A pattern is a lower-case host name, compared label by label (the parts between dots):
//!
//! - A label `*` stands for **one or more whole labels**, at any depth. Real providers need the
//!   depth: `*.secureserver.net` must match `smtpout.secureserver.net` and
//!   `smtpout.europe.secureserver.net`, `*.mailgun.org` must match `smtp.eu.mailgun.org`.
//! - Every other label must equal the host's label. A pattern without `*` matches that host only:
//!   `gmail.com` does not match `smtp.gmail.com`, and `*.gmail.com` does not match `gmail.com`
//!   (list both when both are wanted).
//! - `*` is never part of a label (`mx*.example.com` is not a pattern) and never the last label.
//!
//! Host names are compared without case and without a trailing dot; a host with an empty label
//! (`a..example.com`) matches nothing.
//!
//! When patterns of several providers match one host, the most specific wins
//! ([`specificity`]): a pattern without `*` beats one with `*`, and among patterns with `*`
//! the one with more fixed labels wins. So `smtp-relay.gmail.com` is the Google Workspace relay
//! even though `*.gmail.com` (Gmail) matches it too.

/// `host` trimmed, lower case, without a trailing dot.
pub fn normalize(host: &str) -> String {
    host.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// Whether `host` matches `pattern` under the one rule above.
pub fn matches(host: &str, pattern: &str) -> bool {
    let host = normalize(host);
    if host.is_empty() {
        return false;
    }
    let host: Vec<&str> = host.split('.').collect();
    if host.iter().any(|label| label.is_empty()) {
        return false;
    }
    let pattern: Vec<&str> = pattern.split('.').collect();
    labels_match(&host, &pattern)
}

fn labels_match(host: &[&str], pattern: &[&str]) -> bool {
    match pattern.split_first() {
        None => host.is_empty(),
        Some((&"*", rest)) => (1..=host.len()).any(|taken| labels_match(&host[taken..], rest)),
        Some((want, rest)) => host
            .split_first()
            .is_some_and(|(got, host_rest)| got == want && labels_match(host_rest, rest)),
    }
}

/// How specific a pattern is: exact names first, then the number of fixed labels.
pub fn specificity(pattern: &str) -> (bool, usize) {
    let fixed = pattern.split('.').filter(|label| *label != "*").count();
    (!pattern.split('.').any(|label| label == "*"), fixed)
}

/// Whether `pattern` is well formed: lower case, no empty label, `*` only as a whole label and
/// not as the last one, at least two fixed labels.
pub fn is_valid(pattern: &str) -> bool {
    let labels: Vec<&str> = pattern.split('.').collect();
    let fixed = labels.iter().filter(|label| **label != "*").count();
    fixed >= 2
        && labels.last().is_some_and(|last| *last != "*")
        && labels.iter().all(|label| {
            *label == "*"
                || (!label.is_empty()
                    && label
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        })
}
