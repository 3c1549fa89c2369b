//! The unified diff shown before a web.config is written.

use std::fmt::Write as _;

use similar::{ChangeTag, TextDiff};

use crate::secret::REDACTED;

/// What a password that an update changes or adds shows as in the diff.
const REDACTED_NEW: &str = "<redacted, new>";

/// A unified diff of `old` → `new` (three lines of context), headed with `name`. Line endings
/// and the byte-order mark are not shown. Passwords (the value of every `password` attribute)
/// already in `old` always show as `<redacted>`; a password that only `new` has shows as
/// `<redacted, new>`, or as itself when `show_new_passwords` (never on screen:
/// [`prepare_update`](super::prepare_update) always passes `false`). Empty when nothing changed.
pub fn unified_diff(old: &str, new: &str, name: &str, show_new_passwords: bool) -> String {
    let mut old_values = Vec::new();
    let old = redact_passwords(old, |value| {
        old_values.push(value.to_owned());
        None
    });
    let new = redact_passwords(new, |value| {
        if old_values.iter().any(|old| old == value) {
            None
        } else if show_new_passwords {
            Some(value.to_owned())
        } else {
            Some(REDACTED_NEW.to_owned())
        }
    });
    let diff = TextDiff::from_lines(&old, &new);
    let mut out = String::new();
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        if out.is_empty() {
            let _ = writeln!(out, "--- {name}\n+++ {name} (updated)");
        }
        let _ = writeln!(out, "{}", hunk.header());
        for change in hunk.iter_changes() {
            let sign = match change.tag() {
                ChangeTag::Equal => ' ',
                ChangeTag::Delete => '-',
                ChangeTag::Insert => '+',
            };
            let line = change
                .value()
                .trim_end_matches(['\r', '\n'])
                .trim_start_matches('\u{feff}');
            let _ = writeln!(out, "{sign}{}", redact_connection_strings(line));
        }
    }
    out
}

/// `line` with the secrets of connection-string style values (`Password=...;`, `Pwd=...;`, any
/// letter case) replaced by [`REDACTED`]. The diff's context lines can show other sections of
/// the file, such as `<connectionStrings>`, whose passwords are not ours to print.
fn redact_connection_strings(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = ["password", "pwd"]
        .iter()
        .filter_map(|key| {
            lower
                .get(search..)?
                .find(key)
                .map(|at| (search + at, key.len()))
        })
        .min()
    {
        let (start, key_len) = found;
        search = start + key_len;
        // A connection-string key follows `;` or the opening quote (spaces allowed between).
        let before = lower
            .get(..start)
            .unwrap_or_default()
            .trim_end_matches([' ', '\t']);
        let preceded = before.ends_with([';', '"', '\'']);
        let rest = lower.get(start + key_len..).unwrap_or_default();
        let after_key = rest.trim_start();
        let Some(value) = after_key.strip_prefix('=') else {
            continue;
        };
        let value_trimmed = value.trim_start();
        // A quoted value is an XML attribute: `redact_passwords` handles ours.
        if !preceded || value_trimmed.starts_with(['"', '\'']) {
            continue;
        }
        let value_start = line.len() - value_trimmed.len();
        let value_len = value_trimmed
            .find([';', '"', '\''])
            .unwrap_or(value_trimmed.len());
        if value_len == 0 {
            continue;
        }
        out.push_str(line.get(copied..value_start).unwrap_or_default());
        out.push_str(REDACTED);
        copied = value_start + value_len;
        search = copied;
    }
    out.push_str(line.get(copied..).unwrap_or_default());
    out
}

/// `text` with the value of every `password="..."` attribute (any letter case) replaced by
/// what `replace` returns for it (`None`: [`REDACTED`]). Textual, so it works on any text,
/// well-formed or not.
pub(crate) fn redact_passwords(
    text: &str,
    mut replace: impl FnMut(&str) -> Option<String>,
) -> String {
    const NAME: &str = "password";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i + NAME.len() <= bytes.len() {
        let preceded = i > 0 && bytes[i - 1].is_ascii_whitespace();
        if !preceded || !bytes[i..i + NAME.len()].eq_ignore_ascii_case(NAME.as_bytes()) {
            i += 1;
            continue;
        }
        let mut j = i + NAME.len();
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            i += 1;
            continue;
        }
        j += 1;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(j) else {
            i += 1;
            continue;
        };
        let value_start = j + 1;
        let value_end = bytes[value_start..]
            .iter()
            .position(|&b| b == quote)
            .map_or(bytes.len(), |n| value_start + n);
        out.push_str(&text[copied..value_start]);
        let value = replace(&text[value_start..value_end]);
        out.push_str(value.as_deref().unwrap_or(REDACTED));
        copied = value_end;
        i = value_end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted_in_any_case_and_quote() {
        let text = "<network host=\"h\" password=\"s3cret\" />\n<network Password = 's3cret' />\n<add connectionString=\"x;password=keep\" />";
        let redacted = redact_passwords(text, |_| None);
        assert!(!redacted.contains("s3cret"), "{redacted}");
        assert!(redacted.contains("password=keep"));
        assert_eq!(
            redact_passwords(" password=\"unterminated", |_| None),
            " password=\"<redacted>"
        );
    }

    #[test]
    fn diff_shows_only_changed_lines_without_carriage_returns() {
        let old = "\u{feff}a\r\nb\r\nc\r\n";
        let new = "\u{feff}a\r\nB\r\nc\r\n";
        let diff = unified_diff(old, new, "web.config", false);
        assert!(diff.contains("-b\n+B\n"), "{diff}");
        assert!(!diff.contains('\r'));
        assert_eq!(unified_diff(old, old, "web.config", false), "");
    }

    #[test]
    fn connection_string_passwords_in_context_are_hidden() {
        let line = r#"    <add name="Shop" connectionString="Server=db;Database=shop;User Id=sa;Password=Db$ecret;" />"#;
        let shown = super::redact_connection_strings(line);
        assert!(!shown.contains("Db$ecret"), "{shown}");
        assert!(shown.contains("Password=<redacted>;"));
        let pwd = super::redact_connection_strings("Data Source=x;PWD=hunter2");
        assert_eq!(pwd, "Data Source=x;PWD=<redacted>");
        let attribute = r#"<network password="<redacted>" enableSsl="true" />"#;
        assert_eq!(super::redact_connection_strings(attribute), attribute);
        let prose = "<!-- reset the password = ask the admin -->";
        assert_eq!(super::redact_connection_strings(prose), prose);
    }
}
