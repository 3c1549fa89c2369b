//! The messages of every language, and the index that finds an English text's message.
//!
//! The `.ftl` files are compiled in (`assets/i18n/<code>.ftl`). English is the source:
//! `assets/i18n/en.ftl` is generated from every `en!` and `tr!` text in `src/`
//! (`UPDATE_CATALOGUE=1 cargo test --test i18n`), and its messages are the ids every other
//! language has. A message's id comes from its English words, so a changed English text is a
//! new message that every language must translate again.
//!
//! The engine speaks English (its texts are also the JSON's), and the faces translate what they
//! show. So a text is found by its English words: exactly, or as a template whose `{ $name }`
//! parts match anything (each part translated again if it is a known text), or as sentences a
//! diagnosis put together, each found on its own.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use regex::Regex;

use super::Language;

/// Each language's messages as written (English first).
pub(super) const SOURCES: [(Language, &str); 9] = [
    (Language::English, include_str!("../../assets/i18n/en.ftl")),
    (Language::German, include_str!("../../assets/i18n/de.ftl")),
    (Language::French, include_str!("../../assets/i18n/fr.ftl")),
    (Language::Spanish, include_str!("../../assets/i18n/es.ftl")),
    (
        Language::PortugueseBrazil,
        include_str!("../../assets/i18n/pt-BR.ftl"),
    ),
    (Language::Italian, include_str!("../../assets/i18n/it.ftl")),
    (Language::Dutch, include_str!("../../assets/i18n/nl.ftl")),
    (Language::Polish, include_str!("../../assets/i18n/pl.ftl")),
    (Language::Japanese, include_str!("../../assets/i18n/ja.ftl")),
];

/// The `.ftl` text of `language` (the pseudo-locale's is English's).
pub fn source(language: Language) -> &'static str {
    let wanted = if language == Language::Pseudo {
        Language::English
    } else {
        language
    };
    SOURCES
        .iter()
        .find(|(found, _)| *found == wanted)
        .map_or(SOURCES[0].1, |(_, text)| text)
}

/// One bundle per language (in [`super::ORDER`]'s order), each built the first time its
/// language is asked for: a German window parses German and English, not all nine.
static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; super::ORDER.len()] =
    [const { OnceLock::new() }; super::ORDER.len()];

/// `language`'s bundle.
fn bundle_of(language: Language) -> &'static FluentBundle<FluentResource> {
    let at = super::ORDER
        .iter()
        .position(|found| *found == language)
        .unwrap_or(0);
    BUNDLES[at].get_or_init(|| bundle(language))
}

/// English's messages, indexed by their English words.
static INDEX: LazyLock<Index> = LazyLock::new(|| Index::new(source(Language::English)));

fn bundle(language: Language) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source(language).to_owned())
        .unwrap_or_else(|(partial, _errors)| partial);
    let locale = language.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // No U+2068/U+2069 around inserted values: they would end up in copied text, and none
    // of our languages is written right to left.
    bundle.set_use_isolating(false);
    if language == Language::Pseudo {
        bundle.set_transform(Some(pseudo));
    }
    // Two messages with one id are a test failure, not a reason to speak English.
    let _ = bundle.add_resource(resource);
    bundle
}

fn pseudo(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

/// English messages by their words.
struct Index {
    /// Messages without a variable, by their exact English text.
    exact: HashMap<String, String>,
    /// Messages with variables, by their `format!` template (`Wait {secs} seconds.`).
    by_template: HashMap<String, String>,
    /// Messages with variables, most specific first, as patterns over English text.
    templates: Vec<Template>,
}

struct Template {
    id: String,
    pattern: Regex,
    names: Vec<String>,
}

impl Index {
    fn new(english: &str) -> Self {
        let resource = match fluent_syntax::parser::parse(english) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let mut index = Self {
            exact: HashMap::new(),
            by_template: HashMap::new(),
            templates: Vec::new(),
        };
        let mut literal_lengths = Vec::new();
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let Some(pattern) = message.value else {
                continue;
            };
            let id = message.id.name.to_owned();
            let mut text = String::new();
            let mut template = String::new();
            let mut expression = String::from("(?s)^");
            let mut names = Vec::new();
            let mut literal = 0;
            for element in &pattern.elements {
                let piece = match element {
                    PatternElement::TextElement { value }
                    | PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::StringLiteral { value }),
                    } => Some(*value),
                    PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::VariableReference { id }),
                    } => {
                        names.push(id.name.to_owned());
                        template.push('{');
                        template.push_str(id.name);
                        template.push('}');
                        expression.push_str("(.+?)");
                        None
                    }
                    PatternElement::Placeable { .. } => None,
                };
                if let Some(piece) = piece {
                    literal += piece.len();
                    text.push_str(piece);
                    template.push_str(&piece.replace('{', "{{").replace('}', "}}"));
                    expression.push_str(&regex::escape(piece));
                }
            }
            expression.push('$');
            if names.is_empty() {
                index.exact.insert(text, id);
            } else if let Ok(pattern) = Regex::new(&expression) {
                index.by_template.insert(template, id.clone());
                index.templates.push(Template { id, pattern, names });
                literal_lengths.push(literal);
            }
        }
        // The template with the most fixed words is the most specific.
        let mut ordered: Vec<(usize, Template)> =
            literal_lengths.into_iter().zip(index.templates).collect();
        ordered.sort_by_key(|(literal, _)| std::cmp::Reverse(*literal));
        index.templates = ordered.into_iter().map(|(_, template)| template).collect();
        index
    }
}

