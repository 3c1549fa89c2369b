//! Arbitrary text through the web.config import, lint and update: nothing may panic, and
//! whatever update writes must import back to the settings it was given, and be left alone by a
//! second update.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_settings_tester::secret::Password;
use mail_settings_tester::settings::Settings;
use mail_settings_tester::webconfig::{UpdateOptions, import, lint, update};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = lint(text);
    let _ = import(text);
    let settings = Settings {
        host: "smtp.example.com".into(),
        port: 465,
        user_name: "site@example.com".into(),
        password: Password::new("Secr3t&<\"pass'\t"),
        from: "site@example.com".into(),
        ..Settings::default()
    };
    for include_password in [false, true] {
        let options = UpdateOptions { include_password };
        let Ok(updated) = update(text, &settings, options) else {
            continue;
        };
        let again = match import(&updated.text) {
            Ok(again) => again,
            Err(err) => panic!("update's output does not import: {err}"),
        };
        assert_eq!(again.settings.host, settings.host);
        assert_eq!(again.settings.port, 587);
        assert!(again.settings.enable_ssl);
        assert_eq!(again.settings.user_name, settings.user_name);
        assert_eq!(again.settings.from, settings.from);
        if include_password {
            assert_eq!(again.settings.password.expose(), settings.password.expose());
        }
        let twice = match update(&updated.text, &settings, options) {
            Ok(twice) => twice,
            Err(err) => panic!("a second update fails: {err}"),
        };
        assert_eq!(twice.text, updated.text, "a second update changed the text");
        assert!(twice.changes.is_empty());
    }
});
