//! The `mailtester` binary, run as a user would, against the fake SMTP server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "cli/languages.rs"]
mod languages;
#[path = "cli/outside.rs"]
mod outside;
#[path = "cli/send.rs"]
mod send;
#[path = "cli/snippet.rs"]
mod snippet;
#[path = "cli/usage.rs"]
mod usage;

use std::process::{Command, Output};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};

/// Runs `mailtester` with `args`, feeding `stdin`, off the async runtime.
async fn mailtester(args: Vec<String>, stdin: &str) -> Output {
    support::bin::run_async(args, Vec::new(), stdin).await
}

fn send_args(server: &TestServer, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "send",
        "--host",
        "localhost",
        "--port",
        &server.port().to_string(),
        "--user",
        TEST_USER,
        "--password-stdin",
        "--from",
        TEST_USER,
        "--client-domain",
        "tester.example",
        "--timeout",
        "5",
        "--ca-file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_no_password(output: &str) {
    for secret in [
        TEST_PASSWORD.to_owned(),
        STANDARD.encode(TEST_PASSWORD),
        STANDARD.encode(format!("\0{TEST_USER}\0{TEST_PASSWORD}")),
    ] {
        assert!(!output.contains(&secret), "the password leaked as {secret}");
    }
}
