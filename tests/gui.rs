//! The real window driven headless with `egui_kittest`: fill the form by label, send against our
//! SMTP test server, step until done (bounded, waiting on the worker instead of sleeping), and
//! check what a site owner sees.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
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

/// Fills the visible form as a user would, for the test server on `port`.
fn fill_form(harness: &mut Harness<'static, MailTesterApp>, port: u16) {
    set_field(harness, "Server (host)", "localhost");
    set_field(harness, "Port (port)", &port.to_string());
    set_field(harness, "User name (userName)", TEST_USER);
    set_field(harness, "Password (password)", TEST_PASSWORD);
    set_field(harness, "From (from)", TEST_USER);
    harness.run_steps(2);
    harness.get_by_label("Advanced").click();
    harness.run_steps(2);
    set_field(
        harness,
        "Extra CA file",
        TestPki::get().ca_pem_path().to_str().unwrap(),
    );
    set_field(harness, "EHLO name (clientDomain)", "tester.example");
    harness.run_steps(2);
}

#[test]
fn seed_scenario_through_the_window() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }));
    // Tall enough for every transcript row to be laid out, so the secret check sees them all.
    let mut harness = sized_harness(&runtime, FormState::default(), 3600.0);
    fill_form(&mut harness, server.port());
    // The site's web.config has enableSsl="false".
    harness.get_by_label("Use SSL (enableSsl)").click();
    harness.run_steps(2);
    assert!(!harness.state().form.settings.enable_ssl);

    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the first test to end", |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    let diagnosis = harness.state().diagnosis().unwrap().clone();
    assert_eq!(diagnosis.id, DiagnosisId::TlsRequired);
    harness.get_by_label(&diagnosis.summary);
    harness.get_by_label("enableSsl: false → true");
    assert!(
        harness
            .query_by_label_contains("530 5.7.0 Must issue a STARTTLS command first")
            .is_some()
    );
    // Checklist: connected, then failed while sending.
    let checklist = harness.state().live().checklist();
    assert_eq!(
        checklist[0].1,
        Some(mail_settings_tester::event::StepStatus::Passed)
    );
    assert_eq!(
        checklist[3].1,
        Some(mail_settings_tester::event::StepStatus::Failed)
    );

    harness.get_by_label("Apply fix and test again").click();
    step_until(&mut harness, "the retry to succeed", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });
    assert!(
        harness.state().form.settings.enable_ssl,
        "the fix went into the form"
    );
    harness.get_by_label("Your settings work");
    let snippet = harness
        .query_all_by_label_contains("<mailSettings>")
        .find(|node| format!("{node:?}").contains(r#"enableSsl=\"true\""#));
    assert!(snippet.is_some(), "the snippet shows the fix");
    assert!(
        harness
            .query_all_by_label_contains(r#"password="YOUR-PASSWORD-HERE""#)
            .count()
            >= 1
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("~> AUTH login <redacted>")
            .count(),
        1,
        "the AUTH line, with the user name redacted"
    );
    assert_eq!(
        harness.query_all_by_label_contains("~> <redacted>").count(),
        1,
        "the password line"
    );

    // The password is nowhere on screen, in any form.
    let user = TEST_USER;
    let secrets = mail_settings_tester::secret::Password::new(TEST_PASSWORD).wire_forms(user);
    for secret in secrets {
        assert!(
            harness.query_by_label_contains(&secret).is_none(),
            "{secret} shown"
        );
    }
}

/// The AccessKit node ids of the widgets a screen reader acts on, by label.
fn node_ids(harness: &Harness<'static, MailTesterApp>) -> Vec<(&'static str, String)> {
    use egui_kittest::kittest::NodeT as _;
    [
        "From (from)",
        "Send the test to",
        "Use SSL (enableSsl)",
        "Send test email",
    ]
    .into_iter()
    .map(|label| {
        let id = harness.get_by_label(label).accesskit_node().id();
        (label, format!("{id:?}"))
    })
    .collect()
}

/// A screen reader acts on the node it saw. If a message line appearing above a widget gave it
/// a new id (egui's automatic ids count the widgets drawn before), an action already on its way
/// would arrive for a node that no longer exists and be dropped.
#[test]
fn actionable_widgets_keep_their_ids_when_messages_appear_above_them() {
    let runtime = runtime();
    let mut form = FormState::default();
    form.settings.host = "smtp.example.com".into();
    form.settings.from = "site@example.com".into();
    let mut harness = harness(&runtime, form);
    harness.run_steps(2);
    let before = node_ids(&harness);

    // A user name without a password: an error line appears under the password, above From.
    set_field(&mut harness, "User name (userName)", "shop@example.com");
    assert!(
        harness
            .query_by_label_contains("the password is empty")
            .is_some()
    );
    // The advanced section opens and an invalid EHLO name is listed above the send button.
    harness.get_by_label("Advanced").click();
    harness.run_steps(2);
    set_field(&mut harness, "EHLO name (clientDomain)", "not a name");
    assert!(
        harness
            .query_all_by_label_contains("is not a valid computer name")
            .count()
            >= 1
    );
    assert_eq!(node_ids(&harness), before);
}

/// A screen reader at full speed: every action is aimed at the nodes of one tree (the one it
/// read), and each lands in its own frame, while the layout changes under it (an error line
/// appears under the password when the user name is set, above From, and goes away when the
/// password is set). None may be lost.
#[test]
fn a_screen_reader_at_full_speed_fills_the_form_and_sends() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    let port = server.port().to_string();
    for (label, value) in [
        ("Server (host)", "localhost"),
        ("Port (port)", port.as_str()),
        ("User name (userName)", TEST_USER),
        ("From (from)", TEST_USER),
        ("Send the test to", "owner@example.com"),
        ("Password (password)", TEST_PASSWORD),
    ] {
        harness.get_by_label(label).set_text_value_accesskit(value);
    }
    harness
        .get_by_label("Use SSL (enableSsl)")
        .click_accesskit();
    harness.get_by_label("Send test email").click_accesskit();
    harness.step(); // one frame per queued action
    let app = harness.state();
    assert!(app.is_running(), "the press of Send test email was lost");
    let settings = &app.form.settings;
    assert_eq!(
        (
            settings.user_name.as_str(),
            settings.from.as_str(),
            settings.to.as_str()
        ),
        (TEST_USER, TEST_USER, "owner@example.com"),
        "a value was lost"
    );
    assert!(!settings.enable_ssl, "the Use SSL press was lost");
    step_until(&mut harness, "the test to end", |app| !app.is_running());
}

/// Faster still: the field values and the press of "Send test email" arrive in the same frame,
/// while the button is still disabled on screen. The press is judged on the form as it is after
/// the new values, so it starts the test.
#[test]
fn send_pressed_in_the_same_frame_as_the_field_values_starts_the_test() {
    use egui::accesskit::{Action, ActionData, ActionRequest};
    use egui_kittest::kittest::NodeT as _;
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    let port = server.port().to_string();
    let mut events = Vec::new();
    for (label, value) in [
        ("Server (host)", Some("localhost")),
        ("Port (port)", Some(port.as_str())),
        ("From (from)", Some(TEST_USER)),
        ("Send test email", None),
    ] {
        let (target_node, target_tree) = harness.get_by_label(label).accesskit_node().locate();
        events.push(egui::Event::AccessKitActionRequest(ActionRequest {
            action: if value.is_some() {
                Action::SetValue
            } else {
                Action::Click
            },
            target_tree,
            target_node,
            data: value.map(|v| ActionData::Value(v.into())),
        }));
    }
    harness.input_mut().events.extend(events);
    harness.step();
    assert!(
        harness.state().is_running(),
        "the press of Send test email was lost"
    );
    step_until(&mut harness, "the test to end", |app| !app.is_running());
}

#[test]
fn cancel_a_test_against_a_server_that_never_answers() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        banner: Banner::Silent,
        ..ServerConfig::default()
    }));
    let mut form = FormState::default();
    form.settings.timeouts = mail_settings_tester::settings::Timeouts::uniform(120);
    let mut harness = harness(&runtime, form);
    fill_form(&mut harness, server.port());
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the greeting wait", |app| {
        app.live()
            .step(mail_settings_tester::event::Step::Greeting)
            .is_some()
    });
    assert!(harness.state().is_running());
    harness.get_by_label("Cancel").click();
    step_until(&mut harness, "the cancel", |app| !app.is_running());
    assert_eq!(
        harness.state().diagnosis().map(|d| d.id),
        Some(DiagnosisId::Cancelled)
    );
    assert!(harness.query_by_label("Send test email").is_some());
}

