//! A person's OAuth sign-in kept in the real keyring: `send --sign-in device` keeps the refresh
//! token, the next `send` renews silently, `oauth status` proves it works, `oauth sign-out`
//! forgets it. The refresh token never reaches any output.

use super::*;
use support::bin::{run_async, send_to_test_server, strings};
use support::token_server::{TokenReply, TokenServer};

const ACCESS: &str = "access-token-kept-sign-in";

#[tokio::test]
#[ignore = "needs a private Secret Service: scripts/check.sh runs it"]
async fn a_kept_sign_in_renews_silently_until_signed_out() {
    let _turn = require_keyring();
    let endpoint = TokenServer::start(TokenReply::Authorization {
        access: ACCESS.into(),
        refresh: "unused".into(),
    })
    .await;
    let server = TestServer::start(ServerConfig {
        auth_mechanisms: vec!["LOGIN".into(), "XOAUTH2".into()],
        oauth_tokens: vec![(TEST_USER.to_owned(), ACCESS.to_owned())],
        ..ServerConfig::default()
    })
    .await;
    let authority = endpoint.authority();
    let client_id = format!("kept-{}", std::process::id());
    let app = [
        "--oauth",
        "microsoft",
        "--client-id",
        &client_id,
        "--authority",
        &authority,
    ];
    let mut send: Vec<String> = send_to_test_server(server.port(), &["--from", TEST_USER])
        .into_iter()
        .filter(|a| a != "--password-stdin")
        .collect();
    send.extend(strings(&app));
    send.extend(strings(&["--sign-in", "device"]));

    let first = run_async(send.clone(), Vec::new(), "").await;
    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    assert!(
        text(&first).contains("kept in the system keyring"),
        "{}",
        text(&first)
    );

    let second = run_async(send, Vec::new(), "").await;
    assert_eq!(second.status.code(), Some(0), "{}", text(&second));
    assert!(
        text(&second).contains("Using the saved sign-in"),
        "{}",
        text(&second)
    );
    assert!(
        !text(&second).contains("ABCD-EFGH"),
        "no second device code"
    );
    assert_eq!(endpoint.refreshes(), 1);

    let mut account = strings(&["oauth", "status", "--user", TEST_USER]);
    account.extend(strings(&app));
    let status = run_async(account.clone(), Vec::new(), "").await;
    assert_eq!(status.status.code(), Some(0), "{}", text(&status));
    assert!(text(&status).contains("Signed in as"), "{}", text(&status));

    let mut sign_out = account.clone();
    sign_out[1] = "sign-out".into();
    let out = run_async(sign_out, Vec::new(), "").await;
    assert!(text(&out).contains("Signed out"), "{}", text(&out));
    let after = run_async(account, Vec::new(), "").await;
    assert_eq!(after.status.code(), Some(5), "{}", text(&after));
    assert!(text(&after).contains("Not signed in"), "{}", text(&after));

    for output in [&first, &second, &status, &out, &after] {
        assert!(
            !text(output).contains("refresh-rotated"),
            "a refresh token was printed"
        );
        assert!(
            !text(output).contains(ACCESS),
            "the access token was printed"
        );
    }
}
