//! `mailtester send` signing in with OAuth, as a user runs it: a token from the environment or
//! standard input, or fetched from a local token endpoint with the client-credentials flow,
//! against our SMTP test server. Nothing secret may reach any output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use support::bin::{run_async, send_to_test_server, strings};
use support::smtp_server::{ServerConfig, TEST_USER, TestServer};
use support::token_server::{TokenReply, TokenServer};

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

#[tokio::test]
async fn a_token_from_the_environment_or_stdin_signs_in_and_sends() {
    let server = smtp_taking(TOKEN).await;
    let args = oauth_send(
        &server,
        &["--oauth-token-env", "MT_TOKEN", "--target", "generic"],
    );
    let output = run_async(args, env(&[("MT_TOKEN", TOKEN)]), "").await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("AUTH XOAUTH2 <redacted>"));
    assert_nothing_secret(&output);
    assert_eq!(server.messages().len(), 1);

    let args = oauth_send(&server, &["--oauth-token-stdin", "--json"]);
    let output = run_async(args, Vec::new(), &format!("{TOKEN}\n")).await;
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_nothing_secret(&output);
    assert_eq!(server.messages().len(), 2);
}

#[tokio::test]
async fn client_credentials_against_a_local_endpoint_then_smtp() {
    let endpoint = TokenServer::start(TokenReply::Token(TOKEN.to_owned())).await;
    let server = smtp_taking(TOKEN).await;
    let authority = endpoint.authority();
    let args = oauth_send(
        &server,
        &[
            "--oauth",
            "microsoft",
            "--tenant",
            "contoso.onmicrosoft.com",
            "--client-id",
            "11111111-2222-3333-4444-555555555555",
            "--client-secret-env",
            "MT_SECRET",
            "--authority",
            &authority,
        ],
    );
    let output = run_async(args, env(&[("MT_SECRET", SECRET)]), "").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Got a token, valid for 59 min."),
        "{stdout}"
    );
    assert_nothing_secret(&output);
    let requests = endpoint.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.path, "/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assert_eq!(request.field("grant_type"), Some("client_credentials"));
    assert_eq!(
        request.field("scope"),
        Some("https://outlook.office365.com/.default")
    );
    assert_eq!(
        request.field("client_id"),
        Some("11111111-2222-3333-4444-555555555555")
    );
    assert_eq!(
        request.field("client_secret"),
        Some(SECRET),
        "the secret arrives intact"
    );
    assert_eq!(server.messages().len(), 1);
}

/// Microsoft's token endpoint errors, each explained as a failed sign-in (exit 5) without any
/// mail server contacted.
#[tokio::test]
async fn token_endpoint_errors_are_explained_as_sign_in_failures() {
    let cases = [
        (
            401,
            r#"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '11111111-2222-3333-4444-555555555555'. Trace ID: 0 Correlation ID: 0 Timestamp: 2026-12-06 10:00:00Z","error_codes":[7000215]}"#,
            "oauth_client_secret_wrong",
        ),
        (
            400,
            r#"{"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier '11111111-2222-3333-4444-555555555555' was not found in the directory 'Contoso'.","error_codes":[700016]}"#,
            "oauth_app_not_found",
        ),
        (
            400,
            r#"{"error":"invalid_request","error_description":"AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.","error_codes":[90002]}"#,
            "oauth_tenant_not_found",
        ),
        (
            400,
            r#"{"error":"invalid_grant","error_description":"AADSTS65001: The user or administrator has not consented to use the application with ID '11111111-2222-3333-4444-555555555555'.","error_codes":[65001]}"#,
            "oauth_consent_missing",
        ),
        (
            401,
            &format!(
                r#"{{"error":"invalid_client","error_description":"client secret {SECRET} is wrong"}}"#
            ),
            "oauth_client_secret_wrong",
        ),
    ];
    let server = smtp_taking(TOKEN).await;
    for (status, json, id) in cases {
        let endpoint = TokenServer::start(TokenReply::Error(status, json.to_owned())).await;
        let output = run_async(
            client_credentials_args(&server, &endpoint, &["--json"]),
            env(&[("MT_SECRET", SECRET)]),
            "",
        )
        .await;
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(5), "{id}: {stdout}");
        let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(document["diagnosis"]["id"], id, "{stdout}");
        assert_nothing_secret(&output);
    }
    assert_eq!(server.connections(), 0, "no mail server was contacted");
}

