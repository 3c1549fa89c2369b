//! Writing settings into web.config text by changing only the attributes that differ.
//!
//! Every change is an [`Edit`] on byte offsets of the original text; everything outside the
//! edits is copied unchanged, so comments, attribute order, quote style, line endings and the
//! byte-order mark survive. Rules:
//!
//! - An attribute whose value already means the same (`enableSsl="True"`, `deliveryMethod=
//!   "network"`) is left alone; a missing attribute whose .NET default is wanted is not added.
//! - Wrong-case names are renamed in place (`enablessl` → `enableSsl`); a wrong-case copy beside
//!   the right one is removed.
//! - An empty `userName` or `clientDomain` removes the attribute (the settings mean "none").
//! - The password is written only with [`UpdateOptions::include_password`]; otherwise an existing
//!   `password` attribute stays exactly as it is and none is added (never a placeholder).
//! - Port 465 is never written: 587 with `enableSsl="true"`, as the snippet does.
//! - A value with a character XML forbids (a control character) is refused, never written.
//! - Missing `<system.net>`, `<mailSettings>`, `<smtp>` or `<network>` is created (see
//!   [`layout`](super::layout)).

use std::ops::Range;

use super::document::{Document, Element};
use super::error::WebConfigError;
use super::import::{delivery_method_name, parse_bool, parse_port};
use super::layout;
use super::lint::{NETWORK_ATTRIBUTES, SMTP_ATTRIBUTES};
use super::section::{self, NETWORK, SMTP};
use super::tag::escape_value;
use super::{AttributeChange, UpdateOptions, Updated};
use crate::secret::REDACTED;
use crate::settings::{Framework, Security, Settings};

/// A replacement of `range` in the original text.
#[derive(Debug, Clone)]
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// What an attribute should become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// This value.
    Set(String),
    /// No attribute.
    Remove,
    /// Whatever is there (only its name's case is corrected).
    Keep,
}

/// How two values are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Bool,
    Number,
    Enum,
}

/// One attribute of `<smtp>` or `<network>` and what it should become.
#[derive(Debug, Clone)]
pub(crate) struct Want {
    pub name: &'static str,
    pub target: Target,
    pub kind: Kind,
    /// .NET's value when the attribute is missing.
    pub default: Option<&'static str>,
}

impl Want {
    fn new(name: &'static str, target: Target, kind: Kind, default: Option<&'static str>) -> Self {
        Self {
            name,
            target,
            kind,
            default,
        }
    }

    /// Whether `existing` already means `wanted`.
    fn same(&self, existing: &str, wanted: &str) -> bool {
        match self.kind {
            Kind::Text => existing == wanted,
            Kind::Bool => {
                parse_bool(existing).is_some() && parse_bool(existing) == parse_bool(wanted)
            }
            Kind::Number => {
                parse_port(existing).is_some() && parse_port(existing) == parse_port(wanted)
            }
            Kind::Enum => existing.trim().eq_ignore_ascii_case(wanted),
        }
    }

    /// The value to show in a change (passwords never shown).
    fn shown(&self, value: &str) -> String {
        if self.name == "password" {
            REDACTED.to_owned()
        } else {
            value.to_owned()
        }
    }
}

/// What the settings ask of `<smtp>` and `<network>`, and notes for the user.
pub(crate) struct Wanted {
    pub smtp: Vec<Want>,
    pub network: Vec<Want>,
    pub notes: Vec<String>,
}

fn text_or(value: &str, empty: Target) -> Target {
    if value.is_empty() {
        empty
    } else {
        Target::Set(value.to_owned())
    }
}

fn flag(value: bool) -> Target {
    Target::Set(if value { "true" } else { "false" }.to_owned())
}

