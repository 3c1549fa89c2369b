//! A read-only map of a web.config: every element with the byte offsets of its tags and
//! attributes, so that an update can change a few bytes and leave every other byte alone.
//!
//! quick-xml finds the markup (and checks comments, end tags and nesting); the attributes of each
//! tag are then read by [`tag`](super::tag), which records where each name and value sits.

use std::ops::Range;

use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::error::WebConfigError;
use super::tag::{Attr, parse_tag};

/// One element and where its pieces are in the text.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// The name as written (with any prefix).
    pub name: String,
    /// The parent element, `None` for the root.
    pub parent: Option<usize>,
    /// Child elements, in document order.
    pub children: Vec<usize>,
    /// Offset of the `<` of the start tag.
    pub start: usize,
    /// Offset just after the `>` of the start tag.
    pub open_end: usize,
    /// The attributes, in document order.
    pub attrs: Vec<Attr>,
    /// Offset just after the last attribute (or the name): where new attributes go.
    pub attrs_end: usize,
    /// `<x/>`.
    pub self_closing: bool,
    /// The `</x>` tag, for elements that are not self-closing.
    pub close: Option<Range<usize>>,
}

impl Element {
    /// The attribute with exactly this name.
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }

    /// The attribute with this name in any letter case, the exact spelling first.
    pub fn attr_any_case(&self, name: &str) -> Option<&Attr> {
        self.attr(name).or_else(|| {
            self.attrs
                .iter()
                .find(|a| a.name.eq_ignore_ascii_case(name))
        })
    }
}

/// A parsed web.config.
#[derive(Debug, Clone)]
pub(crate) struct Document<'t> {
    /// The whole text, BOM included.
    pub text: &'t str,
    /// Every element, in document order; the root is element 0.
    pub elements: Vec<Element>,
}

