//! Counts the DNS look-ups an SPF record costs a receiver (RFC 7208 §4.6.4: at most 10), by
//! following its `include:` and `redirect=` domains, and notes the ones without an SPF record.

use std::collections::HashSet;

use hickory_resolver::TokioResolver;
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::spf::{Macro, Mechanism, Spf};

use super::lookup;

/// How many domains the walk follows at most (a loop or a huge tree stops here).
const MAX_DOMAINS: usize = 40;

/// What the walk found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Walk {
    /// Look-ups a receiver makes (`include`, `a`, `mx`, `ptr`, `exists`, `redirect`).
    pub lookups: usize,
    /// Included domains that publish no (single, valid) SPF record.
    pub broken: Vec<String>,
}

/// Walks `record` (already parsed, of the domain itself) and everything it includes.
pub async fn walk(resolver: &TokioResolver, record: &Spf) -> Walk {
    let mut result = Walk::default();
    let mut queue = follow(record, &mut result.lookups);
    let mut seen = HashSet::new();
    while let Some(domain) = queue.pop() {
        if !seen.insert(domain.clone()) || seen.len() > MAX_DOMAINS {
            continue;
        }
        let texts = lookup::txt(resolver, &domain).await;
        let spf: Vec<&String> = texts.records().iter().filter(|t| is_spf(t)).collect();
        match spf.as_slice() {
            [one] => match Spf::parse(one.as_bytes()) {
                Ok(parsed) => queue.extend(follow(&parsed, &mut result.lookups)),
                Err(_) => result.broken.push(domain),
            },
            _ => result.broken.push(domain),
        }
    }
    result
}

/// Whether a TXT record is an SPF record (`v=spf1` alone or followed by a space).
pub fn is_spf(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower == "v=spf1" || lower.starts_with("v=spf1 ")
}

/// Adds the record's look-up terms to `lookups` and returns the literal domains to follow.
fn follow(record: &Spf, lookups: &mut usize) -> Vec<String> {
    let mut next = Vec::new();
    for directive in &record.directives {
        match &directive.mechanism {
            Mechanism::Include { macro_string } => {
                *lookups += 1;
                next.extend(literal(macro_string));
            }
            Mechanism::A { .. }
            | Mechanism::Mx { .. }
            | Mechanism::Ptr { .. }
            | Mechanism::Exists { .. } => *lookups += 1,
            Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => {}
        }
    }
    if let Some(redirect) = &record.redirect {
        *lookups += 1;
        next.extend(literal(redirect));
    }
    next
}

/// A macro that is a plain domain name (no `%{…}` variables).
fn literal(value: &Macro) -> Option<String> {
    match value {
        Macro::Literal(bytes) => Some(String::from_utf8_lossy(bytes).to_ascii_lowercase()),
        _ => None,
    }
}