impl Wanted {
    pub fn new(settings: &Settings, options: UpdateOptions) -> Self {
        let mut notes = Vec::new();
        let mut port = settings.port;
        let mut enable_ssl = settings.effective_security() != Security::None;
        if port == 465 || settings.effective_security() == Security::ImplicitTls {
            notes.push("ASP.NET cannot use port 465 (SSL on connect), so port 587 with enableSsl=\"true\" is written instead. Test port 587 before relying on it.".to_owned());
            port = 587;
            enable_ssl = true;
        }
        // .NET Framework 2.0–3.5 rejects the whole section over an enableSsl attribute: remove
        // it there, and say how to switch SSL on in code instead.
        let ssl_target = if settings.framework == Framework::Legacy {
            if enable_ssl {
                notes.push(crate::snippet::LEGACY_SSL_IN_CODE.to_owned());
            }
            Target::Remove
        } else {
            flag(enable_ssl)
        };
        let password = if options.include_password {
            text_or(settings.password.expose(), Target::Remove)
        } else {
            Target::Keep
        };
        let mut smtp = vec![
            Want::new(
                "deliveryMethod",
                Target::Set(delivery_method_name(settings.delivery_method).to_owned()),
                Kind::Enum,
                Some("Network"),
            ),
            Want::new(
                "from",
                text_or(settings.from.trim(), Target::Keep),
                Kind::Text,
                None,
            ),
        ];
        let mut network = vec![
            Want::new(
                "host",
                text_or(settings.host.trim(), Target::Keep),
                Kind::Text,
                None,
            ),
            Want::new(
                "port",
                Target::Set(port.to_string()),
                Kind::Number,
                Some("25"),
            ),
            Want::new("enableSsl", ssl_target, Kind::Bool, Some("false")),
            Want::new(
                "userName",
                text_or(settings.user_name.trim(), Target::Remove),
                Kind::Text,
                None,
            ),
            Want::new("password", password, Kind::Text, None),
            Want::new(
                "defaultCredentials",
                flag(settings.default_credentials),
                Kind::Bool,
                Some("false"),
            ),
            Want::new(
                "clientDomain",
                text_or(settings.client_domain.trim(), Target::Remove),
                Kind::Text,
                None,
            ),
        ];
        // Everything else .NET knows keeps its value; only a wrong-case name is corrected.
        for (wants, known) in [
            (&mut smtp, &SMTP_ATTRIBUTES[..]),
            (&mut network, &NETWORK_ATTRIBUTES[..]),
        ] {
            for name in known.iter().chain(super::lint::LOCK_ATTRIBUTES.iter()) {
                if !wants.iter().any(|w| w.name == *name) {
                    wants.push(Want::new(name, Target::Keep, Kind::Text, None));
                }
            }
        }
        Self {
            smtp,
            network,
            notes,
        }
    }
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
    let wanted = Wanted::new(settings, options);
    for want in wanted.smtp.iter().chain(&wanted.network) {
        if let Target::Set(value) = &want.target {
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
            notes.push("No password was written (it is left out unless you ask for it): add password=\"...\" to <network> by hand, or update again with the password included.".to_owned());
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
    fn update_element(&mut self, doc: &Document<'_>, element: &Element, wants: &[Want]) {
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
            match (primary, &want.target) {
                (Some(attr), Target::Remove) => {
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
                        Target::Set(value) if !want.same(&attr.value, value) => {
                            self.edits.push(Edit {
                                range: attr.value_span.clone(),
                                text: escape_value(value),
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
                (None, Target::Set(value))
                    if !want.default.is_some_and(|d| want.same(d, value)) =>
                {
                    let separator = layout::attribute_separator(doc.text, element);
                    self.edits.push(Edit {
                        range: element.attrs_end..element.attrs_end,
                        text: format!(
                            "{separator}{}={quote}{}{quote}",
                            want.name,
                            escape_value(value)
                        ),
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
fn verify(text: &str, wanted: &Wanted) -> Result<(), WebConfigError> {
    let internal = |what: &str| WebConfigError::Internal(format!("the result {what}"));
    let doc = Document::parse(text).map_err(|err| internal(&format!("is not valid XML: {err}")))?;
    let section = section::locate(&doc)?;
    for (level, wants) in [(SMTP, &wanted.smtp), (NETWORK, &wanted.network)] {
        let element = section.levels[level]
            .map(|i| &doc.elements[i])
            .ok_or_else(|| internal("lacks an element"))?;
        for want in wants {
            let actual = element.attr(want.name).map(|a| a.value.as_str());
            let ok = match (&want.target, actual) {
                (Target::Set(value), Some(actual)) => want.same(actual, value),
                (Target::Set(value), None) => want.default.is_some_and(|d| want.same(d, value)),
                (Target::Remove, found) => found.is_none(),
                (Target::Keep, _) => true,
            };
            if !ok {
                return Err(internal(&format!("has the wrong {}", want.name)));
            }
        }
    }
    Ok(())
}
