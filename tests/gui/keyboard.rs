//! Keyboard only, end to end: Tab walks the window in the order the eye reads it, Enter in the
//! form sends, Enter on a focused button presses only that button, and Esc cancels.

use egui::Key;
use egui_kittest::kittest::NodeT as _;

use super::*;

/// The label of the widget that has the keyboard, if any.
fn focused(harness: &Harness<'static, MailTesterApp>) -> Option<String> {
    harness
        .root()
        .children_recursive()
        .find(|node| node.accesskit_node().is_focused())
        .and_then(|node| node.accesskit_node().label())
}

/// Presses Tab until `label` has the keyboard (at most `limit` times); returns the labels seen.
fn tab_to(harness: &mut Harness<'static, MailTesterApp>, label: &str, limit: usize) -> Vec<String> {
    let mut seen = Vec::new();
    for _ in 0..limit {
        harness.key_press(Key::Tab);
        harness.run_steps(2);
        let now = focused(harness).unwrap_or_default();
        seen.push(now.clone());
        if now == label {
            return seen;
        }
    }
    panic!("Tab never reached {label:?}: {seen:?}");
}

#[test]
fn tab_follows_the_visual_order() {
    let runtime = runtime();
    let mut form = FormState::default();
    form.settings.host = "smtp.example.com".into();
    form.settings.from = "shop@example.com".into();
    let mut harness = harness(&runtime, form);
    harness.run_steps(3);
    let seen = tab_to(&mut harness, "Send test email", 40);
    let expected = [
        "Open web.config…",
        "Explain an error message…",
        "Check a folder of sites…",
        "Language",
        "Theme",
        "Profile",
        "Save profile…",
        "Provider",
        "Server",
        "Find my settings…",
        "Port",
        "User name",
        "Sign-in",
        "Password",
        "Show",
        "Remember in the system keyring",
        "Use SSL",
        "From",
        "Send the test to",
        "Advanced",
        "Send test email",
    ];
    assert_eq!(seen, expected);
    // Then the form's edge (arrow keys resize it), the transcript's toggle, and round to the top.
    let rest = tab_to(&mut harness, "Open web.config…", 10);
    assert_eq!(
        rest,
        ["Resize panel", "What the server said", "Open web.config…"]
    );
}

/// Enter in a field sends; on the diagnosis, Tab reaches "Apply fix and test again" and Enter
/// presses it (and only it: no second test from the same key).
#[test]
fn enter_sends_and_applies_the_fix_from_the_keyboard() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }));
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, server.port());
    harness.get_by_label("Use SSL").click();
    harness.run_steps(2);
    tab_to(&mut harness, "Server", 20);
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the first test", |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    assert_eq!(
        harness.state().diagnosis().unwrap().id,
        DiagnosisId::TlsRequired
    );
    tab_to(&mut harness, "Apply fix and test again", 40);
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the fixed test", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });
    assert!(
        harness.state().form.settings.enable_ssl,
        "the fix was applied"
    );
    harness.get_by_label("Your settings work");
}

#[test]
fn escape_cancels_a_running_test() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        banner: Banner::Silent,
        ..ServerConfig::default()
    }));
    let mut form = FormState::default();
    form.settings.timeouts = mail_settings_tester::settings::Timeouts::uniform(120);
    let mut harness = harness(&runtime, form);
    fill_form(&mut harness, server.port());
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the greeting wait", |app| {
        app.live()
            .step(mail_settings_tester::event::Step::Greeting)
            .is_some()
    });
    harness.key_press(Key::Escape);
    step_until(&mut harness, "the cancel", |app| !app.is_running());
    assert_eq!(
        harness.state().diagnosis().map(|d| d.id),
        Some(DiagnosisId::Cancelled)
    );
}
