//! Signing in that works: a token from the environment or standard input, the client-credentials
//! flow against a local token endpoint, and a device code; each then sends, printing nothing
//! secret.

use super::support::bin::run_async;
use super::support::token_server::{TokenReply, TokenServer};
use super::*;

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