#[test]
fn validation_speaks_next_to_the_fields_and_blocks_sending() {
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    // A new user is not greeted with red: a calm sentence says what is missing.
    harness.get_by_label("Fill in the server, the port and the From address to send a test.");
    set_field(&mut harness, "Server (host)", "smtp://mail.example.com");
    set_field(&mut harness, "Port (port)", "58 7");
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("remove \"smtp://\"")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("is not a port number")
            .is_some()
    );
    harness.get_by_label("Fix the fields marked in red to send a test.");
    // Enter does nothing while the form is invalid.
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(!harness.state().is_running());
}

#[test]
fn provider_preset_fills_the_form_and_shows_its_note() {
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Provider")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Gmail / Google Workspace").click();
    harness.run_steps(3);
    assert_eq!(harness.state().form.settings.host, "smtp.gmail.com");
    assert!(harness.query_by_label_contains("app password").is_some());
}

#[test]
fn explain_window_diagnoses_pasted_text() {
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(1);
    harness.get_by_label("Explain an error message…").click();
    // A new window sizes itself invisibly on its first frame.
    harness.run_steps(4);
    harness
        .get_by_label("Paste the error your website logged (or the mail server's reply):")
        .set_text_value_accesskit("Failure sending mail. The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch");
    harness.run_steps(2);
    harness.get_by_label("Explain").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("Support code: certificate_name_mismatch")
            .is_some()
    );
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

