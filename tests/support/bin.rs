//! The real `mailtester` binary, run as a user would: arguments, environment, standard input.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use crate::support::pki::TestPki;
use crate::support::smtp_server::TEST_USER;

/// Runs `mailtester` with `args` and the extra environment `envs`, writing `stdin` to it.
pub fn run(args: &[String], envs: &[(String, String)], stdin: &str) -> Output {
    run_with_bytes(args, envs, stdin.as_bytes())
}

/// [`run`] with standard input given as bytes (another encoding than UTF-8).
pub fn run_with_bytes(args: &[String], envs: &[(String, String)], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mailtester"))
        .args(args)
        // English unless a test asks otherwise, whatever the developer's own language is.
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .envs(envs.iter().map(|(key, value)| (key, value)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
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

/// `send` to our SMTP test server on `port` as a user would give it: STARTTLS trusting the test
/// CA, signed in as [`TEST_USER`] with the password on standard input, a 5 s timeout and a
/// fixed EHLO name; then `extra` (the From address, checks, output).
pub fn send_to_test_server(port: u16, extra: &[&str]) -> Vec<String> {
    let port = port.to_string();
    let ca = TestPki::get().ca_pem_path().display().to_string();
    let mut args = strings(&[
        "send",
        "--host",
        "localhost",
        "--port",
        &port,
        "--user",
        TEST_USER,
        "--password-stdin",
        "--client-domain",
        "tester.example",
        "--timeout",
        "5",
        "--ca-file",
        &ca,
        "--enable-ssl",
        "true",
    ]);
    args.extend(strings(extra));
    args
}
