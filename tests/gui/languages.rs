//! The window in another language: chosen in the Language list, the seed scenario read and
//! fixed in German by its German labels; Japanese drawn from the first frame; the snippet and
//! the server's words unchanged.

use mail_settings_tester::i18n::{self, Language};

use super::*;

fn de(text: &str) -> String {
    i18n::translate(Language::German, text).unwrap_or_else(|| panic!("no German for {text:?}"))
}

#[test]
#[cfg_attr(windows, ignore = "Wine has no Japanese font for the Language list")]
fn the_seed_scenario_in_german() {
    if !support::japanese_font::available("the_seed_scenario_in_german") {
        return;
    }
    let runtime = runtime();
    let server = runtime.block_on(TestServer::start(ServerConfig {
        require_tls: true,
        ..ServerConfig::default()
    }));
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 3600.0])
        .build_eframe(move |cc| {
            // The list names Japanese in Japanese: the system's fonts draw it.
            mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
        });
    // The Language list names each language in its own words.
    harness.get_by_label("Language").click();
    harness.run_steps(2);
    harness.get_by_label("Deutsch").click();
    harness.run_steps(2);
    assert_eq!(harness.state().language(), Language::German);
    assert!(
        harness.query_by_label("Send test email").is_none(),
        "English left on screen"
    );

    set_field(&mut harness, &de("Server"), "localhost");
    set_field(&mut harness, &de("Port"), &server.port().to_string());
    set_field(&mut harness, &de("User name"), TEST_USER);
    set_field(&mut harness, &de("Password"), TEST_PASSWORD);
    set_field(&mut harness, &de("From"), TEST_USER);
    harness.get_by_label(&de("Advanced")).click();
    harness.run_steps(2);
    set_field(
        &mut harness,
        &de("Extra CA file"),
        TestPki::get().ca_pem_path().to_str().unwrap(),
    );
    harness.get_by_label(&de("Use SSL")).click();
    harness.run_steps(2);
    harness.get_by_label(&de("Send test email")).click();
    step_until(&mut harness, "the first test to end", |app| {
        !app.is_running() && app.diagnosis().is_some()
    });
    let diagnosis = harness.state().diagnosis().unwrap().clone();
    assert_eq!(diagnosis.id, DiagnosisId::TlsRequired);
    // The engine's words stay English (JSON, support); the window shows them in German.
    harness.get_by_label(&de(&diagnosis.summary));
    assert!(harness.query_by_label(&diagnosis.summary).is_none());
    harness.get_by_label("enableSsl: false → true");
    assert!(
        harness
            .query_by_label_contains("530 5.7.0 Must issue a STARTTLS command first")
            .is_some()
    );

    harness
        .get_by_label(&de("Apply fix and test again"))
        .click();
    step_until(&mut harness, "the retry to succeed", |app| {
        !app.is_running() && app.live().ok() && !app.live().transcript.is_empty()
    });
    harness.get_by_label(&de("Your settings work"));
    // The snippet is the English window's, byte for byte.
    let outcome = harness.state().outcome().unwrap();
    let snippet = outcome.snippet_as(mail_settings_tester::snippet::Format::WebConfig, false);
    let in_german = snippet.map(|snippet| snippet.text).unwrap();
    let in_english = i18n::with_language(Language::English, || {
        outcome
            .snippet_as(mail_settings_tester::snippet::Format::WebConfig, false)
            .map(|snippet| snippet.text)
            .unwrap()
    });
    assert_eq!(in_german, in_english);
    assert!(
        harness
            .query_all_by_label_contains("<mailSettings>")
            .any(|node| format!("{node:?}").contains(r#"enableSsl=\"true\""#))
    );
}

/// With a Japanese font on the system (CI installs `fonts-ipafont-gothic`), every glyph is
/// drawn: the test harness panics on a missing one.
#[test]
#[cfg_attr(windows, ignore = "Wine has no Japanese font")]
fn japanese_is_drawn_from_the_first_frame() {
    if !support::japanese_font::available("japanese_is_drawn_from_the_first_frame") {
        return;
    }
    let runtime = runtime();
    let handle = runtime.handle().clone();
    let mut harness = Harness::builder()
        .with_size([900.0, 600.0])
        .build_eframe(move |cc| {
            mail_settings_tester::gui::install_fonts(&cc.egui_ctx);
            MailTesterApp::with_form(&cc.egui_ctx, handle, FormState::default())
                .in_language(Some(Language::Japanese))
        });
    harness.run();
    let send = i18n::translate(Language::Japanese, "Send test email").unwrap();
    assert!(
        send.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
        "{send}"
    );
    harness.get_by_label(&send);
    // `--lang` is for this run: choosing "System" in the window goes back to the program's.
    harness.state_mut().choose_language(None);
    harness.run();
    harness.get_by_label("Send test email");
}
