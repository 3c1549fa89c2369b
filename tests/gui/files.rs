//! The user's files and data through the window: saving (with the typed-path fallback), the
//! clipboard, snippet tabs, web.config import and update, and profiles.

use super::*;

#[test]
#[cfg_attr(
    windows,
    ignore = "drives the typed-path fallback that follows a file dialog that cannot open; under Wine a real file dialog opens and waits for a person"
)]
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
    let copied = copied_text(&harness);
    let copied = copied.expect("something was copied");
    assert!(copied.contains("<mailSettings>"));
    assert!(!copied.contains(TEST_PASSWORD));
    harness.run_steps(2);
    harness.get_by_label("Copied the web.config snippet to the clipboard.");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "drives the typed-path fallback that follows a file dialog that cannot open; under Wine a real file dialog opens and waits for a person"
)]
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
    let copied = copied_text(&harness).expect("something was copied");
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

#[test]
#[cfg_attr(
    windows,
    ignore = "drives the typed-path fallback that follows a file dialog that cannot open; under Wine a real file dialog opens and waits for a person"
)]
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
        harness.get_by_label("Use SSL").click();
        harness.run_steps(2);
    }
    harness.get_by_label("Send test email").click();
    step_until(&mut harness, "the test", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });

    harness.get_by_label("Update my web.config…").click();
    step_until_shown(&mut harness, "These changes will be written to");
    assert!(
        harness
            .query_by_label_contains("Saving web.config restarts the website")
            .is_some()
    );
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
    set_field(&mut harness, "Server", "smtp.elsewhere.example");
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
