//! OAuth in the window: the Sign-in choice, a pasted access token, Microsoft's app sign-in
//! against a local token endpoint, a person's sign-in through the browser (driven by the test
//! through its loopback redirect), and the Microsoft 365 countdown card with its way out. The
//! token and the client secret never reach the accessibility tree or the clipboard.

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::kittest::NodeT as _;
use mail_settings_tester::gui::Browser;
use support::token_server::{TokenReply, TokenServer};

use super::*;

const TOKEN: &str =
    "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ3aW5kb3cifQ.c2lnbmF0dXJlLW9mLXRoZS13aW5kb3ctdG9rZW4";
const SECRET: &str = "Zq9~window.client-secret_VALUE";

fn oauth_server(runtime: &Runtime) -> TestServer {
    runtime.block_on(TestServer::start(ServerConfig {
        auth_mechanisms: vec!["LOGIN".into(), "XOAUTH2".into()],
        oauth_tokens: vec![(TEST_USER.to_owned(), TOKEN.to_owned())],
        ..ServerConfig::default()
    }))
}

fn choose_sign_in(harness: &mut Harness<'static, MailTesterApp>, choice: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Sign-in")
        .click();
    harness.run_steps(2);
    harness.get_by_label(choice).click();
    harness.run_steps(3);
}

/// Every label and value in the accessibility tree.
fn everything_shown(harness: &Harness<'static, MailTesterApp>) -> String {
    let mut text = String::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        for part in [node.label(), node.value()].into_iter().flatten() {
            text.push_str(&part);
            text.push('\n');
        }
    }
    text
}

fn assert_no_oauth_secret(harness: &Harness<'static, MailTesterApp>) {
    let shown = everything_shown(harness);
    for secret in [TOKEN, SECRET, "c2lnbmF0dXJlLW9mLXRoZS13aW5kb3ctdG9rZW4"] {
        assert!(
            !shown.contains(secret),
            "{secret} is in the accessibility tree"
        );
    }
    if let Some(copied) = copied_text(harness) {
        assert!(
            !copied.contains(TOKEN) && !copied.contains(SECRET),
            "{copied}"
        );
    }
}

#[test]
fn a_pasted_access_token_signs_in_and_offers_the_oauth_snippet() {
    let runtime = runtime();
    let server = oauth_server(&runtime);
    let mut harness = sized_harness(&runtime, FormState::default(), 2400.0);
    fill_form(&mut harness, server.port());
    choose_sign_in(&mut harness, "Access token");
    assert!(
        harness.query_by_label("Password").is_none(),
        "no password row with a token"
    );
    set_field(&mut harness, "Access token", TOKEN);
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the OAuth test to end", |app| {
        !app.is_running() && app.outcome().is_some()
    });
    assert!(
        harness.state().live().ok(),
        "{:?}",
        harness.state().live().error
    );
    assert_eq!(server.auth_mechanisms_used(), vec!["XOAUTH2"]);
    harness.get_by_label("Your settings work");
    // web.config cannot do OAuth: its tab says so and names the ways out.
    assert!(
        harness.query_by_label_contains("cannot do OAuth").is_some()
            || harness
                .query_by_label_contains("System.Net.Mail cannot")
                .is_some()
    );
    assert_no_oauth_secret(&harness);
    harness.get_by_label("Copy transcript").click();
    harness.step();
    assert_no_oauth_secret(&harness);
}

#[test]
fn microsoft_app_sign_in_gets_a_token_then_sends() {
    let runtime = runtime();
    let server = oauth_server(&runtime);
    let endpoint = runtime.block_on(TokenServer::start(TokenReply::Token(TOKEN.to_owned())));
    let mut harness = sized_harness(&runtime, FormState::default(), 2400.0);
    fill_form(&mut harness, server.port());
    choose_sign_in(&mut harness, "Microsoft 365 (OAuth)");
    harness.get_by_label("Send test email");
    set_field(&mut harness, "Tenant", "contoso.onmicrosoft.com");
    set_field(&mut harness, "Client ID", "app-from-the-window");
    set_field(&mut harness, "Client secret", SECRET);
    set_field(&mut harness, "Sign-in service", &endpoint.authority());
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the OAuth test to end", |app| {
        !app.is_running() && app.outcome().is_some()
    });
    assert!(
        harness.state().live().ok(),
        "{:?}",
        harness.state().live().error
    );
    let request = &endpoint.requests()[0];
    assert_eq!(request.path, "/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assert_eq!(request.field("client_secret"), Some(SECRET));
    assert_eq!(server.messages().len(), 1);
    assert_no_oauth_secret(&harness);
    let saved = serde_json::to_string(&harness.state().form).unwrap();
    assert!(
        !saved.contains(SECRET) && !saved.contains(TOKEN),
        "nothing secret is remembered"
    );
    assert!(
        saved.contains("app-from-the-window"),
        "the app is remembered"
    );
}

#[test]
fn a_missing_app_secret_is_named_before_anything_is_sent() {
    let runtime = runtime();
    let server = oauth_server(&runtime);
    let mut harness = sized_harness(&runtime, FormState::default(), 1600.0);
    fill_form(&mut harness, server.port());
    choose_sign_in(&mut harness, "Microsoft 365 (OAuth)");
    set_field(&mut harness, "Client ID", "app");
    harness.get_by_label_contains("Enter the Directory (tenant) ID");
    harness.get_by_label_contains("Enter the app's client secret");
    harness.get_by_label("Fix the fields marked in red to send a test.");
    assert_eq!(server.connections(), 0);
}

