//! Every `mailtester` command the README shows exists as written: each subcommand (and each
//! alternative of `a|b`) answers `--help`, and each flag shown on its line is one that
//! subcommand takes. A newcomer copying a line from the README meets no "unrecognized".

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;
use std::process::Command;

/// The README's commands: one string per `mailtester` invocation in a fenced block, with its
/// continuation lines (a trailing `\`, or an indented line of a usage block) joined and
/// comments cut.
fn readme_commands() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut commands: Vec<String> = Vec::new();
    let mut in_block = false;
    let mut continuing = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continuing = false;
            continue;
        }
        if !in_block {
            continue;
        }
        let text = line.split(" # ").next().unwrap_or_default().trim_end();
        let start = text.trim_start().trim_start_matches("$ ");
        let words: Vec<&str> = start.split_whitespace().collect();
        let at = words.iter().position(|w| *w == "mailtester");
        let is_start = at.is_some_and(|i| words[..i].iter().all(|w| w.contains('=')));
        if is_start {
            commands.push(words[at.unwrap()..].join(" "));
        } else if (continuing
            || (line.starts_with(' ') && matches!(start.chars().next(), Some('[' | '-'))))
            && let Some(last) = commands.last_mut()
        {
            last.push(' ');
            last.push_str(start);
        }
        continuing = (is_start || continuing) && text.ends_with('\\');
        if let Some(last) = commands.last_mut() {
            *last = last.trim_end_matches('\\').trim_end().to_owned();
        }
    }
    commands
}

/// The subcommand paths a command line names (`profile list|show` → both), and its flags.
fn parse(command: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let mut paths: Vec<Vec<String>> = vec![Vec::new()];
    for word in command.split_whitespace().skip(1) {
        let is_name = |w: &str| {
            !w.is_empty()
                && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !w.starts_with('-')
        };
        if word.split('|').all(is_name) && paths[0].len() < 2 {
            paths = paths
                .iter()
                .flat_map(|p| {
                    word.split('|').map(move |alt| {
                        let mut p = p.clone();
                        p.push(alt.to_owned());
                        p
                    })
                })
                .collect();
        } else {
            break;
        }
    }
    let flags = command
        .split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | '|' | '='))
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(|w| w.trim_end_matches([',', '.', '`']).to_owned())
        .collect();
    (paths, flags)
}

#[test]
fn every_command_in_the_readme_exists_as_written() {
    let commands = readme_commands();
    assert!(
        commands.len() >= 20,
        "only {} commands found in the README",
        commands.len()
    );
    let mut help: BTreeMap<Vec<String>, String> = BTreeMap::new();
    let mut problems = Vec::new();
    for command in &commands {
        let (paths, flags) = parse(command);
        for path in paths {
            let text = help.entry(path.clone()).or_insert_with(|| {
                let output = support::bin::output(
                    Command::new(env!("CARGO_BIN_EXE_mailtester"))
                        .args(&path)
                        .arg("--help"),
                );
                if output.status.success() {
                    String::from_utf8_lossy(&output.stdout).into_owned()
                } else {
                    String::new()
                }
            });
            if text.is_empty() {
                problems.push(format!(
                    "`mailtester {}` does not exist ({command})",
                    path.join(" ")
                ));
                continue;
            }
            for flag in &flags {
                if flag != "--help" && !text.contains(flag.as_str()) {
                    problems.push(format!(
                        "`mailtester {}` takes no {flag} ({command})",
                        path.join(" ")
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_parser_reads_alternatives_and_flags() {
    let (paths, flags) = parse("mailtester oauth status|sign-out --user MAILBOX [--tenant T]");
    assert_eq!(
        paths,
        vec![
            vec!["oauth".to_owned(), "status".into()],
            vec!["oauth".into(), "sign-out".into()]
        ]
    );
    assert_eq!(flags, vec!["--user", "--tenant"]);
}

/// The README's exit-code table is the program's: one row per code in `cli::exit`, no other.
#[test]
fn the_readme_exit_code_table_is_the_programs() {
    use mail_settings_tester::cli::exit;
    let codes = [
        exit::OK,
        exit::INTERNAL,
        exit::USAGE,
        exit::CONNECT,
        exit::SECURE,
        exit::SIGN_IN,
        exit::SEND,
        exit::WEBCONFIG,
        exit::NOTHING_FOUND,
        exit::DNS_PROBLEM,
        exit::INBOX,
        exit::SCAN_BROKEN,
        exit::SCAN_AT_RISK,
        exit::SCAN_UNKNOWN,
        exit::CANCELLED,
        exit::CLOSED_PIPE,
    ];
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = readme
        .split("### Exit codes")
        .nth(1)
        .expect("the README has an Exit codes section");
    let rows: Vec<u8> = table
        .lines()
        .skip_while(|line| !line.starts_with("| code"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| line.split('|').nth(1).unwrap().trim().parse().unwrap())
        .collect();
    let mut documented = rows.clone();
    documented.sort_unstable();
    let mut program = codes.to_vec();
    program.sort_unstable();
    assert_eq!(documented, program, "README rows {rows:?}");
}
