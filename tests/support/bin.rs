//! The real `mailtester` binary, run as a user would: arguments, environment, standard input.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// Runs `mailtester` with `args` and the extra environment `envs`, writing `stdin` to it.
pub fn run(args: &[String], envs: &[(String, String)], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailtester"))
        .args(args)
        .envs(envs.iter().map(|(key, value)| (key, value)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// [`run`] off the async runtime, so a test server on the same runtime keeps answering.
pub async fn run_async(args: Vec<String>, envs: Vec<(String, String)>, stdin: &str) -> Output {
    let stdin = stdin.to_owned();
    tokio::task::spawn_blocking(move || run(&args, &envs, &stdin))
        .await
        .unwrap()
}

/// Owned strings from string slices.
pub fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| (*s).to_owned()).collect()
}