fn client_credentials_args(
    server: &TestServer,
    endpoint: &TokenServer,
    extra: &[&str],
) -> Vec<String> {
    let authority = endpoint.authority();
    let mut args = oauth_send(
        server,
        &[
            "--oauth",
            "microsoft",
            "--tenant",
            "contoso",
            "--client-id",
            "app",
            "--client-secret-env",
            "MT_SECRET",
            "--authority",
            &authority,
        ],
    );
    args.extend(strings(extra));
    args
}

/// Garbage, an endless body, a redirect and silence all end in words, within the limits.
#[tokio::test]
async fn a_misbehaving_endpoint_is_bounded_and_explained() {
    let server = smtp_taking(TOKEN).await;
    for (reply, words) in [
        (
            TokenReply::Raw("<html>Service Unavailable</html>".into()),
            "not JSON",
        ),
        (TokenReply::Endless, "far too long"),
        (TokenReply::Redirect, "redirect"),
        (TokenReply::Stall, "no answer"),
        (
            TokenReply::Raw(r#"{"token_type":"Bearer"}"#.into()),
            "no access_token",
        ),
    ] {
        let endpoint = TokenServer::start(reply.clone()).await;
        let output = run_async(
            client_credentials_args(&server, &endpoint, &[]),
            env(&[("MT_SECRET", SECRET)]),
            "",
        )
        .await;
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(5), "{reply:?}: {stdout}");
        assert!(stdout.contains(words), "{reply:?}: {stdout}");
        assert_nothing_secret(&output);
    }
}

#[tokio::test]
async fn usage_mistakes_are_named() {
    let server = smtp_taking(TOKEN).await;
    for (extra, envs, words) in [
        (
            vec!["--oauth-token-env", "MT_UNSET_VARIABLE"],
            vec![],
            "MT_UNSET_VARIABLE is not set",
        ),
        (
            vec!["--oauth", "microsoft", "--tenant", "t", "--client-id", "c"],
            vec![],
            "needs the app's client secret",
        ),
        (
            vec![
                "--oauth",
                "microsoft",
                "--tenant",
                "t",
                "--client-id",
                "c",
                "--client-secret-env",
                "MT_SECRET",
                "--authority",
                "http://login.example.com",
            ],
            vec![("MT_SECRET", SECRET)],
            "not encrypted",
        ),
        (
            vec!["--oauth", "google", "--tenant", "t", "--client-id", "c"],
            vec![],
            "browser",
        ),
        (
            vec!["--sasl", "xoauth2"],
            vec![],
            "--sasl chooses an OAuth method",
        ),
    ] {
        let output = run_async(oauth_send(&server, &extra), env(&envs), "").await;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stderr.contains(words) || stdout.contains(words),
            "{extra:?}: {stderr}{stdout}"
        );
        assert_ne!(output.status.code(), Some(0));
        assert_nothing_secret(&output);
    }
}

/// A person signs in with a device code (no browser needed): the code is shown on stderr, the
/// mail goes out with the token, and nothing secret is printed.
#[tokio::test]
async fn device_code_sign_in_then_send() {
    let endpoint = TokenServer::start(TokenReply::Authorization {
        access: TOKEN.to_owned(),
        refresh: "unused".into(),
    })
    .await;
    let server = smtp_taking(TOKEN).await;
    let authority = endpoint.authority();
    let client_id = format!("device-test-{}", std::process::id());
    let args = oauth_send(
        &server,
        &[
            "--oauth",
            "microsoft",
            "--sign-in",
            "device",
            "--client-id",
            &client_id,
            "--authority",
            &authority,
        ],
    );
    let output = run_async(args, Vec::new(), "").await;
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("enter the code ABCD-EFGH"), "{stderr}");
    assert!(stdout.contains("Signed in"), "{stdout}");
    assert_nothing_secret(&output);
    assert!(
        !format!("{stdout}{stderr}").contains("refresh-rotated"),
        "the refresh token leaked"
    );
    assert_eq!(server.messages().len(), 1);
    let authorize = &endpoint.requests()[0];
    assert_eq!(authorize.path, "/organizations/oauth2/v2.0/devicecode");
}

