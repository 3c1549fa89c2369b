//! An engine's text of several lines (the inbox check's), translated line by line.

use crate::i18n::tr;

/// An engine's text of several lines, each line translated on its own where it is a known
/// text: its indentation, a Markdown heading or bullet (`## `, `- `) and a leading mark
/// (`[pass] `) stay as they are, and so does everything inside a code fence (a transcript).
pub fn translate_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if body.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if in_fence || body.trim_start().starts_with("```") {
            out.push_str(line);
            continue;
        }
        let (lead, rest) = body.split_at(lead_length(body));
        let (mark, words) = match rest.find("] ") {
            Some(at) if rest.starts_with('[') => rest.split_at(at + 2),
            _ => ("", rest),
        };
        out.push_str(lead);
        out.push_str(mark);
        out.push_str(&tr(words));
        out.push_str(end);
    }
    out
}

/// How long the part of `line` before its words is: the indentation, then a Markdown heading's
/// `#`s or a bullet's `-`, each with the space after it.
fn lead_length(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    let marker = if hashes > 0 {
        hashes
    } else {
        usize::from(rest.starts_with('-'))
    };
    if marker > 0 && rest[marker..].starts_with(' ') {
        indent + marker + 1
    } else {
        indent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_headings_bullets_and_fences_stay_as_they_are() {
        let text = "\n## Did it land? (me@example.com)\n\n  [pass] spf=pass\n    - one\n```\n  12 ms <- 250 OK\n```\n";
        assert_eq!(translate_lines(text), text);
        assert_eq!(lead_length("## Heading"), 3);
        assert_eq!(lead_length("    - item"), 6);
        assert_eq!(lead_length("  --flag"), 2);
        assert_eq!(lead_length("  #hashtag"), 2);
    }
}