#[test]
fn saving_falls_back_to_a_typed_path_when_no_file_window_opens() {
    // Test machines have no desktop portal and no zenity, so the file dialog returns nothing at
    // once, exactly as it does for a user whose desktop cannot show one.
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, server.port());
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });

    harness.get_by_label("Save transcript…").click();
    let prompt = "No file chosen. If no file window appeared, type where to save:";
    step_until_shown(&mut harness, prompt);
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("transcript.txt");
    set_field(&mut harness, prompt, target.to_str().unwrap());
    harness.get_by_label("Save").click();
    step_until_shown(&mut harness, "Saved to");

    let saved = std::fs::read_to_string(&target).unwrap();
    assert!(saved.contains("<- 220 fake.test ESMTP FakeSMTP"));
    assert!(saved.contains("~> <redacted>"));
    for secret in mail_settings_tester::secret::Password::new(TEST_PASSWORD).wire_forms(TEST_USER) {
        assert!(!saved.contains(&secret));
    }
}

#[test]
fn ten_thousand_transcript_lines_lay_out_only_the_visible_rows() {
    use mail_settings_tester::event::{Direction, TranscriptLine};
    use mail_settings_tester::session::{SessionError, SessionReport};
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    let transcript = (0..10_000)
        .map(|n| TranscriptLine {
            dir: if n % 2 == 0 {
                Direction::Client
            } else {
                Direction::Server
            },
            text: format!("250-line {n:05} of the transcript"),
            ms: n,
            encrypted: n > 5_000,
        })
        .collect();
    let report = SessionReport {
        transcript,
        error: Some(SessionError::Timeout {
            step: mail_settings_tester::event::Step::Data,
            secs: 30,
        }),
        ..SessionReport::default()
    };
    let settings = mail_settings_tester::settings::Settings {
        host: "smtp.example.com".into(),
        from: "shop@example.com".into(),
        ..mail_settings_tester::settings::Settings::default()
    };
    harness.state_mut().show_finished(settings, report);
    harness.run_steps(3);
    let laid_out = harness
        .query_all_by_label_contains("of the transcript")
        .count();
    assert!(laid_out > 5 && laid_out < 200, "{laid_out} rows laid out");
    // Following the newest line: the last one is on screen.
    assert!(
        harness
            .query_by_label_contains("line 09999 of the transcript")
            .is_some()
    );
}

#[test]
fn the_form_is_remembered_without_the_password() {
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);
    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, 2525);
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let stored: String = storage.0.values().cloned().collect();
    assert!(stored.contains("localhost") && stored.contains("2525"));
    for secret in mail_settings_tester::secret::Password::new(TEST_PASSWORD).wire_forms(TEST_USER) {
        assert!(!stored.contains(&secret), "the password was stored");
    }
    let restored: FormState = eframe::get_value(&storage, "form").unwrap();
    assert_eq!(restored.settings.host, "localhost");
    assert_eq!(restored.port_text, "2525");
    assert!(restored.settings.password.is_empty());
}

