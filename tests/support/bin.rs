//! The real `mailtester` binary, run as a user would: arguments, environment, standard input.

use std::io::Write as _;
use std::process::{Child, Command, Output, Stdio};

use crate::support::pki::TestPki;
use crate::support::smtp_server::TEST_USER;

/// Runs `mailtester` with `args` and the extra environment `envs`, writing `stdin` to it.
pub fn run(args: &[String], envs: &[(String, String)], stdin: &str) -> Output {
    run_with_bytes(args, envs, stdin.as_bytes())
}

/// [`run`] with standard input given as bytes (another encoding than UTF-8).
pub fn run_with_bytes(args: &[String], envs: &[(String, String)], stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mailtester"));
    command
        .args(args)
        // English unless a test asks otherwise, whatever the developer's own language is.
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .envs(envs.iter().map(|(key, value)| (key, value)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = start(&mut command);
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

/// The Windows error Wine's `CreateProcess` reports when the new process ended before it was
/// set up (`ERROR_INTERNAL_ERROR`): Wine's own hiccup under load, not the program's.
const WINE_PROCESS_START_FAILED: i32 = 1359;

/// How often a start that Wine dropped is tried before the test fails.
const STARTS_UNDER_WINE: usize = 3;

/// Starts `command`. Under Wine a start that Wine itself dropped
/// ([`WINE_PROCESS_START_FAILED`]) is tried again, up to [`STARTS_UNDER_WINE`] times; any other
/// failure, and a third drop, fails the test.
pub fn start(command: &mut Command) -> Child {
    let mut attempt = 1;
    loop {
        match command.spawn() {
            Ok(child) => return child,
            Err(error)
                if cfg!(windows)
                    && error.raw_os_error() == Some(WINE_PROCESS_START_FAILED)
                    && attempt < STARTS_UNDER_WINE =>
            {
                eprintln!("process start dropped by Wine ({error}); starting it again");
                attempt += 1;
            }
            Err(error) => panic!("could not start {command:?}: {error}"),
        }
    }
}

/// [`Command::output`] started through [`start`]: no standard input, the output captured.
pub fn output(command: &mut Command) -> Output {
    start(
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )
    .wait_with_output()
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
