//! `--help` in the user's language: clap's command tree, built, with each of its texts (ours
//! from the doc comments, clap's own for the help flag, the headings) put through the
//! catalogue. English is clap's tree untouched.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::{Arg, Command, CommandFactory as _, FromArgMatches as _};

use super::args::Cli;
use crate::i18n::{self, Language};

/// The language `--lang` names in `args` (`--lang CODE` or `--lang=CODE`, before any `--`), if
/// any: it must be known before parsing, to write the help in it. An unknown code is English.
pub fn language_named_in(args: &[OsString]) -> Option<Language> {
    let mut words = args
        .iter()
        .skip(1)
        .map(|arg| arg.to_string_lossy())
        .take_while(|arg| arg != "--");
    let mut named = None;
    while let Some(word) = words.next() {
        let code = match word.strip_prefix("--lang=") {
            Some(code) => Some(code.to_owned()),
            None if word == "--lang" => words.next().map(std::borrow::Cow::into_owned),
            None => None,
        };
        if let Some(code) = code {
            named = Some(Language::from_code(&code).unwrap_or(Language::English));
        }
    }
    named
}

/// The command line parsed from `args`, its help and usage errors in the current language
/// (clap prints them and ends the program, as `Cli::parse` does). The help is translated only
/// when clap has something to print: a run that parses costs nothing more.
pub fn parse_from(args: Vec<OsString>) -> Cli {
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(_) => command().get_matches_from(args),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit())
}

/// The whole command tree, its texts in the current language.
pub fn command() -> Command {
    let mut command = Cli::command();
    command.build();
    if i18n::current() == Language::English {
        return command;
    }
    map_texts(command, &translate, true)
}

/// Every English text of the built command tree, in order (the catalogue holds each of their
/// [`lines_to_translate`]; the headings and hints are marked where they are written).
pub fn english_texts() -> Vec<String> {
    let mut command = Cli::command();
    command.build();
    let found = std::cell::RefCell::new(Vec::new());
    map_texts(
        command,
        &|text| {
            found.borrow_mut().push(text.to_owned());
            text.to_owned()
        },
        false,
    );
    found.into_inner()
}

/// The lines of a help text that are messages: not blank, and not indented (an example, kept
/// as written).
pub fn lines_to_translate(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').filter(|line| is_a_message(line))
}

/// Whether a line of help is a message (see [`lines_to_translate`]).
fn is_a_message(line: &str) -> bool {
    !line.trim().is_empty() && !line.starts_with(char::is_whitespace)
}

/// `text` with each of its [`lines_to_translate`] in the current language.
fn translate(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if is_a_message(line) {
                i18n::tr(line).into_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The headings clap writes itself (usage, arguments, options, commands) in the current
/// language.
fn headings() -> [String; 4] {
    [
        crate::tr!("Usage"),
        crate::tr!("Arguments"),
        crate::tr!("Options"),
        crate::tr!("Commands"),
    ]
}

/// `command` and every subcommand with each text changed by `change`; when `translating`,
/// also the headings clap writes itself ([`headings`]) and the value hints clap would add in
/// English ([`spell_out_values`]).
fn map_texts(mut command: Command, change: &dyn Fn(&str) -> String, translating: bool) -> Command {
    let [usage, arguments, options, commands] = headings();
    if translating {
        command = command
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
            ))
            .subcommand_help_heading(commands);
    }
    if let Some(text) = command.get_about().map(|text| change(&text.to_string())) {
        command = command.about(text);
    }
    if let Some(text) = command
        .get_long_about()
        .map(|text| change(&text.to_string()))
    {
        command = command.long_about(text);
    }
    if let Some(text) = command
        .get_after_help()
        .map(|text| change(&text.to_string()))
    {
        command = command.after_help(text);
    }
    if let Some(text) = command
        .get_after_long_help()
        .map(|text| change(&text.to_string()))
    {
        command = command.after_long_help(text);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |mut arg| {
            if let Some(text) = arg.get_help().map(|text| change(&text.to_string())) {
                arg = arg.help(text);
            }
            if let Some(text) = arg.get_long_help().map(|text| change(&text.to_string())) {
                arg = arg.long_help(text);
            }
            let values: Vec<(String, Option<String>)> = arg
                .get_possible_values()
                .iter()
                .filter(|value| !value.is_hide_set())
                .map(|value| {
                    let help = value.get_help().map(|text| change(&text.to_string()));
                    (value.get_name().to_owned(), help)
                })
                .collect();
            let heading = match arg.get_help_heading() {
                Some(heading) => change(heading),
                None if arg.is_positional() => arguments.clone(),
                None => options.clone(),
            };
            if !translating {
                return arg;
            }
            spell_out_values(arg, &values).help_heading(heading)
        });
    }
    for subcommand in command.get_subcommands_mut() {
        *subcommand = map_texts(std::mem::take(subcommand), change, translating);
    }
    command
}

