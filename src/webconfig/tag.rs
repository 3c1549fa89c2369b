//! Reading one start tag (`<network host="x" port='25' />`) with the offset of every name and
//! value, as .NET reads it.

use std::ops::Range;

/// One attribute of a start tag.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    /// The name as written.
    pub name: String,
    /// Where the name is.
    pub name_span: Range<usize>,
    /// Where the value is, inside the quotes.
    pub value_span: Range<usize>,
    /// The quote character used (`"` or `'`).
    pub quote: char,
    /// The value with references resolved and whitespace normalised, as .NET reads it.
    pub value: String,
    /// Where the whitespace before the attribute starts (removing an attribute removes it too).
    pub lead_start: usize,
}

impl Attr {
    /// The whole attribute, including the whitespace before it.
    pub fn full_span(&self) -> Range<usize> {
        self.lead_start..self.value_span.end + 1
    }
}

/// A start tag, read.
#[derive(Debug)]
pub(crate) struct Tag {
    /// The element name.
    pub name: String,
    /// The attributes.
    pub attrs: Vec<Attr>,
    /// Just after the last attribute, or after the name.
    pub attrs_end: usize,
}

/// Reads the start tag `text[start..end]`; errors are an offset and a plain sentence.
pub(crate) fn parse_tag(
    text: &str,
    start: usize,
    end: usize,
    self_closing: bool,
) -> Result<Tag, (usize, String)> {
    let bytes = text.as_bytes();
    let close_len = if self_closing { 2 } else { 1 };
    if bytes.get(start) != Some(&b'<') || end < start + 1 + close_len || end > bytes.len() {
        return Err((start, crate::en!("a tag could not be read").to_owned()));
    }
    let inner_end = end - close_len;
    let mut i = start + 1;
    let name_end = scan_name(bytes, i, inner_end);
    if name_end == i {
        return Err((
            start,
            crate::en!("a < is not followed by an element name").to_owned(),
        ));
    }
    let name = text[i..name_end].to_owned();
    i = name_end;
    let mut attrs: Vec<Attr> = Vec::new();
    let mut attrs_end = name_end;
    loop {
        let lead_start = i;
        while i < inner_end && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= inner_end {
            break;
        }
        if i == lead_start {
            return Err((
                i,
                crate::en!(
                    "in <{name}>, attributes must be separated by a space",
                    name = name
                ),
            ));
        }
        let attr = parse_attr(text, &name, lead_start, i, inner_end)?;
        if attrs.iter().any(|a| a.name == attr.name) {
            return Err((
                attr.name_span.start,
                crate::en!(
                    "<{element}> has the attribute {name} twice",
                    element = name,
                    name = attr.name,
                ),
            ));
        }
        i = attr.value_span.end + 1;
        attrs_end = i;
        attrs.push(attr);
    }
    Ok(Tag {
        name,
        attrs,
        attrs_end,
    })
}

fn scan_name(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'"' | b'\'') {
        i += 1;
    }
    i
}

fn parse_attr(
    text: &str,
    element: &str,
    lead_start: usize,
    name_start: usize,
    inner_end: usize,
) -> Result<Attr, (usize, String)> {
    let bytes = text.as_bytes();
    let name_end = scan_name(bytes, name_start, inner_end);
    if name_end == name_start {
        return Err((
            name_start,
            crate::en!(
                "in <{element}>, a stray quote or = where an attribute name should be",
                element = element,
            ),
        ));
    }
    let name = &text[name_start..name_end];
    let mut i = name_end;
    while i < inner_end && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if bytes.get(i) != Some(&b'=') || i >= inner_end {
        return Err((
            name_start,
            crate::en!(
                "in <{element}>, the attribute {name} has no value (write {name}=\"...\")",
                element = element,
                name = name,
            ),
        ));
    }
    i += 1;
    while i < inner_end && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let quote = match bytes.get(i) {
        Some(&q @ (b'"' | b'\'')) if i < inner_end => q,
        _ => {
            return Err((
                name_start,
                crate::en!(
                    "in <{element}>, the value of {name} must be in quotes",
                    element = element,
                    name = name,
                ),
            ));
        }
    };
    let value_start = i + 1;
    let Some(length) = bytes[value_start..inner_end]
        .iter()
        .position(|&b| b == quote)
    else {
        return Err((
            name_start,
            crate::en!(
                "in <{element}>, the value of {name} has no closing quote",
                element = element,
                name = name,
            ),
        ));
    };
    let value_end = value_start + length;
    let raw = &text[value_start..value_end];
    if raw.contains('<') {
        return Err((
            value_start,
            crate::en!(
                "in <{element}>, the value of {name} contains <, which must be written &lt;",
                element = element,
                name = name,
            ),
        ));
    }
    let value = decode_value(raw).ok_or_else(|| {
        (
            value_start,
            crate::en!(
                "in <{element}>, the value of {name} has an & that is not a valid reference \
                 (write & as &amp;)",
                element = element,
                name = name,
            ),
        )
    })?;
    Ok(Attr {
        name: name.to_owned(),
        name_span: name_start..name_end,
        value_span: value_start..value_end,
        quote: char::from(quote),
        value,
        lead_start,
    })
}

/// An attribute value as an XML parser reads it: tabs and line breaks become spaces, then
/// references (`&amp;`, `&#10;`) are resolved. `None` for a broken reference.
pub(crate) fn decode_value(raw: &str) -> Option<String> {
    let normalised = raw.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ");
    quick_xml::escape::unescape(&normalised)
        .ok()
        .map(std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webconfig::rules::escape;

    #[test]
    fn escaped_values_decode_to_themselves() {
        for value in [
            "Secr3t&<\"pass",
            "a'b",
            "tab\there",
            "line\r\nbreak",
            "&amp;",
            " x ",
        ] {
            assert_eq!(decode_value(&escape(value)).as_deref(), Some(value));
        }
    }

    #[test]
    fn attribute_errors_are_sentences() {
        let text = "<network host=x />";
        let err = parse_tag(text, 0, text.len(), true).unwrap_err();
        assert!(err.1.contains("in quotes"), "{}", err.1);
        let text = "<network host=\"a\"port=\"1\">";
        assert!(parse_tag(text, 0, text.len(), false).is_err());
        let text = "<network host=\"a\" host=\"b\">";
        assert!(
            parse_tag(text, 0, text.len(), false)
                .unwrap_err()
                .1
                .contains("twice")
        );
        let text = "<network host=\"&bogus;\">";
        assert!(parse_tag(text, 0, text.len(), false).is_err());
    }
}
