//! `mailtester send` signing in with OAuth, as a user runs it: a token from the environment or
//! standard input, or fetched from a local token endpoint with the client-credentials flow,
//! against our SMTP test server. Nothing secret may reach any output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "oauth_cli/advice.rs"]
mod advice;
#[path = "oauth_cli/failures.rs"]
mod failures;
#[path = "oauth_cli/sign_in.rs"]
mod sign_in;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use support::bin::{send_to_test_server, strings};
use support::smtp_server::{ServerConfig, TEST_USER, TestServer};

const TOKEN: &str = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJhcHAiLCJyb2xlcyI6WyJTTVRQLlNlbmRBc0FwcCJdfQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";
const SECRET: &str = "Qx8~client.secret-VALUE_42";

async fn smtp_taking(token: &str) -> TestServer {
    TestServer::start(ServerConfig {
        auth_mechanisms: vec!["LOGIN".into(), "XOAUTH2".into()],
        oauth_tokens: vec![(TEST_USER.to_owned(), token.to_owned())],
        ..ServerConfig::default()
    })
    .await
}

/// `send` to `server` signing in with OAuth (the token or secret comes from `extra`).
fn oauth_send(server: &TestServer, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = send_to_test_server(server.port(), &["--from", TEST_USER])
        .into_iter()
        .filter(|a| a != "--password-stdin")
        .collect();
    args.extend(strings(extra));
    args
}

/// Neither the token nor the client secret, in any form, is in what the program printed.
fn assert_nothing_secret(output: &std::process::Output) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let mut forms = vec![
        TOKEN.to_owned(),
        STANDARD.encode(TOKEN),
        SECRET.to_owned(),
        STANDARD.encode(SECRET),
        STANDARD.encode(format!("user={TEST_USER}\x01auth=Bearer {TOKEN}\x01\x01")),
    ];
    forms.extend(TOKEN.split('.').skip(1).map(str::to_owned));
    for form in forms {
        assert!(!text.contains(&form), "leaked {form}:\n{text}");
    }
}

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
