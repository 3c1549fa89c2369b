//! OAuth snippets for every format × provider × flow: they name the server and the mailbox,
//! never contain the tested password (nor its base64), keep secrets as placeholders, parse
//! where Rust has a parser (JSON, XML), and the web.config one never pretends that
//! System.Net.Mail can do OAuth. The Microsoft setup steps quote PowerShell values correctly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "snippets_oauth/contents.rs"]
mod contents;
#[path = "snippets_oauth/parsing.rs"]
mod parsing;
#[path = "snippets_oauth/platforms.rs"]
mod platforms;
#[path = "snippets_oauth/setup.rs"]
mod setup;

use mail_settings_tester::oauth::{OAuthFlow, OAuthProvider};
use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::Settings;
use mail_settings_tester::snippet::{Format, OAuthApp, Snippet, render_oauth};

const PASSWORD: &str = "Secr3t-pass";
const MAILBOX: &str = "site@example.com";
const TENANT: &str = "contoso.onmicrosoft.com";
const CLIENT_ID: &str = "11111111-2222-3333-4444-555555555555";

const PROVIDERS: [OAuthProvider; 2] = [OAuthProvider::Microsoft, OAuthProvider::Google];
const FLOWS: [OAuthFlow; 2] = [OAuthFlow::AppOnly, OAuthFlow::Delegated];

fn host(provider: OAuthProvider) -> &'static str {
    match provider {
        OAuthProvider::Microsoft => "smtp.office365.com",
        OAuthProvider::Google => "smtp.gmail.com",
    }
}

fn settings(provider: OAuthProvider) -> Settings {
    Settings {
        host: host(provider).into(),
        port: 587,
        enable_ssl: true,
        user_name: MAILBOX.into(),
        password: Password::new(PASSWORD),
        from: MAILBOX.into(),
        ..Settings::default()
    }
}

fn app(provider: OAuthProvider, flow: OAuthFlow) -> OAuthApp {
    OAuthApp {
        provider,
        flow,
        tenant: TENANT.into(),
        client_id: CLIENT_ID.into(),
    }
}

/// Every combination, with the real tenant and client id.
fn all() -> Vec<(Format, OAuthProvider, OAuthFlow, Snippet)> {
    let mut out = Vec::new();
    for format in Format::ALL {
        for provider in PROVIDERS {
            for flow in FLOWS {
                let snippet = render_oauth(format, &settings(provider), &app(provider, flow));
                out.push((format, provider, flow, snippet));
            }
        }
    }
    out
}

/// The text and every warning, as one string to search.
fn everything(snippet: &Snippet) -> String {
    format!("{}\n{}", snippet.text, snippet.warnings.join("\n"))
}