/// Where the XML starts: after a byte-order mark, if any.
pub(crate) fn body_start(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

impl<'t> Document<'t> {
    /// Reads `text`. Errors carry a line, a column and a plain sentence.
    pub fn parse(text: &'t str) -> Result<Self, WebConfigError> {
        let body = body_start(text);
        let mut reader = Reader::from_str(text.get(body..).unwrap_or_default());
        let config = reader.config_mut();
        config.trim_text(false);
        config.check_comments = true;
        config.check_end_names = true;
        config.expand_empty_elements = false;
        let mut elements: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        loop {
            let before = body + offset(reader.buffer_position());
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(err) => {
                    let at = body + offset(reader.error_position());
                    return Err(xml_error(text, at, &describe(&err)));
                }
            };
            let after = body + offset(reader.buffer_position());
            match event {
                Event::Start(_) | Event::Empty(_) => {
                    let self_closing = matches!(event, Event::Empty(_));
                    if open.is_empty() && !elements.is_empty() {
                        return Err(xml_error(
                            text,
                            before,
                            crate::en!(
                                "a second top-level element; everything must be inside the one \
                                 <configuration> element"
                            ),
                        ));
                    }
                    let tag = parse_tag(text, before, after, self_closing)
                        .map_err(|(at, problem)| xml_error(text, at, &problem))?;
                    let index = elements.len();
                    let parent = open.last().copied();
                    if let Some(parent) = parent {
                        elements[parent].children.push(index);
                    }
                    elements.push(Element {
                        name: tag.name,
                        parent,
                        children: Vec::new(),
                        start: before,
                        open_end: after,
                        attrs: tag.attrs,
                        attrs_end: tag.attrs_end,
                        self_closing,
                        close: None,
                    });
                    if !self_closing {
                        open.push(index);
                    }
                }
                Event::End(_) => {
                    if let Some(index) = open.pop() {
                        elements[index].close = Some(before..after);
                    }
                }
                Event::Text(ref content)
                    if open.is_empty() && content.iter().any(|b| !b.is_ascii_whitespace()) =>
                {
                    return Err(xml_error(
                        text,
                        before,
                        crate::en!("text outside the <configuration> element; remove it"),
                    ));
                }
                Event::CData(_) | Event::GeneralRef(_) if open.is_empty() => {
                    return Err(xml_error(
                        text,
                        before,
                        crate::en!("text outside the <configuration> element; remove it"),
                    ));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some(&unclosed) = open.last() {
            let element = &elements[unclosed];
            let problem = crate::en!(
                "<{name}> is never closed (</{name}> is missing)",
                name = element.name,
            );
            return Err(xml_error(text, element.start, &problem));
        }
        if elements.is_empty() {
            return Err(xml_error(
                text,
                text.len(),
                crate::en!(
                    "the file has no elements at all (it should start with <configuration>)"
                ),
            ));
        }
        Ok(Self { text, elements })
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        line_column(self.text, offset).0
    }

    /// The child elements of `parent` named `name` in any letter case.
    pub fn children_named(&self, parent: usize, name: &str) -> Vec<usize> {
        self.elements[parent]
            .children
            .iter()
            .copied()
            .filter(|&child| self.elements[child].name.eq_ignore_ascii_case(name))
            .collect()
    }
}

fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// 1-based line and column (in characters, not counting a byte-order mark) of `offset`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..]
        .chars()
        .filter(|&c| c != '\u{feff}')
        .count()
        + 1;
    (line, column)
}

fn xml_error(text: &str, offset: usize, problem: &str) -> WebConfigError {
    let (line, column) = line_column(text, offset);
    WebConfigError::Xml {
        line,
        column,
        problem: problem.to_owned(),
    }
}

/// quick-xml's error as a sentence a site owner can act on.
fn describe(err: &XmlError) -> String {
    match err {
        XmlError::Syntax(SyntaxError::UnclosedTag) => crate::en!(
            "a tag is not closed: a > is missing (or a quote inside the tag is not closed)"
        )
        .to_owned(),
        XmlError::Syntax(SyntaxError::UnclosedComment) => {
            crate::en!("a comment that starts with <!-- is never closed with -->").to_owned()
        }
        XmlError::Syntax(SyntaxError::UnclosedCData) => {
            crate::en!("a <![CDATA[ section is never closed with ]]>").to_owned()
        }
        XmlError::Syntax(SyntaxError::UnclosedPIOrXmlDecl) => {
            crate::en!("a <? ... ?> instruction is never closed with ?>").to_owned()
        }
        XmlError::Syntax(SyntaxError::UnclosedDoctype | SyntaxError::InvalidBangMarkup) => {
            crate::en!("something starting with <! is neither a comment nor valid markup")
                .to_owned()
        }
        XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => crate::en!(
            "</{found}> closes <{expected}>, which is still open: a closing tag is missing or \
             misspelled",
            found = found,
            expected = expected,
        ),
        XmlError::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
            crate::en!(
                "</{name}> closes an element that was never opened",
                name = name
            )
        }
        XmlError::IllFormed(IllFormedError::MissingEndTag(name)) => {
            crate::en!("<{name}> is never closed", name = name)
        }
        XmlError::IllFormed(IllFormedError::DoubleHyphenInComment) => crate::en!(
            "a comment contains -- (two hyphens), which XML does not allow inside <!-- -->"
        )
        .to_owned(),
        XmlError::IllFormed(IllFormedError::UnclosedReference) => {
            crate::en!("an & starts a reference that is never finished with ; (write & as &amp;)")
                .to_owned()
        }
        XmlError::IllFormed(IllFormedError::MissingDeclVersion(_)) => {
            crate::en!("the <?xml ...?> line at the top has no version=\"1.0\"").to_owned()
        }
        other => crate::en!("the XML could not be read ({error})", error = other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_at_tags_and_attributes() {
        let text = "\u{feff}<configuration>\r\n  <a x='1' y=\"&amp;\"/>\r\n</configuration>";
        let doc = Document::parse(text).unwrap();
        let a = &doc.elements[1];
        assert_eq!(&text[a.start..a.open_end], "<a x='1' y=\"&amp;\"/>");
        assert_eq!(&text[a.attrs[1].value_span.clone()], "&amp;");
        assert_eq!(a.attrs[1].value, "&");
        let close = doc.elements[0].close.clone().unwrap();
        assert_eq!(&text[close], "</configuration>");
        assert_eq!(doc.line(a.start), 2);
    }

    #[test]
    fn errors_have_line_and_column() {
        let err = Document::parse("<configuration>\n  <a>\n</configuration>").unwrap_err();
        let WebConfigError::Xml { line, problem, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(line, 3);
        assert!(problem.contains("</configuration> closes <a>"), "{problem}");
        assert!(Document::parse("").is_err());
        assert!(Document::parse("<a/><b/>").is_err());
        assert!(Document::parse("<a><!-- x -- y --></a>").is_err());
        assert!(Document::parse("<a>").is_err());
    }
}
