//! Asking "are you sure?" on the terminal, the one way every command does it.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

/// Asks `question` (ending in `[y/N]`) on the terminal: `true` for y or yes. Without a
/// terminal nothing is asked: `refused` says how to say yes up front, and the answer is no.
pub fn ask(question: &str, refused: &str) -> bool {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        eprintln!("{refused}");
        return false;
    }
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if stdin.lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}
