//! The leak suite's window part: a test against a server that echoes the sign-in back, then
//! everything the window shows (every accessible label and value) and what "Copy transcript"
//! puts on the clipboard are searched for the password in every form.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "leaks/forms.rs"]
#[allow(dead_code)] // shared with tests/leaks.rs, which also searches files
mod forms;
mod support;

use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use forms::{PASSWORD, USER, assert_clean};
use mail_settings_tester::gui::{FormState, MailTesterApp};
use support::pki::TestPki;
use support::smtp_server::{ServerConfig, TestServer};

fn step_until(
    harness: &mut Harness<'static, MailTesterApp>,
    done: impl Fn(&MailTesterApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let seen = harness.state().worker().activity();
        harness.step();
        if done(harness.state()) {
            harness.step();
            return;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "timed out");
        harness
            .state()
            .worker()
            .wait_for_activity(seen, left.min(Duration::from_millis(200)));
    }
}

/// Every label and value in the window's accessibility tree.
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

#[test]
fn the_window_never_shows_or_copies_the_password() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        users: Vec::new(),
        require_auth: true,
        auth_failure_reply: format!("535 5.7.8 Bad password {}", STANDARD.encode(PASSWORD)),
        auth_required_reply: format!("530 5.7.0 You said {PASSWORD}"),
        ..ServerConfig::default()
    }));
    let mut form = FormState::default();
    form.settings.host = "localhost".into();
    form.settings.port = u32::from(server.port());
    form.port_text = server.port().to_string();
    form.settings.user_name = USER.into();
    form.settings.password = mail_settings_tester::secret::Password::new(PASSWORD);
    form.settings.from = USER.into();
    form.settings.ca_file = Some(TestPki::get().ca_pem_path().to_path_buf());
    form.ca_text = TestPki::get().ca_pem_path().display().to_string();
    let handle = runtime.handle().clone();
    // Tall enough that every transcript row is laid out (and so in the tree).
    let mut harness = Harness::builder()
        .with_size([1280.0, 3600.0])
        .build_eframe(move |cc| MailTesterApp::with_form(&cc.egui_ctx, handle, form));
    harness.run_steps(2);
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    assert!(
        server
            .commands()
            .iter()
            .any(|c| c == &STANDARD.encode(PASSWORD)),
        "the password really went to the server, which echoed it"
    );
    let shown = everything_shown(&harness);
    assert!(
        shown.contains("<hidden: the server repeated your password here>"),
        "{shown}"
    );
    assert_clean("the window", &shown);

    harness.get_by_label("Copy transcript").click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert!(!copied.is_empty(), "the transcript was copied");
    for text in copied {
        assert_clean("the clipboard", &text);
    }
}