/// A window with the form filled in for a person's Microsoft sign-in against the test token
/// server, up to the "Sign in with Microsoft…" button. The test is the browser: it follows the
/// sign-in page's redirect to the loopback listener, and each page it ends on comes out of the
/// returned receiver. The servers answer while they are kept.
fn ready_for_browser_sign_in(
    runtime: &Runtime,
) -> (
    Harness<'static, MailTesterApp>,
    (TestServer, TokenServer),
    std::sync::mpsc::Receiver<String>,
) {
    let server = oauth_server(runtime);
    let endpoint = runtime.block_on(TokenServer::start(TokenReply::Authorization {
        access: TOKEN.to_owned(),
        refresh: "unused".into(),
    }));
    let handle = runtime.handle().clone();
    let (page_tx, page_rx) = std::sync::mpsc::channel();
    let browser: Browser = Arc::new(move |url: &str| {
        let (url, page_tx) = (url.to_owned(), page_tx.clone());
        handle.spawn(async move { page_tx.send(super::oauth_browse(url).await) });
        Ok(())
    });
    let keyring = mail_settings_tester::credentials::Keyring::with_store(
        keyring_core::mock::Store::new().unwrap(),
    );
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
                .with_keyring(keyring)
                .with_browser(browser)
        });
    fill_form(&mut harness, server.port());
    choose_sign_in(&mut harness, "Microsoft 365 (OAuth)");
    harness.get_by_label("A person, in the browser").click();
    harness.run_steps(2);
    set_field(&mut harness, "Client ID", "app-for-people");
    set_field(&mut harness, "Sign-in service", &endpoint.authority());
    (harness, (server, endpoint), page_rx)
}

#[test]
fn a_person_signs_in_through_the_browser_then_sends() {
    let runtime = runtime();
    let (mut harness, (server, _endpoint), pages) = ready_for_browser_sign_in(&runtime);
    harness.get_by_label("Sign in with Microsoft…").click();
    step_until(&mut harness, "the sign-in to end", |app| {
        app.signed_in_mailbox().is_some()
    });
    let page = pages.recv().unwrap();
    assert!(
        page.contains("<html lang=en>") && page.contains("You are signed in"),
        "{page}"
    );
    assert!(
        harness
            .query_all_by_label_contains(&format!("Signed in as {TEST_USER}"))
            .next()
            .is_some()
    );
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the OAuth test to end", |app| {
        !app.is_running() && app.outcome().is_some()
    });
    assert!(
        harness.state().live().ok(),
        "{:?}",
        harness.state().live().error
    );
    assert_eq!(server.messages().len(), 1);
    assert_no_oauth_secret(&harness);
    harness.get_by_label("Sign out").click();
    harness.run_steps(2);
    assert!(harness.state().signed_in_mailbox().is_none());
    harness.get_by_label("Sign in with Microsoft…");
}

/// The page the browser shows after the sign-in speaks the window's language (chosen in the
/// window, not the program's) and says so in its `lang`.
#[test]
fn the_browser_page_speaks_the_windows_language() {
    use mail_settings_tester::i18n::{self, Language};
    let runtime = runtime();
    let (mut harness, _servers, pages) = ready_for_browser_sign_in(&runtime);
    harness.state_mut().choose_language(Some(Language::German));
    harness.run_steps(2);
    let german = |text: &str| i18n::translate(Language::German, text).unwrap();
    harness
        .get_by_label(&german("Sign in with Microsoft…"))
        .click();
    step_until(&mut harness, "the sign-in to end", |app| {
        app.signed_in_mailbox().is_some()
    });
    let page = pages.recv().unwrap();
    assert!(page.contains("<html lang=de>"), "{page}");
    assert!(page.contains(&german("You are signed in")), "{page}");
    assert!(!page.contains("You are signed in"), "{page}");
}

#[test]
fn a_working_password_on_exchange_online_shows_the_countdown_and_the_way_out() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        banner: Banner::Normal(
            "220 SN4PR0601CA0015.outlook.office365.com Microsoft ESMTP MAIL Service ready".into(),
        ),
        ..ServerConfig::default()
    }));
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 2400.0])
        .build_eframe(move |cc| {
            // The real window's fonts: the preset note it switches to says "Settings → …".
            mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
        });
    fill_form(&mut harness, server.port());
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the test to end", |app| {
        !app.is_running() && app.outcome().is_some()
    });
    harness.get_by_label("Your settings work");
    harness.get_by_label_contains("switches password sign-in off at the end of December 2026");
    harness.get_by_label_contains("5.7.57");
    harness
        .get_by_label("Switch to Azure Communication Services…")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().form.settings.host, "smtp.azurecomm.net");
    assert_eq!(harness.state().form.port_text, "587");
}

/// The Sign-in list opens again after a choice and a press elsewhere (a screen reader moves
/// through the form this way).
#[test]
fn the_sign_in_list_opens_again_after_a_choice() {
    let runtime = runtime();
    let mut harness = sized_harness(&runtime, FormState::default(), 1600.0);
    harness.run_steps(2);
    choose_sign_in(&mut harness, "Microsoft 365 (OAuth)");
    harness.get_by_label("A person, in the browser").click();
    harness.run_steps(3);
    choose_sign_in(&mut harness, "Access token");
    assert_eq!(
        harness.state().form.sign_in,
        mail_settings_tester::gui::SignInChoice::AccessToken
    );
}