/// The message `id` in `language` with `args`; `None` when neither `language` nor English has
/// it, or when formatting it went wrong.
pub fn format(language: Language, id: &str, args: &[(&str, &str)]) -> Option<String> {
    let found = [language, Language::English]
        .into_iter()
        .find_map(|language| {
            let bundle = bundle_of(language);
            let pattern = bundle.get_message(id)?.value()?;
            Some((language, bundle, pattern))
        })?;
    let (found_in, bundle, pattern) = found;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value_of(value));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        return None;
    }
    Some(if found_in == Language::Pseudo {
        format!("[{text}]")
    } else {
        text.into_owned()
    })
}

/// A whole number is a number (so plural forms apply); anything else is text.
fn value_of(value: &str) -> FluentValue<'_> {
    match value.parse::<u64>() {
        Ok(number) if number.to_string() == value => FluentValue::from(number),
        _ => FluentValue::from(value),
    }
}

/// The id of the English message with `template` (a `format!` string), if there is one.
pub fn id_of_template(template: &str) -> Option<&'static str> {
    INDEX.by_template.get(template).map(String::as_str)
}

/// `text` (English) in `language`, or `None` when the catalogue does not know it.
pub fn translate(language: Language, text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(text.to_owned());
    }
    whole(language, text, Fill::Clean)
        .or_else(|| sentences(language, text))
        .or_else(|| whole(language, text, Fill::Any))
}

/// What a template's `{ $value }` may take in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fill {
    /// A text of ours, or words that do not run on into another sentence: a template must not
    /// swallow the sentences joined after it.
    Clean,
    /// Anything (the last try: a server's reply of several sentences quoted in ours).
    Any,
}

/// Whether `value` runs on past the end of a sentence or a line.
fn runs_on(value: &str) -> bool {
    value.contains('\n')
        || [". ", ": ", "! ", "? "]
            .iter()
            .any(|end| value.contains(end))
}

/// `text` as one message (or a bulleted line of one).
fn whole(language: Language, text: &str, fill: Fill) -> Option<String> {
    let index = &*INDEX;
    if let Some(id) = index.exact.get(text) {
        return format(language, id, &[]);
    }
    if let Some(rest) = text.strip_prefix("• ") {
        return whole(language, rest, fill).map(|line| format!("• {line}"));
    }
    index.templates.iter().find_map(|template| {
        let captures = template.pattern.captures(text)?;
        let mut values = Vec::new();
        for at in 1..captures.len() {
            // A value can be a text of ours too ("3 sites", a step's name); it is shorter
            // than `text`, so this ends.
            let value = captures.get(at).map_or("", |found| found.as_str());
            match whole(language, value, Fill::Clean) {
                Some(translated) => values.push(translated),
                None if fill == Fill::Clean && runs_on(value) => return None,
                None => values.push(value.to_owned()),
            }
        }
        let args: Vec<(&str, &str)> = template
            .names
            .iter()
            .map(String::as_str)
            .zip(values.iter().map(String::as_str))
            .collect();
        format(language, &template.id, &args)
    })
}

/// `text` as lines, or as sentences put together with spaces, each one a message.
fn sentences(language: Language, text: &str) -> Option<String> {
    if let Some((first, rest)) = text.split_once('\n') {
        let first = translate(language, first)?;
        let rest = translate(language, rest)?;
        return Some(format!("{first}\n{rest}"));
    }
    text.match_indices(' ').find_map(|(at, _)| {
        let head = &text[..at];
        if !head.ends_with(['.', ':', '!', '?', ')']) {
            return None;
        }
        let head = whole(language, head, Fill::Clean)?;
        let tail = translate(language, text[at + 1..].trim_start())?;
        Some(format!("{head}{}{tail}", language.sentence_gap()))
    })
}
