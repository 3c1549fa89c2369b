//! The real window driven headless with `egui_kittest`: fill the form by label, send against our
//! SMTP test server, step until done (bounded, waiting on the worker instead of sleeping), and
//! check what a site owner sees; keyboard only, and the keyring with an in-memory store.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

#[path = "gui/accessibility.rs"]
mod accessibility;
#[path = "gui/arrive.rs"]
mod arrive;
#[path = "gui/files.rs"]
mod files;
#[path = "gui/find.rs"]
mod find;
#[path = "gui/fleet.rs"]
mod fleet;
#[path = "gui/fleet_scan.rs"]
mod fleet_scan;
#[path = "gui/inbox.rs"]
mod inbox;
#[path = "gui/keyboard.rs"]
mod keyboard;
#[path = "gui/languages.rs"]
mod languages;
#[path = "gui/oauth.rs"]
mod oauth;
#[path = "gui/remember.rs"]
mod remember;
#[path = "gui/sending.rs"]
mod sending;
#[path = "gui/views.rs"]
mod views;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mail_settings_tester::arrive::FindingId;
use mail_settings_tester::diagnosis::DiagnosisId;
use mail_settings_tester::gui::{FormState, MailTesterApp};
use support::pki::TestPki;
use support::smtp_server::{Banner, ServerConfig, TEST_PASSWORD, TEST_USER, TestServer};
use tokio::runtime::Runtime;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn harness(runtime: &Runtime, form: FormState) -> Harness<'static, MailTesterApp> {
    sized_harness(runtime, form, 860.0)
}

/// A harness `height` points tall (the transcript only lays out the rows that are visible).
fn sized_harness(
    runtime: &Runtime,
    form: FormState,
    height: f32,
) -> Harness<'static, MailTesterApp> {
    let handle = runtime.handle().clone();
    Harness::builder()
        .with_size([1280.0, height])
        .build_eframe(move |cc| MailTesterApp::with_form(&cc.egui_ctx, handle, form))
}

/// Steps the app until `done`, waiting for the worker's next message between steps.
fn step_until(
    harness: &mut Harness<'static, MailTesterApp>,
    what: &str,
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
        assert!(!left.is_zero(), "timed out waiting for: {what}");
        harness
            .state()
            .worker()
            .wait_for_activity(seen, left.min(Duration::from_millis(200)));
    }
}

fn set_field(harness: &mut Harness<'static, MailTesterApp>, label: &str, value: &str) {
    harness.get_by_label(label).set_text_value_accesskit(value);
    // A new error line changes the layout, and egui then runs a second pass: give the value a
    // frame to land and one to settle before the next input.
    harness.run_steps(3);
}

/// What the last frame put on the clipboard, if anything.
fn copied_text(harness: &Harness<'static, MailTesterApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

/// Fills the visible form as a user would, for the test server on `port`.
fn fill_form(harness: &mut Harness<'static, MailTesterApp>, port: u16) {
    set_field(harness, "Server", "localhost");
    set_field(harness, "Port", &port.to_string());
    set_field(harness, "User name", TEST_USER);
    set_field(harness, "Password", TEST_PASSWORD);
    set_field(harness, "From", TEST_USER);
    harness.run_steps(2);
    harness.get_by_label("Advanced").click();
    harness.run_steps(2);
    set_field(
        harness,
        "Extra CA file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
    );
    set_field(harness, "EHLO name", "tester.example");
    harness.run_steps(2);
}

/// Steps until a node whose label contains `text` is on screen.
fn step_until_shown(harness: &mut Harness<'static, MailTesterApp>, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let seen = harness.state().worker().activity();
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "timed out waiting to see: {text}");
        harness
            .state()
            .worker()
            .wait_for_activity(seen, left.min(Duration::from_millis(200)));
    }
}

/// Opens a file through the typed-path fallback (test machines show no file dialog).
fn open_by_typed_path(
    harness: &mut Harness<'static, MailTesterApp>,
    button: &str,
    path: &std::path::Path,
) {
    harness.get_by_label(button).click();
    let prompt = "No file chosen. If no file window appeared, type the file's path:";
    step_until_shown(harness, prompt);
    set_field(harness, prompt, path.to_str().unwrap());
    harness.get_by_label("Open").click();
}

/// What a browser does with a sign-in page: GET it, follow its redirect to the loopback
/// listener, GET that (plain HTTP: the test's authorization server and the listener) and give
/// the page it answered.
async fn oauth_browse(url: String) -> String {
    async fn get(url: &str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let rest = url.strip_prefix("http://").unwrap_or(url);
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let Ok(mut stream) = tokio::net::TcpStream::connect(host).await else {
            return String::new();
        };
        let request = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        let _ = stream.write_all(request.as_bytes()).await;
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer).await;
        answer
    }
    let first = get(&url).await;
    match first.lines().find_map(|l| l.strip_prefix("Location: ")) {
        Some(location) => {
            get(&location
                .trim()
                .replace("http://localhost:", "http://127.0.0.1:"))
            .await
        }
        None => first,
    }
}
