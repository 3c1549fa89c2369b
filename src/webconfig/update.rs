//! Writing settings into web.config text by changing only the attributes that differ.
//!
//! Every change is an [`Edit`] on byte offsets of the original text; everything outside the
//! edits is copied unchanged, so comments, attribute order, quote style, line endings and the
//! byte-order mark survive. What the settings ask for (port 465, `enableSsl` per .NET version,
//! which attributes, the notes) comes from [`rules`](super::rules), as for the snippet. Here:
//!
//! - An attribute whose value already means the same (`enableSsl="True"`, `deliveryMethod=
//!   "network"`) is left alone; a missing attribute whose .NET default is wanted is not added.
//! - Wrong-case names are renamed in place (`enablessl` → `enableSsl`); a wrong-case copy beside
//!   the right one is removed.
//! - An empty `userName` or `clientDomain` removes the attribute (the settings mean "none");
//!   an empty `host` or `from` leaves the file's value alone.
//! - The password is written only with [`UpdateOptions::include_password`]; otherwise an existing
//!   `password` attribute stays exactly as it is and none is added (never a placeholder).
//! - A value with a character XML forbids (a control character) is refused, never written.
//! - Missing `<system.net>`, `<mailSettings>`, `<smtp>` or `<network>` is created (see
//!   [`layout`](super::layout)).

use std::ops::Range;

use super::document::{Document, Element};
use super::error::WebConfigError;
use super::layout;
use super::lint::{LOCK_ATTRIBUTES, NETWORK_ATTRIBUTES, SMTP_ATTRIBUTES};
use super::rules::{Attribute, MailSettings, PasswordChoice, Value, escape};
use super::section::{self, NETWORK, SMTP};
use super::{AttributeChange, UpdateOptions, Updated};
use crate::settings::Settings;

/// A replacement of `range` in the original text.
#[derive(Debug, Clone)]
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// What the settings ask of `<smtp>` and `<network>` ([`MailSettings`]), then every other
/// attribute .NET knows, kept as it is (only a wrong-case name is corrected).
fn wanted(settings: &Settings, options: UpdateOptions) -> MailSettings {
    let password = if options.include_password {
        PasswordChoice::Real
    } else {
        PasswordChoice::LeaveAsIs
    };
    let mut wanted = MailSettings::new(settings, password);
    for (attributes, known) in [
        (&mut wanted.smtp, &SMTP_ATTRIBUTES[..]),
        (&mut wanted.network, &NETWORK_ATTRIBUTES[..]),
    ] {
        for name in known.iter().chain(LOCK_ATTRIBUTES.iter()) {
            if !attributes.iter().any(|a| a.name == *name) {
                attributes.push(Attribute::keep(name));
            }
        }
    }
    wanted
}

/// Writes `settings` into web.config `text`, changing only what differs (see the module
/// documentation for the rules). The result is checked by reading it back before it is
/// returned. Errors: the text cannot be read or its settings are elsewhere, encrypted,
/// written twice or under a wrong-case element name, or a value has a control character.
pub fn update(
    text: &str,
    settings: &Settings,
    options: UpdateOptions,
) -> Result<Updated, WebConfigError> {
    let doc = Document::parse(text)?;
    let section = section::locate(&doc)?;
    section::check_readable(&doc, &section)?;
    section::check_unambiguous(&doc, &section)?;
    let wanted = wanted(settings, options);
    for want in wanted.smtp.iter().chain(&wanted.network) {
        if let Value::Set(value) = &want.value {
            WebConfigError::check_characters(want.name, value)?;
        }
    }
    let mut plan = Plan::default();
    for (level, wants) in [(SMTP, &wanted.smtp), (NETWORK, &wanted.network)] {
        if let Some(index) = section.levels[level] {
            plan.update_element(&doc, &doc.elements[index], wants);
        }
    }
    if let Some(missing) =
        (section.base + 1..=NETWORK).find(|&level| section.levels[level].is_none())
        && let Some(parent) = section.levels[missing - 1]
    {
        let created = layout::create(&doc, parent, missing, &wanted);
        plan.edits.extend(created.edits);
        plan.changes.extend(created.changes);
        plan.notes.push(created.note);
    }
    let mut notes = wanted.notes.clone();
    notes.append(&mut plan.notes);
    let new_text = apply(text, plan.edits)?;
    verify(&new_text, &wanted)?;
    if !options.include_password
        && !settings.user_name.trim().is_empty()
        && !settings.default_credentials
    {
        let after = Document::parse(&new_text)?;
        let section = section::locate(&after)?;
        let has_password = section
            .network()
            .is_some_and(|n| after.elements[n].attr("password").is_some());
        if !has_password {
            notes.push(
                crate::en!(
                    "No password was written (it is left out unless you ask for it): add \
                     password=\"...\" to <network> by hand, or update again with the password \
                     included."
                )
                .to_owned(),
            );
        }
    }
    Ok(Updated {
        text: new_text,
        changes: plan.changes,
        notes,
    })
}

