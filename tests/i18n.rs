//! The translations: the English catalogue is the sources' texts, every language has exactly
//! its messages with the same variables, and every message formats.

#[path = "i18n/extract.rs"]
mod extract;
#[path = "i18n/help.rs"]
mod help_pages;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use mail_settings_tester::i18n::{self, Language};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_english_catalogue_is_the_sources() {
    let (generated, problems) = extract::english_catalogue(root());
    assert!(
        problems.is_empty(),
        "texts that cannot be messages:\n{}",
        problems.join("\n")
    );
    let path = root().join("assets/i18n/en.ftl");
    if std::env::var_os("UPDATE_CATALOGUE").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == generated,
        "assets/i18n/en.ftl is not what src/ says: run UPDATE_CATALOGUE=1 cargo test --test i18n"
    );
}

/// Each message's variables, by id.
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let source = i18n::source(language);
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("{language}.ftl does not parse: {errors:?}");
    });
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    variables_of(pattern, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    messages.insert(id.clone(), variables).is_none(),
                    "{language}.ftl has {id} twice"
                );
            }
            Entry::Junk { content } => panic!("{language}.ftl has junk: {content}"),
            _ => {}
        }
    }
    messages
}

fn variables_of(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(inline) => inline_variables(inline, into),
                Expression::Select { selector, variants } => {
                    inline_variables(selector, into);
                    for variant in variants {
                        variables_of(&variant.value, into);
                    }
                }
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    if let InlineExpression::VariableReference { id } = inline {
        into.insert(id.name.to_owned());
    }
}

#[test]
fn every_language_has_the_english_messages_with_the_same_variables() {
    let english = messages(Language::English);
    assert!(
        english.len() > 100,
        "only {} English messages",
        english.len()
    );
    let mut report = Vec::new();
    for language in Language::ALL.into_iter().skip(1) {
        let translated = messages(language);
        for (id, variables) in &english {
            match translated.get(id) {
                None => report.push(format!("{language}: {id} is missing")),
                Some(found) if found != variables => report.push(format!(
                    "{language}: {id} has variables {found:?}, English has {variables:?}"
                )),
                Some(_) => {}
            }
        }
        for id in translated.keys().filter(|id| !english.contains_key(*id)) {
            report.push(format!("{language}: {id} is not an English message"));
        }
    }
    assert!(
        report.is_empty(),
        "{} problems:\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_message_formats_with_sample_values() {
    let english = messages(Language::English);
    let mut languages = Language::ALL.to_vec();
    languages.push(Language::Pseudo);
    for language in languages {
        for (id, variables) in &english {
            for sample in ["1", "7", "smtp.example.com"] {
                let args: Vec<(&str, &str)> = variables
                    .iter()
                    .map(|name| (name.as_str(), sample))
                    .collect();
                let text = i18n::format(language, id, &args)
                    .unwrap_or_else(|| panic!("{language}: {id} does not format"));
                assert!(!text.trim().is_empty(), "{language}: {id} is empty");
                for variable in variables {
                    assert!(
                        !text.contains(&format!("${variable}")),
                        "{language}: {id}: {text}"
                    );
                }
            }
        }
    }
}

#[test]
fn no_catalogue_carries_bidi_isolation_marks() {
    for language in Language::ALL {
        let source = i18n::source(language);
        assert!(
            !source.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
            "{language}.ftl has an isolation mark"
        );
    }
}

#[test]
fn every_english_text_is_found_by_its_own_words() {
    for found in extract::found_in(root()) {
        if found.template {
            continue;
        }
        assert_eq!(
            i18n::translate(Language::English, &found.text).as_deref(),
            Some(found.text.as_str()),
            "{}",
            found.file
        );
        assert!(
            i18n::translate(Language::Pseudo, &found.text).is_some(),
            "{}: {:?} is not found",
            found.file,
            found.text
        );
    }
}
