//! `--help` in every language: each command's short and long help, with no English help line
//! left where the language has its own words, and clap's headings translated.

use std::collections::BTreeSet;

use mail_settings_tester::cli::help;
use mail_settings_tester::i18n::{self, Language};

/// `command` and every subcommand under it, with their paths (`mailtester profile save`).
fn every_command(command: &clap::Command, path: &str, into: &mut Vec<(String, clap::Command)>) {
    into.push((path.to_owned(), command.clone()));
    for subcommand in command.get_subcommands() {
        every_command(
            subcommand,
            &format!("{path} {}", subcommand.get_name()),
            into,
        );
    }
}

#[test]
fn every_help_page_is_in_every_language() {
    let english: BTreeSet<String> = help::english_texts()
        .iter()
        .flat_map(|text| help::lines_to_translate(text).map(str::to_owned))
        .collect();
    assert!(english.len() > 100, "only {} help lines", english.len());
    let mut languages = Language::ALL[1..].to_vec();
    languages.push(Language::Pseudo);
    let mut checked = 0;
    for language in languages {
        // Lines whose translation is the English itself ("OAuth") cannot tell.
        let own: Vec<&String> = english
            .iter()
            .filter(|line| {
                i18n::translate(language, line).is_some_and(|translated| translated != **line)
            })
            .collect();
        let usage = i18n::translate(language, "Usage").unwrap();
        let mut commands = Vec::new();
        i18n::with_language(language, || {
            every_command(&help::command(), "mailtester", &mut commands);
        });
        for (path, mut command) in commands {
            for long in [false, true] {
                let page = if long {
                    command.render_long_help().to_string()
                } else {
                    command.render_help().to_string()
                };
                let left: Vec<&&String> = own.iter().filter(|line| page.contains(**line)).collect();
                assert!(
                    left.is_empty(),
                    "{language}: `{path} --help` (long: {long}) still says {left:?}:\n{page}"
                );
                for hint in ["[default: ", "[possible values: ", "Possible values:"] {
                    assert!(
                        !page.contains(hint),
                        "{language}: `{path} --help` (long: {long}) has clap's {hint:?}:\n{page}"
                    );
                }
                assert!(
                    page.contains(&format!("{usage}: ")),
                    "{language}: `{path}`: no {usage:?} heading:\n{page}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 9 * 20, "only {checked} help pages");
}