#[tokio::test]
async fn oauth_snippets_and_the_setup_checklist_from_the_command_line() {
    let snippet = run_async(
        strings(&[
            "snippet",
            "--host",
            "smtp.office365.com",
            "--port",
            "587",
            "--enable-ssl",
            "true",
            "--user",
            "site@contoso.com",
            "--from",
            "site@contoso.com",
            "--format",
            "mailkit",
            "--oauth",
            "microsoft",
            "--tenant",
            "contoso.onmicrosoft.com",
            "--client-id",
            "app-id-1",
        ]),
        Vec::new(),
        "",
    )
    .await;
    let text = String::from_utf8_lossy(&snippet.stdout);
    assert_eq!(snippet.status.code(), Some(0), "{text}");
    assert!(
        text.contains("SaslMechanismOAuth2") && text.contains("app-id-1"),
        "{text}"
    );
    assert!(text.contains("YOUR-CLIENT-SECRET-HERE"), "{text}");

    let setup = run_async(
        strings(&[
            "oauth",
            "setup",
            "--user",
            "o'brien@contoso.com",
            "--client-id",
            "app-id-1",
        ]),
        Vec::new(),
        "",
    )
    .await;
    let text = String::from_utf8_lossy(&setup.stdout);
    assert_eq!(setup.status.code(), Some(0), "{text}");
    assert!(
        text.contains("New-ServicePrincipal -AppId 'app-id-1'"),
        "{text}"
    );
    assert!(text.contains("'o''brien@contoso.com'"), "{text}");
    assert!(text.contains("SMTP.SendAsApp"), "{text}");
}

/// After an OAuth test that worked, the snippet offered is the OAuth one for the site, never
/// a password block.
#[tokio::test]
async fn a_working_oauth_test_offers_the_oauth_snippet() {
    let endpoint = TokenServer::start(TokenReply::Token(TOKEN.to_owned())).await;
    let server = smtp_taking(TOKEN).await;
    let authority = endpoint.authority();
    let args = oauth_send(
        &server,
        &[
            "--oauth",
            "microsoft",
            "--tenant",
            "contoso",
            "--client-id",
            "app-id-2",
            "--client-secret-env",
            "MT_SECRET",
            "--authority",
            &authority,
            "--framework",
            "core",
            "--json",
        ],
    );
    let output = run_async(args, env(&[("MT_SECRET", SECRET)]), "").await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let snippet = document["snippet"]["text"].as_str().unwrap();
    assert!(
        snippet.contains("SaslMechanismOAuth2") && snippet.contains("app-id-2"),
        "{snippet}"
    );
    assert!(document["warnings"].as_array().unwrap().is_empty());
    assert_nothing_secret(&output);
}

/// The countdown in the command line's words: a working password on Exchange Online.
#[tokio::test]
async fn the_countdown_is_printed_after_a_working_password_on_exchange_online() {
    let server = TestServer::start(ServerConfig {
        banner: support::smtp_server::Banner::Normal(
            "220 SN4PR0601CA0015.outlook.office365.com Microsoft ESMTP MAIL Service ready".into(),
        ),
        ..ServerConfig::default()
    })
    .await;
    let args = send_to_test_server(server.port(), &["--from", TEST_USER]);
    let output = run_async(
        args,
        Vec::new(),
        &format!("{}\n", support::smtp_server::TEST_PASSWORD),
    )
    .await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(
        stdout
            .contains("Warning: This works today, but Microsoft 365 switches password sign-in off"),
        "{stdout}"
    );
    assert!(stdout.contains("[basic_auth_ending]"), "{stdout}");
    assert!(stdout.contains("Your website will then log:"), "{stdout}");
    assert!(
        stdout.contains("1. Azure Communication Services"),
        "{stdout}"
    );
}