#[test]
fn copy_puts_the_snippet_on_the_clipboard() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, server.port());
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });
    harness.get_by_label("Copy").click();
    harness.step();
    let copied =
        harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|command| match command {
                egui::OutputCommand::CopyText(text) => Some(text.clone()),
                _ => None,
            });
    let copied = copied.expect("something was copied");
    assert!(copied.contains("<mailSettings>"));
    assert!(!copied.contains(TEST_PASSWORD));
    harness.run_steps(2);
    harness.get_by_label("Copied the web.config snippet to the clipboard.");
}

#[test]
fn snippet_tabs_switch_the_format_for_copy_and_save() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, server.port());
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });
    for label in [
        "web.config",
        "PHPMailer",
        "WordPress",
        "Laravel",
        "Django",
        "Node.js",
        "Symfony",
        "ASP.NET Core",
    ] {
        harness.get_by_label(label);
    }
    harness.get_by_label("Laravel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("MAIL_SCHEME=").is_some());
    assert!(harness.query_by_label_contains("<mailSettings>").is_none());

    harness.get_by_label("Copy").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("something was copied");
    assert!(copied.contains("MAIL_PASSWORD=YOUR-PASSWORD-HERE"));
    assert!(!copied.contains(TEST_PASSWORD));
    harness.run_steps(2);
    harness.get_by_label("Copied the Laravel snippet to the clipboard.");

    harness.get_by_label("Save as…").click();
    let prompt = "No file chosen. If no file window appeared, type where to save:";
    step_until_shown(&mut harness, prompt);
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("mail.env");
    set_field(&mut harness, prompt, target.to_str().unwrap());
    harness.get_by_label("Save").click();
    step_until_shown(&mut harness, "Saved to");
    let saved = std::fs::read_to_string(&target).unwrap();
    assert!(saved.contains("MAIL_MAILER=smtp"));
    assert!(!saved.contains(TEST_PASSWORD));
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

#[test]
fn import_a_web_config_then_update_it_after_a_successful_test() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig::default()));
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("web.config");
    let original = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/webconfig/kb-enablessl.config"
    ))
    .unwrap();
    std::fs::write(&file, &original).unwrap();

    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(2);
    open_by_typed_path(&mut harness, "Open web.config…", &file);
    step_until_shown(&mut harness, "What we found in your web.config");
    // The KB article's own example: .NET rejects the lower-case attribute.
    assert!(
        harness
            .query_all_by_label_contains("Unrecognized attribute")
            .count()
            >= 1
    );
    harness.get_by_label("OK").click();
    harness.run_steps(3);

    // Point the imported settings at our test server, as a user testing a staging copy would.
    fill_form(&mut harness, server.port());
    if !harness.state().form.settings.enable_ssl {
        harness.get_by_label("Use SSL (enableSsl)").click();
        harness.run_steps(2);
    }
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });

    harness.get_by_label("Update my web.config…").click();
    step_until_shown(&mut harness, "These changes will be written to");
    harness.get_by_label("Write the changes").click();
    step_until_shown(&mut harness, "web.config updated. The old file is kept as");

    let updated = std::fs::read_to_string(&file).unwrap();
    assert!(updated.contains("host=\"localhost\""), "{updated}");
    assert!(
        updated.contains("enableSsl=\"true\""),
        "the wrong-case name is fixed: {updated}"
    );
    assert!(!updated.contains("enablessl"));
    assert!(
        !updated.contains(TEST_PASSWORD),
        "no password is written unless asked"
    );
    let backups: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        std::fs::read(backups[0].path()).unwrap(),
        original,
        "the backup is the old file, byte for byte"
    );
}

#[test]
fn profiles_save_select_rename_and_delete_through_the_window() {
    let runtime = runtime();
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().to_path_buf();
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 860.0])
        .build_eframe(move |cc| {
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
                .with_profile_dir(dir)
        });
    fill_form(&mut harness, 2525);

    harness.get_by_label("Save profile…").click();
    step_until_shown(&mut harness, "Profile name");
    set_field(&mut harness, "Profile name", "Shop");
    harness.get_by_label("OK").click();
    step_until_shown(&mut harness, "Saved the profile \"Shop\"");
    let file = std::fs::read_to_string(folder.path().join("profiles.toml")).unwrap();
    assert!(file.contains("localhost"));
    for secret in mail_settings_tester::secret::Password::new(TEST_PASSWORD).wire_forms(TEST_USER) {
        assert!(
            !file.contains(&secret),
            "the password went into the profile file"
        );
    }

    // Change the form, then pick the profile again: its settings come back.
    set_field(&mut harness, "Server (host)", "smtp.elsewhere.example");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Profile")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Shop").click();
    harness.run_steps(3);
    assert_eq!(harness.state().form.settings.host, "localhost");

    harness.get_by_label("Rename…").click();
    step_until_shown(&mut harness, "Profile name");
    set_field(&mut harness, "Profile name", "Shop (live)");
    harness.get_by_label("OK").click();
    step_until_shown(&mut harness, "Renamed \"Shop\" to \"Shop (live)\"");

    harness.get_by_label("Delete").click();
    step_until_shown(&mut harness, "Deleted the profile \"Shop (live)\"");
    let file = std::fs::read_to_string(folder.path().join("profiles.toml")).unwrap();
    assert!(!file.contains("Shop"), "{file}");
}