#[derive(Default)]
struct Plan {
    edits: Vec<Edit>,
    changes: Vec<AttributeChange>,
    notes: Vec<String>,
}

impl Plan {
    fn update_element(&mut self, doc: &Document<'_>, element: &Element, wants: &[Attribute]) {
        let quote = element.attrs.first().map_or('"', |a| a.quote);
        for want in wants {
            let matches: Vec<_> = element
                .attrs
                .iter()
                .filter(|a| a.name.eq_ignore_ascii_case(want.name))
                .collect();
            let primary = matches
                .iter()
                .copied()
                .find(|a| a.name == want.name)
                .or_else(|| matches.first().copied());
            let change = |old: Option<&str>, new: Option<&str>, renamed_from: Option<&str>| {
                AttributeChange {
                    element: element.name.clone(),
                    attribute: want.name.to_owned(),
                    old: old.map(|v| want.shown(v)),
                    new: new.map(|v| want.shown(v)),
                    renamed_from: renamed_from.map(str::to_owned),
                }
            };
            for extra in matches
                .iter()
                .filter(|a| primary.is_some_and(|p| !std::ptr::eq(**a, p)))
            {
                self.edits.push(Edit {
                    range: extra.full_span(),
                    text: String::new(),
                });
                self.changes
                    .push(change(Some(&extra.value), None, Some(&extra.name)));
            }
            match (primary, &want.value) {
                (Some(attr), Value::Remove) => {
                    self.edits.push(Edit {
                        range: attr.full_span(),
                        text: String::new(),
                    });
                    let renamed = (attr.name != want.name).then_some(attr.name.as_str());
                    self.changes.push(change(Some(&attr.value), None, renamed));
                }
                (Some(attr), target) => {
                    let renamed = attr.name != want.name;
                    if renamed {
                        self.edits.push(Edit {
                            range: attr.name_span.clone(),
                            text: want.name.to_owned(),
                        });
                    }
                    let new_value = match target {
                        Value::Set(value) if !want.same(&attr.value, value) => {
                            self.edits.push(Edit {
                                range: attr.value_span.clone(),
                                text: escape(value),
                            });
                            Some(value.as_str())
                        }
                        _ => None,
                    };
                    if renamed || new_value.is_some() {
                        let new = new_value.unwrap_or(&attr.value);
                        self.changes.push(change(
                            Some(&attr.value),
                            Some(new),
                            renamed.then_some(attr.name.as_str()),
                        ));
                    }
                }
                (None, Value::Set(value)) if !want.default.is_some_and(|d| want.same(d, value)) => {
                    let separator = layout::attribute_separator(doc.text, element);
                    self.edits.push(Edit {
                        range: element.attrs_end..element.attrs_end,
                        text: format!("{separator}{}={quote}{}{quote}", want.name, escape(value)),
                    });
                    self.changes.push(change(None, Some(value), None));
                }
                (None, _) => {}
            }
        }
    }
}

/// Applies non-overlapping edits; insertions at one place keep their order.
pub(crate) fn apply(text: &str, mut edits: Vec<Edit>) -> Result<String, WebConfigError> {
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut out = String::with_capacity(text.len() + 256);
    let mut position = 0;
    for edit in edits {
        let kept = text
            .get(position..edit.range.start)
            .ok_or_else(|| WebConfigError::Internal("two changes overlap".to_owned()))?;
        out.push_str(kept);
        out.push_str(&edit.text);
        position = edit.range.end;
    }
    out.push_str(text.get(position..).unwrap_or_default());
    Ok(out)
}

/// Reads the new text back and checks that every wanted value is there.
fn verify(text: &str, wanted: &MailSettings) -> Result<(), WebConfigError> {
    let internal = |what: &str| WebConfigError::Internal(format!("the result {what}"));
    let doc = Document::parse(text).map_err(|err| internal(&format!("is not valid XML: {err}")))?;
    let section = section::locate(&doc)?;
    for (level, wants) in [(SMTP, &wanted.smtp), (NETWORK, &wanted.network)] {
        let element = section.levels[level]
            .map(|i| &doc.elements[i])
            .ok_or_else(|| internal("lacks an element"))?;
        for want in wants {
            let actual = element.attr(want.name).map(|a| a.value.as_str());
            let ok = match (&want.value, actual) {
                (Value::Set(value), Some(actual)) => want.same(actual, value),
                (Value::Set(value), None) => want.default.is_some_and(|d| want.same(d, value)),
                (Value::Remove, found) => found.is_none(),
                (Value::Keep, _) => true,
            };
            if !ok {
                return Err(internal(&format!("has the wrong {}", want.name)));
            }
        }
    }
    Ok(())
}
