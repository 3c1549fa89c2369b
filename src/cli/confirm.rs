//! Asking "are you sure?" on the terminal, the one way every command does it.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

/// Asks `question` (followed by `[y/N]`) on the terminal: `true` for y or yes (in English or
/// in the user's language). Without a terminal nothing is asked: `refused` says how to say yes
/// up front, and the answer is no. Both texts come already translated.
pub fn ask(question: &str, refused: &str) -> bool {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        eprintln!("{refused}");
        return false;
    }
    eprint!("{question} {} ", crate::tr!("[y/N]"));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if stdin.lock().read_line(&mut answer).is_err() {
        return false;
    }
    is_yes(&answer)
}

/// Whether `answer` says yes: `y` or `yes`, or the user's language's word for yes or its
/// first letter (`ja` or `j`, `oui` or `o`).
fn is_yes(answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    if answer.is_empty() {
        return false;
    }
    let yes = crate::tr!("yes").to_lowercase();
    let initial: String = yes.chars().take(1).collect();
    ["y", "yes", yes.as_str(), initial.as_str()].contains(&answer.as_str())
}

#[cfg(test)]
mod tests {
    use super::is_yes;

    #[test]
    fn y_and_yes_say_yes_and_anything_else_no() {
        for answer in ["y", "Y\n", " yes ", "YES"] {
            assert!(is_yes(answer), "{answer:?}");
        }
        for answer in ["", "\n", "n", "no", "yep", "ye"] {
            assert!(!is_yes(answer), "{answer:?}");
        }
    }
}