/// The long help's list of values with what each means, as clap writes it.
fn explain_values(values: &[(String, Option<String>)]) -> String {
    let width = values.iter().map(|(name, _)| name.len()).max().unwrap_or(0) + 1;
    let mut list = format!("{}:", crate::tr!("Possible values"));
    for (name, help) in values {
        let name = format!("{name}:");
        let _ = match help {
            Some(help) => write!(list, "\n- {name:width$} {help}"),
            None => write!(list, "\n- {name}"),
        };
    }
    list
}

/// `arg` with the hints clap adds in English (`[default: 60]`, `[possible values: …]`, the
/// long help's list of values) written into its help in the current language instead.
fn spell_out_values(mut arg: Arg, values: &[(String, Option<String>)]) -> Arg {
    let takes_values = arg.get_num_args().is_some_and(|range| range.takes_values());
    if !takes_values || arg.is_hide_set() {
        return arg;
    }
    let defaults: Vec<String> = if arg.is_hide_default_value_set() {
        Vec::new()
    } else {
        arg.get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect()
    };
    let values: &[(String, Option<String>)] = if arg.is_hide_possible_values_set() {
        &[]
    } else {
        values
    };
    if defaults.is_empty() && values.is_empty() {
        return arg;
    }
    let mut hints = Vec::new();
    if !defaults.is_empty() {
        hints.push(format!(
            "[{}: {}]",
            crate::tr!("default"),
            defaults.join(", ")
        ));
    }
    // The long help lists each value with what it means, when the values say.
    let explained = values.iter().any(|(_, help)| help.is_some());
    let mut long_hints = hints.clone();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(name, _)| name.as_str()).collect();
        hints.push(format!(
            "[{}: {}]",
            crate::tr!("possible values"),
            names.join(", ")
        ));
        long_hints.push(if explained {
            explain_values(values)
        } else {
            hints[hints.len() - 1].clone()
        });
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = arg
        .get_long_help()
        .map_or_else(|| help.clone(), ToString::to_string);
    let short = std::iter::once(help)
        .chain(hints)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let had_long_help = arg.get_long_help().is_some();
    arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .help(short);
    if had_long_help || explained {
        arg = arg.long_help(
            std::iter::once(long)
                .chain(long_hints)
                .collect::<Vec<_>>()
                .join("\n\n"),
        );
    }
    arg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(args: &[&str]) -> Option<Language> {
        let args: Vec<OsString> = std::iter::once("mailtester")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        language_named_in(&args)
    }

    #[test]
    fn the_language_is_found_before_parsing_wherever_the_flag_stands() {
        assert_eq!(named(&["send", "--help"]), None);
        assert_eq!(named(&["--lang", "de", "send"]), Some(Language::German));
        assert_eq!(
            named(&["send", "--help", "--lang=ja"]),
            Some(Language::Japanese)
        );
        assert_eq!(
            named(&["--lang", "pt", "--lang", "fr"]),
            Some(Language::French)
        );
        assert_eq!(named(&["--lang", "tlh"]), Some(Language::English));
        assert_eq!(named(&["--lang"]), None);
        assert_eq!(named(&["explain", "--", "--lang", "de"]), None);
    }
}
