//! Where new text goes and how it is laid out: the file's line ending, its indentation, and
//! attributes on one line or one per line, as the neighbours are.

use super::AttributeChange;
use std::fmt::Write as _;

use super::document::{Document, Element, body_start};
use super::rules::{Attribute, MailSettings};
use super::section::{CHAIN, NETWORK, SMTP};
use super::update::Edit;

/// New elements, as edits, with what they add.
pub(crate) struct Created {
    pub edits: Vec<Edit>,
    pub changes: Vec<AttributeChange>,
    pub note: String,
}

/// The file's line ending: CRLF when it has any, else LF.
pub(crate) fn line_ending(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// What goes before a new attribute: the whitespace before the element's last attribute when
/// that starts a new line (one attribute per line), else a space.
pub(crate) fn attribute_separator<'t>(text: &'t str, element: &Element) -> &'t str {
    element
        .attrs
        .last()
        .and_then(|last| text.get(last.lead_start..last.name_span.start))
        .filter(|lead| lead.contains('\n'))
        .unwrap_or(" ")
}

/// The whitespace before `offset` on its line, when nothing else precedes it there.
fn indent_of(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(body_start(text), |i| i + 1);
    let indent = before.get(line_start..)?;
    indent
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(indent)
}

/// One level of indentation, learnt from the first nested element; two spaces otherwise.
fn indent_unit<'t>(doc: &Document<'t>) -> &'t str {
    doc.elements
        .iter()
        .find_map(|element| {
            let parent = &doc.elements[element.parent?];
            let outer = indent_of(doc.text, parent.start)?;
            let inner = indent_of(doc.text, element.start)?;
            inner.strip_prefix(outer).filter(|unit| !unit.is_empty())
        })
        .unwrap_or("  ")
}

/// The elements from chain level `missing` down to `<network>`, added inside `parent`.
pub(crate) fn create(
    doc: &Document<'_>,
    parent: usize,
    missing: usize,
    wanted: &MailSettings,
) -> Created {
    let text = doc.text;
    let newline = line_ending(text);
    let unit = indent_unit(doc);
    let parent_element = &doc.elements[parent];
    let parent_indent = indent_of(text, parent_element.start).unwrap_or("");
    let child_indent = parent_element
        .children
        .iter()
        .find_map(|&child| indent_of(text, doc.elements[child].start))
        .map_or_else(|| format!("{parent_indent}{unit}"), str::to_owned);
    let mut changes = Vec::new();
    let mut lines = Vec::new();
    for (level, name) in CHAIN.iter().enumerate().take(NETWORK + 1).skip(missing) {
        let open = match level {
            SMTP => format!("<smtp{}>", attributes("smtp", &wanted.smtp, &mut changes)),
            NETWORK => format!(
                "<network{} />",
                attributes("network", &wanted.network, &mut changes)
            ),
            _ => format!("<{name}>"),
        };
        lines.push((level - missing, open));
    }
    for (level, name) in CHAIN.iter().enumerate().take(NETWORK).skip(missing).rev() {
        lines.push((level - missing, format!("</{name}>")));
    }
    let block: Vec<String> = lines
        .into_iter()
        .map(|(depth, line)| format!("{child_indent}{}{line}", unit.repeat(depth)))
        .collect();
    let edit = if parent_element.self_closing {
        Edit {
            range: parent_element.attrs_end..parent_element.open_end,
            text: format!(
                ">{newline}{}{newline}{parent_indent}</{}>",
                block.join(newline),
                parent_element.name
            ),
        }
    } else {
        let close = parent_element
            .close
            .clone()
            .unwrap_or(parent_element.open_end..parent_element.open_end);
        match indent_of(text, close.start) {
            Some(indent) => {
                let line_start = close.start - indent.len();
                let mut inserted = String::new();
                for line in &block {
                    inserted.push_str(line);
                    inserted.push_str(newline);
                }
                Edit {
                    range: line_start..line_start,
                    text: inserted,
                }
            }
            None => Edit {
                range: close.start..close.start,
                text: format!("{newline}{}{newline}{parent_indent}", block.join(newline)),
            },
        }
    };
    Created {
        edits: vec![edit],
        changes,
        note: crate::en!(
            "Added <{element}> inside <{parent}>.",
            element = CHAIN[missing],
            parent = parent_element.name,
        ),
    }
}

/// ` name="value"` for every value the element should have, in the snippet's order.
fn attributes(element: &str, wants: &[Attribute], changes: &mut Vec<AttributeChange>) -> String {
    let mut out = String::new();
    for want in wants {
        if let (Some(written), super::rules::Value::Set(value)) = (want.written(), &want.value) {
            let _ = write!(out, " {written}");
            changes.push(AttributeChange {
                element: element.to_owned(),
                attribute: want.name.to_owned(),
                old: None,
                new: Some(want.shown(value)),
                renamed_from: None,
            });
        }
    }
    out
}
