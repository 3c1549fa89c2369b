//! Signing in that fails: the token endpoint's errors, a misbehaving endpoint and usage mistakes,
//! each explained in words without leaking anything secret.

use super::support::bin::run_async;
use super::support::token_server::{TokenReply, TokenServer};
use super::*;

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