/// The origin KB article's case in the window, for each ASP.NET version: a 4.x site gets the
/// one-click `enableSsl` fix; a 2.0–3.5 site is told to switch SSL on in code and is offered no
/// change to `enableSsl`; an ASP.NET Core site hears of `SecureSocketOptions`.
#[test]
fn advice_fits_the_sites_aspnet_version() {
    use mail_settings_tester::diagnosis::LEGACY_SSL_STEP;
    use mail_settings_tester::settings::Framework;
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }));
    for (framework, ssl_label) in [
        (Framework::Net4, "Use SSL (enableSsl)"),
        (Framework::Legacy, "Use SSL (in code: SmtpClient.EnableSsl)"),
        (Framework::Core, "Use STARTTLS (SecureSocketOptions)"),
    ] {
        let mut form = FormState::default();
        form.settings.framework = framework;
        let mut harness = harness(&runtime, form);
        fill_form(&mut harness, server.port());
        harness.get_by_label(ssl_label).click();
        harness.run_steps(2);
        assert!(!harness.state().form.settings.enable_ssl);
        harness.get_by_label("Send test email").click();
        step_until(&mut harness, "the test to end", |app| {
            !app.is_running() && app.diagnosis().is_some()
        });
        let diagnosis = harness.state().diagnosis().unwrap().clone();
        assert_eq!(diagnosis.id, DiagnosisId::TlsRequired, "{framework:?}");
        match framework {
            Framework::Net4 => {
                harness.get_by_label("enableSsl: false → true");
                harness.get_by_label("Apply fix and test again");
            }
            Framework::Legacy => {
                harness.get_by_label_contains("switch SSL on in your code");
                assert!(diagnosis.steps_to_fix.iter().any(|s| s == LEGACY_SSL_STEP));
                assert!(
                    harness
                        .query_by_label_contains("enableSsl: false → true")
                        .is_none()
                );
                assert!(harness.query_by_label("Apply fix and test again").is_none());
            }
            Framework::Core => {
                harness.get_by_label("SecureSocketOptions: None → StartTls");
                harness.get_by_label_contains("If your site sends with SmtpClient");
                let words = format!(
                    "{} {} {}",
                    diagnosis.summary,
                    diagnosis.explanation,
                    diagnosis.steps_to_fix.join(" ")
                );
                assert!(!words.contains("web.config"), "{words}");
            }
        }
    }
}

/// The server offers sign-in on an unencrypted connection: the window stops before the password
/// leaves, offers to switch SSL on, and sends it unencrypted only after "Send it unencrypted
/// this once", for that one test.
#[test]
fn the_password_leaves_unencrypted_only_when_confirmed() {
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        auth_before_tls: true,
        ..ServerConfig::default()
    }));
    let mut harness = harness(&runtime, FormState::default());
    fill_form(&mut harness, server.port());
    harness.get_by_label("Use SSL (enableSsl)").click();
    harness.run_steps(2);
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the test to stop", |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    assert_eq!(
        harness.state().diagnosis().unwrap().id,
        DiagnosisId::PasswordUnencrypted
    );
    assert!(server.auth_mechanisms_used().is_empty(), "nothing was sent");
    harness.get_by_label("enableSsl: false → true");
    harness
        .get_by_label("Send it unencrypted this once")
        .click();
    step_until(&mut harness, "the confirmed test", |app| {
        !app.is_running() && app.live().ok()
    });
    assert!(harness.state().live().password_sent_unencrypted);
    assert_eq!(server.auth_mechanisms_used(), vec!["LOGIN"]);
    assert!(
        !harness.state().form.settings.allow_plaintext_password,
        "for that one test only"
    );
}
