//! What every OAuth snippet holds and never holds: the server and the mailbox, never the tested
//! password (nor its base64), placeholders for secrets and for an empty tenant, client id or
//! mailbox, and one plain-words explanation of OAuth.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use mail_settings_tester::snippet::{
    CLIENT_ID_PLACEHOLDER, CLIENT_SECRET_PLACEHOLDER, MAILBOX_PLACEHOLDER,
    REFRESH_TOKEN_PLACEHOLDER, TENANT_PLACEHOLDER,
};

use super::*;

#[test]
fn every_snippet_names_the_server_and_the_mailbox() {
    for (format, provider, flow, snippet) in all() {
        let label = format!("{format:?} {provider:?} {flow:?}");
        assert!(
            snippet.text.contains(host(provider)),
            "{label}: no host\n{}",
            snippet.text
        );
        assert!(
            snippet.text.contains(MAILBOX),
            "{label}: no mailbox\n{}",
            snippet.text
        );
        assert!(!snippet.includes_password, "{label}");
        assert!(!snippet.platform.is_empty(), "{label}");
        assert!(!snippet.warnings.is_empty(), "{label}");
        assert!(snippet.text.ends_with('\n'), "{label}");
        assert!(
            !snippet.text.contains('\r'),
            "{label}: line endings are \\n"
        );
    }
}

#[test]
fn the_tested_password_is_never_written() {
    let encoded = STANDARD.encode(PASSWORD);
    let plain_auth = STANDARD.encode(format!("\0{MAILBOX}\0{PASSWORD}"));
    for (format, provider, flow, snippet) in all() {
        let all = everything(&snippet);
        for secret in [PASSWORD, encoded.as_str(), plain_auth.as_str()] {
            assert!(
                !all.contains(secret),
                "{format:?} {provider:?} {flow:?} contains {secret}"
            );
        }
    }
}

#[test]
fn secrets_are_placeholders_the_user_is_told_to_replace() {
    for (format, provider, flow, snippet) in all() {
        let label = format!("{format:?} {provider:?} {flow:?}");
        let uses_secret = !(format == Format::WebConfig && provider == OAuthProvider::Google);
        if uses_secret {
            assert!(
                snippet.text.contains(CLIENT_SECRET_PLACEHOLDER),
                "{label}\n{}",
                snippet.text
            );
            assert!(
                snippet
                    .warnings
                    .iter()
                    .any(|w| w.contains(CLIENT_SECRET_PLACEHOLDER)),
                "{label}: say what replaces the secret"
            );
        }
        // The notes match the code: a refresh token is explained exactly when one is used.
        assert_eq!(
            snippet
                .warnings
                .iter()
                .any(|w| w.contains(REFRESH_TOKEN_PLACEHOLDER)),
            snippet.text.contains(REFRESH_TOKEN_PLACEHOLDER),
            "{label}"
        );
    }
}

#[test]
fn placeholders_stand_in_for_an_empty_tenant_client_id_and_mailbox() {
    for format in Format::ALL {
        for provider in PROVIDERS {
            for flow in FLOWS {
                let bare = OAuthApp {
                    provider,
                    flow,
                    ..OAuthApp::default()
                };
                let snippet = render_oauth(format, &settings(provider), &bare);
                let label = format!("{format:?} {provider:?} {flow:?}");
                if format != Format::WebConfig {
                    assert!(
                        snippet.text.contains(CLIENT_ID_PLACEHOLDER),
                        "{label}\n{}",
                        snippet.text
                    );
                    assert!(
                        snippet
                            .warnings
                            .iter()
                            .any(|w| w.contains(CLIENT_ID_PLACEHOLDER)),
                        "{label}"
                    );
                }
                let uses_tenant = provider == OAuthProvider::Microsoft
                    && !matches!(format, Format::WebConfig | Format::WordPress);
                assert_eq!(
                    snippet.text.contains(TENANT_PLACEHOLDER),
                    uses_tenant,
                    "{label}\n{}",
                    snippet.text
                );
                if uses_tenant {
                    assert!(
                        snippet
                            .warnings
                            .iter()
                            .any(|w| w.contains(TENANT_PLACEHOLDER)),
                        "{label}"
                    );
                }
                assert!(!snippet.text.contains(CLIENT_ID), "{label}");
            }
        }
    }
    let nobody = Settings {
        user_name: String::new(),
        from: String::new(),
        ..settings(OAuthProvider::Microsoft)
    };
    let snippet = render_oauth(
        Format::Nodemailer,
        &nobody,
        &app(OAuthProvider::Microsoft, OAuthFlow::AppOnly),
    );
    assert!(
        snippet
            .text
            .contains(&format!("user: '{MAILBOX_PLACEHOLDER}',"))
    );
}

#[test]
fn every_snippet_explains_oauth_once_in_plain_words() {
    for (format, provider, flow, snippet) in all() {
        let all = everything(&snippet);
        assert!(
            all.contains("OAuth means signing in through")
                || all.contains("OAuth (signing in through"),
            "{format:?} {provider:?} {flow:?}"
        );
    }
}
