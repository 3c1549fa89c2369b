//! The form and what the window shows: presets, the remembered form, the explain window and a
//! very long transcript.

use super::*;

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

/// "Paste and explain" reads the system clipboard (off the UI thread): what another program
/// copied lands in the box and is explained. With no clipboard at all (a plain `cargo test` has
/// no display), the window says what to do instead. Under Wine the copy goes to the real
/// Windows clipboard; `scripts/clipboard_drive.py` does the same against the real X11 clipboard.
#[test]
fn paste_and_explain_reads_the_system_clipboard() {
    const COPIED: &str = "530 5.7.0 Must issue a STARTTLS command first";
    // Another program's copy (kept alive: on X11 the owner serves the text while it lives).
    let other_program = arboard::Clipboard::new()
        .and_then(|mut clipboard| clipboard.set_text(COPIED).map(|()| clipboard));
    let runtime = runtime();
    let mut harness = harness(&runtime, FormState::default());
    harness.run_steps(1);
    harness.get_by_label("Explain an error message…").click();
    harness.run_steps(4);
    let seen = harness.state().worker().activity();
    harness.get_by_label("Paste and explain").click();
    harness.run_steps(2);
    harness
        .state()
        .worker()
        .wait_for_activity(seen, Duration::from_secs(10));
    harness.run_steps(3);
    if other_program.is_ok() {
        let box_text = harness
            .get_all_by_label("Paste the error your website logged (or the mail server's reply):")
            .find_map(|node| node.value());
        assert_eq!(box_text.as_deref(), Some(COPIED));
        assert!(
            harness
                .query_by_label_contains("Support code: tls_required")
                .is_some()
        );
    } else {
        assert!(
            harness
                .query_by_label_contains("Click in the box and press Ctrl+V instead")
                .is_some(),
            "no clipboard here, and the window did not say what to do"
        );
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
