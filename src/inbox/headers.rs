//! The header block of a raw message as (name, unfolded value) pairs, in order.

/// The headers of `raw` (everything before the first empty line), continuation lines joined.
pub fn headers(raw: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(raw);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = out.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::headers;

    #[test]
    fn unfolds_and_stops_at_the_body() {
        let raw = b"Received: from a\r\n\tby b\r\nSubject: hi\r\n\r\nBody: not a header\r\n";
        assert_eq!(
            headers(raw),
            [
                ("Received".to_owned(), "from a by b".to_owned()),
                ("Subject".to_owned(), "hi".to_owned())
            ]
        );
    }
}
