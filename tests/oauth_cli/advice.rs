//! What the command line offers around OAuth: the OAuth snippets and the setup checklist, the
//! OAuth snippet after a working OAuth test, and the countdown after a working password on
//! Exchange Online.

use super::support::bin::run_async;
use super::support::token_server::{TokenReply, TokenServer};
use super::*;

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
