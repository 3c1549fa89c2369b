//! The names a .env file defines and the `$` in its values, so that `dotenvy` expands exactly
//! what the site's own reader expands:
//!
//! - Laravel (phpdotenv 5) expands `${NAME}` only: any other `$` is literal (`pa$$word`).
//! - Symfony's Dotenv expands `${NAME}` and `$NAME` (a name may hold `_`); any other `$` is
//!   literal.
//!
//! `dotenvy` expands `$NAME` too, but stops a name at `_`, and drops a lone `$`: those `$` are
//! escaped (`\$`) or braced (`${NAME}`) here. Single-quoted values and comments are left alone.
//! A reference to a name no earlier line defines is recorded: its value comes from the
//! server's environment, which the file does not show.

use std::collections::{HashMap, HashSet};

/// A file's text ready for `dotenvy`, and what the scan learnt.
#[derive(Debug, Default)]
pub(super) struct Scanned {
    /// The text with its `$` rewritten.
    pub text: String,
    /// Every variable name the file defines.
    pub keys: HashSet<String>,
    /// Variables whose value refers to a name that no earlier line defines → that name.
    pub outside: HashMap<String, String>,
}

/// Scans `text` (without a BOM) for Laravel's phpdotenv (`laravel`) or Symfony's Dotenv.
pub(super) fn scan(text: &str, laravel: bool) -> Scanned {
    let bytes = text.as_bytes();
    let mut scanned = Scanned::default();
    let mut current: Option<String> = None;
    let mut quote: Option<u8> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if quote.is_none() && (at == 0 || bytes[at - 1] == b'\n') {
            let end = line_end(bytes, at);
            match entry_key(&text[at..end]) {
                Some((key, value_at)) => {
                    scanned.keys.extend(current.replace(key));
                    at += value_at;
                }
                // A comment, a blank line, or a line dotenvy refuses.
                None => at = end + 1,
            }
            continue;
        }
        match (quote, byte) {
            (Some(open), _) if byte == open => quote = None,
            (Some(b'\''), _) => {}
            (None, b'\'' | b'"') => quote = Some(byte),
            (_, b'\\') => at += 1,
            (None, b'#') if at > 0 && matches!(bytes[at - 1], b' ' | b'\t') => {
                at = line_end(bytes, at);
                continue;
            }
            (_, b'$') => {
                let rest = &text[at + 1..];
                let braced = rest.strip_prefix('{').map(|inner| {
                    let end = inner.find('}').unwrap_or(inner.len());
                    &inner[..end]
                });
                let bare_len = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    .count();
                let bare = (!laravel
                    && rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'))
                .then(|| &rest[..bare_len]);
                if let Some(name) = braced.or(bare) {
                    note_reference(&mut scanned, current.as_deref(), name);
                }
                if braced.is_none() {
                    scanned.text.push_str(&text[copied..at]);
                    match bare {
                        Some(name) => {
                            scanned.text.push_str("${");
                            scanned.text.push_str(name);
                            scanned.text.push('}');
                            at += name.len();
                        }
                        None => scanned.text.push_str("\\$"),
                    }
                    copied = at + 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    scanned.keys.extend(current);
    scanned.text.push_str(text.get(copied..).unwrap_or(""));
    scanned
}

/// Records `key`'s reference to `name` when no earlier line defines `name` (or it is more
/// than a name, such as Symfony's `${NAME:-default}`, which is not evaluated here).
fn note_reference(scanned: &mut Scanned, key: Option<&str>, name: &str) {
    let Some(key) = key else {
        return;
    };
    let plain_len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
        .count();
    if plain_len == name.len() && scanned.keys.contains(name) {
        return;
    }
    scanned
        .outside
        .entry(key.to_owned())
        .or_insert_with(|| name[..plain_len].to_owned());
}

/// The index of the end of the line that `at` is on (its `\n`, or the end of the text).
fn line_end(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&byte| byte == b'\n')
        .map_or(bytes.len(), |end| at + end)
}

/// `[export ]NAME=` at the start of `line`: the name, and where its value starts.
fn entry_key(line: &str) -> Option<(String, usize)> {
    let mut rest = line.trim_start();
    if let Some(after) = rest.strip_prefix("export")
        && after.starts_with([' ', '\t'])
    {
        rest = after.trim_start();
    }
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        return None;
    }
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
        .count();
    let after_name = rest[name_len..].trim_start();
    let value = after_name.strip_prefix('=')?;
    Some((rest[..name_len].to_owned(), line.len() - value.len()))
}
